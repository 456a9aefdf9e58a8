import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {defaultAssumptions, runModel, type Assumptions} from "../../lib/material-flows/model.ts";
import {MATERIAL_FLOWS_FIGURES} from "../../lib/figures/material-flows.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mfaFlowsTable} from "../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../lib/tables/mfa-processes.ts";
import {evHistoryCheck} from "../../lib/material-flows/ev-history.ts";
import {formatFlow} from "../../src/components/material-flows/end-of-life-chart.ts";
import {checkPage, useSite} from "./chromium.ts";

// Runs after `npm run build` (see the test script in package.json): it checks the published page.
// MINERS_DIST points it at another build folder; MINERS_ORIGIN at a running server instead.
const site = useSite();
let origin: string;
let browser: Browser;
let page: Page;

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const figureSql = (id: string) => MATERIAL_FLOWS_FIGURES.find((f) => f.id === id)!.sql;
const liDefaults = defaultAssumptions(flows, processes, "lithium");
const lithium = (a: Partial<Assumptions> = {}) => runModel(flows, processes, "lithium", {...liDefaults, ...a});

beforeAll(async () => {
  ({origin, browser} = site);
  page = await browser.newPage({viewport: {width: 1280, height: 900}});
});

/** Sets an input of a Framework Inputs form and fires the input event, as a reader's hand would. */
async function setInput(selector: string, value: number | string) {
  await page.locator(selector).first().evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}

const valueOf = async (selector: string) => Number(await page.locator(selector).first().getAttribute("data-value"));
const sankey = (system: string) => page.locator(`[data-sankey=${system}] svg[aria-label^="Sankey diagram"]`);

