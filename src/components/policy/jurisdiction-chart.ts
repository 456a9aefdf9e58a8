import * as Plot from "@observablehq/plot";
import {TYPE_COLORS, TYPE_LABELS, typeLabel} from "./colors.js";
import {tagMarks} from "../reader/tag-marks.js";
import {formatCount, labelMargins, roundCount} from "./marks.js";
import {hover} from "../reader/hover.js";

/** Measures of one jurisdiction and type. */
export interface JurisdictionTypeCount {
  jurisdiction: string;
  name: string;
  type: string;
  count: number;
}

export interface PolicyJurisdictionChartOptions {
  width?: number;
  /** Jurisdictions drawn one by one; the rest are summed into one bar. */
  limit?: number;
  /** Jurisdiction to outline. */
  selected?: string | null;
  /** Called with a jurisdiction code when its bar is clicked (not for the summed bar). */
  onSelect?: (jurisdiction: string) => void;
  document?: Document;
}

const OTHERS = "__others__";
const ROW = 20;

/**
 * Records by jurisdiction (the paper's Figure 10a), as horizontal bars stacked by class, most
 * first, each labelled with its total (segments may be fractions of records, totals are shown to
 * one decimal only when they are not whole). Beyond `limit` jurisdictions the rest
 * are one grey bar, "n other jurisdictions". Every segment carries data-jurisdiction, data-type and
 * data-count, and the figure data-measures (the total drawn).
 */
export function PolicyJurisdictionChart(cells: readonly JurisdictionTypeCount[], {width = 640, limit = 25, selected = null, onSelect, document}: PolicyJurisdictionChartOptions = {}): HTMLElement | SVGSVGElement {
  const totals = new Map<string, {name: string; count: number}>();
  for (const c of cells) {
    const t = totals.get(c.jurisdiction) ?? {name: c.name, count: 0};
    t.count += c.count;
    totals.set(c.jurisdiction, t);
  }
  const ranked = [...totals].filter(([, t]) => t.count > 0).sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  const shown = new Set(ranked.slice(0, limit).map(([code]) => code));
  const rest = ranked.slice(limit);
  const label = (code: string) => (code === OTHERS ? `${rest.length} other jurisdictions` : `${totals.get(code)!.name} (${code})`);
  const data = cells
    .filter((c) => c.count > 0)
    .map((c) => ({...c, jurisdiction: shown.has(c.jurisdiction) ? c.jurisdiction : OTHERS}))
    .reduce((acc, c) => {
      const key = `${c.jurisdiction}\n${c.type}`;
      const d = acc.get(key) ?? {jurisdiction: c.jurisdiction, type: c.type, count: 0};
      d.count += c.count;
      return acc.set(key, d);
    }, new Map<string, {jurisdiction: string; type: string; count: number}>());
  const rows = [...data.values()];
  const domain = [...ranked.slice(0, limit).map(([code]) => code), ...(rest.length ? [OTHERS] : [])];
  const totalOf = (code: string) => (code === OTHERS ? rest.reduce((s, [, t]) => s + t.count, 0) : totals.get(code)!.count);
  const tag = tagMarks(rows, (d) => ({"data-jurisdiction": d.jurisdiction, "data-type": d.type, "data-count": String(roundCount(d.count))}), {
    onClick: onSelect && ((d) => d.jurisdiction !== OTHERS && onSelect(d.jurisdiction))
  });
  const total = roundCount(rows.reduce((s, d) => s + d.count, 0));
  const {left, right, fit} = labelMargins(width, 200, 40);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: ROW * Math.max(domain.length, 1) + 70,
    marginLeft: left,
    marginRight: right,
    x: {label: "Records →", grid: true, nice: true},
    y: {domain, tickFormat: (code: string) => fit(label(code)), label: null},
    color: {domain: [...TYPE_LABELS], range: [...TYPE_COLORS], legend: true},
    marks: [
      Plot.barX(rows, {x: "count", y: "jurisdiction", fill: (d) => typeLabel(d.type), ...hover((d) => `${label(d.jurisdiction)}, ${typeLabel(d.type)}: ${formatCount(d.count)}`), render: tag}),
      Plot.text(domain, {x: totalOf, y: (d) => d, text: (d) => formatCount(totalOf(d)), dx: 4, textAnchor: "start"}),
      Plot.barX(domain.filter((d) => d === selected), {x: totalOf, y: (d) => d, fill: "none", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.ruleX([0])
    ]
  });
  figure.setAttribute("data-measures", String(total));
  return figure;
}
