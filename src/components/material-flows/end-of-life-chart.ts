import * as Plot from "@observablehq/plot";
import type {EndOfLifeSeries} from "../../lib/material-flows/figure-rows.js";

export interface EndOfLifeChartOptions {
  width?: number;
  height?: number;
  /** Label of the inflow series, e.g. "into use". */
  inflowLabel?: string;
  document?: Document;
}

/** Three significant figures, at most two decimals: 5.9, 47.5, 1,085. */
export function formatFlow(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "missing";
  const a = Math.abs(v);
  return v.toLocaleString("en-GB", {maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : 2});
}

/** A last-year point: the paper's end of life or the model's. */
interface Point {
  who: "paper" | "model";
  year: number;
  value: number;
}

/**
 * The assumed inflow into use and the outflow the dynamic stock model gives, by year, as two lines;
 * the model's end of life of the last year as a grey circle and the paper's as a red diamond (left
 * out, and said so in the legend, when the paper's value is missing).
 */
export function EndOfLifeChart(data: EndOfLifeSeries, {width = 640, height = 260, inflowLabel = "into use", document}: EndOfLifeChartOptions = {}): SVGSVGElement | HTMLElement {
  const inflow = `${inflowLabel} (assumed)`;
  const outflow = "end of life (model)";
  const paperLabel = data.paper === null ? "paper's end of life: missing" : `paper's end of life, ${data.lastYear}`;
  const series = data.series.map((d) => ({...d, label: d.series === "inflow" ? inflow : outflow}));
  const points: Point[] = [...(data.paper === null ? [] : [{who: "paper" as const, year: data.lastYear, value: data.paper}]), {who: "model", year: data.lastYear, value: data.model}];
  const text = (d: Point) => `${d.who}: ${formatFlow(d.value)} ${data.unit}`;
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    document,
    x: {label: null, tickFormat: "d"},
    y: {label: data.unit, grid: true},
    color: {legend: true, domain: [inflow, outflow, paperLabel], range: ["#2ca02c", "#7f7f7f", "var(--miners-bad, #cf222e)"]},
    marks: [
      Plot.lineY(series, {x: "year", y: "value", stroke: "label"}),
      Plot.dot(points.filter((d) => d.who === "paper"), {x: "year", y: "value", fill: () => paperLabel, symbol: "diamond", r: 5, ariaLabel: text}),
      Plot.dot(points.filter((d) => d.who === "model"), {x: "year", y: "value", stroke: "#7f7f7f", r: 5, ariaLabel: text}),
      // One tip for the two points of the same year (two tipped marks would show two at once): the nearest.
      Plot.tip(points, Plot.pointer({x: "year", y: "value", title: text})),
      Plot.ruleY([0])
    ]
  });
}
