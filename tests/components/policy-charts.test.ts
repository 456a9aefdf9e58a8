import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, it, vi} from "vitest";
import {adoptionByYear, countsByStatus, measuresOf, typeMatrix} from "../../lib/policy/aggregates.ts";
import {parsePolicyMeasures, type PolicyMeasureRow} from "../../lib/policy/schema.ts";
import {PolicyGapMatrix, type GapMatrixCell} from "../../src/components/policy/gap-matrix.ts";
import {PolicyJurisdictionChart} from "../../src/components/policy/jurisdiction-chart.ts";
import {PolicyStatusChart} from "../../src/components/policy/status-chart.ts";
import {NO_YEAR, PolicyTimelineChart} from "../../src/components/policy/timeline-chart.ts";
import {PolicyTypeChart, type SubtypeCount} from "../../src/components/policy/type-chart.ts";
import {csvOf, FIXTURE} from "../lib/policy/fixture.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const rows = parsePolicyMeasures(csvOf(FIXTURE), "fixture.csv").map((r) => r.row);
const synthetic = parsePolicyMeasures(readFileSync("tests/fixtures/policy_measures_synthetic.csv", "utf-8"), "synthetic.csv").map((r) => r.row);
const doc = () => new JSDOM("<!doctype html><body></body>").window.document;
const names: Record<string, string> = {USA: "United States", AUS: "Australia", EU: "European Union", CHN: "China"};
const cellsOf = (data: PolicyMeasureRow[]): GapMatrixCell[] => typeMatrix(data).map((c) => ({...c, name: names[c.jurisdiction] ?? c.jurisdiction}));
const subtypesOf = (data: PolicyMeasureRow[]): SubtypeCount[] => {
  const counts = new Map<string, SubtypeCount>();
  for (const r of measuresOf(data)) {
    const c = counts.get(r.intervention_subtype) ?? {type: r.intervention_type, subtype: r.intervention_subtype, count: 0};
    c.count++;
    counts.set(r.intervention_subtype, c);
  }
  return [...counts.values()];
};
const attrs = (root: Element, selector: string, ...names: string[]) => [...root.querySelectorAll(selector)].map((e) => names.map((n) => e.getAttribute(n)));

describe("PolicyJurisdictionChart", () => {
  it("PolicyJurisdictionChart(cells) stacks each jurisdiction's measures by type, most first", () => {
    const chart = PolicyJurisdictionChart(cellsOf(rows), {document: doc()});
    expect(chart.getAttribute("data-measures")).toBe("8");
    expect(attrs(chart, "rect[data-jurisdiction]", "data-jurisdiction", "data-type", "data-count")).toEqual([
      ["USA", "governance_strategy", "1"],
      ["USA", "financial_support", "1"],
      ["USA", "international_arrangement", "1"],
      ["AUS", "governance_strategy", "1"],
      ["AUS", "recycling_circularity", "1"],
      ["EU", "governance_strategy", "1"],
      ["EU", "international_arrangement", "1"],
      ["CHN", "trade_measures", "1"]
    ]);
    const ticks = [...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["United States (USA)", "Australia (AUS)", "European Union (EU)", "China (CHN)"]);
  });

  it("PolicyJurisdictionChart(cells, {limit: 2}) sums the rest into one bar that cannot be selected", () => {
    const onSelect = vi.fn();
    const chart = PolicyJurisdictionChart(cellsOf(rows), {limit: 2, onSelect, document: doc()});
    const ticks = [...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["United States (USA)", "Australia (AUS)", "2 other jurisdictions"]);
    const others = chart.querySelector("rect[data-jurisdiction=__others__]")!;
    others.dispatchEvent(new (others.ownerDocument.defaultView!.Event)("click"));
    chart.querySelector("rect[data-jurisdiction=AUS]")!.dispatchEvent(new (others.ownerDocument.defaultView!.Event)("click"));
    expect(onSelect.mock.calls).toEqual([["AUS"]]);
  });

  it("PolicyJurisdictionChart(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyJurisdictionChart(cellsOf(rows), {width: 640, selected: "AUS", document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-jurisdiction-chart.html");
  });
});

