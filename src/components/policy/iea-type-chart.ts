import * as Plot from "@observablehq/plot";
import {TYPE_COLORS, TYPE_LABELS, typeLabel} from "./colors.js";
import {tagMarks} from "../reader/tag-marks.js";
import {formatCount, labelMargins, roundCount} from "./marks.js";
import {hover} from "../reader/hover.js";

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

/**
 * The paper's Figure 10 (b): one bar per IEA policy type, most first, coloured by the MINERS class
 * it is counted in and labelled with its count. Bars carry data-type (the IEA type), data-class and
 * data-count; the figure data-measures (the total drawn).
 */
export function IeaTypeChart(counts: readonly IeaTypeCount[], {width = 640, unit = "records", onSelect, document}: IeaTypeChartOptions = {}): HTMLElement | SVGSVGElement {
  const rows = counts.filter((c) => c.count > 0);
  const tag = tagMarks(rows, (d) => ({"data-type": d.policy_type, "data-class": d.type, "data-count": String(roundCount(d.count))}), {onClick: onSelect && ((d) => onSelect(d.type))});
  const {left, right, fit} = labelMargins(width, 300, 40);
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
      Plot.barX(rows, {x: "count", y: "policy_type", fill: (d) => typeLabel(d.type), ...hover((d) => `${d.policy_type} (${typeLabel(d.type)}): ${formatCount(d.count)}`), render: tag}),
      Plot.text(rows, {x: "count", y: "policy_type", text: (d) => formatCount(d.count), dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  figure.setAttribute("data-measures", String(roundCount(rows.reduce((s, d) => s + d.count, 0))));
  return figure;
}
