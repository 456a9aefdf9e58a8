import {readdirSync, readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import type {Browser} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {hhi} from "../../lib/resilience/concentration.ts";
import {formatIndex, formatTonnes} from "../../src/components/reader/format.ts";
import {checkPage, sitePages, useSite} from "./chromium.ts";

// Runs after `npm run build` (see the test script in package.json): it checks what is published.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


const pages = sitePages("dist");

describe("the built site", () => {
  it("has the paper's sections", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/pages/resilience", "/pages/production", "/pages/mapping", "/pages/material-flows", "/pages/policy", "/pages/data", "/pages/workspace"]));
  });

  // A phone, a tablet and a laptop: charts sized from the page width must draw at each.
  const widths = [390, 768, 1280];
  it.each(pages.flatMap((path) => widths.map((width) => [path, width] as const)))("page %s at %i px opens with no console error, no foreign request, every cell settled", async (path, width) => {
    const page = await browser.newPage({viewport: {width, height: 900}});
    try {
      const report = await checkPage(page, origin + path);
      expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
      // Nothing wider than the screen: wide charts and tables scroll inside their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    } finally {
      await page.close();
    }
  });
});

/** The production snapshot as published, read in Node. */
function publishedProduction() {
  const dir = "dist/_file/data/tables";
  const name = readdirSync(dir).find((f) => /^production\.[0-9a-f]+\.arrow$/.test(f));
  if (!name) throw new Error(`no production snapshot in ${dir}`);
  type Row = {edition: string; stage: string; commodity: string; country: string; kind: string; year: number; value_t: number | null};
  return tableFromIPC(readFileSync(`${dir}/${name}`))
    .toArray()
    .map((d) => d.toJSON() as Row)
    .filter((d) => d.edition === "MCS2023" && d.stage === "mine");
}

describe("/pages/production", () => {
  it("shows a bar's value in a tip at once on hover, and on a tap, not only in a late native tooltip", async () => {
    for (const hasTouch of [false, true]) {
      const context = await browser.newContext({hasTouch, viewport: {width: hasTouch ? 390 : 1280, height: 900}});
      const page = await context.newPage();
      try {
        await checkPage(page, `${origin}/pages/production`);
        const bar = page.locator("#fig-s1 g[aria-label=bar] rect").first();
        const tip = page.locator("#fig-s1 g[aria-label=tip] text");
        await bar.scrollIntoViewIfNeeded();
        if (hasTouch) await bar.tap();
        else await bar.hover();
        await expect.poll(() => tip.textContent()).toMatch(/^\u200b?Australia: 55\.3 thousand t Li \(reported\)$/);
        expect(await bar.getAttribute("aria-label")).toBe("Australia: 55.3 thousand t Li (reported)");
        expect(await page.locator("#fig-s1 g[aria-label=bar] title").count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  });

  it("shows SQL sums equal to the same sums computed in Node from the snapshot", async () => {
    const rows = publishedProduction().filter((d) => d.year === 2021 && d.kind === "country");
    const page = await browser.newPage();
    try {
      await checkPage(page, `${origin}/pages/production`);
      for (const commodity of ["lithium", "nickel"]) {
        const sum = rows.filter((d) => d.commodity === commodity && d.value_t !== null).reduce((s, d) => s + d.value_t!, 0);
        await expect.poll(() => page.locator(`[data-sql=sum-${commodity}]`).textContent()).toBe(formatTonnes(sum));
      }
      // Hand sums of the MCS 2023 rows: lithium 106,880 t (U.S. withheld), nickel 2,306,400 t.
      expect(await page.locator("[data-sql=sum-lithium]").textContent()).toBe("106,880");
      expect(await page.locator("[data-sql=sum-nickel]").textContent()).toBe("2,306,400");
    } finally {
      await page.close();
    }
  });

  it("shows the HHI computed in the browser by lib equal to lib in Node", async () => {
    const rows = publishedProduction().filter((d) => d.year === 2021);
    const page = await browser.newPage();
    try {
      await checkPage(page, `${origin}/pages/production`);
      for (const commodity of ["lithium", "nickel"]) {
        const data = rows.filter((d) => d.commodity === commodity);
        const total = data.find((d) => d.kind === "world")!.value_t!;
        const supplies = data.filter((d) => d.kind === "country" && d.value_t !== null).map((d) => ({supplier: d.country, value: d.value_t!}));
        expect(await page.locator(`tr[data-commodity=${commodity}] [data-metric=hhi]`).textContent()).toBe(formatIndex(hhi(supplies, total)));
      }
    } finally {
      await page.close();
    }
  });
});
