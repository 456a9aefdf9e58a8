import * as Plot from "@observablehq/plot";
import type {Box} from "../../lib/reader/diagrams.js";
import {tagMarks} from "./tag-marks.js";

export interface BoxDiagramOptions {
  width?: number;
  /** Pixels per grid unit of height. */
  rowHeight?: number;
  document?: Document;
}

/** The fills of each kind of box, from the page's theme, so that the diagram follows the colour scheme. */
const FILL: Record<string, string> = {
  pillar: "var(--theme-foreground-focus)",
  stage: "var(--theme-foreground-focus)",
  component: "var(--theme-background-alt)",
  model: "var(--theme-background-alt)",
  dimension: "var(--theme-background-alt)"
};
const ON_FILL: Record<string, string> = {pillar: "var(--theme-background)", stage: "var(--theme-background)"};

/**
 * A diagram of labelled boxes (lib/reader/diagrams.ts lays them out): each box a rectangle with its
 * text wrapped inside, linked to the page that takes it up. Boxes carry data-node and data-kind.
 */
export function BoxDiagram(boxes: readonly Box[], {width = 640, rowHeight = 70, document}: BoxDiagramOptions = {}): HTMLElement | SVGSVGElement {
  const x2 = Math.max(1, ...boxes.map((b) => b.x2));
  const y2 = Math.max(1, ...boxes.map((b) => b.y2));
  const fontSize = width < 500 ? 10 : 12;
  // Text wraps to the narrowest box: Plot measures lineWidth in ems of the font size.
  const unit = (width - 20) / x2;
  const lineWidth = Math.max(5, (Math.min(...boxes.map((b) => b.x2 - b.x1)) * unit * 0.9) / fontSize);
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: Math.round(y2 * rowHeight) + 20,
    margin: 10,
    x: {domain: [0, x2], axis: null},
    y: {domain: [y2, 0], axis: null},
    marks: [
      Plot.rect(boxes, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: {value: (d: Box) => FILL[d.kind] ?? "none", scale: null},
        stroke: "var(--theme-foreground-faint)",
        rx: 4,
        href: (d: Box) => d.href,
        title: (d: Box) => d.label,
        render: tagMarks(boxes, (b) => ({"data-node": b.node, "data-kind": b.kind}))
      }),
      Plot.text(boxes, {
        x: (d: Box) => (d.x1 + d.x2) / 2,
        y: (d: Box) => (d.y1 + d.y2) / 2,
        text: "label",
        fill: {value: (d: Box) => ON_FILL[d.kind] ?? "currentColor", scale: null},
        fontSize,
        lineWidth,
        href: (d: Box) => d.href
      })
    ]
  });
  return figure;
}