describe("PolicyTypeChart", () => {
  it("PolicyTypeChart(counts) gives every type a row with its share, empty types at 0 %", () => {
    const chart = PolicyTypeChart(subtypesOf(rows), {document: doc()});
    const labels = [...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    expect(labels).toEqual(["37.5 % (3)", "0.0 % (0)", "0.0 % (0)", "12.5 % (1)", "12.5 % (1)", "12.5 % (1)", "0.0 % (0)", "0.0 % (0)", "25.0 % (2)"]);
    expect(chart.getAttribute("data-measures")).toBe("8");
  });

  it("PolicyTypeChart(counts) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyTypeChart(subtypesOf(rows), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-type-chart.html");
  });
});

describe("PolicyTimelineChart", () => {
  it("PolicyTimelineChart(cells) has a column for every year from first to last, and one for no single year", () => {
    const chart = PolicyTimelineChart(adoptionByYear(rows), {document: doc()});
    const ticks = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", NO_YEAR]);
    expect(chart.getAttribute("data-measures")).toBe("8");
  });

  it("PolicyTimelineChart(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyTimelineChart(adoptionByYear(rows), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-timeline-chart.html");
  });
});

describe("PolicyStatusChart", () => {
  it("PolicyStatusChart(counts) draws a segment per status present, the missing status included", () => {
    const chart = PolicyStatusChart(countsByStatus(rows), {document: doc()});
    expect(attrs(chart, "rect[data-status]", "data-status", "data-count")).toEqual([["announced", "1"], ["implemented", "5"], ["ended", "1"], ["", "1"]]);
  });

  it("PolicyStatusChart(counts) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyStatusChart(countsByStatus(rows), {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-status-chart.html");
  });
});

describe("PolicyGapMatrix", () => {
  it("PolicyGapMatrix(cells) draws every jurisdiction x type cell, zeros included, and reports clicks", () => {
    const onSelect = vi.fn();
    const chart = PolicyGapMatrix(cellsOf(rows), {onSelect, document: doc()});
    const cells = chart.querySelectorAll("rect[data-jurisdiction]");
    expect(cells).toHaveLength(36);
    expect([...cells].filter((c) => c.getAttribute("data-count") === "0")).toHaveLength(28);
    const china = chart.querySelector("rect[data-jurisdiction=CHN][data-type=trade_measures]")!;
    china.dispatchEvent(new (china.ownerDocument.defaultView!.Event)("click"));
    expect(onSelect.mock.calls).toEqual([["CHN", "trade_measures"]]);
  });

  it("PolicyGapMatrix(cells) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(PolicyGapMatrix(cellsOf(rows), {width: 640, selected: {jurisdiction: "EU", type: null}, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/policy-gap-matrix.html");
  });
});

describe("the charts on the 640 synthetic rows", () => {
  it("every chart draws the synthetic dataset and counts all its measures", () => {
    const measures = String(measuresOf(synthetic).length);
    expect(PolicyJurisdictionChart(cellsOf(synthetic), {document: doc()}).getAttribute("data-measures")).toBe(measures);
    expect(PolicyTypeChart(subtypesOf(synthetic), {document: doc()}).getAttribute("data-measures")).toBe(measures);
    expect(PolicyTimelineChart(adoptionByYear(synthetic), {document: doc()}).getAttribute("data-measures")).toBe(measures);
    expect(PolicyStatusChart(countsByStatus(synthetic), {document: doc()}).getAttribute("data-measures")).toBe(measures);
    expect(PolicyGapMatrix(cellsOf(synthetic), {document: doc()}).getAttribute("data-measures")).toBe(measures);
  });
});
