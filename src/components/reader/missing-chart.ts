import * as Plot from "@observablehq/plot";
import {hover} from "./hover.js";

export interface MissingDatum {
  name: string;
  missing: number;
}

/**
 * The share of rows missing in each column of a table, as bars from 0 to 100 %, with the count
 * written beside each bar: a column with no missing value reads "0", never an empty space.
 */
export function MissingChart(columns: readonly MissingDatum[], {rows, width = 640, document}: {rows: number; width?: number; document?: Document}): SVGSVGElement | HTMLElement {
  const share = (d: MissingDatum) => (rows ? d.missing / rows : 0);
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 18 * columns.length + 40,
    marginLeft: 130,
    marginRight: 90,
    x: {domain: [0, 100], percent: true, label: "Rows missing (%) →", grid: true},
    y: {domain: columns.map((d) => d.name), label: null},
    marks: [
      Plot.barX(columns, {x: share, y: "name", fill: "var(--miners-accent, #b45309)", ...hover((d: MissingDatum) => `${d.name}: ${d.missing} of ${rows} rows missing`)}),
      Plot.text(columns, {x: share, y: "name", text: (d: MissingDatum) => `${d.missing.toLocaleString("en-GB")} of ${rows.toLocaleString("en-GB")}`, dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
}