describe("/pages/material-flows", () => {
  it("opens with no console error, no foreign request, every cell settled", async () => {
    const report = await checkPage(page, `${origin}/pages/material-flows`, {timeout: 120_000});
    expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
  });

  it("draws every chart in a live figure: Figures 2, 5, 6, S26, 8, S10, S11, S27, S24 and S25, each with its tools", async () => {
    const ids = await page.locator("figure.live-figure").evaluateAll((figures) => figures.map((f) => f.id));
    expect(ids).toEqual(["fig-2", "fig-5", "fig-6", "fig-s26", "fig-8", "fig-s10", "fig-s11", "fig-s27", "fig-s24", "fig-s25"]);
    // every chart of the page (an SVG in the page's content) sits in a live figure
    const outside = await page.locator("#observablehq-main svg").evaluateAll((svgs) => svgs.filter((s) => !s.closest("figure.live-figure")).length);
    expect(outside).toBe(0);
    for (const id of ids) {
      expect(await page.locator(`#${id} .figure-body svg`).count()).toBeGreaterThan(0);
      expect(await page.locator(`#${id} [data-tool=query]`).count()).toBe(1);
      expect(await page.locator(`#${id}`).getAttribute("data-state")).toBe("snapshot");
    }
    expect(await page.locator("#fig-5 .figure-anchor").textContent()).toBe("Figure 5");
    expect(await page.locator("#fig-s11 .figure-anchor").textContent()).toBe("Figure S11");
  });

  it("draws both Sankeys, every drawn process with its balance badge ticked", async () => {
    for (const [system, ids] of [["lithium", ["li_mine_aus", "li_ref_chn", "li_cell_chn", "li_ev_use", "li_recycling"]], ["nickel", ["ni_mine_idn", "ni_ore_pool", "ni_npi_feni_idn", "ni_npi_feni_chn", "ni_metal", "ni_other_intermediates", "ni_fabrication", "ni_in_use", "ni_recycling"]]] as const) {
      const svg = sankey(system);
      const drawn = await svg.locator("g[aria-description=processes] rect").evaluateAll((rects) => rects.map((r) => r.getAttribute("aria-label")));
      expect(drawn).toEqual(expect.arrayContaining([...ids]));
      const inside = processes.filter((p) => p.system === system && !p.boundary && drawn.includes(p.id)).length;
      const badges = await svg.locator("g[aria-description=balance] text").evaluateAll((texts) => texts.map((t) => t.firstChild?.textContent));
      expect(badges).toHaveLength(inside);
      expect(new Set(badges)).toEqual(new Set(["✓"]));
      expect(await svg.locator("g[aria-description=loops] path[aria-label]").count()).toBe(1); // the recycling loop
    }
  });

  it("shows the recycled lithium that lib computes in Node: the paper's 1.4 kt at the defaults", async () => {
    expect(await valueOf("[data-flow=li_collected]")).toBeCloseTo(lithium().values.li_collected!, 9);
    expect(await page.locator("[data-flow=li_collected]").textContent()).toBe("1.4");
    expect(new URL(page.url()).search).toBe(""); // the defaults leave the address plain
  });

  it("moving the collection-rate slider to 50 % changes the recycled flow (0.5 x 5.9 kt) and the Sankey at once, and the address keeps it", async () => {
    const before = await sankey("lithium").evaluate((svg) => svg.outerHTML);
    const width = async () => Number(await sankey("lithium").locator("g[aria-description=flows] path[aria-label=li_collected]").first().getAttribute("stroke-width"));
    const widthBefore = await width();
    await setInput("[data-assumption=li-collection] input[type=range]", 50);
    await expect.poll(() => page.locator("[data-flow=li_collected]").textContent()).toBe("2.95");
    expect(await valueOf("[data-flow=li_collected]")).toBeCloseTo(lithium({collectionRate: 0.5}).values.li_collected!, 9);
    expect(await sankey("lithium").evaluate((svg) => svg.outerHTML)).not.toBe(before);
    // the recycling link widens with the flow (the layout may rescale by a few per cent when its tallest column changes)
    expect((await width()) / widthBefore).toBeCloseTo(2.95 / lithium().values.li_collected!, 1);
    // 50 % is no longer "around a quarter" (25 % +- 10 %)
    expect(await page.locator("[data-comparison=lithium] tr[data-paper=li_recycled_share_2021]").getAttribute("data-agrees")).toBe("false");
    expect(new URL(page.url()).searchParams.get("li-collection")).toBe("50");
  });

  it("a reload from the address keeps the slider's value and the figures drawn from it", async () => {
    await setInput("[data-assumption=ni-lifetime] input[type=range]", 25);
    await expect.poll(() => new URL(page.url()).searchParams.get("ni-lifetime")).toBe("25");
    await page.reload();
    await expect.poll(() => page.locator("[data-flow=li_collected]").textContent(), {timeout: 60_000}).toBe("2.95");
    expect(await page.locator("[data-assumption=li-collection] input[type=range]").inputValue()).toBe("50");
    expect(await page.locator("[data-assumption=ni-lifetime] input[type=range]").inputValue()).toBe("25");
    expect(await page.locator("[data-lifetime=nickel]").textContent()).toContain("mean 25 years");
    const title = await sankey("lithium").locator("g[aria-description=flows] path[aria-label=li_collected] title").first().textContent();
    expect(title).toContain("2.95");
  });

  it("a typed value out of range shows a message in place and leaves the model as it was", async () => {
    await setInput("[data-assumption=li-collection] input[type=number]", 150);
    await expect.poll(() => page.locator("[data-assumption-error=li-collection]").textContent()).toContain("Enter a number from 0 to 100");
    expect(await page.locator("[data-flow=li_collected]").textContent()).toBe("2.95");
  });

  it("DuckDB-WASM gives the same rows as the build's native DuckDB for Figures S10, S11 and S27", async () => {
    for (const id of ["fig-s10", "fig-s11", "fig-s27"]) {
      const same = await page.locator(`#${id}`).evaluate(async (el) => {
        const figure = el as unknown as {runQuery(): Promise<Record<string, unknown>[]>; snapshotRows: Record<string, unknown>[]};
        const rows = await figure.runQuery();
        return {rows: rows.length, snapshot: figure.snapshotRows.length, equal: JSON.stringify(rows) === JSON.stringify(figure.snapshotRows)};
      });
      expect(same).toEqual({rows: same.snapshot, snapshot: same.snapshot, equal: true});
      expect(await page.locator(`#${id} .figure-body svg`).count()).toBeGreaterThan(0);
    }
  });

  it("an edited query redraws the Sankey from its rows, and a slider keeps the reader's rows", async () => {
    const figure = page.locator("#fig-5");
    const titleOf = () => sankey("lithium").locator("g[aria-description=flows] path[aria-label=li_mined_aus] title").first().textContent();
    expect(await titleOf()).toContain("55.3");
    const sql = figureSql("fig-5").replace(
      "from_process, to_process, value,",
      "from_process, to_process, CASE id WHEN 'li_mined_aus' THEN 66.6 ELSE value END AS value,"
    );
    expect(sql).toContain("66.6");
    const rows = await figure.evaluate(async (el, q) => (await (el as unknown as {runQuery(sql: string): Promise<unknown[]>}).runQuery(q)).length, sql);
    expect(rows).toBe(processes.filter((p) => p.system === "lithium").length + flows.filter((f) => f.system === "lithium").length);
    await expect.poll(() => figure.getAttribute("data-state"), {timeout: 120_000}).toBe("query");
    expect(await titleOf()).toContain("66.6");
    // a slider redraws from the reader's rows, not the published ones
    await setInput("[data-assumption=li-collection] input[type=range]", 40);
    await expect.poll(() => page.locator("[data-flow=li_collected]").textContent()).toBe("2.36");
    expect(await figure.getAttribute("data-state")).toBe("query");
    expect(await titleOf()).toContain("66.6");
  });

  it("an edit the model cannot read shows the error in place of the Sankey, and the page keeps working", async () => {
    const figure = page.locator("#fig-6");
    const sql = figureSql("fig-6").replace(
      "from_process, to_process, value,",
      "from_process, to_process, CASE id WHEN 'ni_mined_idn' THEN -5 ELSE value END AS value,"
    );
    await figure.evaluate(async (el, q) => void (await (el as unknown as {runQuery(sql: string): Promise<unknown[]>}).runQuery(q)), sql);
    await expect.poll(() => figure.getAttribute("data-state"), {timeout: 120_000}).toBe("error");
    expect(await figure.locator(".figure-body .qc-error").textContent()).toContain("ni_mined_idn");
    expect(await figure.locator(".figure-body .qc-error").textContent()).toContain("value must be 0 or more");
    expect(await sankey("lithium").count()).toBe(1);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
  });

  it("assumptions that would make a flow negative show the error in place of the Sankey, and the page keeps working", async () => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    const bad = {collectionRate: 1, lifetime: {mean: 20, sd: 3}, growth: -0.1};
    expect(() => lithium(bad)).toThrow(/would be negative/);
    await page.goto(`${origin}/pages/material-flows`);
    await expect.poll(() => sankey("lithium").count(), {timeout: 60_000}).toBe(1);
    await setInput("[data-assumption=li-collection] input[type=range]", 100);
    await setInput("[data-assumption=li-lifetime] input[type=range]", 20);
    await setInput("[data-assumption=li-growth] input[type=range]", -10);
    await expect.poll(() => page.locator("#fig-5 .figure-body .qc-error").textContent()).toContain("would be negative");
    expect(await page.locator("#fig-5").getAttribute("data-state")).toBe("error");
    expect(await sankey("nickel").count()).toBe(1); // the nickel system is untouched
    await setInput("[data-assumption=li-growth] input[type=range]", 20);
    await expect.poll(() => sankey("lithium").count()).toBe(1);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("a bad value in the address falls back to the default, named, and the page draws", async () => {
    const report = await checkPage(page, `${origin}/pages/material-flows?li-collection=abc&ni-lifetime=7.3&li-lifetime=12`, {timeout: 120_000});
    expect(report.cellErrors).toEqual([]);
    const problem = await page.locator("[data-url-problem=lithium]").textContent();
    expect(problem).toContain("li-collection=abc is not a number from 0 to 100");
    expect(problem).toContain(`the default ${(100 * liDefaults.collectionRate).toFixed(1)} is used`);
    expect(await page.locator("[data-url-problem=nickel]").textContent()).toContain("ni-lifetime=7.3 is not a number from 5 to 50 in steps of 0.5");
    // the collection rate is the default, the good lifetime of the link is taken
    expect(await page.locator("[data-lifetime=lithium]").textContent()).toContain("mean 12 years");
    expect(await valueOf("[data-flow=li_collected]")).toBeCloseTo(lithium({lifetime: {mean: 12, sd: liDefaults.lifetime.sd}}).values.li_collected!, 9);
    expect(await page.locator("[data-assumption=li-collection] input[type=range]").inputValue()).toBe(String(100 * liDefaults.collectionRate));
    expect(await sankey("lithium").count()).toBe(1);
    expect(await sankey("nickel").count()).toBe(1);
  });

  it("separates the paper's inputs from its checks: agreement is claimed for checks only, and the failed check is worked from the USGS's figures", async () => {
    await checkPage(page, `${origin}/pages/material-flows`, {timeout: 120_000});
    for (const system of ["lithium", "nickel"]) {
      const rows = await page.locator(`[data-comparison=${system}] tbody tr`).evaluateAll((trs) => trs.map((tr) => ({role: tr.getAttribute("data-role"), verdict: tr.getAttribute("data-verdict"), text: tr.textContent})));
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        expect(["input", "check", "consistency"]).toContain(r.role);
        if (r.role === "input") expect(r.verdict).toBe("by construction");
        else expect(["agrees", "differs"]).toContain(r.verdict);
      }
      // checks come first
      expect(rows.findIndex((r) => r.role === "input")).toBeGreaterThan(rows.findLastIndex((r) => r.role === "check"));
    }
    const verdict = (system: string, id: string) => page.locator(`[data-comparison=${system}] tr[data-paper=${id}]`).getAttribute("data-verdict");
    expect(await verdict("lithium", "li_cells_chn_2021")).toBe("by construction");
    expect(await verdict("lithium", "li_share_in_libs")).toBe("differs");
    expect(await verdict("nickel", "ni_mine_idn_2021")).toBe("agrees");
    // USGS: 74 % of 93 kt = 68.82 kt in batteries in 2021; the model's cells 47.5 / 0.7 = 67.86 kt
    const work = (key: string) => page.locator(`[data-check-work=li_share_in_libs] [data-work=${key}]`).textContent();
    expect(await work("consumption")).toBe("93 kt");
    expect(await work("batteries-usgs")).toBe("68.8 kt");
    expect(await work("cells")).toBe("67.9 kt");
    expect(await work("cells-of-consumption")).toBe("73.0 %");
    expect(await work("over-consumption")).toBe("13.9 kt"); // MCS 2023's countries (106.88 kt) less MCS 2022's consumption
    expect(await work("over-consumption-same-edition")).toBe("7 kt"); // within MCS 2022: 100 - 93
  });

  it("draws nickel's refining stage by country and product, the IEA's 2024 refining beside it, and Figure 8's routes as qualitative links", async () => {
    const refining = await page.locator("#fig-s26 [data-refining]").evaluateAll((rects) => Object.fromEntries(rects.map((r) => [r.getAttribute("data-refining"), Number(r.getAttribute("data-value"))])));
    const expected = {"paper:Indonesia": 796, "paper:China": 675, "paper:Rest of world": 201, "IEA:Indonesia": 1493.2, "IEA:China": 1091.077, "IEA:Rest of world": 3483.697 - 1493.2 - 1091.077}; // the IEA's JSON values, unrounded
    expect(Object.keys(refining).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expect(refining[k], k).toBeCloseTo(v, 6);
    expect(await page.locator("[data-refining-text]").textContent()).toContain("Indonesia holds 47.6 %"); // 796 / 1672
    const links = await page.locator("#fig-8 [data-route-link]").count();
    expect(links).toBeGreaterThan(15);
    expect(await page.locator("#fig-8 [data-route-link][data-qualitative=true]").count()).toBe(links);
    expect(await page.locator("#fig-8 [data-route-node='product:Nickel metal']").getAttribute("data-kt")).toBe("804");
    expect(await page.locator("#fig-8 [data-route-node='process:High-pressure acid leaching (HPAL)']").count()).toBe(1);
    // the nickel Sankey's refining stage: Indonesia's and China's NPI and ferronickel, metal, and the balance
    const flows = await sankey("nickel").locator("g[aria-description=flows] path[aria-label]").evaluateAll((ps) => ps.map((p) => p.getAttribute("aria-label")));
    expect(flows).toEqual(expect.arrayContaining(["ni_npi_feni_idn_out", "ni_npi_feni_chn_out", "ni_npi_feni_other_out", "ni_metal_out", "ni_other_int_out"]));
  });

  it("tests the assumed lithium history against the IEA's car sales: lib's values in Node at the defaults, and 31.2 x 2.08 / 6.6 = 9.83 kt at a fixed two-year life", async () => {
    await checkPage(page, `${origin}/pages/material-flows`, {timeout: 120_000});
    const rows = await page.locator("#fig-s27").evaluate((el) => (el as unknown as {snapshotRows: Record<string, unknown>[]}).snapshotRows);
    const check = evHistoryCheck(rows, liDefaults);
    expect(check.eolIea).toBeCloseTo(0.68, 2); // by the IEA's sales, a tenth of the paper's 5.9 kt
    expect(await page.locator("[data-history-check] [data-eol-iea]").textContent()).toBe(formatFlow(check.eolIea));
    expect(await page.locator("[data-history-check] [data-eol-assumed]").textContent()).toBe("5.9"); // calibrated
    expect(await page.locator("[data-history-check] [data-iea-growth]").textContent()).toBe("51 %"); // (6,600,000 / 550,000)^(1/6) - 1, since 2015
    expect(await page.locator("[data-history-check]").textContent()).toContain("rose from 7,450 cars in 2010 and 550,000 cars in 2015 to 6,600,000 cars in 2021");
    expect(await page.locator("#fig-s27 svg[data-eol-iea]").getAttribute("data-eol-iea")).toBe(String(check.eolIea));
    const table = await page.locator("[data-history-check] tr[data-lifetime-mean]").evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute("data-lifetime-mean")), Number(tr.getAttribute("data-eol"))]));
    expect(table).toEqual(check.byLifetime.map((d) => [d.mean, d.eol]));
    // A fixed life of two years: the end of life of 2021 is the inflow of 2019, 31.2 kt x 2,080,000 / 6,600,000 cars.
    await setInput("[data-assumption=li-lifetime-sd] input[type=number]", 0);
    await setInput("[data-assumption=li-lifetime] input[type=number]", 2);
    await expect.poll(() => page.locator("[data-history-check] [data-eol-iea]").textContent()).toBe(formatFlow((31.2 * 2_080_000) / 6_600_000));
    expect(formatFlow((31.2 * 2_080_000) / 6_600_000)).toBe("9.83");
    const fixed = evHistoryCheck(rows, {...liDefaults, lifetime: {mean: 2, sd: 0}});
    expect(fixed.eolIea).toBeCloseTo((31.2 * 2_080_000) / 6_600_000, 9);
    await expect.poll(() => page.locator("#fig-s27 svg[data-eol-iea]").getAttribute("data-eol-iea")).toBe(String(fixed.eolIea));
  });
});
