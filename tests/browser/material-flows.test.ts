import {readFileSync} from "node:fs";
import type {Server} from "node:http";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {defaultAssumptions, runModel, type Assumptions} from "../../lib/mfa-systems/model.ts";
import {buildTable} from "../../lib/table.ts";
import {mfaFlowsTable} from "../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../lib/tables/mfa-processes.ts";
import {serveDist} from "../../scripts/serve-dist.ts";
import {checkPage, launch} from "./chromium.ts";

// Runs after `npm run build` (see the test script in package.json): it checks the published page.
// MINERS_DIST points it at another build folder; MINERS_ORIGIN at a running server instead.
const DIST = process.env.MINERS_DIST ?? "dist";
let server: Server | undefined;
let origin: string;
let browser: Browser;
let page: Page;

const read = (p: string) => readFileSync("src/data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const liDefaults = defaultAssumptions(flows, processes, "lithium");
const lithium = (a: Partial<Assumptions> = {}) => runModel(flows, processes, "lithium", {...liDefaults, ...a});

beforeAll(async () => {
  if (process.env.MINERS_ORIGIN) origin = process.env.MINERS_ORIGIN;
  else ({server, origin} = await serveDist(DIST));
  browser = await launch();
  page = await browser.newPage({viewport: {width: 1280, height: 900}});
});

afterAll(async () => {
  await browser?.close();
  server?.close();
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

  it("draws both Sankeys, every drawn process with its balance badge ticked", async () => {
    for (const [system, ids] of [["lithium", ["li_mine_aus", "li_ref_chn", "li_cell_chn", "li_ev_use", "li_recycling"]], ["nickel", ["ni_mine_idn", "ni_refining", "ni_fabrication", "ni_in_use", "ni_recycling"]]] as const) {
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
  });

  it("moving the collection-rate slider to 50 % changes the recycled flow (0.5 x 5.9 kt) and the Sankey at once", async () => {
    const before = await sankey("lithium").evaluate((svg) => svg.outerHTML);
    const width = async () => Number(await sankey("lithium").locator("g[aria-description=flows] path[aria-label=li_collected]").first().getAttribute("stroke-width"));
    const widthBefore = await width();
    await setInput("[data-assumption=lithium-collection] input[type=range]", 50);
    await expect.poll(() => page.locator("[data-flow=li_collected]").textContent()).toBe("2.95");
    expect(await valueOf("[data-flow=li_collected]")).toBeCloseTo(lithium({collectionRate: 0.5}).values.li_collected!, 9);
    expect(await sankey("lithium").evaluate((svg) => svg.outerHTML)).not.toBe(before);
    // the recycling link widens with the flow; the scale of the diagram is unchanged
    expect((await width()) / widthBefore).toBeCloseTo(2.95 / lithium().values.li_collected!, 6);
    // 50 % is no longer "around a quarter" (25 % +- 10 %)
    expect(await page.locator("[data-comparison=lithium] tr[data-paper=li_recycled_share_2021]").getAttribute("data-agrees")).toBe("false");
  });

  it("a typed value out of range shows a message in place and leaves the model as it was", async () => {
    await setInput("[data-assumption=lithium-collection] input[type=number]", 150);
    await expect.poll(() => page.locator("[data-assumption-error=lithium-collection]").textContent()).toContain("Enter a number from 0 to 100");
    expect(await page.locator("[data-flow=li_collected]").textContent()).toBe("2.95");
  });

  it("assumptions that would make a flow negative show the error in place of the Sankey, and the page keeps working", async () => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    const bad = {collectionRate: 1, lifetime: {mean: 20, sd: 3}, growth: -0.1};
    expect(() => lithium(bad)).toThrow(/would be negative/);
    await setInput("[data-assumption=lithium-collection] input[type=range]", 100);
    await setInput("[data-assumption=lithium-lifetime] input[type=range]", 20);
    await setInput("[data-assumption=lithium-growth] input[type=range]", -10);
    await expect.poll(() => page.locator("[data-sankey=lithium] [data-error]").textContent()).toContain("would be negative");
    expect(await sankey("nickel").count()).toBe(1); // the nickel system is untouched
    await setInput("[data-assumption=lithium-growth] input[type=range]", 20);
    await expect.poll(() => sankey("lithium").count()).toBe(1);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
