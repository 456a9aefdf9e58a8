/**
 * Mojibake repair, shared by every source that was once read in the wrong encoding (ICMM names,
 * IEA titles and descriptions).
 */
// UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out again as UTF-8.

/** Windows-1252 characters at bytes 0x80-0x9F; the five bytes cp1252 leaves undefined are absent. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f
};

/**
 * The byte a character stood for when UTF-8 was misread as cp1252: cp1252's own characters for
 * 0x80-0x9F, and Latin-1 for the rest (U+0000-U+00FF, which also covers the C1 controls that a
 * Latin-1 reading, or cp1252's undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, produce).
 */
function misreadByte(ch: string): number | null {
  const code = ch.codePointAt(0)!;
  if (code <= 0xff) return code;
  return CP1252_HIGH[code] ?? null;
}

/** How many continuation bytes a UTF-8 lead byte takes; null if it cannot start a sequence. */
function continuationCount(lead: number): number | null {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return null;
}

const utf8 = new TextDecoder("utf-8", {fatal: true});

/** One pass: each run that re-encodes to one valid UTF-8 character is replaced by it. */
function repairPass(s: string): string {
  const chars = Array.from(s);
  let out = "";
  for (let i = 0; i < chars.length; ) {
    const lead = misreadByte(chars[i]!);
    const n = lead === null ? null : continuationCount(lead);
    if (lead !== null && n !== null && i + n < chars.length) {
      const bytes = [lead];
      for (let k = 1; k <= n; k++) {
        const b = misreadByte(chars[i + k]!);
        if (b === null || b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (bytes.length === n + 1) {
        try {
          // fatal: overlong forms, surrogates and code points above U+10FFFF are refused
          out += utf8.decode(new Uint8Array(bytes));
          i += n + 1;
          continue;
        } catch {
          // not a valid sequence: keep the characters as they are
        }
      }
    }
    out += chars[i]!;
    i += 1;
  }
  return out;
}

/**
 * Reverses UTF-8 that was read as Windows-1252 (or Latin-1) and saved again: "CaraÃ­ba" becomes
 * "Caraíba", "Coalâ€‘Mac" becomes "Coal‑Mac". Only runs of characters that spell a complete,
 * valid UTF-8 sequence are replaced, so a string that mixes clean and garbled names
 * ("BergsÃ¶e;Bergsoe") is repaired where it is garbled and left alone where it is not; correct
 * text ("Bergsöe", "Ba’itha") has no such run and is returned unchanged. Text encoded twice is
 * repaired by repeating the pass (at most three times). `repaired` is true only when the value
 * changed.
 */
export function repairMojibake(s: string): {value: string; repaired: boolean} {
  let value = s;
  for (let pass = 0; pass < 3; pass++) {
    const next = repairPass(value);
    if (next === value) break;
    value = next;
  }
  return {value, repaired: value !== s};
}

