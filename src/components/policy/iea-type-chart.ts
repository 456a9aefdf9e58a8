import * as Plot from "npm:@observablehq/plot";
import {TYPE_COLORS, TYPE_LABELS, typeLabel} from "./colors.js";

/** Records (or their weight) with one IEA policy type, and the class the type is counted in. */
export interface IeaTypeCount {
  policy_type: string;
  type: string;
  count: number;
}

export interface IeaTypeChartOptions {
  width?: number;
  /** What a count is, for the axis. */
  unit?: string;
  /** Called with the class of a bar when it is clicked. */
  onSelect?: (type: string) => void;
  document?: Document;
}

const fmt = (n: number) => (Number.isInteger(Math.round(n * 1000) / 1000) ? String(Math.round(n)) : n.toFixed(1));

/**
 * The paper's Figure 10 (b): one bar per IEA policy type, most first, coloured by the MINERS class
 * it is counted in and labelled with its count. Bars carry data-type (the IEA type), data-class and
 * data-count; the figure data-measures (the total drawn).
 */
export function IeaTypeChart(counts: readonly IeaTypeCount[], {width = 640, unit = "records", onSelect, document}: IeaTypeChartOptions = {}): HTMLElement | SVGSVGElement {
  const rows = counts.filter((c) => c.count > 0);
  const tag: Plot.RenderFunction = function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    const rects = g.querySelectorAll("rect");
    Array.from(index).forEach((i, j) => {
      const d = rows[i]!;
      const rect = rects[j];
      if (!rect) return;
      rect.setAttribute("data-type", d.policy_type);
      rect.setAttribute("data-class", d.type);
      rect.setAttribute("data-count", String(Math.round(d.count * 1000) / 1000));
      if (onSelect) {
        rect.style.cursor = "pointer";
        rect.addEventListener("click", () => onSelect(d.type));
      }
    });
    return g;
  };
  // On a narrow screen the labels give up room to the bars (truncated, with the full name in the tooltip).
  const left = Math.min(300, Math.round(width * 0.42));
  const right = Math.min(40, Math.round(width * 0.12));
  const fit = (label: string) => (label.length * 6 > left - 10 ? `${label.slice(0, Math.max(4, Math.floor((left - 10) / 6) - 1))}…` : label);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 18 * Math.max(rows.length, 1) + 80,
    marginLeft: left,
    marginRight: right,
    x: {label: `${unit[0]!.toUpperCase()}${unit.slice(1)} →`, grid: true, nice: true},
    y: {domain: rows.map((d) => d.policy_type), tickFormat: fit, label: null},
    color: {domain: [...TYPE_LABELS], range: [...TYPE_COLORS], legend: true},
    marks: [
      Plot.barX(rows, {x: "count", y: "policy_type", fill: (d) => typeLabel(d.type), title: (d) => `${d.policy_type} (${typeLabel(d.type)}): ${fmt(d.count)}`, render: tag}),
      Plot.text(rows, {x: "count", y: "policy_type", text: (d) => fmt(d.count), dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  figure.setAttribute("data-measures", String(Math.round(rows.reduce((s, d) => s + d.count, 0) * 1000) / 1000));
  return figure;
}
