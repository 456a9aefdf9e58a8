/**
 * A stand-in for duckdb-wasm behind Framework's DuckDBClient, for testing what the reader's
 * database and query cells do when DuckDB breaks or will not stop, without a browser. Like the real
 * one, a terminated worker never settles the calls that were pending on it.
 */
import type {DuckDBClientLike, DuckDBClientStatic, DuckDBConnection, ResultBatch} from "../../src/components/reader/database.ts";

export interface FakeWorker {
  id: number;
  terminated: boolean;
  /** Every statement and call that reached this worker, in order. */
  log: string[];
  tables: string[];
  /** Fires the worker's "error" event, as a crashed worker does. */
  crash(): void;
}

/**
 * How the fake answers a query: a crash (a wasm trap), "hang" (never answers and ignores Cancel),
 * "cancellable" (never answers until Cancel, which stops it), an error, or one INTEGER value.
 */
export type Answer = {crash: string} | "hang" | "cancellable" | {error: string} | {value: number};

const never = new Promise<never>(() => {});

export function batchOf(name: string, value: number): ResultBatch {
  return {numRows: 1, schema: {fields: [{name, type: {typeId: 2, toString: () => "Int32"}}]}, getChildAt: () => ({get: () => value})};
}

/** A fake DuckDBClient class; `answer(sql)` decides each query's fate. */
export function fakeDuckDB(answer: (sql: string) => Answer) {
  const workers: FakeWorker[] = [];
  let failNextStart: Error | null = null;
  const make = (): DuckDBClientLike => {
    const listeners: (() => void)[] = [];
    const worker: FakeWorker = {id: workers.length + 1, terminated: false, log: [], tables: [], crash: () => listeners.forEach((f) => f())};
    workers.push(worker);
    // A terminated worker answers nothing; duckdb-wasm logs an error and leaves the call pending.
    const call = <T>(what: string, result: () => Promise<T>): Promise<T> => {
      if (worker.terminated) return never;
      worker.log.push(what);
      return result();
    };
    const connection = (): DuckDBConnection => {
      let cancel: (() => void) | null = null;
      return {
        send: (sql) =>
          call(`send ${sql}`, async () => {
            const a = answer(sql);
            if (a === "hang") return never;
            if (a === "cancellable") return new Promise<never>((_, reject) => (cancel = () => reject(new Error("query was canceled"))));
            if ("crash" in a) throw Object.assign(new Error(a.crash), {name: "RuntimeError"});
            if ("error" in a) throw new Error(a.error);
            const batch = batchOf("x", a.value);
            return Object.assign(
              (async function* () {
                yield batch;
              })(),
              {schema: batch.schema}
            );
          }),
        // A hanging query is past the points where DuckDB checks for a cancel.
        cancelSent: () => call("cancel", async () => (cancel ? (cancel(), true) : false)),
        insertArrowFromIPCStream: (_bytes, {name}) => call(`insert ${name}`, async () => void worker.tables.push(name)),
        query: (sql) => call(`query ${sql}`, async () => []),
        close: () => call("close", async () => {})
      };
    };
    return {
      _db: {
        connect: () => call("connect", async () => connection()),
        terminate: async () => void (worker.terminated = true),
        _worker: {addEventListener: (_type, listener) => void listeners.push(listener)}
      }
    };
  };
  const DuckDBClient: DuckDBClientStatic = {
    of: async () => {
      if (failNextStart) {
        const error = failNextStart;
        failNextStart = null;
        throw error;
      }
      return make();
    }
  };
  return {DuckDBClient, workers, failStart: (error: Error) => void (failNextStart = error)};
}
