import * as Plot from "@observablehq/plot";
import {STATUS_COLORS, STATUS_LABELS, statusLabel} from "./colors.js";
import {tagMarks} from "../reader/tag-marks.js";
import {hover} from "../reader/hover.js";

export interface PolicyStatusChartOptions {
  width?: number;
  /** Called with a status when its segment is clicked. */
  onSelect?: (status: string) => void;
  document?: Document;
}

/**
 * Implementation status as one bar of 100 %, a segment per status with its count and share; a
 * record with no status is a white segment, "Not given", not left out. Segments carry
 * data-status and data-count.
 */
export function PolicyStatusChart(counts: readonly {status: string | null; count: number}[], {width = 640, onSelect, document}: PolicyStatusChartOptions = {}): HTMLElement | SVGSVGElement {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const rows = counts.filter((c) => c.count > 0).map((c) => ({...c, label: statusLabel(c.status), share: total > 0 ? (100 * c.count) / total : 0}));
  const tag = tagMarks(rows, (d) => ({"data-status": d.status ?? "", "data-count": String(d.count)}), {onClick: onSelect && ((d) => d.status !== null && onSelect(d.status))});
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 90,
    marginLeft: 10,
    marginRight: 10,
    x: {label: "Share of records (%) →", percent: true},
    y: {axis: null},
    color: {domain: [...STATUS_LABELS], range: [...STATUS_COLORS], legend: true},
    marks: [
      // Plot's normalised stack turns the counts into shares of the bar.
      Plot.barX(rows, Plot.stackX({x: "count", offset: "normalize", z: "label", fill: "label", stroke: "var(--theme-foreground-faint, #777)", strokeWidth: 0.5, ...hover((d) => `${d.label}: ${d.count} (${d.share.toFixed(1)} %)`), order: [...STATUS_LABELS], render: tag})),
      Plot.text(rows, Plot.stackX({x: "count", offset: "normalize", z: "label", text: (d) => (d.share >= 6 ? `${d.count}` : ""), order: [...STATUS_LABELS]}))
    ]
  });
  figure.setAttribute("data-measures", String(total));
  return figure;
}
