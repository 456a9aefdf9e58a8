import {SourceError} from "./source-error.js";

/**
 * Decodes the bytes of a source file as UTF-8, strictly, and names any other encoding. Reading
 * with readFileSync(path, "utf-8") turns bytes that are not UTF-8 into U+FFFD without a word (a
 * Latin-1 file builds with damaged names) and reads UTF-16 as text full of NULs (reported as a
 * missing column). Here:
 *  - UTF-16 (a byte-order mark FF FE or FE FF, or NUL bytes, which no text source holds) throws;
 *  - bytes that are not UTF-8 throw, naming the line and byte offset, with the text there read as
 *    Latin-1 (Latin-1 or Windows-1252 being the usual other encoding of these files).
 * A UTF-8 byte-order mark is allowed and kept (parseCsv drops it), so a valid file gives the very
 * text readFileSync gave.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nul = bytes.indexOf(0);
  if (bom16 || nul >= 0) {
    const sign = bom16 ? `its byte-order mark is ${hex(bytes[0]!)} ${hex(bytes[1]!)}` : `it holds NUL bytes, the first at byte ${nul}`;
    throw new SourceError(file, bom16 ? 1 : lineAt(bytes, nul), "(encoding)", "UTF-16", `the file is UTF-16 (${sign}), not UTF-8: save it as UTF-8`);
  }
  try {
    return new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    const at = firstBadByte(bytes);
    const start = bytes.lastIndexOf(0x0a, at - 1) + 1;
    const end = bytes.indexOf(0x0a, at);
    // Latin-1 by hand: Node 20's TextDecoder("windows-1252") is Latin-1 anyway, and this is the same everywhere.
    const asLatin1 = String.fromCharCode(...bytes.subarray(Math.max(start, at - 40), Math.min(end < 0 ? bytes.length : end, at + 40))).trim();
    throw new SourceError(
      file,
      lineAt(bytes, at),
      "(encoding)",
      asLatin1,
      `not UTF-8: byte ${at} (${hex(bytes[at]!)}) is not part of a UTF-8 character; the file is likely Latin-1 or Windows-1252 (the value is the text there read as Latin-1): save it as UTF-8`
    );
  }
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/** The 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * The offset of the first byte that is not UTF-8: the decoder, when not fatal, writes U+FFFD in
 * its place, and all text before it decoded faithfully, so re-encoding that text gives the offset.
 * A U+FFFD the file itself holds (bytes EF BF BD) is skipped.
 */
function firstBadByte(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes);
  const encoder = new TextEncoder();
  for (let k = text.indexOf("\uFFFD"); k >= 0; k = text.indexOf("\uFFFD", k + 1)) {
    const at = encoder.encode(text.slice(0, k)).length;
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0; // not reached: the fatal decoder failed, so some U+FFFD stands for a bad byte
}
