import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {COMPOSITE_INDICATORS, compositeUnits, mineralMetrics, productionSlice, wgiForYear} from "../../lib/resilience/mineral-metrics.ts";
import {compositeIndex} from "../../lib/resilience/composite.ts";
import {RESILIENCE_FIGURES} from "../../lib/figures/resilience.ts";
import {percolationCurves} from "../../lib/resilience/figure-models.ts";
import {loadHighs, timeToSurvive, type LpSolver} from "../../lib/resilience/recovery.ts";
import {closedForm, shockNetwork, suppliersOf, WORKED_EXAMPLE} from "../../lib/resilience/supply-network.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {governanceTable} from "../../lib/tables/governance.ts";
import {productionTable} from "../../lib/tables/production.ts";
import {reservesTable} from "../../lib/tables/reserves.ts";
import {tableFromIPC} from "apache-arrow";
import {tierConcentration, tierTrajectories, twoTierShock, type TierShockInputs} from "../../lib/resilience/tier-models.ts";
import {RULE_LABELS} from "../../lib/resilience/two-tier.ts";
import {checkPage, looseCharts, useSite} from "./chromium.ts";

// Runs after `npm run build` (see the test script in package.json): it checks the published page.
// MINERS_DIST points it at another build folder.
const site = useSite();
let browser: Browser;
let page: Page;
let origin: string;
let highs: LpSolver;

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
/** A figure's published result, as the page draws it. */
const published = (id: string) => tableFromIPC(readFileSync(`${process.env.MINERS_DIST ?? "dist"}/data/figures/${id}.arrow`)).toArray().map((d) => d.toJSON() as Record<string, unknown>);
const production = buildTable(productionTable, read);

