import {execSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import type {Browser, Download, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Cite, plugins} from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import {decodeText, readParam} from "../../lib/reader/permalink.ts";
import {EXAMPLES} from "../../lib/reader/workspace-examples.ts";
import {hhi} from "../../lib/resilience/concentration.ts";
import {checkPage, queryCell, settled, typeAndRun, useSite} from "./chromium.ts";

// The reader's tools, in the built site: query cells (edit, run, errors, cancel, large results,
// the locked database), permalinks, figure downloads and citations. Runs after `npm run build`
// against dist/; MINERS_ORIGIN and MINERS_TABLES point it at a running preview server and a folder
// of published tables instead, for working on the pages.
const TABLES = process.env.MINERS_TABLES ?? "dist/data/tables";
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


interface Catalog {
  tables: {name: string; rows: number; files: {format: string; path: string; sha256: string}[]}[];
}
const catalog = (): Catalog => JSON.parse(readFileSync(`${TABLES}/catalog.json`, "utf-8"));

type ProductionRow = {edition: string; stage: string; commodity: string; country: string; kind: string; year: number; value_t: number | null};
const production = (): ProductionRow[] =>
  tableFromIPC(readFileSync(`${TABLES}/production.arrow`))
    .toArray()
    .map((d) => d.toJSON() as ProductionRow);

/** Opens a page with the reader's tools, failing on any console error or cell error. */
async function open(path: string): Promise<{page: Page; errors: () => string[]}> {
  const page = await browser.newPage({acceptDownloads: true});
  const report = await checkPage(page, origin + path, {timeout: 120_000});
  expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
  return {page, errors: () => [...report.consoleErrors, ...report.foreignRequests, ...report.failedRequests]};
}

const cell = queryCell;



/** The result table's body as rows of cell texts. */
async function resultRows(page: Page, id: string): Promise<string[][]> {
  return cell(page, id)
    .locator(".qc-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{name: string; bytes: Buffer}> {
  const [download] = (await Promise.all([page.waitForEvent("download", {timeout: 60_000}), click()])) as [Download, void];
  return {name: download.suggestedFilename(), bytes: readFileSync((await download.path())!)};
}

const nickel2021 = `SELECT country, value_t::DOUBLE AS tonnes
FROM production
WHERE edition = 'MCS2023' AND commodity = 'nickel' AND stage = 'mine' AND year = 2021 AND kind = 'country'
ORDER BY value_t DESC NULLS LAST, country`;

function nickelInNode(): string[][] {
  return production()
    .filter((d) => d.edition === "MCS2023" && d.commodity === "nickel" && d.stage === "mine" && d.year === 2021 && d.kind === "country")
    .sort((a, b) => (a.value_t === null ? 1 : 0) - (b.value_t === null ? 1 : 0) || (b.value_t ?? 0) - (a.value_t ?? 0) || a.country.localeCompare(b.country))
    .map((d) => [d.country, d.value_t === null ? "missing" : d.value_t.toLocaleString("en-GB")]);
}

describe("/pages/workspace, opened fresh", () => {
  it("runs a query typed and run before the database is ready as soon as it is, and shows its result", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(origin + "/pages/workspace");
      await cell(page, "sql").locator(".cm-content").waitFor();
      await cell(page, "sql").locator(".cm-content").click();
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText("SELECT 41 + 1 AS answer");
      await page.keyboard.press("Control+Enter");
      await expect.poll(() => resultRows(page, "sql"), {timeout: 120_000}).toEqual([["42"]]);
      expect(await cell(page, "sql").getAttribute("data-state")).toBe("done");
    } finally {
      await page.close();
    }
  });
});

