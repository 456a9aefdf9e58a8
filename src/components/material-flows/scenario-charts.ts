import * as Plot from "@observablehq/plot";
import {SCENARIOS, SCENARIO_NAMES, type ScenarioResult, type ScenarioYear} from "../../lib/material-flows/scenarios.js";
import {tagMarks} from "../reader/tag-marks.js";

export interface ScenarioChartOptions {
  width?: number;
  /** First year drawn (the model starts earlier for nickel, whose products last longer). */
  fromYear?: number;
  document?: Document;
}

// Colours that follow the reader's scheme (src/style.css sets them for light and dark).
const GREEN = "var(--miners-ok, #1a7f37)";
const GREY = "#8a8a8a";
const BLUE = "var(--miners-blue, #3b5fc0)";
const RED = "var(--miners-bad, #cf222e)";
const SCENARIO_COLORS = [BLUE, "var(--miners-accent, #b45309)", GREEN];

const LABELS = {
  inflow: "inflow into use (dots: IEA; lines between: interpolated)",
  outflow: "end of life (model)",
  recycled: "recycled supply (model; band 5-95 %)",
  paper: "paper's end of life, 2021"
};
// formatFlow's output (end-of-life-chart.ts: three significant figures, at most two decimals) with
// formatters made once: toLocaleString builds one per call, which costs milliseconds per redraw.
const FORMATS = [0, 1, 2].map((digits) => new Intl.NumberFormat("en-GB", {maximumFractionDigits: digits}));
function formatFlow(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "missing";
  const a = Math.abs(v);
  return FORMATS[a >= 100 ? 0 : a >= 10 ? 1 : 2]!.format(v);
}
const PERCENT = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 1});
const pct = (v: number | null) => (v === null ? "missing" : `${PERCENT.format(100 * v)} %`);
const systemName = (r: ScenarioResult) => (r.system === "lithium" ? "Lithium in EV batteries" : "Nickel in products");
const basisText = (d: ScenarioYear) =>
  d.inflowBasis === "IEA" ? "IEA value" : d.inflowBasis === "paper" ? "the paper's 2021 systems" : d.inflowBasis === "interpolated" ? "interpolated" : "assumed growth";

/** What a reader hovering a year of Figure S24 reads: that year's flows, their bands and bases. */
function yearText(d: ScenarioYear, unit: string, paper: number | null): string {
  const band = (p5: number, p95: number) => `5-95 %: ${formatFlow(p5)}-${formatFlow(p95)}`;
  return [
    `${SCENARIO_NAMES[d.scenario]}, ${d.year}`,
    `into use ${formatFlow(d.inflow)} ${unit} (${basisText(d)})`,
    `end of life ${formatFlow(d.outflow)} ${unit} (${band(d.outflowP5, d.outflowP95)})`,
    `recycled ${formatFlow(d.recycled)} ${unit} (${band(d.recycledP5, d.recycledP95)})`,
    ...(paper === null ? [] : [`the paper's end of life: ${formatFlow(paper)} ${unit}`])
  ].join("\n");
}

/**
 * The panels drawn for each result, by chart and width: a figure redrawn because the other system's
 * slider moved gets the same result for this system (lib's scenarioCache), and its panel is moved
 * into the new drawing instead of drawn again.
 */
const drawn = new WeakMap<ScenarioResult, Map<string, HTMLElement>>();
function memo(result: ScenarioResult, key: string, doc: Document, make: () => HTMLElement): HTMLElement {
  if (doc !== globalThis.document) return make(); // a drawing for another document (tests, export)
  let byKey = drawn.get(result);
  if (!byKey) drawn.set(result, (byKey = new Map()));
  let node = byKey.get(key);
  if (!node) byKey.set(key, (node = make()));
  return node;
}

function panel(title: string, chart: SVGSVGElement | HTMLElement, doc: Document, attribute: Record<string, string>): HTMLElement {
  const div = doc.createElement("div");
  div.className = "scenario-panel";
  for (const [k, v] of Object.entries(attribute)) div.setAttribute(k, v);
  const h = doc.createElement("div");
  h.className = "scenario-panel-title";
  h.style.font = "600 13px/1.4 var(--sans-serif, system-ui, sans-serif)";
  h.style.margin = "0.8rem 0 0.2rem";
  h.textContent = title;
  div.append(h, chart);
  return div;
}

