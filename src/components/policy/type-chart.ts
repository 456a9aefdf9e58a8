import * as Plot from "@observablehq/plot";
import {POLICY_CLASSES} from "../../lib/policy/vocabulary.js";
import {TYPE_COLORS, TYPE_LABELS, typeLabel} from "./colors.js";
import {labelMargins} from "./marks.js";
import {hover} from "../reader/hover.js";

/** Records (or their weight) of one IEA policy type in one class. */
export interface SubtypeCount {
  type: string;
  subtype: string;
  count: number;
}

export interface PolicyTypeChartOptions {
  width?: number;
  /** What a count is, for the axis: "types" (each counted once) or "records" (split over their types). */
  unit?: string;
  /** Called with a class id when its bar is clicked. */
  onSelect?: (type: string) => void;
  document?: Document;
}


/**
 * The distribution by classification (the paper's Figure 11): one bar per class, in the
 * vocabulary's order, its share of the total, split by white rules into the IEA types it holds
 * (named in each segment's tooltip). Classes with none keep their row, at 0 %, so that an empty
 * class is seen as empty. The figure carries data-measures (the total).
 */
/** A count as shown: whole numbers as they are, split weights to one decimal. */
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function PolicyTypeChart(counts: readonly SubtypeCount[], {width = 640, unit = "records", onSelect, document}: PolicyTypeChartOptions = {}): HTMLElement | SVGSVGElement {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const share = (n: number) => (total > 0 ? (100 * n) / total : 0);
  const rows = counts.filter((c) => c.count > 0).map((c) => ({...c, share: share(c.count)}));
  const typeTotals = POLICY_CLASSES.map((t) => {
    const n = counts.filter((c) => c.type === t.id).reduce((s, c) => s + c.count, 0);
    return {type: t.id as string, count: n, share: share(n)};
  });
  const {left, right, fit} = labelMargins(width, 220, 80);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 26 * POLICY_CLASSES.length + 50,
    marginLeft: left,
    marginRight: right,
    x: {label: `Share of ${unit} (%) →`, grid: true, domain: [0, Math.max(10, ...typeTotals.map((t) => t.share))], nice: true},
    y: {domain: [...TYPE_LABELS], tickFormat: fit, label: null},
    color: {domain: [...TYPE_LABELS], range: [...TYPE_COLORS]},
    marks: [
      Plot.barX(rows, Plot.stackX({x: "share", y: (d) => typeLabel(d.type), fill: (d) => typeLabel(d.type), stroke: "var(--plot-background, white)", strokeWidth: 1, ...hover((d) => `${typeLabel(d.type)}: ${d.subtype}, ${fmt(d.count)} (${d.share.toFixed(1)} %)`)})),
      Plot.text(typeTotals, {x: "share", y: (d) => typeLabel(d.type), text: (d) => `${d.share.toFixed(1)} % (${fmt(d.count)})`, dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  figure.setAttribute("data-measures", String(Math.round(total * 1000) / 1000));
  if (onSelect) {
    // Each bar's segments and total label select its class: rows follow the class order.
    figure.querySelectorAll<SVGElement>("[aria-label='bar'] rect").forEach((rect, i) => {
      const type = rows[i]?.type;
      if (type === undefined) return;
      rect.style.cursor = "pointer";
      rect.addEventListener("click", () => onSelect(type));
    });
  }
  return figure;
}
