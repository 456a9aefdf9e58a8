import {JSDOM} from "jsdom";
import {describe, expect, it, vi} from "vitest";
import {OPEN_FILTER} from "../../lib/policy/filters.ts";
import {jurisdictionTypeCells, policyTypeCounts, statusCounts, subtypeCounts, yearLevelCounts} from "../../lib/policy/figure-models.ts";
import {PolicyGapMatrix} from "../../src/components/policy/gap-matrix.ts";
import {IeaTypeChart} from "../../src/components/policy/iea-type-chart.ts";
import {PolicyJurisdictionChart} from "../../src/components/policy/jurisdiction-chart.ts";
import {PolicyStatusChart} from "../../src/components/policy/status-chart.ts";
import {NO_YEAR, PolicyTimelineChart} from "../../src/components/policy/timeline-chart.ts";
import {PolicyTypeChart} from "../../src/components/policy/type-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";

/**
 * Eight hand-made records, as the figures' queries return them. r1 (USA) has two types in two
 * classes, so it weighs 1/2 in each; r2 names USA and JPN (an arrangement); the rest one type each.
 */
const RECORDS = [
  {policy_id: "r1", countries: "USA", year: 2021, status: "In force", level: "National", types: [["Strategic plans", "governance_strategy"], ["Financing", "financial_support"]]},
  {policy_id: "r2", countries: "USA;JPN", year: 2023, status: "In force", level: "International", types: [["International arrangements", "international_arrangement"]]},
  {policy_id: "r3", countries: "AUS", year: 2019, status: "In force", level: "National", types: [["Strategic mineral lists", "governance_strategy"]]},
  {policy_id: "r4", countries: "AUS", year: 2022, status: "Announced", level: "State/Provincial", types: [["Recycling support", "recycling_circularity"]]},
  {policy_id: "r5", countries: "EU", year: 2020, status: "In force", level: "Regional", types: [["Strategic plans", "governance_strategy"]]},
  {policy_id: "r6", countries: "EU", year: 2023, status: "Ended", level: "International", types: [["International arrangements", "international_arrangement"]]},
  {policy_id: "r7", countries: "CHN", year: 2023, status: "In force", level: "National", types: [["Export controls and restrictions", "trade_measures"]]},
  {policy_id: "r8", countries: "CHN", year: 2016, status: "In force", level: "National", types: [["Export controls and restrictions", "trade_measures"]]}
] as const;
const classesOf = (r: (typeof RECORDS)[number]) => [...new Set(r.types.map(([, c]) => c))].join(";");
const NAMES: Record<string, string> = {USA: "United States", AUS: "Australia", EU: "European Union", CHN: "China", JPN: "Japan"};
/** fig-10a's rows: one per record, country and class, weighted by the record's types in the class. */
const countryRows = RECORDS.flatMap((r) =>
  r.countries.split(";").flatMap((c) =>
    [...new Set(r.types.map(([, k]) => k))].map((k) => ({jurisdiction: c, jurisdiction_name: NAMES[c], intervention_type: k, weight: r.types.filter(([, x]) => x === k).length / r.types.length, policy_id: r.policy_id, status: r.status, year: r.year, classes: classesOf(r), technologies: null}))
  )
);
/** fig-10b's and fig-11's rows: one per record and type. */
const typeRows = RECORDS.flatMap((r) => r.types.map(([t, k]) => ({policy_type: t, intervention_type: k, weight: 1 / r.types.length, countries: r.countries, policy_id: r.policy_id, status: r.status, year: r.year, classes: classesOf(r), technologies: null})));
/** fig-s12's and fig-s13's rows: one per record. */
const recordRows = RECORDS.map((r) => ({level: r.level, countries: r.countries, policy_id: r.policy_id, status: r.status, year: r.year, classes: classesOf(r), technologies: null}));
const cells = jurisdictionTypeCells(countryRows, OPEN_FILTER);
const doc = () => new JSDOM("<!doctype html><body></body>").window.document;
const attrs = (root: Element, selector: string, ...names: string[]) => [...root.querySelectorAll(selector)].map((e) => names.map((n) => e.getAttribute(n)));
const click = (e: Element) => e.dispatchEvent(new (e.ownerDocument.defaultView!.Event)("click"));

