/**
 * The reader's DuckDB: the site's tables loaded into Framework's DuckDBClient, then closed to the
 * outside world. Once the tables are in, `enable_external_access` is turned off (no query may read a
 * URL or a local file, attach a database, COPY, or install and load an extension) and the
 * configuration is locked, so that no query can turn it back on. A reader's SQL then sees the
 * site's tables and nothing else.
 *
 * The database heals (healingDatabase): a query that breaks DuckDB-WASM (a WebAssembly trap such as
 * "memory access out of bounds", DuckDB's fatal errors, a crashed worker) leaves it unusable until
 * the page is reloaded, so the broken one's worker is terminated and a fresh one, locked and with
 * the same tables, takes its place. A query cell also stops a database whose query ignores Cancel.
 */
import {failureReason, isEngineFailure} from "../../lib/reader/query-guard.js";

/** The part of duckdb-wasm's AsyncDuckDBConnection that query cells use. */
export interface DuckDBConnection {
  send(sql: string): Promise<AsyncIterable<ResultBatch> & {schema?: ResultSchema}>;
  cancelSent(): Promise<boolean>;
  insertArrowFromIPCStream(buffer: Uint8Array, options: {name: string; schema?: string; create?: boolean}): Promise<void>;
  query(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface ResultField {
  name: string;
  /** Arrow's DataType: typeId (Arrow's Type enum) and, for decimals, scale. */
  type: {typeId: number; scale?: number; toString(): string};
}

export interface ResultSchema {
  fields: ResultField[];
}

export interface ResultBatch {
  numRows: number;
  schema: ResultSchema;
  getChildAt(index: number): {get(row: number): unknown} | null;
}

/** Framework's DuckDBClient, as pages get it: `_db` is duckdb-wasm's AsyncDuckDB. */
export interface DuckDBClientLike {
  _db: {
    connect(): Promise<DuckDBConnection>;
    /** Kills the worker; duckdb-wasm then never settles the calls that were pending on it. */
    terminate?(): Promise<void>;
    /** duckdb-wasm's worker (a protected field), watched for a crash. */
    _worker?: {addEventListener(type: "error", listener: () => void): void} | null;
  };
}

export interface DuckDBClientStatic {
  of(sources?: Record<string, unknown>, config?: Record<string, unknown>): Promise<DuckDBClientLike>;
}

/** Turns external access off and locks the configuration; resolves to the same client. */
export async function lockDown<C extends DuckDBClientLike>(client: C): Promise<C> {
  const connection = await client._db.connect();
  try {
    await connection.query("SET enable_external_access = false");
    await connection.query("SET lock_configuration = true");
  } finally {
    await connection.close();
  }
  return client;
}

/** A table's Arrow IPC stream bytes; rejects, naming the table, when they cannot be loaded. */
export async function loadTable(name: string, load: () => Promise<ArrayBuffer | Uint8Array>): Promise<Uint8Array> {
  try {
    return new Uint8Array(await load());
  } catch (error) {
    throw new Error(`table ${name} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Creates each table in the database from its Arrow IPC stream bytes, on one connection. */
export async function insertTables(client: DuckDBClientLike, tables: readonly (readonly [string, Uint8Array])[]): Promise<void> {
  const connection = await client._db.connect();
  try {
    for (const [name, bytes] of tables) await connection.insertArrowFromIPCStream(bytes, {name, schema: "main", create: true});
  } finally {
    await connection.close();
  }
}

/**
 * A locked DuckDB with each table loaded from its Arrow IPC stream bytes. `tables` maps a table
 * name to a function that fetches the bytes (FileAttachment(...).arrayBuffer(), or a fetch of the
 * published stable URL). Rejects, naming the table, when one cannot be loaded.
 */
export async function openDatabase(DuckDBClient: DuckDBClientStatic, tables: Record<string, () => Promise<ArrayBuffer | Uint8Array>>): Promise<HealingDatabase> {
  // Called again for each fresh database: duckdb-wasm takes over the bytes it inserts, so they are
  // fetched again (from the browser's cache) rather than kept.
  const database = healingDatabase(async () => {
    const [client, buffers] = await Promise.all([
      DuckDBClient.of(),
      Promise.all(Object.entries(tables).map(async ([name, load]) => [name, await loadTable(name, load)] as const))
    ]);
    await insertTables(client, buffers);
    return lockDown(client);
  });
  await database.current();
  return database;
}

/**
 * A call on a database that was stopped: it broke, or a query on it would not stop. `broke` is
 * true for the call that broke it (its own query), false for the calls that were pending on it.
 */
export class DatabaseStopped extends Error {
  override name = "DatabaseStopped";
  constructor(
    readonly reason: string,
    readonly broke = false
  ) {
    super(`the database stopped (${reason})`);
  }
}

/**
 * A database that replaces itself when it breaks. It is a DuckDBClientLike whose `_db.connect()`
 * connects to the DuckDB in use now; every call on such a connection rejects with DatabaseStopped
 * once that DuckDB is stopped, instead of waiting for a worker that is gone.
 */
export interface HealingDatabase extends DuckDBClientLike {
  /** The DuckDB in use now, started (again) when there is none; rejects when it cannot start. */
  current(): Promise<DuckDBClientLike>;
  /**
   * Stops the DuckDB that `connection` came from (the current one when omitted): terminates its
   * worker, rejects every call pending on it, and starts a fresh one. Does nothing when that DuckDB
   * was already stopped, so that two cells seeing one failure restart it once.
   */
  restart(reason: string, connection?: DuckDBConnection | null): void;
  /** How many times a DuckDB was stopped and replaced. */
  readonly restarts: number;
  /** Framework's DuckDBClient query methods, on the DuckDB in use now (pages call db.query). */
  query(sql: string, params?: unknown[]): Promise<unknown>;
  queryRow(sql: string, params?: unknown[]): Promise<unknown>;
}

interface Instance {
  /** The DuckDB as `start` made it. */
  raw: Promise<DuckDBClientLike>;
  /** The same DuckDB whose connections are guarded, once `prepare` is done with it. */
  client: Promise<DuckDBClientLike>;
  /** Rejects with DatabaseStopped when the instance is stopped; raced against every call. */
  stopped: Promise<never>;
  isStopped: boolean;
  stop(reason: string): void;
}

export function isHealingDatabase(db: unknown): db is HealingDatabase {
  return typeof (db as HealingDatabase | null)?.restart === "function";
}

/**
 * A HealingDatabase whose DuckDBs are made by `start` (which locks them), then given to `prepare`,
 * if any, already guarded (so that loading tables into a DuckDB that is stopped meanwhile fails
 * instead of waiting for ever).
 */
export function healingDatabase(start: () => Promise<DuckDBClientLike>, prepare?: (db: DuckDBClientLike) => Promise<unknown>): HealingDatabase {
  let instance: Instance | null = null;
  let restarts = 0;
  const owners = new WeakMap<DuckDBConnection, Instance>();

  const launch = (): Instance => {
    let reject!: (error: Error) => void;
    const stopped = new Promise<never>((_, r) => (reject = r));
    stopped.catch(() => {}); // only ever raced against calls, which report it
    const raw = start();
    const self: Instance = {
      raw,
      client: raw.then(async (client) => {
        client._db._worker?.addEventListener("error", () => restart("its worker crashed", self));
        const view: DuckDBClientLike = {_db: {connect: () => guard(self, async () => guarded(self, await client._db.connect()))}};
        await prepare?.(view);
        return view;
      }),
      stopped,
      isStopped: false,
      stop(reason) {
        if (self.isStopped) return;
        self.isStopped = true;
        if (instance === self) instance = null;
        reject(new DatabaseStopped(reason));
        void raw.then((c) => c._db.terminate?.()).catch(() => {});
      }
    };
    self.client.catch(() => {
      if (instance === self) instance = null; // a failed start is tried again on the next call
    });
    return self;
  };
  const live = () => (instance ??= launch());

  const restart = (reason: string, self: Instance | null | undefined) => {
    if (!self || self.isStopped) return;
    self.stop(reason);
    restarts++;
    live(); // at once, so that the reader's next query finds it ready or nearly so
  };

  /** The call, unless the instance stops first; a call that breaks the engine stops it. */
  const guard = async <T>(self: Instance, call: () => Promise<T>): Promise<T> => {
    try {
      if (self.isStopped) await self.stopped; // its worker is gone: nothing is sent to it
      return await Promise.race([call(), self.stopped]);
    } catch (error) {
      if (error instanceof DatabaseStopped || !isEngineFailure(error)) throw error;
      const reason = failureReason(error);
      restart(reason, self);
      throw new DatabaseStopped(reason, true);
    }
  };

  const guarded = (self: Instance, connection: DuckDBConnection): DuckDBConnection => {
    const wrapped: DuckDBConnection = {
      async send(sql) {
        const reader = await guard(self, () => connection.send(sql));
        const batches = reader[Symbol.asyncIterator]();
        return {
          get schema() {
            return reader.schema;
          },
          [Symbol.asyncIterator]: () => ({
            next: () => guard(self, () => batches.next()),
            // A cell that stops reading (Cancel, or the row limit) closes the stream.
            return: async (value?: unknown) => {
              await guard(self, async () => batches.return?.(value)).catch(() => {});
              return {done: true as const, value};
            }
          })
        };
      },
      cancelSent: () => guard(self, () => connection.cancelSent()),
      insertArrowFromIPCStream: (buffer, options) => guard(self, () => connection.insertArrowFromIPCStream(buffer, options)),
      query: (sql) => guard(self, () => connection.query(sql)),
      close: () => guard(self, () => connection.close())
    };
    owners.set(wrapped, self);
    return wrapped;
  };

  const onCurrent = <T>(call: (client: DuckDBClientLike) => Promise<T>) => {
    const self = live();
    return guard(self, async () => {
      await self.client; // prepared
      return call(await self.raw);
    });
  };
  const method = (name: "query" | "queryRow") => (sql: string, params?: unknown[]) =>
    onCurrent((client) => (client as unknown as Record<typeof name, (sql: string, params?: unknown[]) => Promise<unknown>>)[name](sql, params));

  return {
    _db: {
      connect: async () => (await live().client)._db.connect()
    },
    current: () => live().client,
    restart: (reason, connection) => restart(reason, connection ? owners.get(connection) : instance),
    get restarts() {
      return restarts;
    },
    query: method("query"),
    queryRow: method("queryRow")
  };
}
