import {SourceError} from "./source-error.js";

/** One data row of a CSV file, keyed by header, with the line it starts on (1 = header line). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses CSV text as the public sources give it: a leading byte-order mark is dropped (USGS files
 * start with one), columns with an empty header are ignored if empty in every row (the ragged
 * trailing columns of MCS 2024), and blank rows are skipped. Line numbers count the newlines
 * inside quoted fields, so errors point at the line an editor shows.
 *
 * The structure is checked strictly, because a damaged file must stop the build rather than
 * publish wrong numbers (a file cut mid-line used to build, its short last row padded with ""):
 *  - every row has as many fields as the header: a short row was cut or lost a comma, a long one
 *    has a comma in an unquoted value. Where the header ends in unnamed columns (MCS 2024), a row
 *    may end anywhere among them, never before the last named column;
 *  - the text ends with a line break: a file cut short ends mid-line, and a cut inside the last
 *    value would otherwise pass as a shorter value ("1,040" for "1,040,000");
 *  - a quoted value is closed, and followed by a comma or a line break.
 *
 * Throws SourceError when the structure is broken, a required column is missing, a header repeats,
 * or a value stands in an unnamed column.
 */
export function parseCsv(text: string, file: string, {required = []}: {required?: readonly string[]} = {}): CsvTable {
  let header: string[] | null = null;
  let named = 0; // fields up to the last named column
  const records: CsvRecord[] = [];
  try {
    for (const {line, cells, ended} of csvRows(text.replace(/^\uFEFF/, ""))) {
      if (!ended) throw new CsvSyntax(line, cells.length - 1, cells[cells.length - 1]!, "the file ends mid-line, without a line break: it was probably cut short");
      if (header === null) {
        header = readHeader(cells, file, required);
        named = header.reduce((last, name, i) => (name ? i + 1 : last), 0);
        continue;
      }
      if (cells.every((cell) => cell.trim() === "")) continue;
      if (cells.length < named || cells.length > header.length) {
        const short = cells.length < named;
        const rule = `the row has ${cells.length} fields, the header ${header.length}: ${short ? "the row ends early (cut short, or a comma lost)" : "too many (a comma inside an unquoted value?)"}`;
        if (short) throw new SourceError(file, line, header.slice(cells.length).find(Boolean)!, null, rule);
        throw new SourceError(file, line, `#${header.length + 1}`, cells[header.length], rule);
      }
      const values: Record<string, string> = {};
      cells.forEach((cell, i) => {
        const name = header![i];
        if (name) values[name] = cell;
        else if (cell.trim() !== "") throw new SourceError(file, line, `#${i + 1}`, cell, "value in a column with no header");
      });
      for (const name of header) if (name && !(name in values)) values[name] = "";
      records.push({line, values});
    }
  } catch (e) {
    if (e instanceof CsvSyntax) throw new SourceError(file, e.line, header?.[e.field] || `#${e.field + 1}`, e.value, e.rule);
    throw e;
  }
  if (header === null) throw new SourceError(file, 1, "(header)", "", "the file is empty");
  return {file, header: header.filter(Boolean), records};
}

function readHeader(cells: string[], file: string, required: readonly string[]): string[] {
  const header = cells.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name !== "" && seen.has(name)) throw new SourceError(file, 1, name, name, "the column name appears twice in the header");
    seen.add(name);
  });
  for (const name of required) {
    if (!seen.has(name)) throw new SourceError(file, 1, name, null, `required column is missing (header: ${header.filter(Boolean).join(", ")})`);
  }
  return header;
}

/** A broken CSV structure at a field of a line; parseCsv names the column and file. */
class CsvSyntax {
  constructor(
    readonly line: number,
    readonly field: number,
    readonly value: string,
    readonly rule: string
  ) {}
}

/**
 * The rows of CSV text (RFC 4180: comma-separated, quotes doubled inside quoted values, rows ended
 * by CRLF, LF or CR), each with the line it starts on and whether a line break ended it (only
 * the last row can lack one). d3-dsv, used before, reads an unclosed quote to the end of the
 * text, drops its last character and skips whatever follows a closing quote; here both throw.
 */
function* csvRows(text: string): Generator<{line: number; cells: string[]; ended: boolean}> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = "";
      if (text.charCodeAt(i) === QUOTE) {
        const open = i;
        for (let j = i + 1; ; ) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntax(line, cells.length, text.slice(open, open + 40), "a quoted value is never closed: the file ends inside it (cut short?)");
          cell += text.slice(j, q);
          if (text.charCodeAt(q + 1) !== QUOTE) {
            i = q + 1;
            break;
          }
          cell += '"';
          j = q + 2;
        }
        for (let k = cell.indexOf("\n"); k >= 0; k = cell.indexOf("\n", k + 1)) line++;
      } else {
        let j = i;
        while (j < text.length && !isSeparator(text.charCodeAt(j))) j++;
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        yield {line: start, cells, ended: true};
        break;
      }
      if (i >= text.length) {
        yield {line: start, cells, ended: false};
        return;
      }
      throw new CsvSyntax(line, cells.length - 1, cell, `text after the closing quote of a quoted value: ${JSON.stringify(text.slice(i, i + 20))}`);
    }
  }
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const isSeparator = (c: number) => c === COMMA || c === CR || c === LF;