describe("PolicyJurisdictionChart", () => {
  it("PolicyJurisdictionChart(cells) stacks each country's records by class, most first, ties by code; r1's two classes weigh 1/2 each", () => {
    const chart = PolicyJurisdictionChart(cells, {document: doc()});
    // Record-country pairs: USA 2 (r1, r2), AUS 2, EU 2, CHN 2, JPN 1 (r2) = 9.
    expect(chart.getAttribute("data-measures")).toBe("9");
    expect(attrs(chart, "rect[data-jurisdiction]", "data-jurisdiction", "data-type", "data-count")).toEqual([
      ["AUS", "governance_strategy", "1"],
      ["AUS", "recycling_circularity", "1"],
      ["CHN", "trade_measures", "2"],
      ["EU", "governance_strategy", "1"],
      ["EU", "international_arrangement", "1"],
      ["USA", "governance_strategy", "0.5"],
      ["USA", "financial_support", "0.5"],
      ["USA", "international_arrangement", "1"],
      ["JPN", "international_arrangement", "1"]
    ]);
    const ticks = [...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["Australia (AUS)", "China (CHN)", "European Union (EU)", "United States (USA)", "Japan (JPN)"]);
    expect([...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent)).toEqual(["2", "2", "2", "2", "1"]);
  });

  it("PolicyJurisdictionChart(cells, {limit: 2}) sums the rest into one bar that cannot be selected", () => {
    const onSelect = vi.fn();
    const chart = PolicyJurisdictionChart(cells, {limit: 2, onSelect, document: doc()});
    const ticks = [...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["Australia (AUS)", "China (CHN)", "3 other jurisdictions"]);
    click(chart.querySelector("rect[data-jurisdiction=__others__]")!);
    click(chart.querySelector("rect[data-jurisdiction=CHN]")!);
    expect(onSelect.mock.calls).toEqual([["CHN"]]);
  });

  it("PolicyJurisdictionChart(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyJurisdictionChart(cells, {width: 640, selected: "AUS", document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-jurisdiction-chart.html");
  });
});

describe("IeaTypeChart", () => {
  it("IeaTypeChart(counts) draws a bar per IEA type, most first, coloured by class, and reports the class clicked", () => {
    const onSelect = vi.fn();
    const chart = IeaTypeChart(policyTypeCounts(typeRows, OPEN_FILTER, "mentions"), {onSelect, document: doc()});
    expect(attrs(chart, "rect[data-type]", "data-type", "data-class", "data-count")).toEqual([
      ["Export controls and restrictions", "trade_measures", "2"],
      ["International arrangements", "international_arrangement", "2"],
      ["Strategic plans", "governance_strategy", "2"],
      ["Financing", "financial_support", "1"],
      ["Recycling support", "recycling_circularity", "1"],
      ["Strategic mineral lists", "governance_strategy", "1"]
    ]);
    expect(chart.getAttribute("data-measures")).toBe("9");
    click(chart.querySelector("rect[data-type=Financing]")!);
    expect(onSelect.mock.calls).toEqual([["financial_support"]]);
    // Split, each record counts once: 8 records, r1's two types 0.5 each.
    expect(IeaTypeChart(policyTypeCounts(typeRows, OPEN_FILTER, "split"), {document: doc()}).getAttribute("data-measures")).toBe("8");
  });

  it("IeaTypeChart(counts) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(IeaTypeChart(policyTypeCounts(typeRows, OPEN_FILTER, "split"), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-iea-type-chart.html");
  });
});

describe("PolicyTypeChart", () => {
  it("PolicyTypeChart(counts) gives every class a row with its share of the 9 types, empty classes at 0 %", () => {
    const chart = PolicyTypeChart(subtypeCounts(typeRows, OPEN_FILTER, "mentions"), {document: doc()});
    const labels = [...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    // governance 3/9, financial 1/9, recycling 1/9, trade 2/9, international 2/9.
    expect(labels).toEqual(["33.3 % (3)", "0.0 % (0)", "0.0 % (0)", "11.1 % (1)", "11.1 % (1)", "22.2 % (2)", "0.0 % (0)", "0.0 % (0)", "22.2 % (2)"]);
    expect(chart.getAttribute("data-measures")).toBe("9");
  });

  it("PolicyTypeChart(counts) split over 8 records gives governance 2.5 of 8 and financial support 0.5", () => {
    const labels = [...PolicyTypeChart(subtypeCounts(typeRows, OPEN_FILTER, "split"), {document: doc()}).querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    expect(labels[0]).toBe("31.3 % (2.5)");
    expect(labels[3]).toMatch(/^6\.[23] % \(0\.5\)$/);
  });

  it("PolicyTypeChart(counts) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyTypeChart(subtypeCounts(typeRows, OPEN_FILTER, "mentions"), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-type-chart.html");
  });
});

