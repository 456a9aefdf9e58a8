import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {approachBoxes, assessmentBoxes} from "../../../lib/reader/diagrams.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {paperDiagramsTable} from "../../../lib/tables/paper-diagrams.ts";
import {decodeSource} from "../../../lib/sources/decode.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(paperDiagramsTable, read);
const of = (figure: number) => rows.filter((r) => r.figure === figure) as unknown as Record<string, unknown>[];

describe("the paper's diagrams", () => {
  it("paper_diagrams holds Figure 1's three pillars with their seven components and Figure 2's 4 dimensions, 3 models and 5 stages", () => {
    const count = (figure: number, kind: string) => rows.filter((r) => r.figure === figure && r.kind === kind).length;
    expect([count(1, "pillar"), count(1, "component"), count(2, "dimension"), count(2, "model"), count(2, "stage")]).toEqual([3, 7, 4, 3, 5]);
  });

  it("approachBoxes(rows) puts each pillar in its own column with its components below it, linked to their pages", () => {
    const boxes = approachBoxes(of(1));
    const column = (node: string) => Math.floor(boxes.find((b) => b.node === node)!.x1);
    expect(["resilience", "mapping", "policy"].map(column)).toEqual([0, 1, 2]);
    expect(["metrics", "flows", "cooperation"].map(column)).toEqual([0, 1, 2]);
    const flows = boxes.find((b) => b.node === "flows")!;
    const mines = boxes.find((b) => b.node === "mines")!;
    expect(flows.y1).toBeGreaterThan(mines.y2); // position 2 sits below position 1
    expect(flows.href).toBe("./material-flows");
    // No two boxes overlap.
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1, `${a.node} / ${b.node}`).toBe(true);
  });

  it("assessmentBoxes(rows) spans each model across the five stages, the stages in order above them", () => {
    const boxes = assessmentBoxes(of(2));
    const stages = boxes.filter((b) => b.kind === "stage").sort((a, b) => a.x1 - b.x1).map((b) => b.node);
    expect(stages).toEqual(["mining", "refining", "manufacturing", "consumption", "eol"]);
    for (const m of boxes.filter((b) => b.kind === "model")) {
      expect(m.x1).toBe(0);
      expect(m.x2).toBeGreaterThan(4.9);
      expect(m.y1).toBeGreaterThan(Math.max(...boxes.filter((b) => b.kind === "stage").map((b) => b.y2)));
    }
    expect(boxes.filter((b) => b.kind === "dimension")).toHaveLength(4);
  });

  it("an edited query that drops columns gives boxes with empty labels rather than an error", () => {
    expect(approachBoxes([{node: "x", kind: "pillar"}])).toEqual([{node: "x", kind: "pillar", label: "", x1: 0, x2: 0.92, y1: 0, y2: 0.9, href: null}]);
  });
});
