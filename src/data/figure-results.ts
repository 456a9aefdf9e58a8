// Every figure's data, computed once at build time: each figure's SQL runs in native DuckDB over
// the Parquet copies of the published tables (the same rows as the Arrow files pages and the
// reader's DuckDB-WASM read), in a database that holds only the tables the figure names. The
// result is published as figures/<id>.arrow (what the page draws) and .csv, with the SHA-256 of
// each and of every table it read, for citations.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {tableFromIPC} from "apache-arrow";
import {toArrowStream, type ColumnType} from "../lib/tables/arrow.js";
import type {FigureDefinition} from "../../lib/figures/define.js";
import {toCsv} from "../lib/tables/formats.js";
import {catalogFile, type CatalogEntry, type CatalogFile} from "./publish.js";

/** DuckDB result types a snapshot keeps; anything else must be cast in the figure's SQL. */
const TYPES: Record<string, ColumnType> = {
  VARCHAR: "utf8",
  INTEGER: "int32",
  SMALLINT: "int32",
  TINYINT: "int32",
  USMALLINT: "int32",
  UTINYINT: "int32",
  DOUBLE: "float64",
  FLOAT: "float64",
  BOOLEAN: "bool"
};

export interface FigureResultEntry {
  id: string;
  number: string;
  section: string;
  title: string;
  rows: number;
  columns: {name: string; type: ColumnType}[];
  files: CatalogFile[];
  /** The tables the query read: their Arrow file and its SHA-256 (the copies pages and DuckDB-WASM load). */
  tables: {name: string; path: string; sha256: string}[];
  /** The paper's values the figure is compared with (rows of paper_values), shown under it. */
  paper: PaperValue[];
}

export interface PaperValue {
  id: string;
  quantity: string;
  value: number;
  unit: string;
  qualifier: string | null;
  location: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs one figure's SQL over its tables; rows as plain objects and the column types. */
export async function runFigureSql(figure: FigureDefinition, parquetPath: (table: string) => string): Promise<{rows: Record<string, unknown>[]; columns: {name: string; type: ColumnType}[]}> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    for (const table of figure.tables) {
      await connection.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet('${parquetPath(table).replaceAll("'", "''")}')`);
    }
    // Only the figure's own tables, and nothing outside: the same closed room as the reader's DuckDB.
    await connection.run("SET enable_external_access = false");
    let result;
    try {
      result = await connection.runAndReadAll(figure.sql);
    } catch (error) {
      throw new Error(`figure ${figure.id}: its SQL failed in DuckDB: ${error instanceof Error ? error.message : String(error)}`);
    }
    const names = result.columnNames();
    const columns = result.columnTypes().map((type, i) => {
      const name = names[i]!;
      const kept = TYPES[type.toString()];
      if (!kept) throw new Error(`figure ${figure.id}: column "${name}" is ${type.toString()}; cast it in the SQL (::INTEGER, ::DOUBLE or ::VARCHAR) so that the build and the browser return the same type`);
      return {name, type: kept};
    });
    const rows = result.getRowObjectsJS().map((row) => {
      const out: Record<string, unknown> = {};
      for (const {name} of columns) out[name] = row[name] ?? null;
      return out;
    });
    return {rows, columns};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs every figure; throws, naming the figure, when a query fails or names an unknown table. */
export async function publishFigures(figures: readonly FigureDefinition[], tables: {files: Map<string, Uint8Array>; catalog: readonly CatalogEntry[]}): Promise<{files: Map<string, Uint8Array>; catalog: FigureResultEntry[]}> {
  const folder = mkdtempSync(join(tmpdir(), "miners-figures-"));
  try {
    const parquetPath = (table: string) => join(folder, `${table}.parquet`);
    for (const [path, bytes] of tables.files) if (path.endsWith(".parquet")) writeFileSync(join(folder, path), bytes);
    const files = new Map<string, Uint8Array>();
    const catalog: FigureResultEntry[] = [];
    const paperBytes = tables.files.get("paper_values.arrow");
    const paperValues = new Map(
      (paperBytes ? tableFromIPC(paperBytes).toArray() : []).map((d) => {
        const {id, quantity, value, unit, qualifier, location} = d.toJSON() as PaperValue;
        return [id, {id, quantity, value, unit, qualifier: qualifier ?? null, location}];
      })
    );
    for (const figure of figures) {
      const tableRefs = figure.tables.map((name) => {
        const file = tables.catalog.find((t) => t.name === name)?.files.find((f) => f.format === "arrow");
        if (!file) throw new Error(`figure ${figure.id}: reads table ${JSON.stringify(name)}, which the site does not publish`);
        return {name, path: `tables/${file.path}`, sha256: file.sha256};
      });
      const {rows, columns} = await runFigureSql(figure, parquetPath);
      const schema = Object.fromEntries(columns.map((c) => [c.name, c.type]));
      const encoded = {arrow: toArrowStream(rows, schema), csv: new TextEncoder().encode(toCsv(rows, columns.map((c) => c.name)))};
      const entryFiles = (["arrow", "csv"] as const).map((format) => {
        const bytes = encoded[format];
        files.set(`${figure.id}.${format}`, bytes);
        return catalogFile(format, `figures/${figure.id}.${format}`, bytes);
      });
      const paper = (figure.paper ?? []).map((id) => {
        const value = paperValues.get(id);
        if (!value) throw new Error(`figure ${figure.id}: compares with paper value ${JSON.stringify(id)}, which is not in the paper_values table`);
        return value;
      });
      catalog.push({id: figure.id, number: figure.number, section: figure.section, title: figure.title, rows: rows.length, columns, files: entryFiles, tables: tableRefs, paper});
    }
    return {files, catalog};
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
}
