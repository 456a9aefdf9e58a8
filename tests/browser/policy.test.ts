import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {POLICY_FIGURES} from "../../lib/figures/policy.ts";
import {filterRecords, OPEN_FILTER, type PolicyFilter} from "../../lib/policy/filters.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {policiesTable} from "../../lib/tables/policies.ts";
import {policyCountriesTable} from "../../lib/tables/policy-countries.ts";
import {policyParticipationTable} from "../../lib/tables/policy-participation.ts";
import {checkPage, looseCharts, useSite} from "./chromium.ts";

// Runs after `npm run build`, against dist/. MINERS_ORIGIN points it at a running server instead
// (a preview), to check the page while it is being written.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


const CLEAN = {consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0};
const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const records = buildTable(policiesTable, read);
const countryRows = buildTable(policyCountriesTable, read);
const participation = buildTable(policyParticipationTable, read);
/** The records a filter keeps, and the record-country pairs Figure 10 (a) draws for them. */
const kept = (filter: Partial<PolicyFilter>) => filterRecords(records, {...OPEN_FILTER, ...filter});
const pairs = (filter: Partial<PolicyFilter>) => {
  const ids = new Set(kept({...filter, jurisdiction: "all"}).map((r) => r.policy_id));
  return countryRows.filter((c) => ids.has(c.policy_id) && (filter.jurisdiction === undefined || filter.jurisdiction === "all" || c.country === filter.jurisdiction)).length;
};

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
  it("opens with no console error, no foreign request, every cell settled, all 625 records shown and the paper's counts beside ours", async () => {
    const page = await open();
    try {
      expect(await shown(page)).toBe(String(records.length));
      expect(await drawn(page, "10a", "data-measures")).toBe(String(countryRows.length));
      expect(await page.locator("[data-comparison] tbody tr").count()).toBe(22);
      const ours = (id: string) => page.locator(`[data-paper-id=${id}] [data-ours]`).textContent();
      expect(await ours("pol_measures_total")).toBe("625");
      expect(await Promise.all(["pol_count_usa", "pol_count_aus", "pol_count_eu", "pol_count_can", "pol_count_chn"].map(ours))).toEqual(["70", "64", "51", "46", "31"]);
      expect(await ours("pol_share_implemented")).toBe("87.2 %");
      expect(await ours("pol_share_since_2018")).toBe("75.2 %");
      expect(await ours("pol_share_since_2020")).toBe("67.0 %");
      expect(await ours("coop_initiatives_total")).toBe("40");
      expect(await page.locator("[data-rules] tr.used").getAttribute("data-rule")).toBe("type-by-title");
      expect(await page.locator("[data-class-shares] tbody tr").count()).toBe(9);
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
      expect(await drawn(page, "S13", "data-measures")).toBe(String(records.length));
    } finally {
      await page.close();
    }
  });

  it("Figure 10 (a)'s query edited to count only records in force redraws it with fewer, and a filter keeps the edited result", async () => {
    const inForce = (jurisdiction?: string) => countryRows.filter((c) => records.find((r) => r.policy_id === c.policy_id)!.status === "In force" && (jurisdiction === undefined || c.country === jurisdiction)).length;
    expect(inForce()).toBeLessThan(countryRows.length);
    const page = await open();
    try {
      const sql = POLICY_FIGURES.find((f) => f.id === "fig-10a")!.sql.replace("GROUP BY ALL", "WHERE p.status = 'In force'\nGROUP BY ALL");
      expect(sql).toContain("p.status = 'In force'");
      await page.evaluate((q) => (document.getElementById("fig-10a") as HTMLElement & {runQuery(sql: string): Promise<unknown>}).runQuery(q), sql);
      await expect.poll(() => drawn(page, "10a", "data-measures"), {timeout: 60_000}).toBe(String(inForce()));
      expect(await page.locator("#fig-10a").getAttribute("data-state")).toBe("query");
      await page.getByLabel("Jurisdiction", {exact: true}).selectOption({label: "United States (70)"});
      await expect.poll(() => shown(page)).toBe(String(kept({jurisdiction: "USA"}).length));
      await expect.poll(() => drawn(page, "10a", "data-measures")).toBe(String(inForce("USA")));
      expect(await page.locator("#fig-10a").getAttribute("data-state")).toBe("query");
    } finally {
      await page.close();
    }
  });

  it("clicking a bar of Figure 10 (a) lists the records behind it, each linked", async () => {
    const page = await open();
    try {
      await page.locator("[data-figure='10a'] rect[data-jurisdiction=AUS]").first().click();
      await expect.poll(() => page.locator("[data-record-list]").first().getAttribute("data-record-list")).toBe("64");
      const links = await page.locator("[data-record-list]").first().locator("li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(links).toHaveLength(64);
      expect(links.every((h) => /^https?:\/\//.test(h ?? ""))).toBe(true);
      await expect.poll(() => new URL(page.url()).search).toBe("?jurisdiction=AUS");
      // The cooperation section lists Australia's initiatives too: the ten the rule finds.
      expect(await page.locator("[data-record-list]").nth(1).getAttribute("data-record-list")).toBe("10");
    } finally {
      await page.close();
    }
  });

  it("shows the Minerals Security Partnership members of the source file, a date only where an official source gives one", async () => {
    const source = csvParse(read("policies/minerals_security_partnership_members.csv"));
    const page = await open();
    try {
      const onPage = await page.locator("[data-msp] tbody tr").evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("[data-partner]")!.textContent!.trim(), tr.getAttribute("data-msp-code"), tr.getAttribute("data-joined")])
      );
      expect(onPage.sort()).toEqual(source.map((d) => [d.partner, d.code, d.joined]).sort());
      expect(onPage).toHaveLength(15);
    } finally {
      await page.close();
    }
  });

  it("a jurisdiction filter changes the charts and the address; reopening the address restores the view", async () => {
    const usaInitiatives = new Set(participation.filter((p) => p.party === "USA").map((p) => p.initiative_id)).size;
    const page = await open();
    let url: string;
    try {
      await page.getByLabel("Jurisdiction", {exact: true}).selectOption({label: "United States (70)"});
      await expect.poll(() => shown(page)).toBe("70");
      await expect.poll(() => new URL(page.url()).search).toBe("?jurisdiction=USA");
      expect(await drawn(page, "10a", "data-measures")).toBe("70");
      expect(await drawn(page, "S15", "data-initiatives")).toBe(String(usaInitiatives));
      await page.getByLabel("From", {exact: true}).selectOption({label: "2022"});
      await expect.poll(() => new URL(page.url()).search).toBe("?jurisdiction=USA&from=2022");
      url = page.url();
    } finally {
      await page.close();
    }
    const reopened = await open(new URL(url).search);
    try {
      expect(await chosen(reopened, "Jurisdiction")).toBe("United States (70)");
      expect(await chosen(reopened, "From")).toBe("2022");
      const expected = kept({jurisdiction: "USA", from: 2022});
      expect(expected.length).toBeLessThan(70);
      expect(await shown(reopened)).toBe(String(expected.length));
      expect(await drawn(reopened, "10a", "data-measures")).toBe(String(pairs({jurisdiction: "USA", from: 2022})));
      expect(await reopened.locator("[data-record-list]").first().getAttribute("data-record-list")).toBe(String(expected.length));
    } finally {
      await reopened.close();
    }
  });

  it("the technology filter is kept in the address and narrows every figure", async () => {
    const technology = "Battery technologies";
    const expected = kept({technology});
    expect(expected.length).toBeGreaterThan(0);
    const page = await open(`?technology=${encodeURIComponent(technology.toLowerCase())}`);
    try {
      expect(await shown(page)).toBe(String(expected.length));
      expect(await drawn(page, "S13", "data-measures")).toBe(String(expected.length));
      await expect.poll(() => new URL(page.url()).search).toBe(`?technology=${encodeURIComponent(technology).replace(/%20/g, "+")}`);
    } finally {
      await page.close();
    }
  });

  it("a bad value in the address shows a notice and the page keeps working", async () => {
    const page = await open("?jurisdiction=ATLANTIS&type=subsidy&from=2025&to=2020");
    try {
      const notice = await page.locator("[data-url-problems]").textContent();
      expect(notice).toContain("jurisdiction=ATLANTIS");
      expect(notice).toContain("type=subsidy");
      expect(notice).toContain("the range ends (2020) before it starts (2025)");
      expect(await shown(page)).toBe(String(records.length));
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
      expect(await drawn(page, "10a", "data-measures")).toBe(String(countryRows.length));
      expect(await page.locator(".observablehq--error").count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
