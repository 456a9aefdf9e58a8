import * as Plot from "@observablehq/plot";
import {TYPE_LABELS, typeLabel} from "./colors.js";
import {tagMarks} from "../reader/tag-marks.js";
import {formatCount, roundCount} from "./marks.js";
import {hover} from "../reader/hover.js";

/** Measures of one jurisdiction and type (0 where it has none). */
export interface GapMatrixCell {
  jurisdiction: string;
  name: string;
  type: string;
  count: number;
}

export interface PolicyGapMatrixOptions {
  width?: number;
  /** The cell to outline. */
  selected?: {jurisdiction: string | null; type: string | null};
  /** Called with the jurisdiction and type of a clicked cell. */
  onSelect?: (jurisdiction: string, type: string) => void;
  document?: Document;
}

const ROW = 18;

/**
 * The gap matrix: jurisdictions (rows, in the order given) by intervention type (columns), each
 * cell shaded by its number of records (split over their types, so it may be a fraction) and labelled with it. A 0 is drawn in the page's background with a faint "0":
 * the dataset holds no such measure, which is a gap in the policy mix or in the dataset, not a
 * missing value. Cells carry data-jurisdiction, data-type and data-count; clicking one selects it.
 */
export function PolicyGapMatrix(cells: readonly GapMatrixCell[], {width = 640, selected, onSelect, document}: PolicyGapMatrixOptions = {}): HTMLElement | SVGSVGElement {
  const order = [...new Map(cells.map((c) => [c.jurisdiction, c.name])).entries()];
  const label = new Map(order.map(([code, name]) => [code, `${name} (${code})`]));
  const y = (d: GapMatrixCell) => label.get(d.jurisdiction)!;
  const x = (d: GapMatrixCell) => typeLabel(d.type);
  const max = Math.max(1, ...cells.map((c) => c.count));
  const tag = tagMarks(cells, (d) => ({"data-jurisdiction": d.jurisdiction, "data-type": d.type, "data-count": String(roundCount(d.count))}), {onClick: onSelect && ((d) => onSelect(d.jurisdiction, d.type))});
  const outlined = cells.filter((c) => selected && (selected.jurisdiction === null || c.jurisdiction === selected.jurisdiction) && (selected.type === null || c.type === selected.type) && (selected.jurisdiction !== null || selected.type !== null));
  // A 0 is the page's own background (white in light, dark in dark), its "0" faint: a gap, not a colour.
  const shade = Plot.scale({color: {type: "linear", domain: [0, max], range: ["#ffffff", "#08306b"]}});
  const fillOf = (d: GapMatrixCell) => (d.count === 0 ? "var(--plot-background, #ffffff)" : String(shade.apply(d.count)));
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: ROW * Math.max(order.length, 1) + 170,
    marginTop: 160,
    marginLeft: 200,
    marginBottom: 10,
    marginRight: 90,
    x: {domain: [...TYPE_LABELS], axis: "top", tickRotate: -40, label: null, tickSize: 0},
    y: {domain: order.map(([code]) => label.get(code)!), label: null, tickSize: 0},
    marks: [
      Plot.cell(cells, {x, y, fill: {value: fillOf, scale: null}, stroke: "var(--theme-foreground-faintest, #dddddd)", strokeWidth: 0.5, inset: 0.5, ...hover((d: GapMatrixCell) => `${label.get(d.jurisdiction)}, ${typeLabel(d.type)}: ${formatCount(d.count)}`), render: tag}),
      Plot.text(cells, {x, y, text: (d: GapMatrixCell) => formatCount(d.count), fill: {value: (d: GapMatrixCell) => (d.count === 0 ? "var(--theme-foreground-faint, #bbbbbb)" : d.count > max / 2 ? "white" : "black"), scale: null}, fontSize: 10}),
      Plot.cell(outlined, {x, y, fill: "none", stroke: "var(--miners-accent, #b45309)", strokeWidth: 2})
    ]
  });
  figure.setAttribute("data-measures", String(roundCount(cells.reduce((s, c) => s + c.count, 0))));
  return figure;
}
