// Everything the site publishes from lib/tables, built once: each table as Arrow (what pages and
// DuckDB read), CSV and Parquet (downloads), the catalog with schemas, missing counts and SHA-256
// of every file, and a Frictionless Tabular Data Package describing the CSV files.
import {createHash} from "node:crypto";
import JSZip from "jszip";
import type {ColumnType} from "../lib/tables/arrow.js";
import {toArrowStream} from "../lib/tables/arrow.js";
import {toCsv, toParquet} from "../lib/tables/formats.js";
import {arrowSchema, buildTable, type ColumnSpec, type SourceRef} from "../lib/tables/define.js";
import {TABLES} from "../../lib/tables/index.js";
import {readSource} from "./read-source.js";

export interface CatalogColumn extends ColumnSpec {
  name: string;
  /** Rows where the column is null (missing), out of the table's rows. */
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

const MEDIA = {arrow: "application/vnd.apache.arrow.stream", csv: "text/csv", parquet: "application/vnd.apache.parquet"} as const;

/** A published file as the catalogs list it: format, path, media type, size and SHA-256. */
export function catalogFile(format: CatalogFile["format"], path: string, bytes: Uint8Array): CatalogFile {
  return {format, path, mediatype: MEDIA[format], bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex")};
}

/** Builds every table; returns the files by name (production.arrow ...) and the catalog. */
export function publishTables(): {files: Map<string, Uint8Array>; catalog: CatalogEntry[]} {
  const files = new Map<string, Uint8Array>();
  const catalog = TABLES.map((spec): CatalogEntry => {
    const rows = buildTable(spec, readSource) as Record<string, unknown>[];
    const names = Object.keys(spec.columns);
    const arrow = toArrowStream(rows, arrowSchema(spec));
    const encoded = {arrow, csv: new TextEncoder().encode(toCsv(rows, names)), parquet: toParquet(arrow)};
    const entryFiles = (Object.keys(encoded) as (keyof typeof encoded)[]).map((format) => {
      const bytes = encoded[format];
      const path = `${spec.name}.${format}`;
      files.set(path, bytes);
      return catalogFile(format, path, bytes);
    });
    return {
      name: spec.name,
      title: spec.title,
      description: spec.description,
      sources: spec.sources,
      key: spec.key,
      rows: rows.length,
      columns: names.map((name) => ({name, ...(spec.columns[name] as ColumnSpec), missing: rows.filter((r) => r[name] === null || r[name] === undefined).length})),
      files: entryFiles
    };
  });
  return {files, catalog};
}

const FIELD_TYPES: Record<ColumnType, string> = {utf8: "string", int32: "integer", float64: "number", bool: "boolean"};

/** The Frictionless Tabular Data Package (v1) descriptor of the CSV files. */
export function dataPackage(catalog: readonly CatalogEntry[]) {
  return {
    profile: "tabular-data-package",
    name: "miners-live-working-paper",
    title: "MINERS live working paper: data tables",
    description: "The tables behind the MINERS live working paper on the resilience of critical-mineral supply chains, built from public sources.",
    licenses: [{name: "other-at", title: "Each resource keeps the licence of its sources; see each resource's licenses and sources."}],
    resources: catalog.map((entry) => {
      const csv = entry.files.find((f) => f.format === "csv")!;
      return {
        profile: "tabular-data-resource",
        name: entry.name,
        path: csv.path,
        title: entry.title,
        description: entry.description,
        format: "csv",
        mediatype: csv.mediatype,
        encoding: "utf-8",
        bytes: csv.bytes,
        hash: `sha256:${csv.sha256}`,
        sources: entry.sources.map((s) => ({title: s.citation, ...(s.url ? {path: s.url} : {})})),
        licenses: [...new Set(entry.sources.map((s) => s.licence))].map((title) => ({title})),
        schema: {
          fields: entry.columns.map((c) => ({name: c.name, type: FIELD_TYPES[c.type], description: c.unit ? `${c.description} (unit: ${c.unit})` : c.description})),
          primaryKey: entry.key,
          missingValues: [""]
        }
      };
    })
  };
}

/** JSON as the catalogs are published: two-space indent and a final newline. */
export const jsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2) + "\n");

/**
 * Writes files as a zip archive to stdout (a loader's output), stored uncompressed with a fixed
 * date, so that the same files give the same archive.
 */
export async function writeArchive(files: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const [name, bytes] of files) zip.file(name, bytes, {date, binary: true});
  process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
}