beforeAll(async () => {
  ({origin, browser} = site);
  page = await browser.newPage();
  const report = await checkPage(page, `${origin}/pages/resilience`, {timeout: 120_000});
  expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
  highs = await loadHighs();
  // Set once: a reload would lose it.
  await page.evaluate(() => ((window as unknown as {pageMark: string}).pageMark = "loaded once"));
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
    // The scenario is kept in the address, so that a figure's Link reopens it.
    await expect.poll(() => new URL(page.url()).searchParams.get("stock")).toBe("90");
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

  it("draws every chart and the paper's Tables 1 and 2 in a live figure, one for each of the page's figure definitions", async () => {
    const figures = await page.locator("figure.live-figure").evaluateAll((fs) => fs.map((f) => [f.id, (f as HTMLElement).dataset.figure]));
    expect(figures).toEqual(RESILIENCE_FIGURES.map((f) => [f.id, f.number]));
    // Any sizeable chart (an svg not inside another) sits in a live figure.
    const loose = await looseCharts(page);
    expect(loose).toEqual([]);
    expect(await page.locator("#fig-t1 .figure-body table.framework-table tr[data-shock]").count()).toBe(8);
    expect(await page.locator("#fig-t2 .figure-body table.framework-table tr[data-metric]").count()).toBe(12);
    for (const id of ["fig-s3", "fig-s4", "fig-s5", "fig-s18", "fig-s19", "fig-s21", "fig-s22"]) expect(await page.locator(`#${id} .figure-body svg`).count(), id).toBeGreaterThan(0);
    // The IEA's checks are a table; the two-tier recovery path waits for a year from 2024.
    expect(await page.locator("#fig-s17 .figure-body table.supply-checks tr[data-block]").count()).toBe(12);
    expect(await text("#fig-s20 .figure-body")).toMatch(/Choose a year from 2024/);
    // The paper's tables have no picture to save; the charts do.
    expect(await page.locator("#fig-t1 [data-download=svg]").count()).toBe(0);
    expect(await page.locator("#fig-s4 [data-download=svg]").count()).toBe(1);
  });

  it("Figure S4's query edited to lithium and nickel alone redraws the percolation curves from those rows, as lib computes them in Node", async () => {
    const definition = RESILIENCE_FIGURES.find((f) => f.id === "fig-s4")!;
    const sql = definition.sql.replace("AND value_t > 0", "AND value_t > 0 AND commodity IN ('lithium', 'nickel')");
    expect(sql).not.toBe(definition.sql);
    const before = await valueOf("#fig-s4 tr[data-strategy=degree-adaptive] [data-value]");
    await page.evaluate((q) => (document.getElementById("fig-s4") as HTMLElement & {runQuery(sql: string): Promise<unknown>}).runQuery(q), sql);
    await expect.poll(() => page.locator("#fig-s4").getAttribute("data-state"), {timeout: 60_000}).toBe("query");
    const rows = production.filter((d) => d.edition === "MCS2023" && d.year === 2021 && d.kind === "country" && d.value_t !== null && d.value_t > 0 && ["lithium", "nickel"].includes(d.commodity));
    const node = percolationCurves(rows as unknown as Record<string, unknown>[], {trials: 1000, seed: 1});
    expect(node.minerals).toEqual(["lithium (mine)", "nickel (mine)"]);
    const after = await valueOf("#fig-s4 tr[data-strategy=degree-adaptive] [data-value]");
    expect(after).not.toBe(before);
    expect(after).toBeCloseTo(node.results.find((r) => r.strategy === "degree-adaptive")!.threshold, 12);
    expect(await valueOf("#fig-s4 tr[data-strategy=random] [data-value]")).toBeCloseTo(node.results.find((r) => r.strategy === "random")!.threshold, 12);
    await notReloaded();
  });

  it("a query the model cannot read shows an error in its figure, not a broken page, and the published query restores it", async () => {
    const definition = RESILIENCE_FIGURES.find((f) => f.id === "fig-s3")!;
    const bad = definition.sql.replace("value_t, status", "status");
    expect(bad).not.toBe(definition.sql);
    await page.evaluate((q) => (document.getElementById("fig-s3") as HTMLElement & {runQuery(sql: string): Promise<unknown>}).runQuery(q), bad);
    await expect.poll(() => page.locator("#fig-s3").getAttribute("data-state"), {timeout: 60_000}).toBe("error");
    expect(await text("#fig-s3 .figure-body .qc-error")).toMatch(/no column "value_t"/);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.evaluate((q) => (document.getElementById("fig-s3") as HTMLElement & {runQuery(sql: string): Promise<unknown>}).runQuery(q), definition.sql);
    await expect.poll(() => page.locator("#fig-s3").getAttribute("data-state")).toBe("snapshot");
    expect(await page.locator("#fig-s3 .figure-body svg").count()).toBeGreaterThan(0);
    await notReloaded();
  });

  it("a link with the explorer's inputs reopens them; a bad value falls back to its default", async () => {
    const other = await browser.newPage();
    try {
      const report = await checkPage(other, `${origin}/pages/resilience?stock=90&lost=abc&w-hhi=5&seed=7&trials=200#fig-s3`, {timeout: 120_000});
      expect(report.cellErrors).toEqual([]);
      expect(await other.locator("#shock-stockpile input[type=range]").inputValue()).toBe("90");
      expect(await other.locator("#shock-share input[type=range]").inputValue()).toBe("50");
      expect(await other.locator("#composite-weights input[type=range] >> nth=0").inputValue()).toBe("5");
      // Figure S4's simulation reopens with the linked seed and trials.
      await expect.poll(() => other.locator(".qc-note").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("mean of 200 trials, seed 7")]));
      const lithium = suppliersOf(productionSlice(production, {edition: "MCS2023", year: 2021, commodity: "lithium", stage: "mine"}).rows);
      const built = shockNetwork(lithium, {country: "Australia", shareLost: 0.5, stockpileDays: 90, spareCapacity: 0.05});
      expect(Number(await other.locator("[data-shock=tts]").getAttribute("data-value"))).toBeCloseTo(closedForm(built, 6).timeToSurvive, 6);
    } finally {
      await other.close();
    }
  });

  it("shows the 2024 mining and refining HHI of lithium and nickel side by side, as lib computes them from the published rows, with their paths to 2040", async () => {
    const metrics = tierConcentration(published("fig-s18"));
    for (const mineral of ["lithium", "nickel"]) {
      for (const tier of ["mining", "refining"]) {
        const cell = page.locator(`#fig-s18 tr[data-mineral='${mineral}'][data-tier='${tier}'] [data-metric=hhi]`);
        const node = metrics.find((m) => m.mineral === mineral && m.tier === tier)!.hhi.value!;
        expect(Number(await cell.getAttribute("data-lower")), `${mineral} ${tier}`).toBeCloseTo(node.lower, 9);
        expect(Number(await cell.getAttribute("data-upper")), `${mineral} ${tier}`).toBeCloseTo(node.upper, 9);
      }
    }
    // Worked by hand in tests/lib/resilience/tier-models.test.ts: lithium refining 5,380.8-5,385.3 against mining 2,216.3-2,297.9.
    expect(await text("#fig-s18 tr[data-mineral='lithium'][data-tier='refining'] [data-metric=hhi]")).toBe("5,380.8–5,385.3");
    expect(await text("#fig-s18 tr[data-mineral='lithium'][data-tier='mining'] [data-metric=hhi]")).toBe("2,216.3–2,297.9");
    expect(await text("#fig-s18 tr[data-mineral='nickel'][data-tier='mining'] [data-metric=hhi]")).toBe("4,198.5–4,386.2");
    expect(await text("#fig-s18 tr[data-mineral='nickel'][data-tier='mining'] [data-metric=hhi_wgi]")).toBe("missing*");
    // The paths to 2040: one panel per mineral.
    const panels = await page.locator("#fig-s19 .figure-body g[aria-label='text'] text").allTextContents();
    expect([...panels].sort()).toEqual(["cobalt", "copper", "graphite", "lithium", "magnet rare earths", "nickel"]);
    expect(tierTrajectories(published("fig-s19")).filter((m) => m.source === "IEA" && m.year === 2040)).toHaveLength(12);
    // The nickel discrepancy is shown, not forced.
    expect(await page.locator("#fig-s17 td[data-block='nickel/mining'][data-year='2024']").textContent()).toBe("3,961 vs 3,861: +100 = Australia twice");
    expect(await page.locator("#fig-s17 td[data-block='nickel/refining'][data-year='2024']").getAttribute("data-difference")).toBe("113.1");
  });

  it("a link to a Chinese lithium refining outage in 2024 reopens it, with its time to survive from HiGHS in the browser; changing the links redraws it without reloading", async () => {
    const other = await browser.newPage();
    try {
      const report = await checkPage(other, `${origin}/pages/resilience?year=2024&mineral=lithium&tier=refining&country=China#fig-s20`, {timeout: 120_000});
      expect(report.consoleErrors).toEqual([]);
      expect(report.cellErrors).toEqual([]);
      await other.evaluate(() => ((window as unknown as {pageMark: string}).pageMark = "tiers"));
      const inputs: TierShockInputs = {mineral: "lithium", year: 2024, tier: "refining", rule: "domestic-trade", country: "China", sharePercent: 50, months: 6, stockpileDays: 30, sparePercent: 5};
      const node = twoTierShock(published("fig-s20"), inputs, highs);
      const tts = async () => Number(await other.locator("#shock-results[data-network='two tiers'] [data-shock=tts]").getAttribute("data-value"));
      expect(await tts()).toBeCloseTo(node.timeToSurvive, 9);
      // By hand (tests/lib/resilience/tier-models.test.ts): stock / (demand - maximum flow) = 2.8247 months.
      expect(await tts()).toBeCloseTo(2.8247, 4);
      expect(Number(await other.locator("[data-shock=tts-hand]").getAttribute("data-value"))).toBeCloseTo(2.8247, 4);
      expect(await other.locator("[data-shock=tts]").textContent()).toBe("2.82 months");
      expect(await other.locator("#shock-country select option:checked").textContent()).toBe("China");
      expect(await other.locator("#fig-s20 .figure-body svg").count()).toBeGreaterThan(0);
      expect(await other.locator("#fig-s3 .figure-body").textContent()).toMatch(/choose 2021/);
      // Every mine linked to every refinery: the others' spare refining reaches idle ore.
      await other.locator("#shock-rule select").selectOption({label: RULE_LABELS.pooled});
      const pooled = twoTierShock(published("fig-s20"), {...inputs, rule: "pooled"}, highs).timeToSurvive;
      await expect.poll(tts).toBeCloseTo(pooled, 9);
      expect(pooled).toBeCloseTo(2.9332, 4);
      await expect.poll(() => new URL(other.url()).searchParams.get("rule")).toBe("pooled");
      expect(new URL(other.url()).searchParams.get("year")).toBe("2024");
      expect(await other.evaluate(() => (window as unknown as {pageMark?: string}).pageMark)).toBe("tiers");
      // Figure S21 follows the outage through the IEA's years, HiGHS beside the maximum flow.
      const cells = other.locator("#fig-s21 tr[data-scenario='lithium-refining-china'] td[data-value]");
      await expect.poll(() => cells.count()).toBe(8);
    } finally {
      await other.close();
    }
  });

  it("choosing 2040 and nickel mining in the explorer hits Indonesia, as the scenario of Figure S21 does", async () => {
    await page.locator("#shock-year select").selectOption({label: "2040: IEA mining → refining, base case"});
    await page.locator("#shock-mineral select").selectOption({label: "nickel"});
    await page.locator("#shock-tier input[value='0']").check();
    // The country chosen before (Australia) mines nickel too, so it stays chosen until the reader picks another.
    await expect.poll(() => page.locator("#shock-country select option:checked").textContent()).toBe("Australia");
    await page.locator("#shock-country select").selectOption({label: "Indonesia"});
    await expect.poll(() => page.locator("#shock-results[data-network='two tiers'] [data-shock=tts]").count()).toBe(1);
    const inputs: TierShockInputs = {mineral: "nickel", year: 2040, tier: "mining", rule: "domestic-trade", country: "Indonesia", sharePercent: 50, months: 6, stockpileDays: 90, sparePercent: 5};
    const node = twoTierShock(published("fig-s20"), inputs, highs);
    await expect.poll(() => valueOf("#shock-results [data-shock=tts]")).toBeCloseTo(node.timeToSurvive, 9);
    await expect.poll(() => new URL(page.url()).searchParams.get("mineral")).toBe("nickel");
    await notReloaded();
  });
});
