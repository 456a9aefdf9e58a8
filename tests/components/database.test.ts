import {describe, expect, it} from "vitest";
import {DatabaseStopped, healingDatabase, openDatabase, type DuckDBConnection, type HealingDatabase} from "../../src/components/reader/database.ts";
import {fakeDuckDB, type Answer} from "./fake-duckdb.ts";

const bytes = async () => new Uint8Array([1, 2, 3]);

/** Runs a query on the database's current DuckDB and returns its value, as a query cell does. */
async function value(db: HealingDatabase, sql: string): Promise<unknown> {
  const connection = await db._db.connect();
  try {
    for await (const batch of await connection.send(sql)) return batch.getChildAt(0)?.get(0);
    return undefined;
  } finally {
    await connection.close().catch(() => {});
  }
}

function answers(sql: string): Answer {
  if (sql.startsWith("CRASH")) return {crash: "memory access out of bounds"};
  if (sql.startsWith("SLOW")) return "hang";
  if (sql.startsWith("SELEC ")) return {error: 'Parser Error: syntax error at or near "SELEC"'};
  return {value: 42};
}

describe("openDatabase(DuckDBClient, tables): a database that heals", () => {
  it("loads the tables and locks the configuration, in every DuckDB it starts, the first and each fresh one", async () => {
    const fake = fakeDuckDB(answers);
    const db = await openDatabase(fake.DuckDBClient, {production: bytes, governance: bytes});
    await expect(value(db, "CRASH")).rejects.toThrow(DatabaseStopped);
    expect(await value(db, "SELECT 42")).toBe(42);
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
    for (const worker of fake.workers) {
      expect(worker.tables).toEqual(["production", "governance"]);
      expect(worker.log.filter((l) => l.startsWith("query SET"))).toEqual(["query SET enable_external_access = false", "query SET lock_configuration = true"]);
      // The lock comes before any reader's query reaches the database.
      expect(worker.log.indexOf("query SET lock_configuration = true")).toBeLessThan(worker.log.findIndex((l) => l.startsWith("send")));
    }
  });

  it("rejects, naming the table, when a table cannot be loaded", async () => {
    const fake = fakeDuckDB(answers);
    await expect(openDatabase(fake.DuckDBClient, {production: async () => Promise.reject(new Error("HTTP 404"))})).rejects.toThrow("table production could not be loaded: HTTP 404");
  });
});

describe("healingDatabase(start): the restart state machine", () => {
  const setup = () => {
    const fake = fakeDuckDB(answers);
    const db = healingDatabase(() => fake.DuckDBClient.of());
    return {fake, db};
  };

  it("an ordinary SQL error leaves the database as it is", async () => {
    const {fake, db} = setup();
    await expect(value(db, "SELEC 1")).rejects.toThrow(/Parser Error/);
    expect(await value(db, "SELECT 42")).toBe(42);
    expect([fake.workers.length, db.restarts]).toEqual([1, 0]);
  });

  it("a query that breaks the engine rejects with DatabaseStopped (broke: true, the engine's words), its worker is terminated, and the next query runs on a fresh one", async () => {
    const {fake, db} = setup();
    expect(await value(db, "SELECT 42")).toBe(42);
    const error = await value(db, "CRASH").catch((e: DatabaseStopped) => e);
    expect(error).toBeInstanceOf(DatabaseStopped);
    expect(error).toMatchObject({reason: "memory access out of bounds", broke: true});
    expect(fake.workers[0]!.terminated).toBe(true);
    expect(db.restarts).toBe(1);
    expect(await value(db, "SELECT 42")).toBe(42);
    expect(fake.workers.length).toBe(2);
    // Nothing was sent to the broken worker after the crash (not even the connection's close).
    expect(fake.workers[0]!.log.at(-1)).toBe("send CRASH");
  });

  it("a query pending on a database that breaks rejects at once with DatabaseStopped (broke: false) instead of waiting for ever", async () => {
    const {db} = setup();
    const slow = value(db, "SLOW").catch((e) => e);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(value(db, "CRASH")).rejects.toThrow(DatabaseStopped);
    const error = await slow;
    expect(error).toBeInstanceOf(DatabaseStopped);
    expect(error).toMatchObject({reason: "memory access out of bounds", broke: false});
    expect(db.restarts).toBe(1);
  });

  it("restart(reason, connection) stops the DuckDB a hanging query runs on; a second restart of that same one does nothing", async () => {
    const {fake, db} = setup();
    const connection: DuckDBConnection = await db._db.connect();
    const pending = connection.send("SLOW").catch((e) => e);
    db.restart("a query did not stop within 2 s of Cancel", connection);
    const error = await pending;
    expect(error).toBeInstanceOf(DatabaseStopped);
    expect(error.message).toBe("the database stopped (a query did not stop within 2 s of Cancel)");
    expect(await value(db, "SELECT 42")).toBe(42);
    db.restart("again", connection); // the first DuckDB is gone; the fresh one is left alone
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(db.restarts).toBe(1);
  });

  it("a crashed worker (its error event) stops the database; the next query gets a fresh one", async () => {
    const {fake, db} = setup();
    expect(await value(db, "SELECT 42")).toBe(42);
    const pending = value(db, "SLOW").catch((e) => e);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.workers[0]!.crash();
    expect(await pending).toMatchObject({name: "DatabaseStopped", reason: "its worker crashed"});
    expect(await value(db, "SELECT 42")).toBe(42);
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it("a failed start rejects, and the next call tries again", async () => {
    const {fake, db} = setup();
    fake.failStart(new Error("offline"));
    await expect(db.current()).rejects.toThrow("offline");
    expect(await value(db, "SELECT 42")).toBe(42);
  });

  it("prepare(db) gets each fresh DuckDB before any query", async () => {
    const fake = fakeDuckDB(answers);
    const prepared: number[] = [];
    const db = healingDatabase(
      () => fake.DuckDBClient.of(),
      async (view) => {
        const connection = await view._db.connect();
        await connection.insertArrowFromIPCStream(new Uint8Array(), {name: "production"});
        prepared.push(fake.workers.length);
      }
    );
    await expect(value(db, "CRASH")).rejects.toThrow(DatabaseStopped);
    expect(await value(db, "SELECT 42")).toBe(42);
    expect(prepared).toEqual([1, 2]);
    expect(fake.workers.map((w) => w.tables)).toEqual([["production"], ["production"]]);
  });

  it("a DuckDB stopped while prepare(db) loads its tables fails the call instead of waiting for ever; the next call prepares a fresh one", async () => {
    const fake = fakeDuckDB((sql) => (sql === "SLOW" ? "hang" : {value: 42}));
    let first = true;
    const db = healingDatabase(
      () => fake.DuckDBClient.of(),
      async (view) => {
        const connection = await view._db.connect();
        if (first) {
          first = false;
          await connection.send("SLOW"); // a table load that never ends
        }
      }
    );
    const starting = db.current().catch((e) => e);
    await new Promise((resolve) => setTimeout(resolve, 0));
    db.restart("stopped by a test");
    expect(await starting).toBeInstanceOf(DatabaseStopped);
    expect(await value(db, "SELECT 42")).toBe(42);
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
  });
});
