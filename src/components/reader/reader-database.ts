/**
 * The page's one DuckDB-WASM, started only when a reader first runs a query: a page's figures are
 * drawn from build-time results, so nobody waits for the database (34 MiB of wasm) to read a page.
 * Each query loads just the tables it reads, once; the database is locked (no files, no URLs, no
 * extensions) before any table is in.
 */
import {insertTables, loadTable, lockDown, type DuckDBClientLike} from "./database.js";
import {TABLE_CATALOG, TABLE_FILES} from "./table-files.js";

let client: Promise<DuckDBClientLike> | null = null;
const loaded = new Map<string, Promise<void>>();

async function insert(db: DuckDBClientLike, name: string): Promise<void> {
  const file = TABLE_FILES[name];
  if (!file) throw new Error(`the site publishes no table ${JSON.stringify(name)}`);
  await insertTables(db, [[name, await loadTable(name, () => file.arrayBuffer())]]);
}

/** The page's database with at least these tables loaded; starts DuckDB-WASM on the first call. */
export async function readerDatabase(tables: readonly string[]): Promise<DuckDBClientLike> {
  client ??= import("npm:@observablehq/duckdb").then(({DuckDBClient}) => DuckDBClient.of()).then(lockDown);
  let db: DuckDBClientLike;
  try {
    db = await client;
  } catch (error) {
    client = null; // a failed start is tried again on the next run
    throw error;
  }
  await Promise.all(
    tables.map((name) => {
      let job = loaded.get(name);
      if (!job) {
        job = insert(db, name).catch((error) => {
          loaded.delete(name);
          throw error;
        });
        loaded.set(name, job);
      }
      return job;
    })
  );
  return db;
}

/** Each table's column names, from the data catalog, for completion in the query editor. */
export async function tableColumns(tables: readonly string[]): Promise<Record<string, string[]>> {
  const catalog = await TABLE_CATALOG.json();
  return Object.fromEntries(tables.map((t) => [t, catalog.tables.find((x) => x.name === t)?.columns.map((c) => c.name) ?? []]));
}
