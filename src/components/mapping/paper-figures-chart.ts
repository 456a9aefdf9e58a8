import * as Plot from "@observablehq/plot";
import {hover} from "../reader/hover.js";

/** A figure stated in the paper's text (a row of paper_values), with the country it is about. */
export interface PaperFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** ISO3 code of the country the figure is about; null for a world figure. */
  iso3: string | null;
}

/** World figures (a grey of the theme), a country's figure (>= 3:1 on a light and a dark page), the selected country's. */
export const PAPER_WORLD = "var(--theme-foreground-fainter, #bbbbbb)";
export const PAPER_COUNTRY = "#b7791f";
export const PAPER_SELECTED = "var(--theme-foreground, #1b1e23)";

/**
 * The paper's own figures as horizontal bars, hatched apart from data-derived bars by a dashed
 * outline and labelled "paper" in the caption: they are transcribed from the text, not recomputed
 * here. The bar of the selected country is drawn in the text colour; world figures stay grey. The
 * greys and the outline follow the page's colour scheme (CSS variables of the theme).
 */
export function PaperFiguresChart(figures: readonly PaperFigure[], {width = 640, selected = null, caption, document}: {width?: number; selected?: string | null; caption?: string; document?: Document}): SVGSVGElement | HTMLElement {
  const unit = figures[0]?.unit ?? "";
  const fill = (d: PaperFigure) => (d.iso3 === null ? PAPER_WORLD : selected === d.iso3 ? PAPER_SELECTED : PAPER_COUNTRY);
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 34 * figures.length + 50,
    marginLeft: 230,
    marginRight: 60,
    x: {label: `As stated in the paper (${unit}) →`, grid: true},
    y: {domain: figures.map((d) => d.label), label: null},
    caption,
    marks: [
      Plot.barX(figures, {x: "value", y: "label", fill, stroke: "var(--theme-foreground-muted, #555555)", strokeDasharray: "4,2", ...hover((d: PaperFigure) => `${d.label}: ${d.value.toLocaleString("en-GB")} ${d.unit} (paper, ${d.id})`), className: "paper-figure"}),
      Plot.text(figures, {x: "value", y: "label", text: (d: PaperFigure) => d.value.toLocaleString("en-GB"), dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
}
