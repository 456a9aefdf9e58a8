/**
 * The page's one DuckDB-WASM, started only when a reader first runs a query: a page's figures are
 * drawn from build-time results, so nobody waits for the database (34 MiB of wasm) to read a page.
 * Each query loads just the tables it reads, once; the database is locked (no files, no URLs, no
 * extensions) before any table is in. It heals (database.ts): when a query breaks it, a fresh one
 * replaces it, with every table the page's queries had loaded.
 */
import {DatabaseStopped, healingDatabase, insertTables, loadTable, lockDown, type DuckDBClientLike, type HealingDatabase} from "./database.js";
import {TABLE_CATALOG, TABLE_FILES} from "./table-files.js";

/** The tables each DuckDB holds (or is loading): a fresh one after a restart holds none. */
const loaded = new WeakMap<DuckDBClientLike, Map<string, Promise<void>>>();
/** Every table a query on this page has loaded, for a fresh DuckDB to load again. */
const wanted = new Set<string>();

async function insert(db: DuckDBClientLike, name: string): Promise<void> {
  const file = TABLE_FILES[name];
  if (!file) throw new Error(`the site publishes no table ${JSON.stringify(name)}`);
  await insertTables(db, [[name, await loadTable(name, () => file.arrayBuffer())]]);
}

/** Loads each table into `db` unless it is there or on its way. */
function ensure(db: DuckDBClientLike, tables: Iterable<string>): Promise<void[]> {
  let jobs = loaded.get(db);
  if (!jobs) loaded.set(db, (jobs = new Map()));
  return Promise.all(
    Array.from(tables, (name) => {
      let job = jobs.get(name);
      if (!job) {
        job = insert(db, name).catch((error) => {
          jobs.delete(name);
          throw error;
        });
        jobs.set(name, job);
      }
      return job;
    })
  );
}

const shared: HealingDatabase = healingDatabase(
  async () => {
    const {DuckDBClient} = await import("npm:@observablehq/duckdb");
    return lockDown(await DuckDBClient.of());
  },
  (db) => ensure(db, [...wanted])
);

/** The page's database with at least these tables loaded; starts DuckDB-WASM on the first call. */
export async function readerDatabase(tables: readonly string[]): Promise<HealingDatabase> {
  // A failed start is tried again on the next run (healingDatabase forgets it); a DuckDB stopped
  // while the tables were loading (another cell's query broke it) is replaced, so try once more.
  for (let attempt = 0; ; attempt++) {
    try {
      await ensure(await shared.current(), tables);
      break;
    } catch (error) {
      if (!(error instanceof DatabaseStopped) || attempt) throw error;
    }
  }
  for (const name of tables) wanted.add(name);
  return shared;
}

/** Each table's column names, from the data catalog, for completion in the query editor. */
export async function tableColumns(tables: readonly string[]): Promise<Record<string, string[]>> {
  const catalog = await TABLE_CATALOG.json();
  return Object.fromEntries(tables.map((t) => [t, catalog.tables.find((x) => x.name === t)?.columns.map((c) => c.name) ?? []]));
}