/**
 * Figure S24: for each system, one panel per IEA scenario: the inflow into use (the IEA's values as
 * dots, the interpolated years as the line between them, the assumed history dashed), the model's end
 * of life, and the recycled supply with its Monte Carlo band; the paper's end of life of 2021 as a red
 * diamond. The IEA's dots carry data-system, data-scenario, data-year, data-value; the 2050 end of
 * the recycled line carries data-recycled-2050.
 */
export function ScenarioFlowsChart(results: readonly ScenarioResult[], {width = 640, fromYear = 2000, document: doc = globalThis.document}: ScenarioChartOptions = {}): HTMLElement {
  const root = doc.createElement("div");
  root.className = "scenario-chart";
  root.setAttribute("data-scenario-chart", "flows");
  for (const result of results) root.append(memo(result, `flows ${width} ${fromYear}`, doc, () => flowsPanel(result, width, fromYear, doc)));
  return root;
}

function flowsPanel(result: ScenarioResult, width: number, fromYear: number, doc: Document): HTMLElement {
  const rows = result.rows.filter((d) => d.year >= fromYear);
  const unit = result.unit;
  const known = rows.filter((d) => d.inflowBasis === "IEA" || d.inflowBasis === "paper");
  const last = rows.filter((d) => d.year === result.lastYear);
  const paper = result.paperEndOfLife === null ? [] : SCENARIOS.map((scenario) => ({scenario, year: 2021, value: result.paperEndOfLife!}));
  const tagKnown = tagMarks(known, (d) => ({"data-system": result.system, "data-scenario": d.scenario, "data-year": String(d.year), "data-value": String(d.inflow), "data-basis": d.inflowBasis}), {selector: "circle"});
  const tagLast = tagMarks(last, (d) => ({"data-system": result.system, "data-scenario": d.scenario, "data-recycled-2050": String(d.recycled), "data-share-2050": String(d.share ?? "")}), {selector: "circle"});
  const paperLabel = result.paperEndOfLife === null ? "paper's end of life: missing" : LABELS.paper;
  const chart = Plot.plot({
    document: doc,
    width,
    height: 250,
    marginLeft: 56,
    marginRight: 12,
    ariaLabel: `${systemName(result)}: inflow into use, end of life and recycled supply to ${result.lastYear} by IEA scenario (${unit})`,
    ariaDescription: `Three panels, ${SCENARIOS.join(", ")}. In ${result.lastYear}: ${last.map((d) => `${d.scenario} end of life ${formatFlow(d.outflow)}, recycled ${formatFlow(d.recycled)} ${unit}`).join("; ")}.`,
    fx: {domain: [...SCENARIOS], label: null, padding: 0.14, tickFormat: (s: string) => SCENARIO_NAMES[s as keyof typeof SCENARIO_NAMES].replace(/ \(.*$/, "")},
    x: {label: null, tickFormat: "d", ticks: [2000, 2025, 2050].filter((y) => y >= fromYear)},
    y: {label: unit, grid: true},
    color: {legend: true, domain: [LABELS.inflow, LABELS.outflow, LABELS.recycled, paperLabel], range: [GREEN, GREY, BLUE, RED]},
    marks: [
      Plot.areaY(rows, {fx: "scenario", x: "year", y1: "recycledP5", y2: "recycledP95", fill: () => LABELS.recycled, fillOpacity: 0.22}),
      Plot.lineY(
        rows.filter((d) => d.year <= 2021),
        {fx: "scenario", x: "year", y: "inflow", stroke: () => LABELS.inflow, strokeDasharray: "3,3"}
      ),
      Plot.lineY(
        rows.filter((d) => d.year >= 2021),
        {fx: "scenario", x: "year", y: "inflow", stroke: () => LABELS.inflow}
      ),
      Plot.dot(known, {
        fx: "scenario",
        x: "year",
        y: "inflow",
        fill: () => LABELS.inflow,
        symbol: "circle",
        r: 2.5,
        ariaLabel: (d: ScenarioYear) => yearText(d, unit, null),
        render: tagKnown
      }),
      Plot.lineY(rows, {fx: "scenario", x: "year", y: "outflow", stroke: () => LABELS.outflow}),
      Plot.lineY(rows, {fx: "scenario", x: "year", y: "recycled", stroke: () => LABELS.recycled, strokeWidth: 2}),
      Plot.dot(last, {
        fx: "scenario",
        x: "year",
        y: "recycled",
        fill: () => LABELS.recycled,
        r: 3,
        ariaLabel: (d: ScenarioYear) => yearText(d, unit, null),
        render: tagLast
      }),
      Plot.dot(paper, {fx: "scenario", x: "year", y: "value", fill: () => paperLabel, symbol: "diamond", r: 4.5, ariaLabel: (d: {value: number}) => `the paper's end of life, 2021: ${formatFlow(d.value)} ${unit}`}),
      Plot.ruleY([0]),
      // A year's values, wherever the pointer is over that year in a panel.
      Plot.ruleX(rows, Plot.pointerX({fx: "scenario", x: "year", stroke: "currentColor", strokeOpacity: 0.3})),
      Plot.tip(rows, Plot.pointerX({fx: "scenario", x: "year", y: "recycled", title: (d: ScenarioYear) => yearText(d, unit, d.year === 2021 ? result.paperEndOfLife : null)}))
    ]
  });
  return panel(`${systemName(result)} (${unit}); inflow follows the ${result.followsLabel}`, chart, doc, {"data-system": result.system});
}

/**
 * Figure S25: recycled supply over the IEA's total demand, from 2024, one panel per system, a line
 * and a 5-95 % band per scenario. The 2050 dots carry data-system, data-scenario and data-share-2050.
 */
export function ScenarioShareChart(results: readonly ScenarioResult[], {width = 640, document: doc = globalThis.document}: ScenarioChartOptions = {}): HTMLElement {
  const root = doc.createElement("div");
  root.className = "scenario-chart";
  root.setAttribute("data-scenario-chart", "share");
  for (const result of results) root.append(memo(result, `share ${width}`, doc, () => sharePanel(result, width, doc)));
  return root;
}

function sharePanel(result: ScenarioResult, width: number, doc: Document): HTMLElement {
  const domain = SCENARIOS.map((s) => SCENARIO_NAMES[s]);
  const rows = result.rows.filter((d) => d.share !== null).map((d) => ({...d, name: SCENARIO_NAMES[d.scenario]}));
  const last = rows.filter((d) => d.year === result.lastYear);
  const tagLast = tagMarks(last, (d) => ({"data-system": result.system, "data-scenario": d.scenario, "data-share-2050": String(d.share)}), {selector: "circle"});
  const shareText = (d: ScenarioYear) => `${SCENARIO_NAMES[d.scenario]}, ${d.year}: ${pct(d.share)} (5-95 %: ${pct(d.shareP5)} to ${pct(d.shareP95)}) of ${formatFlow(d.demand)} ${result.unit} demand (${d.demandBasis === "IEA" ? "IEA value" : "interpolated"})`;
  const chart = Plot.plot({
    document: doc,
    width,
    height: 220,
    marginLeft: 56,
    marginRight: 16,
    ariaLabel: `${systemName(result)}: recycled supply as a share of the IEA's total demand, ${rows[0]?.year ?? ""}-${result.lastYear}, by IEA scenario`,
    ariaDescription: `In ${result.lastYear}: ${last.map((d) => `${d.scenario} ${pct(d.share)} (5-95 %: ${pct(d.shareP5)} to ${pct(d.shareP95)})`).join("; ")}.`,
    x: {label: null, tickFormat: "d"},
    y: {label: "% of total demand", percent: true, grid: true, zero: true},
    color: {legend: true, domain, range: SCENARIO_COLORS},
    marks: [
      Plot.areaY(rows, {x: "year", y1: "shareP5", y2: "shareP95", fill: "name", fillOpacity: 0.1}),
      Plot.lineY(rows, {x: "year", y: "share", stroke: "name", strokeWidth: 2}),
      Plot.dot(last, {
        x: "year",
        y: "share",
        fill: "name",
        r: 3,
        ariaLabel: shareText,
        render: tagLast
      }),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointer({x: "year", y: "share", title: shareText}))
    ]
  });
  return panel(`${systemName(result)}: recycled ${result.system === "lithium" ? "lithium from EV batteries" : "nickel"} over the IEA's total ${result.system} demand`, chart, doc, {"data-system": result.system});
}
