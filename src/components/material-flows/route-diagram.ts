import * as Plot from "@observablehq/plot";
import {sankey as d3Sankey} from "d3-sankey";
import {routeGraph, type RouteRow} from "../../lib/material-flows/routes.js";
import {tagMarks} from "../reader/tag-marks.js";
import {formatFlow} from "./end-of-life-chart.js";

const HEADINGS = ["Ore", "Process", "Intermediate", "Product", "First use"];

interface LaidNode {
  id: string;
  label: string;
  column: number;
  kt: number | null;
  basis: string | null;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The paper's Figure 8 as a route diagram (lib/material-flows/routes.ts routeGraph): five columns
 * from ore to first use, laid out by d3-sankey with every link the same width and dashed, since no
 * source splits output by route; a node the paper sizes for 2021 carries its tonnage in its label.
 * Labels stand right of their node and wrap to the column gap, so they never run into the next
 * column. On a narrow screen the diagram keeps a legible minimum width and scrolls.
 */
export function RouteDiagram(rows: readonly RouteRow[], {width = 960, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const {nodes, links} = routeGraph(rows);
  const w = Math.max(width, 760);
  const perColumn = Math.max(...[0, 1, 2, 3, 4].map((c) => nodes.filter((n) => n.column === c).length));
  const height = Math.max(320, perColumn * 64 + 40);
  const marginTop = 28;
  const marginRight = 150;
  const nodeWidth = 10;
  const graph = d3Sankey<{id: string; label: string; column: number; kt: number | null; basis: string | null}, {source: string; target: string; value: number; routes: string[]}>()
    .nodeId((d) => d.id)
    .nodeAlign((d) => (d as unknown as {column: number}).column)
    .nodeWidth(nodeWidth)
    .nodePadding(28)
    .extent([
      [8, marginTop],
      [w - marginRight, height - 8]
    ])({nodes: nodes.map((n) => ({...n})), links: links.map((l) => ({...l, value: 1}))});
  const laid = graph.nodes as unknown as LaidNode[];
  const laidLinks = graph.links as unknown as {source: LaidNode; target: LaidNode; y0: number; y1: number; routes: string[]}[];
  const columnX = [0, 1, 2, 3, 4].map((c) => laid.find((n) => n.column === c)?.x0 ?? 0);
  // Plot wraps text to a width in ems: the room before the next column (or the right margin), over the font size.
  const FONT = 11;
  const gap = columnX[1]! - columnX[0]! - nodeWidth - 8;
  const lineWidth = (n: LaidNode) => Math.max((n.column === 4 ? marginRight - 8 : gap) / FONT, 6);
  const text = (n: LaidNode) => (n.kt === null ? n.label : `${n.label}\n${formatFlow(n.kt)} kt (2021)`);
  return Plot.plot({
    width: w,
    height,
    document,
    style: {maxWidth: "none"},
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    marks: [
      Plot.text(HEADINGS.map((h, c) => ({h, x: columnX[c]!})), {x: "x", y: marginTop - 14, text: "h", textAnchor: "start", fontWeight: "bold", ariaDescription: "columns"}),
      Plot.link(laidLinks, {
        x1: (l) => l.source.x1,
        y1: (l) => l.y0,
        x2: (l) => l.target.x0,
        y2: (l) => l.y1,
        curve: "bump-x",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeWidth: 2,
        strokeDasharray: "5,3",
        title: (l) => `${l.source.label} → ${l.target.label}\nroutes: ${l.routes.join(", ")}\nqualitative: no source gives this link's tonnage`,
        ariaDescription: "routes",
        render: tagMarks(laidLinks, (l) => ({"data-route-link": `${l.source.label} → ${l.target.label}`, "data-qualitative": "true"}), {selector: "path"})
      }),
      Plot.rect(laid, {
        x1: "x0",
        x2: "x1",
        y1: "y0",
        y2: "y1",
        fill: (n) => (n.kt === null ? "var(--theme-foreground-faint, #bbb)" : "var(--theme-foreground-focus, #3b5fc0)"),
        title: (n) => (n.kt === null ? `${n.label}: the paper gives no 2021 figure` : `${n.label}: ${formatFlow(n.kt)} kt Ni in 2021 (${n.basis === "first use" ? "the paper's share of its 3,596 kt first use" : "the paper"})`),
        ariaDescription: "steps",
        render: tagMarks(laid, (n) => ({"data-route-node": n.id, ...(n.kt === null ? {} : {"data-kt": String(n.kt)})}))
      }),
      // One text mark per column: Plot's lineWidth is one value per mark. A halo in the page's
      // background keeps each label legible over the links that cross it.
      ...[0, 1, 2, 3, 4].map((c) => {
        const column = laid.filter((n) => n.column === c);
        return Plot.text(column, {
          x: (n) => n.x1 + 4,
          y: (n) => (n.y0 + n.y1) / 2,
          text,
          textAnchor: "start",
          fontSize: FONT,
          lineWidth: column.length ? lineWidth(column[0]!) : 10,
          lineHeight: 1.1,
          // White here; a page sets it to its own background in CSS (dark mode).
          stroke: "white",
          strokeWidth: 4,
          paintOrder: "stroke",
          fill: "currentColor",
          ariaDescription: "labels"
        });
      })
    ]
  });
}
