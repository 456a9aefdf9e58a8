import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import type {Browser} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {SECTIONS} from "../../lib/figures/define.ts";
import {FIGURES} from "../../lib/figures/index.ts";
import {checkPage, looseCharts, useSite} from "./chromium.ts";

// Runs after `npm run build`. Every chart of every section page is a live figure, drawn from its
// build-time result without DuckDB-WASM; and every figure's SQL gives the same rows in the reader's
// DuckDB-WASM as in the native DuckDB that made the published result.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


type Row = Record<string, unknown>;

/** A figure's published result, as native DuckDB computed it at build time. */
function published(id: string): Row[] {
  const table = tableFromIPC(readFileSync(`dist/data/figures/${id}.arrow`));
  return table.toArray().map((d) => d.toJSON() as Row);
}

/** Equal rows: same columns and values, numbers within 1e-9 relative (and 1e-12 absolute). */
function differences(wasm: Row[], native: Row[]): string[] {
  const out: string[] = [];
  if (wasm.length !== native.length) return [`${wasm.length} rows in DuckDB-WASM, ${native.length} in native DuckDB`];
  native.forEach((expected, i) => {
    const actual = wasm[i]!;
    const keys = Object.keys(expected);
    if (Object.keys(actual).join() !== keys.join()) out.push(`row ${i}: columns ${Object.keys(actual).join()} against ${keys.join()}`);
    for (const key of keys) {
      const [a, b] = [actual[key] ?? null, expected[key] ?? null];
      const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b))) : a === b;
      if (!same) out.push(`row ${i}, ${key}: ${JSON.stringify(a)} in DuckDB-WASM, ${JSON.stringify(b)} in native DuckDB`);
    }
  });
  return out.slice(0, 10);
}

describe("live figures", () => {
  it("number every figure once, and every section page has at least one", () => {
    const numbers = FIGURES.map((f) => f.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const section of SECTIONS) expect(FIGURES.filter((f) => f.section === section).length, section).toBeGreaterThan(0);
  });

  it("are listed in the data catalog, each with its SHA-256 and downloads that serve the published bytes", async () => {
    const catalog = JSON.parse(readFileSync("dist/data/figures/catalog.json", "utf-8")) as {figures: {id: string; files: {format: string; path: string; sha256: string}[]}[]};
    expect(catalog.figures.map((f) => f.id)).toEqual(FIGURES.map((f) => f.id));
    const page = await browser.newPage();
    try {
      const report = await checkPage(page, `${origin}/pages/data`);
      expect(report.consoleErrors).toEqual([]);
      const listed = await page.locator("table.figures-catalog tr[data-figure]").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.figure));
      expect(listed).toEqual(FIGURES.map((f) => f.id));
      for (const figure of catalog.figures) {
        const arrow = figure.files.find((f) => f.format === "arrow")!;
        expect(await page.locator(`[data-sha256="${figure.id}"]`).getAttribute("title")).toBe(arrow.sha256);
        for (const file of figure.files) {
          const href = await page.locator(`tr[data-figure="${figure.id}"] a[data-format=${file.format}]`).getAttribute("href");
          const bytes = Buffer.from(await (await fetch(new URL(href!, `${origin}/pages/data`))).arrayBuffer());
          expect(createHash("sha256").update(bytes).digest("hex"), `${figure.id} ${file.format}`).toBe(file.sha256);
        }
      }
    } finally {
      await page.close();
    }
  });

  for (const section of SECTIONS) {
    const defined = FIGURES.filter((f) => f.section === section).map((f) => f.id);

    it(`/pages/${section}: every chart is a live figure, drawn without DuckDB-WASM, and each query agrees with the published result`, async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      try {
        const report = await checkPage(page, `${origin}/pages/${section}`);
        expect(report.consoleErrors).toEqual([]);
        expect(report.cellErrors).toEqual([]);
        expect(report.pendingCells).toBe(0);
        // No DuckDB while the page loads: the reader starts it by running a query.
        expect(requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
        // One copy of Plot and of each d3 module: components import them as the page does.
        // (d3-sankey brings d3-array 2 and d3-shape 1 of its own: other versions, not copies.)
        const modules = [...new Set(requests)].flatMap((u) => /\/_(?:npm|node)\/((?:@observablehq\/)?(?:plot|d3[\w-]*))@([^/]+)\//.exec(u)?.slice(1, 3).join("@") ?? []);
        expect(modules.filter((m, i) => modules.indexOf(m) !== i)).toEqual([]);
        expect(modules.filter((m) => m.startsWith("@observablehq/plot@"))).toHaveLength(1);

        const shown = await page.locator("figure.live-figure").evaluateAll((figures) => figures.map((f) => f.id));
        expect([...shown].sort()).toEqual([...defined].sort());
        // Charts outside a figure: any sizeable <svg> (not a legend swatch, not inside another svg).
        const loose = await looseCharts(page);
        expect(loose).toEqual([]);
        // Every figure has its tools.
        for (const id of defined) {
          const tools = await page.locator(`figure#${id} .figure-tools`).evaluate((t) => [...t.querySelectorAll("[data-tool], [data-download]")].map((b) => (b as HTMLElement).dataset.tool ?? (b as HTMLElement).dataset.download));
          expect(tools, id).toEqual(expect.arrayContaining(["query", "data", "csv", "cite", "link"]));
        }

        for (const id of defined) {
          const wasm = await page.evaluate(async (figureId) => {
            const figure = document.getElementById(figureId) as HTMLElement & {runQuery(): Promise<Record<string, unknown>[]>};
            return figure.runQuery();
          }, id);
          expect(differences(wasm, published(id)), id).toEqual([]);
        }
      } finally {
        await page.close();
      }
    });
  }
});
