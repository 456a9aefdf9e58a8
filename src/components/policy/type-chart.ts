import * as Plot from "npm:@observablehq/plot";
import {INTERVENTION_TYPES} from "../../lib/policy/vocabulary.js";
import {TYPE_COLORS, TYPE_LABELS, typeLabel} from "./colors.js";

/** Measures of one intervention sub-type. */
export interface SubtypeCount {
  type: string;
  subtype: string;
  count: number;
}

export interface PolicyTypeChartOptions {
  width?: number;
  document?: Document;
}

const subtypeLabel = (type: string, subtype: string) => INTERVENTION_TYPES.find((t) => t.id === type)?.subtypes.find((s) => s.id === subtype)?.label ?? subtype;

/**
 * The distribution of measures by classification (the paper's Figures 10b and 11): one bar per
 * intervention type, in the vocabulary's order, its share of all measures, split by white rules
 * into its sub-types (named in each segment's tooltip). Types with no measure keep their row, at
 * 0 %, so that an empty class is seen as empty. The figure carries data-measures.
 */
export function PolicyTypeChart(counts: readonly SubtypeCount[], {width = 640, document}: PolicyTypeChartOptions = {}): HTMLElement | SVGSVGElement {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const share = (n: number) => (total > 0 ? (100 * n) / total : 0);
  const rows = counts.filter((c) => c.count > 0).map((c) => ({...c, share: share(c.count)}));
  const typeTotals = INTERVENTION_TYPES.map((t) => {
    const n = counts.filter((c) => c.type === t.id).reduce((s, c) => s + c.count, 0);
    return {type: t.id as string, count: n, share: share(n)};
  });
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 26 * INTERVENTION_TYPES.length + 50,
    marginLeft: 220,
    marginRight: 80,
    x: {label: "Share of measures (%) →", grid: true, domain: [0, Math.max(10, ...typeTotals.map((t) => t.share))], nice: true},
    y: {domain: [...TYPE_LABELS], label: null},
    color: {domain: [...TYPE_LABELS], range: [...TYPE_COLORS]},
    marks: [
      Plot.barX(rows, Plot.stackX({x: "share", y: (d) => typeLabel(d.type), fill: (d) => typeLabel(d.type), stroke: "white", strokeWidth: 1, title: (d) => `${typeLabel(d.type)}: ${subtypeLabel(d.type, d.subtype)}, ${d.count} (${d.share.toFixed(1)} %)`})),
      Plot.text(typeTotals, {x: "share", y: (d) => typeLabel(d.type), text: (d) => `${d.share.toFixed(1)} % (${d.count})`, dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  figure.setAttribute("data-measures", String(total));
  return figure;
}