describe("/pages/workspace", () => {
  // One page for the tests that set their own query (loading every table takes a while).
  let page: Page;
  let errors: () => string[];
  beforeAll(async () => {
    ({page, errors} = await open("/pages/workspace"));
    await settled(page, "sql");
  });
  afterAll(async () => {
    await page?.close();
  });
  it("loads every table of the catalog, each with the catalog's row count, and lists its schema", async () => {
    const tables = catalog().tables;
    await expect.poll(() => page.locator("[data-loaded]").getAttribute("data-loaded"), {timeout: 120_000}).toBe(String(tables.length));
    expect(await page.locator("[data-loaded]").textContent()).not.toContain("except");
    expect(await page.locator("details.schema-entry").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.table))).toEqual(tables.map((t) => t.name));
    expect(await settled(page, "sql")).toBe("done");
  });

  it("runs a query typed into the editor with Ctrl-Enter and shows the rows Node computes from the snapshot", async () => {
    await settled(page, "sql");
    expect(await typeAndRun(page, "sql", nickel2021)).toBe("done");
    const expected = nickelInNode();
    expect(await resultRows(page, "sql")).toEqual(expected);
    // By hand from MCS 2023: Indonesia 1,040,000 t, then the Philippines 387,000 t.
    expect(expected.slice(0, 2)).toEqual([["Indonesia", "1,040,000"], ["Philippines", "387,000"]]);
    expect(await cell(page, "sql").locator(".qc-summary").getAttribute("data-rows")).toBe(String(expected.length));
    expect(errors()).toEqual([]);
  });

  it("completes the site's table and column names as the reader types", async () => {
    const editor = cell(page, "sql").locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("SELECT * FROM governan");
    await page.keyboard.type("c");
    await expect.poll(() => page.locator(".cm-tooltip-autocomplete li").allTextContents()).toContain("governance");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("SELECT governance.pctrank_lo");
    await page.keyboard.type("w");
    await expect.poll(() => page.locator(".cm-tooltip-autocomplete li").allTextContents()).toContain("pctrank_lower");
    await page.keyboard.press("Escape");
  });

  it("shows a bad query's error in place, and the cell and the page go on working", async () => {
    await settled(page, "sql");
    expect(await typeAndRun(page, "sql", "SELEC country FROM production")).toBe("error");
    expect(await cell(page, "sql").locator(".qc-error[role=alert]").textContent()).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    expect(await typeAndRun(page, "sql", "SELECT count(*)::INTEGER AS n FROM no_such_table")).toBe("error");
    expect(await cell(page, "sql").locator(".qc-error").textContent()).toMatch(/Table with name no_such_table does not exist/);
    expect(await typeAndRun(page, "sql", "SELECT count(*)::INTEGER AS n FROM production")).toBe("done");
    expect(await cell(page, "sql").locator(".qc-error").count()).toBe(0);
    expect(await resultRows(page, "sql")).toEqual([[catalog().tables.find((t) => t.name === "production")!.rows.toLocaleString("en-GB")]]);
    expect(errors()).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
  });

  it("refuses to read a URL or a local file, and a query cannot turn external access back on", async () => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await settled(page, "sql");
    const csv = `${origin}/data/tables/production.csv`;
    const refusals: [string, RegExp][] = [
      [`SELECT count(*) FROM read_csv('${csv}')`, /Permission Error: Scanning read_csv files is disabled through configuration/],
      [`SELECT * FROM '${csv}'`, /Permission Error/],
      ["SELECT * FROM read_csv('/etc/passwd')", /Permission Error: Scanning read_csv files is disabled through configuration/],
      ["COPY production TO 'out.csv'", /Permission Error: COPY TO is disabled by configuration/],
      ["ATTACH 'other.duckdb'", /Permission Error: Attaching on-disk databases is disabled through configuration/],
      ["SET enable_external_access = true", /Cannot change configuration option "enable_external_access" - the configuration has been locked/],
      ["RESET enable_external_access", /the configuration has been locked/],
      ["SET lock_configuration = false", /Cannot change configuration option "lock_configuration" - the configuration has been locked/]
    ];
    for (const [sql, error] of refusals) {
      expect(await typeAndRun(page, "sql", sql), sql).toBe("error");
      expect(await cell(page, "sql").locator(".qc-error").textContent(), sql).toMatch(error);
    }
    expect(await typeAndRun(page, "sql", "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration') ORDER BY name")).toBe("done");
    expect(await resultRows(page, "sql")).toEqual([
      ["enable_external_access", "false"],
      ["lock_configuration", "true"]
    ]);
    expect(requests.filter((u) => u.includes("production.csv") || u.includes("passwd"))).toEqual([]);
  });

  it("shows the first 200 rows of a million-row result, says so, and downloads all of them as CSV", async () => {
    await settled(page, "sql");
    expect(await typeAndRun(page, "sql", "SELECT i::INTEGER AS i, (i * 2)::INTEGER AS j FROM range(1000000) t(i)")).toBe("done");
    expect(await cell(page, "sql").locator(".qc-table tbody tr").count()).toBe(200);
    expect(await cell(page, "sql").locator(".qc-summary").textContent()).toMatch(/^1,000,000 rows in .+; the first 200 are shown, the CSV download holds all 1,000,000\.$/);
    const csv = await downloaded(page, () => cell(page, "sql").locator("button[data-action=csv]").click());
    const lines = csv.bytes.toString("utf-8").trimEnd().split("\n");
    expect(csv.name).toBe("miners-query.csv");
    expect(lines.length).toBe(1_000_001);
    expect([lines[0], lines[1], lines.at(-1)]).toEqual(["i,j", "0,0", "999999,1999998"]);
    expect(errors()).toEqual([]);
  });

  it("cancels a long query, and runs the next one", async () => {
    await settled(page, "sql");
    await cell(page, "sql").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("SELECT count(*) FROM range(1000000000000) a");
    await cell(page, "sql").locator("button[data-action=run]").click();
    await page.waitForFunction(() => document.getElementById("sql")?.dataset.state === "running");
    await page.waitForTimeout(500);
    await cell(page, "sql").locator("button[data-action=cancel]").click();
    expect(await settled(page, "sql")).toBe("cancelled");
    expect(await cell(page, "sql").locator(".qc-status").textContent()).toMatch(/^Cancelled after/);
    expect(await typeAndRun(page, "sql", "SELECT 40 + 2 AS answer")).toBe("done");
    expect(await resultRows(page, "sql")).toEqual([["42"]]);
  });

  it("runs each worked example without error; the HHI example equals lib's HHI of the snapshot", async () => {
    await settled(page, "sql");
    for (const example of EXAMPLES) {
      await page.locator(`[data-example="${example.id}"] button`).click();
      await page.waitForTimeout(100);
      expect(await settled(page, "sql"), example.id).toBe("done");
      expect(Number(await cell(page, "sql").locator(".qc-summary").getAttribute("data-rows")), example.id).toBeGreaterThan(0);
      if (example.id === "hhi") {
        const rows = production().filter((d) => d.edition === "MCS2023" && d.stage === "mine" && d.year === 2021);
        const shown = new Map((await resultRows(page, "sql")).map(([commodity, value]) => [commodity, value]));
        for (const commodity of ["lithium", "nickel"]) {
          const data = rows.filter((d) => d.commodity === commodity);
          const total = data.find((d) => d.kind === "world")!.value_t!;
          const supplies = data.filter((d) => d.kind === "country" && d.value_t !== null).map((d) => ({supplier: d.country, value: d.value_t!}));
          expect(shown.get(commodity)).toBe(Math.round(hhi(supplies, total)).toLocaleString("en-GB"));
        }
      }
    }
    expect(errors()).toEqual([]);
  });

  it("opens a damaged link with an error in place and the original query", async () => {
    const {page} = await open("/pages/workspace?sql=zNOT-A-QUERY");
    try {
      expect(await settled(page, "sql")).toBe("done");
      expect(await cell(page, "sql").locator(".qc-error").textContent()).toMatch(/^The query in this page's link could not be read/);
      expect(await page.evaluate(() => (document.getElementById("sql") as unknown as {query: string}).query)).toBe(EXAMPLES[0]!.sql);
    } finally {
      await page.close();
    }
  });
});

