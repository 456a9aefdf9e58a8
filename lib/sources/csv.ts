import {csvParseRows} from "d3-dsv";
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
 * start with one; d3-dsv keeps it), columns with an empty header are ignored if empty in every row
 * (the ragged trailing columns of MCS 2024), and blank rows are skipped. Line numbers count the
 * newlines inside quoted fields, so errors point at the line an editor shows.
 *
 * Throws SourceError when a required column is missing, a header repeats, or a value stands in
 * an unnamed column.
 */
export function parseCsv(text: string, file: string, {required = []}: {required?: readonly string[]} = {}): CsvTable {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const header = (rows[0] ?? []).map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name !== "" && seen.has(name)) throw new SourceError(file, 1, name, name, "the column name appears twice in the header");
    seen.add(name);
  });
  for (const name of required) {
    if (!seen.has(name)) throw new SourceError(file, 1, name, null, `required column is missing (header: ${header.filter(Boolean).join(", ")})`);
  }
  const records: CsvRecord[] = [];
  let line = 1 + countNewlines(rows[0] ?? []);
  for (const row of rows.slice(1)) {
    line += 1;
    const start = line;
    line += countNewlines(row);
    if (row.every((cell) => cell.trim() === "")) continue;
    const values: Record<string, string> = {};
    row.forEach((cell, i) => {
      const name = header[i];
      if (name) values[name] = cell;
      else if (cell.trim() !== "") throw new SourceError(file, start, `#${i + 1}`, cell, "value in a column with no header");
    });
    for (const name of header) if (name && !(name in values)) values[name] = "";
    records.push({line: start, values});
  }
  return {file, header: header.filter(Boolean), records};
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (const ch of cell) if (ch === "\n") n++;
  return n;
}
