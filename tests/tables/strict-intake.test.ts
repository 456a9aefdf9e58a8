import {readFileSync} from "node:fs";
import {isDeepStrictEqual} from "node:util";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {repairMojibake} from "../../lib/sources/mojibake.ts";
import {SourceError} from "../../lib/sources/source-error.ts";
import {buildTable, type TableSpec} from "../../lib/tables/define.ts";
import {WGI_FILE} from "../../lib/tables/governance.ts";
import {ICMM_LI_NI_FILE} from "../../lib/tables/icmm-sites.ts";
import {TABLES} from "../../lib/tables/index.ts";

/**
 * Strict intake, tried as a hostile probe tries it: when a source file is cut at any byte,
 * stripped of a column or saved in another encoding, each table that reads it must either stop
 * with a SourceError naming the file or build exactly the rows the whole file gives. Wrong data
 * published must be 0. The builders run as the site runs them (buildTable with a
 * reader that decodes the file's bytes with decodeSource), on the damaged file and the real others.
 */

const bytes = new Map<string, Buffer>();
const texts = new Map<string, string>();
const sourceBytes = (path: string): Buffer => bytes.get(path) ?? (bytes.set(path, readFileSync(`data/sources/${path}`)), bytes.get(path)!);
const read = (path: string): string => texts.get(path) ?? (texts.set(path, decodeSource(sourceBytes(path), path)), texts.get(path)!);

/** Every table, its rows from the real sources and the files it reads. */
const built = TABLES.map((spec) => {
  const files = new Set<string>();
  const rows = buildTable(spec, (path) => (files.add(path), read(path)));
  return {spec: spec as TableSpec<object>, rows, files};
});
const readersOf = (file: string) => built.filter((t) => t.files.has(file));

type Outcome = "stopped" | "identical";

/**
 * Builds every table that reads `file` with `damaged` in its place. Each build must throw a
 * SourceError naming the file (a table's minRows error names every file it read) or give the real
 * rows; other rows, or another error, fail the test. Returns "stopped" when some build stopped.
 */
function outcome(file: string, damaged: Uint8Array, what: string): Outcome {
  const reader = (path: string) => (path === file ? decodeSource(damaged, path) : read(path));
  const results = readersOf(file).map(({spec, rows}) => {
    try {
      const got = buildTable(spec, reader);
      if (!isDeepStrictEqual(got, rows)) throw new Error(`WRONG DATA: table ${spec.name} built other rows from ${file} (${what})`);
      return "identical";
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      expect(e.file.split(", "), `table ${spec.name}, ${what}: ${e.message}`).toContain(file);
      return "stopped";
    }
  });
  return results.includes("stopped") ? "stopped" : "identical";
}

const figures: Record<string, {tried: number; stopped: number; identical: number; wrong: number}> = {};
function tally(name: string, result: Outcome) {
  const f = (figures[name] ??= {tried: 0, stopped: 0, identical: 0, wrong: 0});
  f.tried++;
  f[result]++;
}
afterAll(() => {
  // The figures of the probe; "wrong" stays 0, since a wrong build fails the test.
  console.log(Object.entries(figures).map(([name, f]) => `${name}: ${f.tried} tried, ${f.stopped} stopped with a SourceError naming the file, ${f.identical} identical, ${f.wrong} wrong`).join("\n"));
});

/** Byte offsets just after each CR and LF: the cuts that leave whole rows, caught only by row checks. */
const lineEnds = (b: Uint8Array) => [...b.keys()].filter((i) => b[i] === 0x0a || b[i] === 0x0d).map((i) => i + 1);

// One USGS MCS world file of each edition's format (2022: five columns; 2023: notes and reserves;
// 2024: ragged trailing empty columns and rows, and copper with its two sections), the ICMM Li/Ni
// subset and the WGI. Small files are cut at every byte, large ones at random bytes and at line ends.
const EVERY_BYTE = ["usgs_mcs/mcs2022/mcs2022-lithi_world.csv"];
const SAMPLED: {file: string; runs: number; lineRuns: number}[] = [
  {file: "usgs_mcs/mcs2023/mcs2023-cobal_world.csv", runs: 300, lineRuns: 40},
  {file: "usgs_mcs/mcs2024/mcs2024-lithi_world.csv", runs: 200, lineRuns: 40},
  {file: "usgs_mcs/mcs2024/mcs2024-coppe_world.csv", runs: 150, lineRuns: 50},
  {file: ICMM_LI_NI_FILE, runs: 500, lineRuns: 60},
  {file: WGI_FILE, runs: 100, lineRuns: 10}
];

describe("a source file cut at a byte stops the build, naming the file, or builds the same rows", () => {
  for (const file of EVERY_BYTE) {
    it(`${file}, cut at every byte`, () => {
      const b = sourceBytes(file);
      for (let at = 0; at < b.length; at++) tally(file, outcome(file, b.subarray(0, at), `cut at byte ${at}`));
      expect(figures[file]!.identical).toBeGreaterThan(0); // the cuts in the final line break of the last row
    }, 120_000);
  }

  for (const {file, runs, lineRuns} of SAMPLED) {
    it(`${file}, cut at random bytes and at line ends (property)`, () => {
      const b = sourceBytes(file);
      const check = (at: number) => tally(file, outcome(file, b.subarray(0, at), `cut at byte ${at}`));
      // noBias: uniform over the file, not drawn to its ends
      fc.assert(fc.property(fc.noBias(fc.integer({min: 0, max: b.length - 1})), check), {numRuns: runs});
      fc.assert(fc.property(fc.constantFrom(...lineEnds(b).filter((at) => at < b.length)), check), {numRuns: lineRuns});
    }, 120_000);
  }
});

