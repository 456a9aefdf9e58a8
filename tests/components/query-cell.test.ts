// @vitest-environment jsdom
// CodeMirror reads the global document, so this file runs in vitest's jsdom environment.
import {afterEach, describe, expect, it, vi} from "vitest";
import {encodeText, MAX_TOKEN_LENGTH} from "../../lib/reader/permalink.ts";
import {MAX_QUERY_LENGTH} from "../../lib/reader/query-guard.ts";
import {openDatabase} from "../../src/components/reader/database.ts";
import {QueryCell, type QueryCellElement} from "../../src/components/reader/query-cell.ts";
import {fakeDuckDB, type Answer} from "./fake-duckdb.ts";

// jsdom lays nothing out; CodeMirror measures text ranges, so give it empty measurements.
Range.prototype.getClientRects = () => Object.assign([], {item: () => null}) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

function answers(sql: string): Answer {
  if (sql.includes("CRASH")) return {crash: "memory access out of bounds"};
  if (sql.startsWith("SLOW")) return "hang";
  if (sql.startsWith("STOPPABLE")) return "cancellable";
  if (sql.startsWith("SELEC ")) return {error: 'Parser Error: syntax error at or near "SELEC"'};
  return {value: 42};
}

let n = 0;
async function setup({url = "/pages/workspace", autorun = false} = {}) {
  window.history.replaceState(null, "", url);
  const fake = fakeDuckDB(answers);
  const db = openDatabase(fake.DuckDBClient, {production: async () => new Uint8Array([1])});
  const opened = vi.fn(() => db);
  const id = `q${++n}`;
  const cell = QueryCell({database: opened, query: "SELECT 42 AS x", id, autorun});
  document.body.replaceChildren(cell);
  return {fake, cell, opened, id};
}

const messages = (cell: QueryCellElement) => [...cell.querySelectorAll<HTMLElement>(".qc-message > *")].map((el) => [el.dataset.slot, el.className, el.textContent]);
const value = (cell: QueryCellElement) => cell.result?.batches[0]?.getChildAt(0)?.get(0);

afterEach(() => {
  vi.useRealTimers();
});

describe("QueryCell on a database that breaks", () => {
  it("shows a crash in place (the database stopped, why, restarted), and the next query runs without a reload", async () => {
    const {cell, fake} = await setup();
    cell.query = "SELECT 1+1+CRASH";
    await cell.run();
    expect(cell.dataset.state).toBe("error");
    const [[slot, kind, text]] = messages(cell) as [[string, string, string]];
    expect([slot, kind]).toEqual(["run", "qc-error"]);
    expect(text).toMatch(/^The database stopped \(memory access out of bounds\) and was restarted/);
    cell.query = "SELECT 42 AS x";
    await cell.run();
    expect([cell.dataset.state, value(cell), messages(cell)]).toEqual(["done", 42, []]);
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it("a query that does not stop within 2 s of Cancel: the database is stopped and replaced, the cell says so, and the next query runs", async () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout"]});
    const {cell, fake} = await setup();
    cell.query = "SLOW cross join";
    const running = cell.run();
    await vi.waitFor(() => expect(fake.workers[0]?.log.at(-1)).toBe("send SLOW cross join"));
    expect(cell.dataset.state).toBe("running");
    void cell.cancel();
    await vi.advanceTimersByTimeAsync(1_900);
    expect([cell.dataset.state, fake.workers[0]!.terminated]).toEqual(["running", false]);
    await vi.advanceTimersByTimeAsync(200);
    await running;
    expect(cell.dataset.state).toBe("cancelled");
    expect(cell.querySelector(".qc-status")!.textContent).toMatch(/^Cancelled after/);
    expect(messages(cell)).toEqual([["run", "qc-note", expect.stringMatching(/^The query did not stop within 2 s of Cancel, so the database was stopped and a fresh one started/)]]);
    expect(fake.workers[0]!.terminated).toBe(true);
    cell.query = "SELECT 42 AS x";
    await cell.run();
    expect([cell.dataset.state, value(cell)]).toEqual(["done", 42]);
  });

  it("a query that Cancel stops in time leaves the database alone", async () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout"]});
    const {cell, fake} = await setup();
    cell.query = "STOPPABLE";
    const running = cell.run();
    await vi.waitFor(() => expect(fake.workers[0]?.log.at(-1)).toBe("send STOPPABLE"));
    await cell.cancel();
    await running;
    await vi.advanceTimersByTimeAsync(5_000);
    expect([cell.dataset.state, messages(cell), fake.workers.length, fake.workers[0]!.terminated]).toEqual(["cancelled", [], 1, false]);
  });

  it("Cancel while the database is still starting ends the run at once; the database goes on starting", async () => {
    const {cell, opened} = await setup();
    const running = cell.run();
    await cell.cancel();
    await running;
    expect(cell.dataset.state).toBe("cancelled");
    await cell.run();
    expect([cell.dataset.state, value(cell), opened.mock.calls.length]).toEqual(["done", 42, 1]);
  });
});

