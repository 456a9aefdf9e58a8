import {readFileSync} from "node:fs";
import type {Server} from "node:http";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {COMPOSITE_INDICATORS, compositeUnits, mineralMetrics, productionSlice, wgiForYear} from "../../lib/mineral-metrics.ts";
import {compositeIndex} from "../../lib/resilience/composite.ts";
import {loadHighs, timeToSurvive, type LpSolver} from "../../lib/resilience/recovery.ts";
import {closedForm, shockNetwork, suppliersOf, WORKED_EXAMPLE} from "../../lib/supply-network.ts";
import {buildTable} from "../../lib/table.ts";
import {governanceTable} from "../../lib/tables/governance.ts";
import {productionTable} from "../../lib/tables/production.ts";
import {reservesTable} from "../../lib/tables/reserves.ts";
import {serveDist} from "../../scripts/serve-dist.ts";
import {checkPage, launch} from "./chromium.ts";

// Runs after `npm run build` (see the test script in package.json): it checks the published page.
// MINERS_DIST points it at another build folder.
const DIST = process.env.MINERS_DIST ?? "dist";
let server: Server;
let browser: Browser;
let page: Page;
let highs: LpSolver;

const read = (p: string) => readFileSync("src/data/sources/" + p, "utf-8");
const production = buildTable(productionTable, read);

beforeAll(async () => {
  const served = await serveDist(DIST);
  server = served.server;
  browser = await launch();
  page = await browser.newPage();
  const report = await checkPage(page, `${served.origin}/pages/resilience`, {timeout: 120_000});
  expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
  highs = await loadHighs();
  // Set once: a reload would lose it.
  await page.evaluate(() => ((window as unknown as {pageMark: string}).pageMark = "loaded once"));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The text of the first element matching selector. */
const text = (selector: string) => page.locator(selector).first().textContent();
/** The data-value of the first element matching selector, as a number. */
const valueOf = async (selector: string) => Number(await page.locator(selector).first().getAttribute("data-value"));

/** Sets an input of a Framework Inputs form and fires the input event, as a reader's hand would. */
async function setInput(selector: string, value: number) {
  await page.locator(selector).first().evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}

async function notReloaded() {
  expect(await page.evaluate(() => (window as unknown as {pageMark?: string}).pageMark)).toBe("loaded once");
}

describe("/pages/resilience", () => {
  it("shows lithium's and nickel's 2021 mining HHI and top-3 share as worked by hand from the MCS 2023 rows", async () => {
    // Lithium: sum of (100 q / 107,000)^2 over Australia 55,300 ... Zimbabwe 710 = 3,576.6; (55,300 + 28,300 + 14,000) / 107,000 = 91.21 %.
    expect(await text("tr[data-unit='lithium/mine'] [data-metric=hhi]")).toBe("3,576.6");
    expect(await text("tr[data-unit='lithium/mine'] [data-metric=top3]")).toBe("91.21 %");
    // Nickel: Indonesia 1,040,000, Philippines 387,000, Russia 205,000 ... of 2,730,000 t.
    expect(await text("tr[data-unit='nickel/mine'] [data-metric=hhi]")).toBe("1,833.8");
    expect(await text("tr[data-unit='nickel/mine'] [data-metric=top3]")).toBe("59.78 %");
  });

  it("shows a metric without data as missing with its reason, never as zero", async () => {
    expect(await text("tr[data-unit='nickel/mine'] [data-metric=hhi_wgi]")).toBe("missing*");
    expect(await page.locator("tr[data-unit='nickel/mine'] [data-metric=hhi_wgi]").getAttribute("title")).toMatch(/New Caledonia/);
    const stock = page.locator("[data-dashboard] tr[data-indicator=stockpile_days]");
    expect(await stock.getAttribute("data-missing")).toBe("");
    expect(await stock.textContent()).toContain("no stock data");
  });

  it("answers the worked example with HiGHS in the browser as in Node: TTS = 5 periods", async () => {
    const node = timeToSurvive(highs, WORKED_EXAMPLE.network, WORKED_EXAMPLE.disrupted).value!;
    const browserValue = await valueOf("[data-worked-tts]");
    expect(node).toBeCloseTo(5, 9);
    expect(browserValue).toBeCloseTo(5, 9);
    expect(await text("[data-worked-tts]")).toBe("5");
  });

  it("moving the stockpile slider updates the time to survive without reloading the page", async () => {
    const before = await valueOf("[data-shock=tts]");
    await setInput("#shock-stockpile input[type=range]", 90);
    await expect.poll(() => valueOf("[data-shock=tts]")).not.toBe(before);
    // Node, by hand: Australia loses 50 % of 55,300 t, 5 % spare capacity elsewhere, 90 days of stock.
    const lithium = suppliersOf(productionSlice(production, {edition: "MCS2023", year: 2021, commodity: "lithium", stage: "mine"}).rows);
    const built = shockNetwork(lithium, {country: "Australia", shareLost: 0.5, stockpileDays: 90, spareCapacity: 0.05});
    expect(await valueOf("[data-shock=tts]")).toBeCloseTo(closedForm(built, 6).timeToSurvive, 6);
    expect(await valueOf("[data-shock=lost]")).toBeCloseTo(closedForm(built, 6).lostUnits, 3);
    await notReloaded();
  });

  it("moving a composite weight updates the scores without reloading, as lib computes them in Node", async () => {
    const score = () => page.locator("#composite-results tr[data-unit='lithium/mine'] [data-score]").getAttribute("data-score");
    const before = await score();
    await setInput("#composite-weights input[type=range] >> nth=0", 5); // HHI of production
    await expect.poll(score).not.toBe(before);
    const wgi = wgiForYear(buildTable(governanceTable, read), 2021);
    const reserves = buildTable(reservesTable, read);
    const units = [...new Set(production.filter((d) => d.edition === "MCS2023" && d.year === 2021).map((d) => `${d.commodity}/${d.stage}`))];
    const metrics = new Map(
      units.map((id) => {
        const [commodity, stage] = id.split("/") as [string, string];
        return [id, mineralMetrics(productionSlice(production, {edition: "MCS2023", year: 2021, commodity, stage}), {reserves, wgi, wgiYear: 2021, solver: highs})];
      })
    );
    const weights = {...Object.fromEntries(COMPOSITE_INDICATORS.map((i) => [i.id, 1])), hhi: 5};
    const node = compositeIndex(compositeUnits(metrics), COMPOSITE_INDICATORS, {normalisation: "min-max", aggregation: "arithmetic", weights, missing: "reweight"});
    expect(Number(await score())).toBeCloseTo(node.scores.find((s) => s.unit === "lithium/mine")!.value!, 9);
    await notReloaded();
  });

  it("shows bad input as an error in place, and recovers when it is corrected", async () => {
    await page.locator("#shock-periods input").fill("2.5");
    await expect.poll(() => text("#shock-results [data-error]")).toMatch(/whole number of periods >= 1, got 2.5/);
    await page.locator("#shock-periods input").fill("6");
    await expect.poll(() => page.locator("#shock-results [data-shock=tts]").count()).toBe(1);
    const ranges = page.locator("#composite-weights input[type=range]");
    for (let i = 0; i < (await ranges.count()); i++) await setInput(`#composite-weights input[type=range] >> nth=${i}`, 0);
    await expect.poll(() => text("#composite-results [data-error]")).toMatch(/all weights are 0/);
    await setInput("#composite-weights input[type=range] >> nth=0", 1);
    await expect.poll(() => page.locator("#composite-results [data-score]").count()).toBeGreaterThan(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await notReloaded();
  });
});