/** The file with one column removed from the header and every row, written back as CSV. */
function dropColumn(file: string, column: string): Uint8Array {
  const text = read(file).replace(/^\uFEFF/, "");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const rows = csvParseRows(text);
  const index = rows[0]!.indexOf(column);
  return new TextEncoder().encode(csvFormatRows(rows.map((row) => row.filter((_, i) => i !== index))).replace(/\n/g, eol) + eol);
}
const namedColumns = (file: string) => csvParseRows(read(file).replace(/^\uFEFF/, ""))[0]!.filter((name) => name.trim() !== "");

describe("a source file without one of its columns stops the build, naming the file and the column", () => {
  // Every column of these files is read: dropping any of them must stop the build, and say which.
  // A production column is named without its "est_" (MCS 2022 writes Prod_t_Est_2021).
  it("every column of the MCS, ICMM Li/Ni and WGI files above", () => {
    for (const file of [...EVERY_BYTE, ...SAMPLED.map((s) => s.file)]) {
      for (const column of namedColumns(file)) {
        const what = `without column ${column}`;
        expect(outcome(file, dropColumn(file, column), what), `${file} ${what}`).toBe("stopped");
        expect(() => buildTable(readersOf(file)[0]!.spec, (p) => (p === file ? decodeSource(dropColumn(file, column), p) : read(p)))).toThrow(`column "${column.replace(/_est(?=_\d{4}$)/i, "")}"`);
        tally("column dropped (files above)", "stopped");
      }
    }
  }, 120_000);

  // Any column of any CSV source a table reads: the build stops naming the file, or, for a column
  // no table reads (Comtrade's empty name columns, the crosswalk's notes), gives the same rows.
  const pairs = [...new Set(built.flatMap((t) => [...t.files]))].filter((f) => f.endsWith(".csv")).flatMap((file) => namedColumns(file).map((column) => ({file, column})));
  it("any column of any CSV source (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), ({file, column}) => tally("column dropped (any source)", outcome(file, dropColumn(file, column), `without column ${column}`))),
      {numRuns: 120}
    );
  }, 120_000);
});

// Windows-1252 (Latin-1 with printable characters at 0x80-0x9F) as a spreadsheet saves it, spelt
// out because Node 20's TextDecoder("windows-1252") is Latin-1; a UTF-8 byte-order mark is not kept.
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const CP1252 = new Map([...Array(256).keys()].map((b) => [b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b), b]));
const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  "UTF-16LE with a byte-order mark": (t) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(t, "utf16le")]),
  "UTF-16BE with a byte-order mark": (t) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(t, "utf16le").swap16()]),
  "UTF-16LE without a byte-order mark": (t) => Buffer.from(t, "utf16le"),
  "Latin-1 / Windows-1252": (t) => Uint8Array.from(t, (ch) => CP1252.get(ch) ?? 0x3f)
};

describe("a source file saved in another encoding stops the build, naming the file and the encoding", () => {
  const files = [...EVERY_BYTE, ...SAMPLED.map((s) => s.file)];
  it("UTF-16 or Latin-1 re-encodings of the files above (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.constantFrom(...Object.keys(ENCODINGS)), (file, encoding) => {
        const text = read(file).replace(/^\uFEFF/, "");
        const encoded = ENCODINGS[encoding]!(text);
        const valid = (() => {
          try {
            return encoding.startsWith("Latin-1") ? new TextDecoder("utf-8", {fatal: true}).decode(encoded) : null;
          } catch {
            return null;
          }
        })();
        if (valid === text) {
          // A file of ASCII only has the same bytes in Latin-1: it builds the same rows.
          tally("re-encoded", outcome(file, encoded, encoding));
        } else if (valid !== null) {
          // The Li/Ni subset's only non-ASCII text is the source's own mojibake ("CaraÃ­ba"), whose
          // Latin-1 bytes are the UTF-8 of the repaired name: a valid UTF-8 file (the one a repair
          // of the source would give), which no decoder can tell from a misencoded one.
          expect(file).toBe(ICMM_LI_NI_FILE);
          expect(valid).toBe(repairMojibake(text).value);
        } else {
          expect(outcome(file, encoded, encoding)).toBe("stopped");
          const reader = (p: string) => (p === file ? decodeSource(encoded, p) : read(p));
          expect(() => buildTable(readersOf(file)[0]!.spec, reader)).toThrow(new RegExp(`^${file.replace(/[./]/g, "\\$&")}:\\d+: column "\\(encoding\\)".*${encoding.startsWith("UTF-16") ? "the file is UTF-16" : "not UTF-8.*Latin-1 or Windows-1252"}`));
          tally("re-encoded", "stopped");
        }
      }),
      {numRuns: 60}
    );
  }, 120_000);
});
