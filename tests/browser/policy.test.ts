import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {POLICY_FIGURES} from "../../lib/figures/policy.ts";
import {initiativesOf, measuresOf} from "../../lib/policy/aggregates.ts";
import {filterMeasures, OPEN_FILTER} from "../../lib/policy/filters.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {policyMeasuresTable} from "../../lib/tables/policy-measures.ts";
import {checkPage, looseCharts, useSite} from "./chromium.ts";

// Runs after `npm run build`, against dist/. MINERS_ORIGIN points it at a running server instead
// (a preview), to check the page while it is being written.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


const CLEAN = {consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0};
const rows = buildTable(policyMeasuresTable, (p) => readFileSync("data/sources/" + p, "utf-8"));

async function open(search = ""): Promise<Page> {
  const page = await browser.newPage();
  const report = await checkPage(page, `${origin}/pages/policy${search}`);
  expect(report).toEqual(CLEAN);
  // checkPage can return before the cells that wait on the figures' data have run: wait for every
  // figure to be drawn, then check again that no cell failed.
  await expect.poll(() => page.locator("figure.live-figure .figure-body > *").count(), {timeout: 30_000}).toBe(POLICY_FIGURES.length);
  expect(await page.locator(".observablehq--error").count()).toBe(0);
  return page;
}

/** The text of the option a filter shows (Inputs.select's option values are indices). */
const chosen = (page: Page, label: string) => page.getByLabel(label, {exact: true}).evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? null);
const shown = (page: Page) => page.locator("[data-shown]").getAttribute("data-shown");
const drawn = (page: Page, figure: string, attribute: string) => page.locator(`[data-figure='${figure}'] [${attribute}]`).first().getAttribute(attribute);

