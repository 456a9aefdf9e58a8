/**
 * The reader's DuckDB: the site's tables loaded into Framework's DuckDBClient, then closed to the
 * outside world. Once the tables are in, `enable_external_access` is turned off (no query may read a
 * URL or a local file, attach a database, COPY, or install and load an extension) and the
 * configuration is locked, so that no query can turn it back on. A reader's SQL then sees the
 * site's tables and nothing else.
 */

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
  _db: {connect(): Promise<DuckDBConnection>};
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
export async function openDatabase(DuckDBClient: DuckDBClientStatic, tables: Record<string, () => Promise<ArrayBuffer | Uint8Array>>): Promise<DuckDBClientLike> {
  const [client, buffers] = await Promise.all([
    DuckDBClient.of(),
    Promise.all(Object.entries(tables).map(async ([name, load]) => [name, await loadTable(name, load)] as const))
  ]);
  await insertTables(client, buffers);
  return lockDown(client);
}
