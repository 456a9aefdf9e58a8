import * as Plot from "@observablehq/plot";
import type {EvHistoryCheck, HistoryYear} from "../../lib/material-flows/ev-history.js";
import {formatFlow} from "./end-of-life-chart.js";

const ASSUMED = "assumed history (constant growth)";
const IEA = "from the IEA's car sales (estimate)";
const GREY = "#7f7f7f";
const GREEN = "#2ca02c";
const RED = "var(--miners-bad, #cf222e)";

/**
 * Figure S27: the two inflow histories of lithium into EV batteries (solid) and the end of life each
 * gives with the reader's lifetime (dashed), with the paper's end of life of the last year; one tip
 * per year gives both. The SVG carries data-eol-assumed, data-eol-iea and data-paper for the tests.
 */
export function EvHistoryChart(check: EvHistoryCheck, {width = 640, height = 280, document}: {width?: number; height?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const lines = check.years.flatMap((d) => [
    {year: d.year, value: d.assumed, series: ASSUMED, kind: "into use"},
    {year: d.year, value: d.assumedOutflow, series: ASSUMED, kind: "end of life"},
    {year: d.year, value: d.iea, series: IEA, kind: "into use"},
    {year: d.year, value: d.ieaOutflow, series: IEA, kind: "end of life"}
  ]);
  const u = check.unit;
  const yearText = (d: HistoryYear) =>
    [
      `${d.year}`,
      `assumed: into use ${formatFlow(d.assumed)} ${u}, end of life ${formatFlow(d.assumedOutflow)} ${u}`,
      `IEA estimate: into use ${formatFlow(d.iea)} ${u}${d.cars === null ? "" : ` (${d.cars.toLocaleString("en-GB")} cars sold)`}, end of life ${formatFlow(d.ieaOutflow)} ${u}`,
      ...(d.year === check.lastYear && check.paper !== null ? [`the paper's end of life: ${formatFlow(check.paper)} ${u}`] : [])
    ].join("\n");
  const paperLabel = check.paper === null ? "paper's end of life: missing" : `paper's end of life, ${check.lastYear}`;
  const chart = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height,
    marginLeft: 56,
    x: {label: null, tickFormat: "d"},
    y: {label: `↑ ${u} a year`, grid: true},
    color: {legend: true, domain: [ASSUMED, IEA, paperLabel], range: [GREY, GREEN, RED]},
    marks: [
      Plot.lineY(lines.filter((d) => d.kind === "into use"), {x: "year", y: "value", stroke: "series", strokeWidth: 2}),
      Plot.lineY(lines.filter((d) => d.kind === "end of life"), {x: "year", y: "value", stroke: "series", strokeDasharray: "4,3", strokeWidth: 1.5}),
      Plot.dot(check.paper === null ? [] : [{year: check.lastYear, value: check.paper}], {x: "year", y: "value", fill: () => paperLabel, symbol: "diamond", r: 5, ariaLabel: (d) => `the paper's end of life, ${d.year}: ${formatFlow(d.value)} ${u}`}),
      Plot.ruleY([0]),
      Plot.ruleX(check.years, Plot.pointerX({x: "year", stroke: "currentColor", strokeOpacity: 0.3})),
      Plot.tip(check.years, Plot.pointerX({x: "year", y: "assumed", title: yearText}))
    ]
  });
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg[viewBox]") ?? chart;
  svg.setAttribute("data-eol-assumed", String(check.eolAssumed));
  svg.setAttribute("data-eol-iea", String(check.eolIea));
  svg.setAttribute("data-paper", String(check.paper ?? ""));
  return chart;
}
