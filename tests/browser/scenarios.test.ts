import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {defaultAssumptions} from "../../lib/material-flows/model.ts";
import {scenarioSeries, scenarioYear} from "../../lib/material-flows/scenarios.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mfaFlowsTable} from "../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../lib/tables/mfa-processes.ts";
import {tableFromIPC} from "apache-arrow";
import {checkPage, useSite} from "./chromium.ts";

// Runs after `npm run build`: the section "Scenarios to 2050" of /pages/material-flows, Figures
// S24 and S25, drawn from their published results at once, following the sliders.
const site = useSite();
let origin: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
/** Figure S24's published rows, as the page reads them. */
const published = () => tableFromIPC(readFileSync("dist/data/figures/fig-s24.arrow")).toArray().map((d) => d.toJSON() as Record<string, unknown>);

beforeAll(async () => {
  ({origin, browser} = site);
  page = await browser.newPage({viewport: {width: 1280, height: 900}});
  page.on("request", (r) => requests.push(r.url()));
});

async function setInput(selector: string, value: number | string) {
  await page.locator(selector).first().evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}
/** The 2050 recycled supply of each scenario as drawn in Figure S24, by system. */
const drawn2050 = (system: string) =>
  page.locator(`#fig-s24 [data-system=${system}] circle[data-recycled-2050]`).evaluateAll((dots) => dots.map((d) => [d.getAttribute("data-scenario"), Number(d.getAttribute("data-recycled-2050"))] as const));

describe("/pages/material-flows: scenarios to 2050", () => {
  it("opens with no console error, and draws Figures S24 and S25 from their published results without DuckDB", async () => {
    const report = await checkPage(page, `${origin}/pages/material-flows`, {timeout: 120_000});
    expect(report).toEqual({consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0});
    expect(requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
    for (const id of ["fig-s24", "fig-s25"]) {
      expect(await page.locator(`#${id}`).getAttribute("data-state")).toBe("snapshot");
      expect(await page.locator(`#${id} .figure-body svg[aria-label]`).count()).toBe(2); // one chart per system
      expect(await page.locator(`#${id} [data-tool=query]`).count()).toBe(1);
    }
    // The section sits just before the reconciliation, with its own heading.
    const headings = await page.locator("#observablehq-main h2").allTextContents();
    expect(headings.indexOf("Scenarios to 2050")).toBe(headings.indexOf("Reconciliation") - 1);
    // Figure S24 marks the IEA's own values: 2024 and five scenario years, in three panels, per system.
    expect(await page.locator("#fig-s24 [data-system=lithium] circle[data-basis=IEA]").count()).toBe(3 * 6);
    expect(await page.locator("#fig-s25 circle[data-share-2050]").count()).toBe(6);
  });

  it("draws the values lib computes in Node from the same rows, at the defaults", async () => {
    const rows = published();
    for (const system of ["lithium", "nickel"] as const) {
      const expected = scenarioYear(scenarioSeries(rows, system, defaultAssumptions(flows, processes, system)), 2050).map((d) => [d.scenario, d.recycled]);
      const got = await drawn2050(system);
      expect(got.map(([s]) => s)).toEqual(["STEPS", "APS", "NZE"]);
      got.forEach(([, v], i) => expect(v).toBeCloseTo(expected[i]![1] as number, 9));
    }
    expect(Number(await page.locator("[data-scenario-2050='lithium NZE recycled']").getAttribute("data-value"))).toBeCloseTo((await drawn2050("lithium"))[2]![1], 12);
  });

  it("moving a slider changes the 2050 values at once, and the address keeps it", async () => {
    const before = await drawn2050("lithium");
    const shareBefore = await page.locator("#fig-s25 [data-system=lithium] circle[data-share-2050]").evaluateAll((d) => d.map((x) => Number(x.getAttribute("data-share-2050"))));
    const nickelBefore = await drawn2050("nickel");
    await setInput("[data-assumption=li-lifetime] input[type=range]", 8);
    await expect.poll(async () => (await drawn2050("lithium"))[0]![1]).not.toBe(before[0]![1]);
    const after = await drawn2050("lithium");
    // a shorter lifetime brings more of the fast-growing inflow to end of life by 2050
    after.forEach(([, v], i) => expect(v).toBeGreaterThan(before[i]![1]));
    const shareAfter = await page.locator("#fig-s25 [data-system=lithium] circle[data-share-2050]").evaluateAll((d) => d.map((x) => Number(x.getAttribute("data-share-2050"))));
    shareAfter.forEach((v, i) => expect(v).toBeGreaterThan(shareBefore[i]!));
    expect(await drawn2050("nickel")).toEqual(nickelBefore); // the nickel sliders did not move
    expect(new URL(page.url()).searchParams.get("li-lifetime")).toBe("8");
    // and the values are lib's at the new lifetime
    const expected = scenarioYear(scenarioSeries(published(), "lithium", {...defaultAssumptions(flows, processes, "lithium"), lifetime: {mean: 8, sd: 3}}), 2050);
    after.forEach(([, v], i) => expect(v).toBeCloseTo(expected[i]!.recycled, 9));
  });

  it("a reload from the address keeps the slider and the figures drawn from it", async () => {
    await setInput("[data-assumption=ni-collection] input[type=range]", 40);
    await expect.poll(() => new URL(page.url()).searchParams.get("ni-collection")).toBe("40");
    const lithium = await drawn2050("lithium");
    const nickel = await drawn2050("nickel");
    await page.reload();
    await expect.poll(async () => (await drawn2050("nickel")).length, {timeout: 60_000}).toBe(3);
    expect(await page.locator("[data-assumption=li-lifetime] input[type=range]").inputValue()).toBe("8");
    expect(await page.locator("[data-assumption=ni-collection] input[type=range]").inputValue()).toBe("40");
    expect(await drawn2050("lithium")).toEqual(lithium);
    expect(await drawn2050("nickel")).toEqual(nickel);
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await setInput("[data-assumption=li-collection] input[type=range]", 60);
    await expect.poll(() => new URL(page.url()).searchParams.get("li-collection")).toBe("60");
    expect(errors).toEqual([]);
  });

  it("DuckDB-WASM gives the published rows for Figures S24 and S25", async () => {
    for (const id of ["fig-s24", "fig-s25"]) {
      const same = await page.locator(`#${id}`).evaluate(async (el) => {
        const figure = el as unknown as {runQuery(): Promise<Record<string, unknown>[]>; snapshotRows: Record<string, unknown>[]};
        const rows = await figure.runQuery();
        return {rows: rows.length, snapshot: figure.snapshotRows.length, equal: JSON.stringify(rows) === JSON.stringify(figure.snapshotRows)};
      });
      expect(same).toEqual({rows: same.snapshot, snapshot: same.snapshot, equal: true});
      expect(await page.locator(`#${id} .figure-body svg[aria-label]`).count()).toBe(2);
    }
  });
});
