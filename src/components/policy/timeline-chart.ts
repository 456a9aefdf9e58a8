import * as Plot from "@observablehq/plot";
import {LEVEL_COLORS, LEVEL_LABELS, levelLabel} from "./colors.js";
import {tagMarks} from "../reader/tag-marks.js";
import {hover} from "../reader/hover.js";

/** Records of one year (null: not given) and one jurisdiction level. */
export interface YearGroupCount {
  year: number | null;
  group: string;
  count: number;
}

export interface PolicyTimelineChartOptions {
  width?: number;
  /** Called with a year when its column is clicked. */
  onSelect?: (year: number) => void;
  document?: Document;
}

/** The column of records without a year. */
export const NO_YEAR = "no year";

/**
 * Adoption over time: records by year, as columns stacked by jurisdiction level, every year from
 * the first to the last shown (a year with none is an empty column, not a gap in the axis).
 * Records without a year stand in a last column of their own, hatched, rather than in a guessed
 * year. Columns carry data-year; the figure data-measures.
 */
export function PolicyTimelineChart(cells: readonly YearGroupCount[], {width = 640, onSelect, document}: PolicyTimelineChartOptions = {}): HTMLElement | SVGSVGElement {
  const years = cells.filter((c) => c.year !== null).map((c) => c.year!);
  const first = years.length ? Math.min(...years) : null;
  const last = years.length ? Math.max(...years) : null;
  const domain = first === null ? [] : Array.from({length: last! - first + 1}, (_, i) => String(first + i));
  if (cells.some((c) => c.year === null)) domain.push(NO_YEAR);
  const rows = cells.filter((c) => c.count > 0).map((c) => ({...c, x: c.year === null ? NO_YEAR : String(c.year), label: levelLabel(c.group)}));
  const undated = rows.filter((d) => d.year === null);
  const total = rows.reduce((s, d) => s + d.count, 0);
  const tag = tagMarks(rows, (d) => (d.year === null ? null : {"data-year": String(d.year)}), {onClick: onSelect && ((d) => d.year !== null && onSelect(d.year))});
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 260,
    marginBottom: 45,
    x: {domain, label: "Year", tickRotate: domain.length > 16 ? -45 : 0, tickFormat: (d: string) => (d === NO_YEAR || domain.length <= 16 || Number(d) % 2 === 0 ? d : "")},
    y: {label: "↑ Records", grid: true},
    color: {domain: [...LEVEL_LABELS], range: [...LEVEL_COLORS], legend: true},
    marks: [
      Plot.barY(rows, Plot.stackY({x: "x", y: "count", z: "label", fill: "label", stroke: "var(--theme-foreground-faint, #777)", strokeWidth: 0.5, ...hover((d) => `${d.x}: ${d.count} ${d.label.toLowerCase()}`), render: tag, order: [...LEVEL_LABELS]})),
      Plot.barY(undated, Plot.stackY({x: "x", y: "count", z: "label", fill: "none", stroke: "var(--theme-foreground-muted, #555)", strokeDasharray: "2,2", order: [...LEVEL_LABELS]})),
      Plot.ruleY([0])
    ]
  });
  figure.setAttribute("data-measures", String(total));
  return figure;
}
