import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {approachBoxes} from "../../lib/reader/diagrams.ts";
import {BoxDiagram} from "../../src/components/reader/box-diagram.ts";

const rows = [
  {node: "resilience", kind: "pillar", label: "Assessing resilience", parent: null, position: 1, page: "resilience"},
  {node: "metrics", kind: "component", label: "Resilience metrics", parent: "resilience", position: 1, page: "resilience"},
  {node: "policy", kind: "pillar", label: "Policy landscape", parent: null, position: 2, page: "policy"}
];

describe("BoxDiagram", () => {
  it("BoxDiagram(boxes) draws a box per node, linked to its page, with its text and the theme's colours", () => {
    const chart = BoxDiagram(approachBoxes(rows), {width: 640, document: new JSDOM("<!doctype html><body></body>").window.document});
    const rects = [...chart.querySelectorAll("rect[data-node]")];
    expect(rects.map((r) => [r.getAttribute("data-node"), r.getAttribute("data-kind"), r.getAttribute("fill")])).toEqual([
      ["resilience", "pillar", "var(--theme-foreground-focus)"],
      ["metrics", "component", "var(--theme-background-alt)"],
      ["policy", "pillar", "var(--theme-foreground-focus)"]
    ]);
    expect(rects.map((r) => r.closest("a")?.getAttribute("href"))).toEqual(["./resilience", "./resilience", "./policy"]);
    expect(chart.textContent).toContain("Resilience metrics");
  });
});