describe("QueryCell refuses a query longer than MAX_QUERY_LENGTH before it reaches the database", () => {
  it("says how long it is; the database is not even opened", async () => {
    const {cell, opened} = await setup();
    cell.query = "SELECT 1" + " ".repeat(99_000);
    await cell.run();
    expect(cell.dataset.state).toBe("error");
    expect(messages(cell)).toEqual([["run", "qc-error", expect.stringMatching(/^This query is 99,008 characters long; queries here are limited to 20,000 characters/)]]);
    expect(opened).not.toHaveBeenCalled();
    cell.query = "SELECT 42 AS x";
    await cell.run();
    expect([cell.dataset.state, value(cell), messages(cell)]).toEqual(["done", 42, []]);
  });

  it("a link that carries a long query shows the refusal in place when the page opens", async () => {
    const token = await encodeText("SELECT 1" + " ".repeat(MAX_QUERY_LENGTH));
    const {cell, opened} = await setup({url: `/pages/workspace?q${n + 1}=${token}`});
    await vi.waitFor(() => expect(cell.dataset.state).toBe("error"));
    expect(messages(cell)[0]).toEqual(["run", "qc-error", expect.stringMatching(/^This query is 20,008 characters long/)]);
    expect(opened).not.toHaveBeenCalled();
  });

  it("a link whose query crashes the engine shows the error in place, and the page's other cell on the same database works", async () => {
    const fake = fakeDuckDB(answers);
    const db = openDatabase(fake.DuckDBClient, {production: async () => new Uint8Array([1])});
    window.history.replaceState(null, "", `/pages/workspace?linked=${await encodeText("SELECT 1+1+CRASH")}`);
    const linked = QueryCell({database: () => db, query: "SELECT 42 AS x", id: "linked", autorun: false});
    const other = QueryCell({database: () => db, query: "SELECT 42 AS x", id: "other", autorun: false});
    document.body.replaceChildren(linked, other);
    await vi.waitFor(() => expect(linked.dataset.state).toBe("error"));
    expect(messages(linked)[0]![2]).toMatch(/^The database stopped \(memory access out of bounds\)/);
    await other.run();
    expect([other.dataset.state, value(other)]).toEqual(["done", 42]);
  });
});

describe("QueryCell messages", () => {
  it("the note that a query is too long for a link and the query's error show together (neither hides the other)", async () => {
    const {cell} = await setup();
    // Text that does not compress: too long for a link, well within the query limit.
    let text = "SELEC ";
    for (let i = 0; text.length < 8_000; i++) text += ((i * 2654435761) >>> 0).toString(36);
    expect((await encodeText(text)).length).toBeGreaterThan(MAX_TOKEN_LENGTH);
    cell.query = text;
    await cell.linked();
    await cell.run();
    expect(cell.dataset.state).toBe("error");
    expect(messages(cell)).toEqual([
      ["link-length", "qc-note", "This query is too long to keep in a link; the link opens the original query."],
      ["run", "qc-error", 'Parser Error: syntax error at or near "SELEC"']
    ]);
    // The link note stays as long as the query does; the next run's outcome replaces only its own.
    await cell.linked();
    expect(messages(cell).map(([slot]) => slot)).toEqual(["link-length", "run"]);
    cell.query = "SELECT 42 AS x";
    await cell.linked();
    await cell.run();
    expect(messages(cell)).toEqual([]);
  });

  it("a damaged link's error stays while the reader runs queries, beside each run's own message", async () => {
    const {cell} = await setup({url: `/pages/workspace?q${n + 1}=zNOT-A-QUERY`});
    await vi.waitFor(() => expect(messages(cell).length).toBe(1));
    cell.query = "SELEC 1";
    await cell.run();
    expect(messages(cell).map(([slot, kind]) => [slot, kind])).toEqual([
      ["link", "qc-error"],
      ["run", "qc-error"]
    ]);
    expect(messages(cell)[0]![2]).toMatch(/^The query in this page's link could not be read/);
  });
});
