/**
 * The layouts of the paper's two diagrams (table paper_diagrams) as boxes on a grid, so that one
 * component draws both: Figure 1, the three pillars side by side, each with what it holds below
 * it; Figure 2, the five stages of the shared system boundary across, the three models as bands
 * that span them all, and the four dimensions the assessment weighs along the foot.
 */

/** A row of paper_diagrams as a figure's query returns it (columns may be missing from an edited query). */
export type DiagramRow = Record<string, unknown>;

/** A box: its corners in grid units (x to the right, y downwards), its text and what it is. */
export interface Box {
  node: string;
  kind: string;
  label: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  /** The page of the site that takes the box up, relative to a page under /pages/. */
  href: string | null;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const num = (v: unknown) => (Number.isFinite(Number(v)) ? Number(v) : 0);
const byPosition = (a: DiagramRow, b: DiagramRow) => num(a.position) - num(b.position) || text(a.node).localeCompare(text(b.node));
const link = (r: DiagramRow) => (text(r.page) ? `./${text(r.page)}` : null);
const box = (r: DiagramRow, x1: number, x2: number, y1: number, y2: number): Box => ({node: text(r.node), kind: text(r.kind), label: text(r.label), x1, x2, y1, y2, href: link(r)});

/** Figure 1: a column per pillar (its header on top), its components stacked below it. */
export function approachBoxes(rows: readonly DiagramRow[]): Box[] {
  const pillars = rows.filter((r) => text(r.kind) === "pillar").sort(byPosition);
  return pillars.flatMap((p, i) => [
    box(p, i, i + 0.92, 0, 0.9),
    ...rows
      .filter((r) => text(r.kind) === "component" && text(r.parent) === text(p.node))
      .sort(byPosition)
      .map((c, j) => box(c, i + 0.06, i + 0.86, 1.1 + j * 0.8, 1.1 + j * 0.8 + 0.65))
  ]);
}

/** Figure 2: the stages as a header row, a band per model across all stages, the dimensions along the foot. */
export function assessmentBoxes(rows: readonly DiagramRow[]): Box[] {
  const of = (kind: string) => rows.filter((r) => text(r.kind) === kind).sort(byPosition);
  const stages = of("stage");
  const models = of("model");
  const dimensions = of("dimension");
  const width = Math.max(stages.length, 1);
  const modelsTop = 1;
  const dimensionsTop = modelsTop + models.length * 0.8 + 0.3;
  const span = width / Math.max(dimensions.length, 1);
  return [
    ...stages.map((s, i) => box(s, i, i + 0.94, 0, 0.7)),
    ...models.map((m, j) => box(m, 0, width - 0.06, modelsTop + j * 0.8, modelsTop + j * 0.8 + 0.65)),
    ...dimensions.map((d, k) => box(d, k * span, (k + 1) * span - 0.06, dimensionsTop, dimensionsTop + 0.6))
  ];
}
