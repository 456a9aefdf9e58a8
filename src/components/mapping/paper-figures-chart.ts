import * as Plot from "npm:@observablehq/plot";

/** A figure stated in the paper's text (a row of paper_values), with the country it is about. */
export interface PaperFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** ISO3 code of the country the figure is about; null for a world figure. */
  iso3: string | null;
}

/**
 * The paper's own figures as horizontal bars, hatched apart from data-derived bars by a dashed
 * outline and labelled "paper" in the caption: they are transcribed from the text, not recomputed
 * here. The bar of the selected country is drawn dark; world figures stay grey.
 */
export function PaperFiguresChart(figures: readonly PaperFigure[], {width = 640, selected = null, caption, document}: {width?: number; selected?: string | null; caption?: string; document?: Document}): SVGSVGElement | HTMLElement {
  const unit = figures[0]?.unit ?? "";
  const fill = (d: PaperFigure) => (d.iso3 === null ? "#bbbbbb" : selected === d.iso3 ? "#7c2d12" : "#d4a373");
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
      Plot.barX(figures, {x: "value", y: "label", fill, stroke: "#555555", strokeDasharray: "4,2", title: (d: PaperFigure) => `${d.label}: ${d.value.toLocaleString("en-GB")} ${d.unit} (paper, ${d.id})`, className: "paper-figure"}),
      Plot.text(figures, {x: "value", y: "label", text: (d: PaperFigure) => d.value.toLocaleString("en-GB"), dx: 4, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
}