describe("/pages/data", () => {
  it("a changed query gives the right rows, and its link opens a new tab with the same query and result", async () => {
    const {page} = await open("/pages/data");
    try {
      expect(await cell(page, "query").getAttribute("data-state")).toBe("idle"); // no DuckDB until asked
      expect(await typeAndRun(page, "query", nickel2021)).toBe("done");
      const rows = await resultRows(page, "query");
      expect(rows).toEqual(nickelInNode());
      await page.evaluate(() => (document.getElementById("query") as unknown as {linked(): Promise<void>}).linked());
      const href = (await cell(page, "query").locator("a.qc-link").getAttribute("href"))!;
      expect(href).toBe(`${page.url().replace(/#.*$/, "")}#query`);
      expect(href.length).toBeLessThan(600);
      expect(await decodeText(readParam(new URL(href).search, "query")!)).toBe(nickel2021);

      const {page: other} = await open(href.replace(origin, ""));
      try {
        expect(await settled(other, "query")).toBe("done");
        expect(await other.evaluate(() => (document.getElementById("query") as unknown as {query: string}).query)).toBe(nickel2021);
        expect(await resultRows(other, "query")).toEqual(rows);
      } finally {
        await other.close();
      }
    } finally {
      await page.close();
    }
  });

  it("Reset restores the original query and takes it out of the URL", async () => {
    const {page} = await open("/pages/data");
    try {
      await typeAndRun(page, "query", "SELECT 1 AS one");
      await page.evaluate(() => (document.getElementById("query") as unknown as {linked(): Promise<void>}).linked());
      expect(new URL(page.url()).searchParams.get("query")).not.toBeNull();
      await cell(page, "query").locator("button[data-action=reset]").click();
      expect(await settled(page, "query")).toBe("done");
      expect(new URL(page.url()).searchParams.get("query")).toBeNull();
      expect(await resultRows(page, "query")).not.toEqual([["1"]]);
    } finally {
      await page.close();
    }
  });
});