describe("/pages/policy", () => {
  it("opens with no console error, no foreign request, every cell settled, all measures shown", async () => {
    const page = await open();
    try {
      expect(await shown(page)).toBe(String(measuresOf(rows).length));
      expect(await drawn(page, "10a", "data-measures")).toBe(String(measuresOf(rows).length));
      expect(await page.locator("[data-comparison] tbody tr").count()).toBe(22);
      expect(await page.locator("[data-paper-id=pol_measures_total] [data-ours]").textContent()).toBe(String(measuresOf(rows).length));
    } finally {
      await page.close();
    }
  });

  it("draws every chart in a live figure, one for each of the page's figure definitions", async () => {
    const page = await open();
    try {
      const figures = await page.locator("figure.live-figure").evaluateAll((fs) => fs.map((f) => [f.id, (f as HTMLElement).dataset.figure]));
      expect(figures).toEqual(POLICY_FIGURES.map((f) => [f.id, f.number]));
      // Any sizeable chart (an svg not inside another, not a legend swatch) sits in a live figure.
      const loose = await looseCharts(page);
      expect(loose).toEqual([]);
      for (const f of POLICY_FIGURES) {
        expect(await page.locator(`figure#${f.id} .figure-body > *`).count(), f.id).toBe(1);
        expect(await page.locator(`figure#${f.id} .qc-error`).count(), f.id).toBe(0);
      }
      expect(await drawn(page, "S13", "data-measures")).toBe(String(measuresOf(rows).length));
    } finally {
      await page.close();
    }
  });

  it("Figure 10's query edited to count only measures in force redraws it with fewer, and a filter keeps the edited result", async () => {
    const inForce = measuresOf(rows).filter((d) => d.status === "implemented");
    expect(inForce.length).toBeLessThan(measuresOf(rows).length);
    const page = await open();
    try {
      const sql = POLICY_FIGURES.find((f) => f.id === "fig-10a")!.sql.replace("WHERE part_of IS NULL", "WHERE part_of IS NULL AND status = 'implemented'");
      expect(sql).toContain("status = 'implemented'");
      await page.evaluate((q) => (document.getElementById("fig-10a") as HTMLElement & {runQuery(sql: string): Promise<unknown>}).runQuery(q), sql);
      await expect.poll(() => drawn(page, "10a", "data-measures")).toBe(String(inForce.length));
      expect(await page.locator("#fig-10a").getAttribute("data-state")).toBe("query");
      await page.getByLabel("Jurisdiction", {exact: true}).selectOption({label: "United States (USA)"});
      await expect.poll(() => shown(page)).toBe(String(measuresOf(filterMeasures(rows, {...OPEN_FILTER, jurisdiction: "USA"})).length));
      await expect.poll(() => drawn(page, "10a", "data-measures")).toBe(String(inForce.filter((d) => d.jurisdiction === "USA").length));
      expect(await page.locator("#fig-10a").getAttribute("data-state")).toBe("query");
    } finally {
      await page.close();
    }
  });

  it("shows the Minerals Security Partnership members of the source file, with their join dates", async () => {
    const source = csvParse(readFileSync("data/sources/policies/minerals_security_partnership_members.csv", "utf-8"));
    const page = await open();
    try {
      const onPage = await page.locator("[data-msp] tbody tr").evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("[data-partner]")!.textContent!.trim(), tr.getAttribute("data-msp-code"), tr.getAttribute("data-joined")])
      );
      expect(onPage.sort()).toEqual(source.map((d) => [d.partner, d.code, d.joined]).sort());
      expect(onPage).toHaveLength(16);
    } finally {
      await page.close();
    }
  });

  it("a jurisdiction filter changes the charts and the address; reopening the address restores the view", async () => {
    const usa = filterMeasures(rows, {...OPEN_FILTER, jurisdiction: "USA"});
    const usaInitiatives = initiativesOf(filterMeasures(rows, {...OPEN_FILTER, jurisdiction: "USA"}, {asParty: true}));
    const page = await open();
    let url: string;
    try {
      await page.getByLabel("Jurisdiction", {exact: true}).selectOption({label: "United States (USA)"});
      await expect.poll(() => shown(page)).toBe(String(measuresOf(usa).length));
      await expect.poll(() => new URL(page.url()).search).toBe("?jurisdiction=USA");
      expect(await drawn(page, "10a", "data-measures")).toBe(String(measuresOf(usa).length));
      expect(await drawn(page, "S15", "data-initiatives")).toBe(String(usaInitiatives.length));
      await page.getByLabel("From", {exact: true}).selectOption({label: "2025"});
      await expect.poll(() => new URL(page.url()).search).toBe("?jurisdiction=USA&from=2025");
      url = page.url();
    } finally {
      await page.close();
    }
    const reopened = await open(new URL(url).search);
    try {
      expect(await chosen(reopened, "Jurisdiction")).toBe("United States (USA)");
      expect(await chosen(reopened, "From")).toBe("2025");
      const expected = measuresOf(filterMeasures(rows, {...OPEN_FILTER, jurisdiction: "USA", from: 2025}));
      expect(await shown(reopened)).toBe(String(expected.length));
      expect(await drawn(reopened, "10a", "data-measures")).toBe(String(expected.length));
    } finally {
      await reopened.close();
    }
  });

  it("a bad value in the address shows a notice and the page keeps working", async () => {
    const page = await open("?jurisdiction=ATLANTIS&type=subsidy&from=2025&to=2020");
    try {
      const notice = await page.locator("[data-url-problems]").textContent();
      expect(notice).toContain("jurisdiction=ATLANTIS");
      expect(notice).toContain("type=subsidy");
      expect(notice).toContain("the range ends (2020) before it starts (2025)");
      expect(await shown(page)).toBe(String(measuresOf(rows).length));
    } finally {
      await page.close();
    }
  });

  it("a year range chosen backwards shows an error in place, and the charts stay drawn", async () => {
    const page = await open();
    try {
      await page.getByLabel("From", {exact: true}).selectOption({label: "2025"});
      await page.getByLabel("To", {exact: true}).selectOption({label: "2021"});
      await expect.poll(() => page.locator("[data-range-error]").count()).toBe(1);
      expect(await drawn(page, "10a", "data-measures")).toBe(String(measuresOf(rows).length));
      expect(await page.locator(".observablehq--error").count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