describe("PolicyTimelineChart", () => {
  it("PolicyTimelineChart(cells) has a column for every year from first to last, and one for records without a year", () => {
    const rows = [...recordRows, {...recordRows[0]!, policy_id: "r9", year: null}];
    const chart = PolicyTimelineChart(yearLevelCounts(rows, OPEN_FILTER), {document: doc()});
    const ticks = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", NO_YEAR]);
    expect(chart.getAttribute("data-measures")).toBe("9");
  });

  it("PolicyTimelineChart(cells, {onSelect}) reports the year clicked", () => {
    const onSelect = vi.fn();
    const chart = PolicyTimelineChart(yearLevelCounts(recordRows, OPEN_FILTER), {onSelect, document: doc()});
    expect(attrs(chart, "rect[data-year]", "data-year").flat()).toEqual(["2016", "2019", "2020", "2021", "2022", "2023", "2023"]); // 2023: r7 national; r2 and r6 international, one segment
    click(chart.querySelector("rect[data-year='2019']")!);
    expect(onSelect.mock.calls).toEqual([[2019]]);
  });

  it("PolicyTimelineChart(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyTimelineChart(yearLevelCounts(recordRows, OPEN_FILTER), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-timeline-chart.html");
  });
});

describe("PolicyStatusChart", () => {
  it("PolicyStatusChart(counts) draws a segment per status present", () => {
    const chart = PolicyStatusChart(statusCounts(recordRows, OPEN_FILTER), {document: doc()});
    expect(attrs(chart, "rect[data-status]", "data-status", "data-count")).toEqual([["In force", "6"], ["Announced", "1"], ["Ended", "1"]]);
  });

  it("PolicyStatusChart(counts, {onSelect}) reports the status clicked", () => {
    const onSelect = vi.fn();
    const chart = PolicyStatusChart(statusCounts(recordRows, OPEN_FILTER), {onSelect, document: doc()});
    click(chart.querySelector("rect[data-status=Ended]")!);
    expect(onSelect.mock.calls).toEqual([["Ended"]]);
  });

  it("PolicyStatusChart(counts) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyStatusChart(statusCounts(recordRows, OPEN_FILTER), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-status-chart.html");
  });
});

describe("PolicyGapMatrix", () => {
  it("PolicyGapMatrix(cells) draws every country x class cell, zeros included, and reports clicks", () => {
    const onSelect = vi.fn();
    const chart = PolicyGapMatrix(cells, {onSelect, document: doc()});
    const drawn = chart.querySelectorAll("rect[data-jurisdiction]");
    expect(drawn).toHaveLength(45);
    expect([...drawn].filter((c) => c.getAttribute("data-count") === "0")).toHaveLength(36);
    expect(chart.getAttribute("data-measures")).toBe("9");
    click(chart.querySelector("rect[data-jurisdiction=CHN][data-type=trade_measures]")!);
    expect(onSelect.mock.calls).toEqual([["CHN", "trade_measures"]]);
  });

  it("PolicyGapMatrix(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyGapMatrix(cells, {width: 640, selected: {jurisdiction: "EU", type: null}, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-gap-matrix.html");
  });
});

describe("the charts on a phone", () => {
  it("at 340 px (a 390 px screen) no chart draws a bar of negative width, and long labels are cut with an ellipsis", () => {
    const charts = [
      PolicyJurisdictionChart(cells, {width: 340, document: doc()}),
      IeaTypeChart(policyTypeCounts(typeRows, OPEN_FILTER, "mentions"), {width: 340, document: doc()}),
      PolicyTypeChart(subtypeCounts(typeRows, OPEN_FILTER, "mentions"), {width: 340, document: doc()}),
      PolicyTimelineChart(yearLevelCounts(recordRows, OPEN_FILTER), {width: 340, document: doc()}),
      PolicyStatusChart(statusCounts(recordRows, OPEN_FILTER), {width: 340, document: doc()}),
      PolicyGapMatrix(cells, {width: 340, document: doc()})
    ];
    for (const chart of charts) {
      const widths = [...chart.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width") ?? 0));
      expect(widths.filter((w) => w < 0)).toEqual([]);
    }
    const ticks = [...charts[1]!.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent ?? "");
    expect(ticks).toContain("Export controls and r…"); // left margin 143 px: 21 characters and the ellipsis
  });
});
