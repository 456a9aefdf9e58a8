import type {ColumnType} from "./arrow.js";
import {SourceError} from "../sources/source-error.js";

/** One column of a published table: its Arrow type, what it holds, and its unit if it has one. */
export interface ColumnSpec {
  type: ColumnType;
  description: string;
  unit?: string;
}

/** A source file a table is built from, as it should be cited. */
export interface SourceRef {
  /** Path under data/sources/. */
  path: string;
  title: string;
  citation: string;
  licence: string;
  url?: string;
  /** The edition, release or vintage of the source, e.g. "MCS 2023". */
  edition?: string;
}

/**
 * A table the site publishes (src/data/<name>.arrow, .csv, .parquet), defined once: the loaders,
 * the data catalog, datapackage.json and the tests all read this. `build` gets a reader for files
 * under data/sources/ so that it stays pure and can be run on fixtures; it validates every value
 * (throwing SourceError), and returns the rows in a stable order.
 */
export interface TableSpec<Row extends object = Record<string, unknown>> {
  name: string;
  title: string;
  description: string;
  sources: SourceRef[];
  /** Columns that identify a row; checked for duplicates after build. */
  key: (keyof Row & string)[];
  columns: {[K in keyof Row & string]: ColumnSpec};
  /**
   * The fewest rows the table may have: its count when its sources were last checked. A file that
   * lost whole rows at its end still parses, so without this bound it would publish a shorter
   * table. Lower it on purpose when a new edition of a source has fewer rows.
   */
  minRows: number;
  build(read: (path: string) => string): Row[];
}

/** Identity helper that checks a spec against its row type. */
export function defineTable<Row extends object>(spec: TableSpec<Row>): TableSpec<Row> {
  return spec;
}

/** The Arrow schema of a spec, in column order. */
export function arrowSchema<Row extends object>(spec: TableSpec<Row>): {[K in keyof Row]: ColumnType} {
  return Object.fromEntries(Object.entries(spec.columns).map(([name, c]) => [name, (c as ColumnSpec).type])) as {[K in keyof Row]: ColumnType};
}

/**
 * Builds a table and checks what its builder promises: at least minRows rows (else SourceError
 * naming the files read, one of which lost rows), every row has exactly the spec's columns, and no
 * two rows share a key (else Error naming the table, the row and the column).
 */
export function buildTable<Row extends object>(spec: TableSpec<Row>, read: (path: string) => string): Row[] {
  const files = new Set<string>();
  const rows = spec.build((path) => (files.add(path), read(path)));
  if (rows.length < spec.minRows) {
    throw new SourceError([...files].join(", "), 0, "(rows)", rows.length, `table ${spec.name} has ${rows.length} rows, fewer than its minRows ${spec.minRows}: one of these files has lost rows (cut short?); if fewer is right, lower minRows in lib/tables`);
  }
  const names = Object.keys(spec.columns);
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const keys = Object.keys(row);
    const extra = keys.filter((k) => !names.includes(k));
    const missing = names.filter((k) => !keys.includes(k));
    if (extra.length || missing.length) throw new Error(`table ${spec.name}, row ${i}: columns differ from the spec (extra: ${extra.join(", ") || "none"}; missing: ${missing.join(", ") || "none"})`);
    const key = JSON.stringify(spec.key.map((k) => row[k]));
    if (seen.has(key)) throw new Error(`table ${spec.name}, row ${i}: duplicate key ${spec.key.join(", ")} = ${key} (first at row ${seen.get(key)})`);
    seen.set(key, i);
  });
  return rows;
}
