import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParse} from "d3-dsv";
import type {Browser} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {checkPage, useSite} from "./chromium.ts";

interface Catalog {
  tables: {name: string; rows: number; files: {format: string; path: string; bytes: number; sha256: string}[]}[];
}

const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));
const catalog = JSON.parse(readFileSync("dist/data/tables/catalog.json", "utf-8")) as Catalog;


describe("the published downloads", () => {
  it.each(catalog.tables.map((t) => [t.name, t] as const))("%s: every file served has the catalog's SHA-256 and row count", async (_, table) => {
    for (const file of table.files) {
      const response = await fetch(`${origin}/data/tables/${file.path}`);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
      expect(bytes.byteLength).toBe(file.bytes);
      if (file.format === "arrow") expect(tableFromIPC(bytes).numRows).toBe(table.rows);
      if (file.format === "csv") expect(csvParse(new TextDecoder().decode(bytes)).length).toBe(table.rows);
      if (file.format === "parquet") expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("PAR1");
    }
  });

  it("the data catalog page lists every table with its row count and working download links", async () => {
    const page = await browser.newPage();
    try {
      const report = await checkPage(page, `${origin}/pages/data`);
      expect(report.consoleErrors).toEqual([]);
      for (const table of catalog.tables) {
        const row = page.locator(`table.catalog tr[data-table="${table.name}"]`);
        expect(await row.locator("[data-rows]").textContent()).toBe(table.rows.toLocaleString("en-GB"));
        const href = await row.locator("a[data-format=csv]").getAttribute("href");
        const response = await page.request.get(new URL(href!, `${origin}/pages/data`).href);
        expect(response.status()).toBe(200);
        expect(createHash("sha256").update(await response.body()).digest("hex")).toBe(table.files.find((f) => f.format === "csv")!.sha256);
      }
    } finally {
      await page.close();
    }
  });
});

describe("npm run build", () => {
  it("stops on a corrupted source, names it, and leaves dist/ as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "miners-build-"));
    cpSync("data/sources", dir, {recursive: true});
    const file = join(dir, "usgs_mcs/mcs2023/mcs2023-lithi_world.csv");
    writeFileSync(file, readFileSync(file, "utf-8").replace(",55300,", ',"55,30",'));
    const before = statSync("dist/index.html").mtimeMs;
    const result = spawnSync("npx", ["tsx", "scripts/build.ts"], {env: {...process.env, MINERS_SOURCES: dir}, encoding: "utf-8", maxBuffer: 1 << 28});
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('usgs_mcs/mcs2023/mcs2023-lithi_world.csv:4: column "Prod_t_2021", value "55,30"');
    expect(statSync("dist/index.html").mtimeMs).toBe(before);
  }, 600_000);
});
