import * as Plot from "@observablehq/plot";
import {tagMarks} from "../reader/tag-marks.js";
import type {ListCell, ListMatrix} from "../../lib/policy/critical-lists.js";
import {hover} from "../reader/hover.js";

export interface CriticalListsMatrixOptions {
  width?: number;
  /** Name of a jurisdiction code, for the column heads. */
  nameOf?: (code: string) => string;
  /** Mineral (row) and jurisdiction (column) to outline. */
  selectedMineral?: string | null;
  selectedJurisdiction?: string | null;
  document?: Document;
}

const STATE_LABELS: Record<ListCell["state"], string> = {critical: "Critical", strategic: "Strategic (not critical)", watchlist: "Watchlist", dropped: "On an earlier list only"};
// "On an earlier list only" is the page's own background (white in light, dark in dark), with text in its colour.
const STATE_COLORS = ["#08519c", "#6baed6", "#c6dbef", "var(--plot-background, #ffffff)"];
const ROW = 15;

/**
 * Which mineral is critical for whom, and since when: minerals (rows, most widely listed first) by
 * jurisdiction (columns, by code; names in the tooltips), a cell where a jurisdiction's lists name the mineral, coloured by where
 * it stands on the current lists and labelled with the year of the earliest list held here that
 * names it. A mineral only on a superseded list is a white cell with its year: dropped, not
 * absent. No cell: not on any list held. Cells carry data-jurisdiction, data-mineral, data-state
 * and data-since.
 */
export function CriticalListsMatrix(matrix: ListMatrix, {width = 640, nameOf = (c) => c, selectedMineral = null, selectedJurisdiction = null, document}: CriticalListsMatrixOptions = {}): HTMLElement | SVGSVGElement {
  const minerals = matrix.minerals.map((m) => m.mineral);
  const count = new Map(matrix.minerals.map((m) => [m.mineral, m.jurisdictions]));
  const label = (m: string) => `${m} (${count.get(m)})`;
  const tag = tagMarks(matrix.cells, (c) => ({"data-jurisdiction": c.jurisdiction, "data-mineral": c.mineral, "data-state": c.state, "data-since": String(c.since)}));
  const x = (c: ListCell) => c.jurisdiction;
  const y = (c: ListCell) => label(c.mineral);
  const outline = matrix.cells.filter((c) => c.mineral === selectedMineral || c.jurisdiction === selectedJurisdiction);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width: Math.min(width, 200 + 60 * Math.max(matrix.jurisdictions.length, 1)),
    height: ROW * Math.max(minerals.length, 1) + 90,
    marginLeft: 190,
    marginTop: 40,
    x: {domain: matrix.jurisdictions, axis: "top", label: null, tickSize: 0},
    y: {domain: minerals.map(label), label: null, tickSize: 0},
    color: {domain: Object.values(STATE_LABELS), range: STATE_COLORS, legend: true},
    marks: [
      Plot.cell(matrix.cells, {x, y, fill: (c: ListCell) => STATE_LABELS[c.state], stroke: "#9ecae1", strokeWidth: 0.5, inset: 0.5, ...hover((c: ListCell) => `${c.mineral}, ${nameOf(c.jurisdiction)}: ${STATE_LABELS[c.state].toLowerCase()}; on ${c.lists.join("; ")}`), render: tag}),
      Plot.text(matrix.cells, {x, y, text: (c: ListCell) => String(c.since), fontSize: 9, fill: {value: (c: ListCell) => (c.state === "critical" ? "white" : c.state === "dropped" ? "currentColor" : "#1d2433"), scale: null}}),
      Plot.cell(outline, {x, y, fill: "none", stroke: "var(--miners-accent, #b45309)", strokeWidth: 1.5})
    ]
  });
  figure.setAttribute("data-cells", String(matrix.cells.length));
  return figure;
}