describe("/pages/production figures", () => {
  let page: Page;
  beforeAll(async () => {
    ({page} = await open("/pages/production"));
  });
  afterAll(async () => {
    await page?.close();
  });
  const commit = (() => {
    try {
      return execSync("git log -1 --format=%H", {encoding: "utf-8"}).trim();
    } catch {
      return "uncommitted";
    }
  })();

  it("Figure S1 downloads as an SVG that parses, with its title, bars and source", async () => {
    const figure = page.locator("figure#fig-s1");
    const svg = await downloaded(page, () => figure.locator("button[data-download=svg]").click());
    expect(svg.name).toBe("miners-fig-s1.svg");
    const {document} = new JSDOM(svg.bytes.toString("utf-8"), {contentType: "image/svg+xml"}).window;
    expect(document.querySelector("parsererror")).toBeNull();
    expect(document.documentElement.tagName).toBe("svg");
    const texts = [...document.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts[0]).toBe("Figure S1. Lithium mine production by country, 2021");
    expect(texts).toEqual(expect.arrayContaining(["Australia", "reported", "estimated"]));
    expect(texts.join(" ")).toContain("Source: USGS, Mineral Commodity Summaries 2023");
    // One bar per row with a value (countries and "Other countries"); no fill left as a CSS variable.
    const drawn = production().filter((d) => d.edition === "MCS2023" && d.stage === "mine" && d.year === 2021 && d.commodity === "lithium" && d.kind !== "world" && d.value_t !== null);
    expect(document.querySelectorAll("g[aria-label=bar] rect").length).toBe(drawn.length);
    expect(svg.bytes.toString("utf-8")).not.toContain("var(--");
  });

  it("Figure S2 downloads as a PNG at twice the chart's size, and its data as CSV", async () => {
    const figure = page.locator("figure#fig-s2");
    const png = await downloaded(page, () => figure.locator("button[data-download=png]").click());
    expect(png.name).toBe("miners-fig-s2.png");
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const chartWidth = Number(await figure.locator(".figure-body svg[viewBox]").first().getAttribute("width"));
    expect(png.bytes.readUInt32BE(16)).toBe(2 * chartWidth);
    const csv = await downloaded(page, () => figure.locator("button[data-download=csv]").click());
    const lines = csv.bytes.toString("utf-8").trimEnd().split("\n");
    const rows = production().filter((d) => d.edition === "MCS2023" && d.stage === "mine" && d.year === 2021 && d.commodity === "nickel");
    expect(lines[0]).toBe("country,iso3,kind,value_t,status,unit");
    expect(lines.length).toBe(rows.length + 1);
    expect(lines[1]!.split(",")).toEqual(["Indonesia", "IDN", "country", "1040000", "reported", "t Ni content"]);
    // The download is the figure's published result, byte for byte.
    expect(csv.bytes.toString("utf-8")).toBe(readFileSync("dist/data/figures/fig-s2.csv", "utf-8"));
  });

  it("cites Figure S1 in BibTeX that parses and names the commit, the date and the snapshot's SHA-256", async () => {
    const figure = page.locator("figure#fig-s1");
    await figure.locator("button[data-tool=cite]").click();
    const bibtex = (await figure.locator("pre[data-cite=bibtex]").textContent())!;
    const [entry, ...more] = plugins.input.chain(bibtex, {target: "@biblatex/entries+list", generateGraph: false}) as {type: string; properties: Record<string, string>}[];
    const [read] = new Cite(bibtex).format("data", {format: "object"}) as Record<string, unknown>[];
    expect(read).toMatchObject({title: "Figure S1: Lithium mine production by country, 2021", version: commit, URL: `${origin}/pages/production#fig-s1`});
    expect(more).toEqual([]);
    expect(entry!.type).toBe("misc");
    const sha = catalog().tables.find((t) => t.name === "production")!.files.find((f) => f.format === "arrow")!.sha256;
    expect(entry!.properties.version).toBe(commit);
    expect(read!.note).toContain(`tables/production.arrow (SHA-256 ${sha})`);
    const figureSha = JSON.parse(readFileSync("dist/data/figures/catalog.json", "utf-8")).figures.find((f: {id: string}) => f.id === "fig-s1").files.find((f: {format: string}) => f.format === "arrow").sha256;
    expect(read!.note).toContain(`figures/fig-s1.arrow (SHA-256 ${figureSha})`);
    expect(entry!.properties.url).toBe(`${origin}/pages/production#fig-s1`);
    if (commit !== "uncommitted") expect(entry!.properties.date).toBe(execSync("git log -1 --format=%cs", {encoding: "utf-8"}).trim());
    const csl = JSON.parse((await figure.locator("pre[data-cite=csl-json]").textContent())!);
    expect(csl[0]).toMatchObject({type: "figure", number: "S1", version: commit, URL: `${origin}/pages/production#fig-s1`});
    expect(await figure.locator("[data-cite=text]").textContent()).toContain(sha);
  });

  it("Figure S1's query, edited, redraws the figure from the result, and its link reopens it so", async () => {
    const figure = page.locator("figure#fig-s1");
    const bars = () => figure.locator(".figure-body g[aria-label=bar] rect").count();
    const before = await bars();
    await figure.locator("button[data-tool=query]").click();
    const edited = `SELECT country, iso3, kind, value_t, status, unit
FROM production
WHERE edition = 'MCS2023' AND stage = 'mine' AND year = 2021 AND commodity = 'lithium' AND value_t > 10000 AND kind = 'country'
ORDER BY value_t DESC`;
    expect(await typeAndRun(page, "fig-s1-query", edited)).toBe("done");
    // Australia 55,300 t, Chile 28,300 t and China 14,000 t are the producers above 10,000 t.
    await expect.poll(() => figure.getAttribute("data-state")).toBe("query");
    expect(await bars()).toBe(3);
    expect(before).toBeGreaterThan(3);
    expect(await figure.locator(".figure-origin").textContent()).toContain("3 rows");
    await figure.locator("button[data-tool=data]").click();
    expect(await figure.locator(".figure-panel-data tbody tr").count()).toBe(3);
    // The link carries the edited query; opening it draws the edited figure.
    await cell(page, "fig-s1-query").evaluate((el) => (el as unknown as {linked(): Promise<void>}).linked());
    await figure.locator("a[data-tool=link]").focus();
    const href = (await figure.locator("a[data-tool=link]").getAttribute("href"))!;
    expect(href).toMatch(/#fig-s1$/);
    expect(await decodeText(readParam(new URL(href).search, "fig-s1-query")!)).toBe(edited);
    const {page: reopened} = await open(href.replace(origin, ""));
    try {
      await expect.poll(() => reopened.locator("figure#fig-s1").getAttribute("data-state"), {timeout: 60_000}).toBe("query");
      expect(await reopened.locator("figure#fig-s1 .figure-body g[aria-label=bar] rect").count()).toBe(3);
    } finally {
      await reopened.close();
    }
    // Reset restores the published figure.
    await cell(page, "fig-s1-query").locator("button[data-action=reset]").click();
    await expect.poll(() => figure.getAttribute("data-state")).toBe("snapshot");
    expect(await bars()).toBe(before);
  });

  it("the query behind Figures S1 and S2 loads as the reader reaches it, waits to be run, then lists the rows the figures draw", async () => {
    expect(await cell(page, "producers").count()).toBe(0);
    await page.locator("h2#query-the-table").scrollIntoViewIfNeeded();
    await cell(page, "producers").waitFor();
    expect(await cell(page, "producers").getAttribute("data-state")).toBe("idle");
    await cell(page, "producers").locator("button[data-action=run]").click();
    expect(await settled(page, "producers")).toBe("done");
    const rows = production().filter((d) => d.edition === "MCS2023" && d.stage === "mine" && d.year === 2021 && d.kind === "country" && ["lithium", "nickel"].includes(d.commodity));
    expect(await cell(page, "producers").locator(".qc-summary").getAttribute("data-rows")).toBe(String(rows.length));
    expect(await page.locator(".references li#ref-usgs2023mcsdata").count()).toBe(1);
  });
});
