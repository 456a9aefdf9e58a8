import * as Plot from "@observablehq/plot";
import {tagMarks} from "../reader/tag-marks.js";
import type {GapCell, GapField, GapMatrix as Matrix} from "../../lib/mapping/gap-matrix.js";
import {hover} from "../reader/hover.js";

export interface GapMatrixOptions {
  /** The fields, in column order. */
  fields: readonly GapField[];
  width?: number;
  /** Row label of a group, e.g. "Indonesia (9)". */
  groupLabel?: (group: string, sites: number) => string;
  /** Group to outline (the selected country). */
  selected?: string | null;
  document?: Document;
}

const ROW = 17;

/**
 * The share of sites with a value, per field (columns) and group (rows), as a matrix of cells
 * coloured in classes from white (no site has a value) to dark (every site has one), each with its
 * count.
 * A count of 0 is drawn as 0: the field is known to be empty, not unknown. Each cell carries its
 * numbers as data attributes (data-group, data-column, data-with, data-sites), so that a reader's
 * tools and the site's tests can check them.
 */
export function GapMatrix(matrix: Matrix, {fields, width = 900, groupLabel = (g, n) => `${g} (${n})`, selected = null, document}: GapMatrixOptions): SVGSVGElement | HTMLElement {
  const labels = new Map(matrix.groups.map(({group, sites}) => [group, groupLabel(group, sites)]));
  const fieldLabel = new Map(fields.map((f) => [f.column, f.label]));
  const y = (d: GapCell) => labels.get(d.group) ?? d.group;
  const x = (d: GapCell) => fieldLabel.get(d.column) ?? d.column;
  const tagCells = tagMarks(matrix.cells, (cell) => ({"data-group": cell.group, "data-column": cell.column, "data-with": String(cell.withValue), "data-sites": String(cell.sites)}));
  const outlined = matrix.cells.filter((d) => selected !== null && d.group === selected);
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: ROW * matrix.groups.length + 150,
    marginTop: 130,
    marginLeft: 240,
    marginBottom: 10,
    x: {domain: fields.map((f) => f.label), axis: "top", tickRotate: -50, label: null, tickSize: 0},
    y: {domain: matrix.groups.map((g) => labels.get(g.group)!), label: null, tickSize: 0},
    // Classes, with 0 and 100 % classes of their own: "none" and "all" are the facts a reader looks for.
    color: {type: "threshold", domain: [1e-9, 0.25, 0.5, 0.75, 1], range: ["var(--theme-foreground-faintest, #eeeeee)", "#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"], legend: true, label: "Sites with a value", tickFormat: (d: number) => `${Math.round(d * 100)} %`},
    marks: [
      Plot.cell(matrix.cells, {
        x,
        y,
        fill: "share",
        stroke: "var(--theme-background, #ffffff)",
        strokeWidth: 0.5,
        inset: 0.5,
        ...hover((d: GapCell) => `${d.group}, ${fieldLabel.get(d.column)}: ${d.withValue} of ${d.sites} sites have a value (${Math.round(d.share * 100)} %)`),
        render: tagCells,
        className: "gap-cell"
      }),
      Plot.text(matrix.cells, {x, y, text: (d: GapCell) => String(d.withValue), fill: (d: GapCell) => (d.share >= 0.5 ? "white" : d.share === 0 ? "var(--theme-foreground, black)" : "black"), fontSize: 9, className: "gap-count"}),
      Plot.cell(outlined, {x, y, fill: "none", stroke: "#d62728", strokeWidth: 1.5, className: "gap-selected"})
    ]
  });
}
