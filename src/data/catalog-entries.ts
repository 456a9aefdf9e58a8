// The catalog of published tables, computed from lib/tables: what catalog.json and datapackage.json
// describe. Each table is built once here and encoded as the table loaders encode it, so that the
// hashes recorded are those of the files published beside them (a test checks this).
import {createHash} from "node:crypto";
import {toArrowStream} from "../../lib/arrow-snapshot.js";
import {toCsv, toParquet} from "../../lib/snapshot-formats.js";
import {arrowSchema, buildTable, type ColumnSpec, type SourceRef} from "../../lib/table.js";
import {TABLES} from "../../lib/tables/index.js";
import {readSource} from "./snapshot.js";

export interface CatalogColumn extends ColumnSpec {
  name: string;
  /** Rows where the column is null (missing), out of `rows`. */
  missing: number;
}

export interface CatalogFile {
  format: "arrow" | "csv" | "parquet";
  path: string;
  mediatype: string;
  bytes: number;
  sha256: string;
}

export interface CatalogEntry {
  name: string;
  title: string;
  description: string;
  sources: SourceRef[];
  key: string[];
  rows: number;
  columns: CatalogColumn[];
  files: CatalogFile[];
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

function file(format: CatalogFile["format"], name: string, mediatype: string, bytes: Uint8Array | string): CatalogFile {
  return {format, path: `${name}.${format}`, mediatype, bytes: typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength, sha256: sha256(bytes)};
}

export function catalogEntries(): CatalogEntry[] {
  return TABLES.map((spec) => {
    const rows = buildTable(spec, readSource) as Record<string, unknown>[];
    const names = Object.keys(spec.columns);
    const arrow = toArrowStream(rows, arrowSchema(spec));
    return {
      name: spec.name,
      title: spec.title,
      description: spec.description,
      sources: spec.sources,
      key: spec.key,
      rows: rows.length,
      columns: names.map((name) => ({name, ...(spec.columns[name] as ColumnSpec), missing: rows.filter((r) => r[name] === null || r[name] === undefined).length})),
      files: [
        file("arrow", spec.name, "application/vnd.apache.arrow.stream", arrow),
        file("csv", spec.name, "text/csv", toCsv(rows, names)),
        file("parquet", spec.name, "application/vnd.apache.parquet", toParquet(arrow))
      ]
    };
  });
}
