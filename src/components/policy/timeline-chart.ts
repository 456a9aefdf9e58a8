import * as Plot from "npm:@observablehq/plot";
import {STATUS_COLORS, STATUS_LABELS, statusLabel} from "./colors.js";

/** Measures started in one year (null: no single year known) with one status. */
export interface YearStatusCount {
  year: number | null;
  status: string | null;
  count: number;
}

export interface PolicyTimelineChartOptions {
  width?: number;
  document?: Document;
}

/** The column of measures without a single start year. */
export const NO_YEAR = "no single year";

/**
 * Adoption over time: measures by year of start, as columns stacked by status, every year from
 * the first to the last shown (a year with none is an empty column, not a gap in the axis). The
 * measures whose start is not one known year (undated, or a span across years) stand in a last
 * column of their own, hatched, rather than in a guessed year. The figure carries data-measures.
 */
export function PolicyTimelineChart(cells: readonly YearStatusCount[], {width = 640, document}: PolicyTimelineChartOptions = {}): HTMLElement | SVGSVGElement {
  const years = cells.filter((c) => c.year !== null).map((c) => c.year!);
  const first = years.length ? Math.min(...years) : null;
  const last = years.length ? Math.max(...years) : null;
  const domain = first === null ? [] : Array.from({length: last! - first + 1}, (_, i) => String(first + i));
  if (cells.some((c) => c.year === null)) domain.push(NO_YEAR);
  const rows = cells.filter((c) => c.count > 0).map((c) => ({...c, x: c.year === null ? NO_YEAR : String(c.year), label: statusLabel(c.status)}));
  const undated = rows.filter((d) => d.year === null);
  const total = rows.reduce((s, d) => s + d.count, 0);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 260,
    marginBottom: 45,
    x: {domain, label: "Year of start", tickRotate: domain.length > 16 ? -45 : 0, tickFormat: (d: string) => (d === NO_YEAR || domain.length <= 16 || Number(d) % 2 === 0 ? d : "")},
    y: {label: "↑ Measures", grid: true},
    color: {domain: [...STATUS_LABELS], range: [...STATUS_COLORS], legend: true},
    marks: [
      Plot.barY(rows, Plot.stackY({x: "x", y: "count", z: "label", fill: "label", stroke: "#777", strokeWidth: 0.5, title: (d) => `${d.x}: ${d.count} ${d.label.toLowerCase()}`, order: [...STATUS_LABELS]})),
      Plot.barY(undated, Plot.stackY({x: "x", y: "count", z: "label", fill: "none", stroke: "#555", strokeDasharray: "2,2", order: [...STATUS_LABELS]})),
      Plot.ruleY([0])
    ]
  });
  figure.setAttribute("data-measures", String(total));
  return figure;
}
