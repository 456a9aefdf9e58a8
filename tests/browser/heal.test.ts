import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {encodeText} from "../../lib/reader/permalink.ts";
import {checkPage, queryCell, settled, type PageReport, typeAndRun, useSite} from "./chromium.ts";

// The reader's database heals: a query that crashes DuckDB-WASM, a query that ignores Cancel and a
// query too long to run each leave the page working, without a reload. Runs against dist/.
const site = useSite();

// 201 terms, 408 characters: deeper than DuckDB-WASM's stack allows ("memory access out of bounds").
const CRASH = "SELECT " + Array(201).fill("1").join("+");
// The probe's filtering cross join: DuckDB checks for a cancel between steps, which can take seconds.
const SLOW_JOIN = "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range*b.range % 7 = 3";
// Fifty nested scalar subqueries: DuckDB works on it for minutes in one call and never sees the cancel.
const DEAF = "SELECT " + "(SELECT ".repeat(50) + "1" + ")".repeat(50);

const cell = queryCell;



const rows = (page: Page, id: string) =>
  cell(page, id)
    .locator(".qc-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
const runMessage = (page: Page, id: string) => cell(page, id).locator(".qc-message [data-slot=run]").textContent();

/** Starts the query with the Run button, presses Cancel `after` ms into its run, and returns the ms from Cancel until SELECT 42 has answered. */
async function cancelThenAnswer(page: Page, sql: string, after = 1_000): Promise<{state: string; message: string | null; ms: number}> {
  await cell(page, "sql").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(sql);
  await cell(page, "sql").locator("button[data-action=run]").click();
  await page.waitForFunction(() => document.getElementById("sql")?.dataset.state === "running");
  await page.waitForTimeout(after);
  const started = Date.now();
  await cell(page, "sql").locator("button[data-action=cancel]").click();
  const state = await settled(page, "sql");
  const message = (await cell(page, "sql").locator(".qc-message [data-slot=run]").count()) ? await runMessage(page, "sql") : null;
  expect(await typeAndRun(page, "sql", "SELECT 42 AS x")).toBe("done");
  expect(await rows(page, "sql")).toEqual([["42"]]);
  return {state, message, ms: Date.now() - started};
}

describe("/pages/workspace: the database heals", () => {
  let page: Page;
  let report: PageReport;
  beforeAll(async () => {
    page = await site.browser.newPage();
    report = await checkPage(page, site.origin + "/pages/workspace", {timeout: 120_000});
    expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
    expect(await settled(page, "sql")).toBe("done");
    // Gone if the page reloads: every test below ends on the same page.
    await page.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));
  });
  afterAll(async () => {
    await page?.close();
  });
  const notReloaded = () => page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded === true);

  it("a 408-character expression crashes DuckDB: the error shows in place, then SELECT 42 runs without a reload", async () => {
    expect(CRASH.length).toBe(408);
    expect(await typeAndRun(page, "sql", CRASH)).toBe("error");
    expect(await cell(page, "sql").locator(".qc-error[role=alert]").count()).toBe(1);
    expect(await runMessage(page, "sql")).toMatch(/^The database stopped \(memory access out of bounds\) and was restarted; other queries run again\./);
    const started = Date.now();
    expect(await typeAndRun(page, "sql", "SELECT 42 AS x")).toBe("done");
    expect(await rows(page, "sql")).toEqual([["42"]]);
    console.log(`heal: SELECT 42 answered ${Date.now() - started} ms after the crash was shown`);
    // The fresh database has every table, and is locked as the first one was.
    expect(await typeAndRun(page, "sql", "SELECT count(*)::INTEGER AS n FROM production")).toBe("done");
    expect(await typeAndRun(page, "sql", "SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'")).toBe("done");
    expect(await rows(page, "sql")).toEqual([["false"]]);
    expect(await notReloaded()).toBe(true);
  });

  it("the probe's slow cross join: after Cancel, SELECT 42 runs within 5 s", async () => {
    const {state, ms} = await cancelThenAnswer(page, SLOW_JOIN);
    console.log(`heal: slow cross join, Cancel to SELECT 42 answered: ${ms} ms`);
    expect(state).toBe("cancelled");
    expect(ms).toBeLessThan(5_000);
    expect(await notReloaded()).toBe(true);
  });

  it("a query that ignores Cancel: the database is stopped after 2 s and replaced, the cell says so, and SELECT 42 runs", async () => {
    const {state, message, ms} = await cancelThenAnswer(page, DEAF);
    console.log(`heal: query deaf to Cancel, Cancel to SELECT 42 answered: ${ms} ms`);
    expect(state).toBe("cancelled");
    expect(message).toMatch(/^The query did not stop within 2 s of Cancel, so the database was stopped and a fresh one started/);
    // 2 s of grace, then a fresh DuckDB with every table (about 2 s here); generous for a loaded machine.
    expect(ms).toBeLessThan(8_000);
    expect(await notReloaded()).toBe(true);
  });

  it("a 99,000-character query is refused before it reaches the engine", async () => {
    const long = "SELECT 1 AS one" + " ".repeat(99_000 - 15);
    expect(await typeAndRun(page, "sql", long)).toBe("error");
    expect(await runMessage(page, "sql")).toMatch(/^This query is 99,000 characters long; queries here are limited to 20,000 characters, so it was not run\./);
    expect(await typeAndRun(page, "sql", "SELECT 42 AS x")).toBe("done");
    expect(await rows(page, "sql")).toEqual([["42"]]);
    expect(await notReloaded()).toBe(true);
  });

  it("logged no console errors, uncaught exceptions or failed requests on the way", () => {
    expect(report).toMatchObject({consoleErrors: [], foreignRequests: [], failedRequests: []});
  });
});

describe("/pages/production: a link whose query crashes the engine", () => {
  it("shows the error in the figure's Query tool, keeps the published figure, and the page's other figures still run their queries", async () => {
    const page = await site.browser.newPage();
    try {
      const token = await encodeText(CRASH);
      const report = await checkPage(page, `${site.origin}/pages/production?fig-s1-query=${token}#fig-s1`, {timeout: 120_000});
      expect(await settled(page, "fig-s1-query")).toBe("error");
      expect(await runMessage(page, "fig-s1-query")).toMatch(/^The database stopped \(memory access out of bounds\) and was restarted/);
      expect(await page.locator("figure#fig-s1").getAttribute("data-state")).toBe("snapshot");
      // Another figure's query runs on the fresh database, with its tables loaded again.
      const drawn = await page.locator("figure#fig-s2").evaluate(async (figure) => (await (figure as unknown as {runQuery(): Promise<unknown[]>}).runQuery()).length);
      expect(drawn).toBeGreaterThan(0);
      expect(await settled(page, "fig-s2-query")).toBe("done");
      // And the crashed figure's own query runs once the reader fixes it.
      const edited = `SELECT country, iso3, kind, value_t, status, unit FROM production
WHERE edition = 'MCS2023' AND stage = 'mine' AND year = 2021 AND commodity = 'lithium' AND value_t > 10000 AND kind = 'country'
ORDER BY value_t DESC`;
      expect(await typeAndRun(page, "fig-s1-query", edited)).toBe("done");
      await expect.poll(() => page.locator("figure#fig-s1").getAttribute("data-state")).toBe("query");
      expect(await page.locator("figure#fig-s1 .figure-body g[aria-label=bar] rect").count()).toBe(3);
      expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
    } finally {
      await page.close();
    }
  });
});
