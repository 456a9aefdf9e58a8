import * as Plot from "@observablehq/plot";
import {sankey as d3Sankey} from "d3-sankey";
import {sum} from "d3-array";
import {stack, textWidth, wrap} from "./sankey-labels.js";
import {BALANCE_TOLERANCE, massBalance, validateSystem, type Flow, type MfaSystem, type Process, type ProcessBalance} from "../../lib/mfa/system.js";

/** A process with where it is drawn: its stage (column, left to right) and the state of its material. */
export interface SankeyProcess extends Process {
  stage: number;
  /** Material state, e.g. "chemicals": sets the colour of the process and of the flows leaving it. */
  state?: string;
  /** The paper's stage (mining, refining, ...), written above the first column that has it. */
  stageName?: string;
  /** A balancing remainder, not an observed region or product: drawn hatched, labelled "(unallocated)". */
  residual?: boolean;
}

export interface SankeySystem extends MfaSystem {
  processes: readonly SankeyProcess[];
}

export interface SankeyOptions {
  /** Width of the figure; never less than minWidth, nor than its columns need for their labels (the page lets a narrow screen scroll). */
  width?: number;
  minWidth?: number;
  /** Height of the diagram without the band for recycling loops under it. */
  height?: number;
  /** Unit for labels; defaults to the system's. */
  unit?: string;
  /** Relative tolerance of the balance badges (lib/mfa massBalance); default BALANCE_TOLERANCE. */
  tolerance?: number;
  /** Colour by material state; states not in it get a colour from Tableau 10. */
  colors?: Record<string, string>;
  nodeWidth?: number;
  nodePadding?: number;
  ariaLabel?: string;
  caption?: string;
  document?: Document;
}

/** Colours of the material states of the lithium and nickel systems. */
export const STATE_COLORS: Readonly<Record<string, string>> = {
  "ore and brine": "#8c6d31",
  ore: "#8c6d31",
  chemicals: "#9467bd",
  intermediates: "#9467bd",
  cells: "#1f77b4",
  "first-use products": "#1f77b4",
  products: "#17becf",
  "end-use products": "#17becf",
  "in use": "#2ca02c",
  "end of life": "#7f7f7f",
  secondary: "#bcbd22"
};

const FALLBACK = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"];

type NodeKind = "process" | "boundary" | "stock";
type LinkKind = "flow" | "stock" | "loop-out" | "loop-in";

interface Node {
  id: string;
  label: string;
  stage: number;
  column: number;
  state: string;
  kind: NodeKind;
  residual: boolean;
  stageName?: string;
  balance?: ProcessBalance;
  // set by d3-sankey
  x0?: number;
  x1?: number;
  y0?: number;
  y1?: number;
  value?: number;
  layer?: number;
}

interface Link {
  id: string;
  source: string | Node;
  target: string | Node;
  value: number;
  sd: number;
  kind: LinkKind;
  state: string;
  title: string;
  // set by d3-sankey
  width?: number;
  y0?: number;
  y1?: number;
}

/** A link as drawn: from (x1, y1) to (x2, y2), `width` px wide. */
interface Drawn {
  id: string;
  kind: LinkKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  value: number;
  sd: number;
  state: string;
  title: string;
}

/** Flows at or below this share of the largest flow are not drawn (a zero-width link hides nothing). */
const DRAW_THRESHOLD = 1e-9;
const Z95 = 1.96;

function format(v: number): string {
  const a = Math.abs(v);
  return v.toLocaleString("en-GB", {maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : 2, minimumFractionDigits: 0});
}

function uncertainty(value: number, sd: number, unit: string): string {
  if (!(sd > 0)) return `${format(value)} ${unit} (no uncertainty: fixed by its inputs)`;
  return `${format(value)} ± ${format(sd)} ${unit} (95 %: ${format(Math.max(value - Z95 * sd, 0))} to ${format(value + Z95 * sd)})`;
}

const FONT = 10;
const LINE = 11; // px between label lines (lineHeight 1.1)
const LABEL_GAP = 3; // px between labels of a column
const STUB = 5; // px of a loop's band beside its source and target, where its connector turns
const LABEL_INSET = STUB + 2; // px from a node to its label, clear of a loop's connector
const MIN_ROOM = 50; // px at least for a column's labels: about eight characters a line
const MAX_ROOM = 112; // px that a column's labels ask for at most
const LANE = 22; // px between the lanes of the loops under the diagram

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/**
 * A Sankey diagram of a material-flow system: d3-sankey lays the processes out in columns by stage,
 * left to right, with each flow as wide as its value; Plot draws it. Flows that run backwards
 * (recycling, to an earlier or the same stage) are left out of the layout, so that it stays
 * acyclic, and drawn as loops: each leaves its source from the free part of the source's right
 * side, runs dashed along its own lane under the diagram, and rises into the free part of its
 * target's left side with an arrow, labelled on its lane. Stock changes are drawn as flows into
 * (accumulation) or out of (depletion) a dashed stock box. Each flow has a translucent band whose
 * edges stand one standard deviation either side of the flow's edges (as wide as value + 2 sd),
 * and its value, 95 % interval and source on hover; room is kept above and below the diagram so
 * that no band reaches the stage headings or leaves the figure. Each process inside the boundary
 * carries a badge after its value: a tick if it balances within `tolerance` (lib/mfa
 * massBalance), else a cross and its residual. A residual process (a balancing remainder) is
 * hatched and labelled "(unallocated)".
 *
 * Labels stand right of their process, wrapped to the room before the next column (longer ones end
 * in an ellipsis; the title holds the whole), and are stacked per column so that none overlaps
 * another; one moved off its process gets a leader line. When a column's labels need more height
 * than the diagram has, the diagram is drawn taller; when the columns need more width than
 * `width`, it is drawn wider and the page lets it scroll.
 * Throws as lib/mfa validateSystem, and Error if the stages leave a column that no chain of flows
 * reaches (d3-sankey places columns by the longest chain).
 */
export function Sankey(system: SankeySystem, options: SankeyOptions = {}): SVGSVGElement | HTMLElement {
  const {height = 480, tolerance = BALANCE_TOLERANCE, nodeWidth = 12, nodePadding = 12, ariaLabel, caption, document} = options;
  const unit = options.unit ?? validateSystem(system) ?? "";
  const balances = new Map(massBalance(system, {tolerance}).map((b) => [b.process, b]));
  const colors = {...STATE_COLORS, ...options.colors};
  const processes = new Map(system.processes.map((p) => [p.id, p]));
  const labelOf = (id: string) => {
    const p = processes.get(id);
    const label = p?.label ?? id;
    return p?.residual && !/unallocated/i.test(label) ? `${label} (unallocated)` : label;
  };
  const stateOf = (id: string) => processes.get(id)?.state ?? "unknown";
  const largest = Math.max(...system.flows.map((f) => f.value), ...(system.stocks ?? []).map((s) => Math.abs(s.change)), 0);
  const drawn = (v: number) => Math.abs(v) > DRAW_THRESHOLD * largest;

  const nodes = new Map<string, Node>();
  const links: Link[] = [];
  const loops: Flow[] = [];
  const addNode = (n: Omit<Node, "column">) => {
    if (!nodes.has(n.id)) nodes.set(n.id, {...n, column: 0});
  };
  const addProcess = (id: string) => {
    const p = processes.get(id)!;
    addNode({id, label: labelOf(id), stage: p.stage, state: p.state ?? "unknown", kind: p.boundary ? "boundary" : "process", residual: !!p.residual, stageName: p.stageName, balance: balances.get(id)});
  };
  const flowTitle = (f: Flow) =>
    `${labelOf(f.from)} → ${labelOf(f.to)}\n${uncertainty(f.value, f.sd ?? 0, unit)}\n${f.derived ? "derived by reconciliation from the balances" : `source: ${f.source ?? "not stated"}`}`;

  for (const f of system.flows) {
    if (!drawn(f.value)) continue;
    addProcess(f.from);
    addProcess(f.to);
    if (processes.get(f.to)!.stage > processes.get(f.from)!.stage) {
      links.push({id: f.id, source: f.from, target: f.to, value: f.value, sd: f.sd ?? 0, state: stateOf(f.from), title: flowTitle(f), kind: "flow"});
    } else loops.push(f);
  }
  for (const s of system.stocks ?? []) {
    if (!drawn(s.change)) continue;
    const p = processes.get(s.process)!;
    addProcess(s.process);
    const id = `stock:${s.process}`;
    const gain = s.change > 0;
    addNode({id, label: `Stock ${gain ? "+" : "−"}${format(Math.abs(s.change))}`, stage: p.stage + (gain ? 1 : -1), state: p.state ?? "unknown", kind: "stock", residual: false});
    const title = `${labelOf(s.process)}: stock change ${uncertainty(s.change, s.sd ?? 0, unit)}\n${s.derived ? "derived by reconciliation from the balances" : `source: ${s.source ?? "not stated"}`}`;
    const base = {id, value: Math.abs(s.change), sd: s.sd ?? 0, state: p.state ?? "unknown", title, kind: "stock" as const};
    links.push(gain ? {...base, source: s.process, target: id} : {...base, source: id, target: s.process});
  }

  const stages = [...new Set([...nodes.values()].map((n) => n.stage))].sort((a, b) => a - b);
  for (const n of nodes.values()) n.column = stages.indexOf(n.stage);
  const last = stages.length - 1;
  const valueOf = (id: string) =>
    Math.max(
      links.filter((l) => l.source === id).reduce((s, l) => s + l.value, 0),
      links.filter((l) => l.target === id).reduce((s, l) => s + l.value, 0),
      0
    );

  // The words of each label; wrapped once the room for them is known.
  const isBox = (n: Node) => n.kind === "process" || n.kind === "boundary";
  const badgeText = (n: Node) => (!n.balance ? "" : n.balance.balanced ? "✓" : `✗ ${(n.balance.relativeResidual * 100).toFixed(1)} %`);
  const valueText = (n: Node) => (isBox(n) ? format(valueOf(n.id)) : "");
  const naturalWidth = (n: Node) => Math.max(textWidth(n.label, FONT), textWidth(`${valueText(n)} ${badgeText(n)}`, FONT));

  // Horizontal: each gap between columns holds the labels of the column on its left. A column needs
  // its longest word and five lines of its longest label (floor), and asks for two lines (want),
  // between MIN_ROOM and MAX_ROOM. The diagram is never narrower than the floors (a narrow screen
  // scrolls it rather than clip its labels); width above them goes to the wants, then equally.
  // The last column's labels are in the right margin.
  const marginLeft = STUB + 7;
  const inColumn = (c: number) => [...nodes.values()].filter((n) => n.column === c);
  const longestWord = (n: Node) => Math.max(...n.label.split(/\s+/).map((w) => textWidth(w, FONT)), textWidth(`${valueText(n)} ${badgeText(n)}`, FONT));
  // The least room, in 2 px steps, in which a label wraps to `lines` lines or fewer (wrap draws five at most).
  const fits = (n: Node, lines: number) => {
    let r = Math.max(MIN_ROOM, longestWord(n));
    while (r < MAX_ROOM && wrap(n.label, r, FONT, Infinity).length > lines) r += 2;
    return r;
  };
  const ask = (lines: number) => stages.slice(0, last).map((_, c) => Math.min(MAX_ROOM, Math.max(MIN_ROOM, ...inColumn(c).map((n) => fits(n, lines)))));
  const [floors, wants] = [ask(5), ask(2)];
  const marginRight = LABEL_INSET + Math.min(MAX_ROOM, Math.max(MIN_ROOM, ...inColumn(last).map(naturalWidth))) + 4;
  const fixed = marginLeft + marginRight + nodeWidth * stages.length + 2 * LABEL_INSET * last;
  const [floor, want] = [sum(floors), sum(wants)];
  const width = Math.max(options.width ?? 960, options.minWidth ?? 0, Math.ceil(fixed + floor));
  const free = width - fixed;
  const rooms = floors.map((f, c) => (free >= want ? wants[c]! + (free - want) / last : f + (want > floor ? ((wants[c]! - f) * (free - floor)) / (want - floor) : 0)));
  const columnX = stages.map((_, c) => marginLeft + rooms.slice(0, c).reduce((s, r) => s + r + nodeWidth + 2 * LABEL_INSET, 0));
  const room = (column: number) => (column === last ? marginRight - LABEL_INSET - 4 : rooms[column]!);

  interface Label {
    node: Node;
    lines: string[];
    badge: string;
    /** Whether the badge stands on a line of its own, under the value. */
    badgeLine: boolean;
  }
  const labels = new Map<string, Label>();
  for (const n of nodes.values()) {
    const r = room(n.column);
    const lines = wrap(n.label, r, FONT, 5);
    const value = valueText(n);
    const badge = badgeText(n);
    let badgeLine = false;
    if (value) {
      if (badge && textWidth(value, FONT) + 3 + textWidth(badge, FONT) > r) badgeLine = true;
      lines.push(value);
    }
    if (badgeLine) lines.push("");
    labels.set(n.id, {node: n, lines, badge, badgeLine});
  }
  const labelHeight = (l: Label) => l.lines.length * LINE;

  // Stage headings, in rows when a narrow column leaves one no room beside the next.
  const headers: {x: number; row: number; text: string}[] = [];
  {
    const firstOf = (c: number) => [...nodes.values()].filter((n) => n.column === c && n.stageName)[0];
    const rowsEnd: number[] = [];
    let lastStage: string | undefined;
    for (let c = 0; c <= last; c++) {
      const first = firstOf(c);
      if (first && first.stageName !== lastStage) {
        const text = first.stageName!;
        const w = textWidth(text, FONT, true);
        const x = Math.max(0, Math.min(columnX[c]!, width - w - 2));
        let row = rowsEnd.findIndex((end) => x >= end + 6);
        if (row < 0) row = rowsEnd.push(0) - 1;
        rowsEnd[row] = x + w;
        headers.push({x, row, text});
      }
      if (first) lastStage = first.stageName;
    }
  }
  const headRows = Math.max(headers.length ? 1 + Math.max(...headers.map((h) => h.row)) : 0, 1);
  const headY = (row: number) => 8 + 12 * row;
  // The drawing area starts under the headings: no band, label or flow goes above it.
  const drawTop = headY(headRows - 1) + 12;

  const layout = (top: number, inner: number) => {
    const graph = d3Sankey<Node, Link>()
      .nodeId((d) => d.id)
      .nodeAlign((d) => d.column)
      .nodeWidth(nodeWidth)
      .nodePadding(nodePadding)
      .extent([
        [marginLeft, top],
        [width - marginRight, top + inner]
      ])({nodes: [...nodes.values()].map((d) => ({...d})), links: links.map((d) => ({...d}))});
    // d3-sankey spaces columns evenly; they stand where their labels need them (links read x from their nodes).
    for (const n of graph.nodes) (n.x0 = columnX[n.column]!), (n.x1 = n.x0 + nodeWidth);
    return {nodes: graph.nodes as Required<Node>[], links: graph.links as (Required<Link> & {source: Required<Node>; target: Required<Node>})[]};
  };
  // d3-sankey draws every link at value x ky; the bands and loops use the same scale.
  const kyOf = (ls: ReturnType<typeof layout>["links"]) => {
    const scaled = ls.find((l) => l.value > 0);
    return scaled ? scaled.width / scaled.value : 0;
  };
  const columnStacks = (ns: Required<Node>[], top: number, bottom: number) => {
    const placed = new Map<string, number>();
    let overflow = 0;
    for (let c = 0; c <= last; c++) {
      const inColumn = ns.filter((n) => n.column === c);
      const items = inColumn.map((n) => ({y: (n.y0 + n.y1) / 2, h: labelHeight(labels.get(n.id)!)}));
      const {y, overflow: o} = stack(items, top, bottom, LABEL_GAP);
      inColumn.forEach((n, i) => placed.set(n.id, y[i]!));
      overflow = Math.max(overflow, o);
    }
    return {placed, overflow};
  };

  // Grow the diagram until every column's labels fit beside it.
  let inner = Math.max(height - drawTop - 8, 120);
  let g = layout(drawTop, inner);
  for (let i = 0; i < 6; i++) {
    const {overflow} = columnStacks(g.nodes, drawTop, drawTop + inner);
    if (overflow <= 0.5) break;
    inner += overflow + 4;
    g = layout(drawTop, inner);
  }
  const laidOut = g.nodes;
  for (const n of laidOut) {
    if (n.layer !== n.column) throw new Error(`Sankey: "${n.label}" belongs in column ${n.column}, but no chain of flows reaches that far; give the processes consecutive stages`);
  }
  const byId = new Map(laidOut.map((n) => [n.id, n]));
  const ky = kyOf(g.links);
  const flows: Drawn[] = g.links.map((l) => ({id: l.id, kind: l.kind, x1: l.source.x1, y1: l.y0, x2: l.target.x0, y2: l.y1, width: l.width, value: l.value, sd: l.sd, state: l.state, title: l.title}));

  // Loops enter the free part of their target's left side and leave the free part of their
  // source's right side: below the flows d3-sankey stacked there, one after another.
  const taken = new Map<string, number>();
  const slot = (key: string, n: Required<Node>, stacked: number, w: number) => {
    const y = taken.get(key) ?? n.y0 + stacked;
    taken.set(key, y + w);
    return y + w / 2;
  };
  const loopEnds = loops.map((f) => {
    const src = byId.get(f.from)!;
    const tgt = byId.get(f.to)!;
    const w = Math.max(f.value * ky, 0.5);
    const ys = slot(`out:${src.id}`, src, g.links.filter((l) => l.source.id === src.id).reduce((s, l) => s + l.width, 0), w);
    const yt = slot(`in:${tgt.id}`, tgt, g.links.filter((l) => l.target.id === tgt.id).reduce((s, l) => s + l.width, 0), w);
    const base = {id: f.id, value: f.value, sd: f.sd ?? 0, state: stateOf(f.from), title: flowTitle(f), width: w};
    const out: Drawn = {...base, kind: "loop-out", x1: src.x1, y1: ys, x2: src.x1 + STUB, y2: ys};
    const back: Drawn = {...base, kind: "loop-in", x1: tgt.x0 - STUB, y1: yt, x2: tgt.x0, y2: yt};
    flows.push(out, back);
    return {flow: f, out, back};
  });

  // Room above and below for the bands (value + 2 sd wide): the diagram moves down, under the
  // headings, by as much as the highest band rises above it.
  const spread = (l: Drawn) => l.width / 2 + l.sd * ky;
  const padTop = Math.max(0, ...flows.map((l) => drawTop - (Math.min(l.y1, l.y2) - spread(l))));
  const padBottom = Math.max(0, ...flows.map((l) => Math.max(l.y1, l.y2) + spread(l) - (drawTop + inner)));
  for (const n of laidOut) (n.y0 += padTop), (n.y1 += padTop);
  for (const l of flows) (l.y1 += padTop), (l.y2 += padTop);
  const diagramBottom = drawTop + padTop + inner + padBottom;
  const {placed} = columnStacks(laidOut, drawTop, diagramBottom);
  const labelBottom = Math.max(diagramBottom, ...laidOut.map((n) => placed.get(n.id)! + labelHeight(labels.get(n.id)!) / 2));

  // Each loop on its own lane under the labels, labelled on it.
  const loopPaths: {x: number; y: number; id: string; state: string; title: string}[] = [];
  const loopLabels: {x: number; y: number; text: string; id: string; title: string}[] = [];
  let lane = labelBottom + 12;
  for (const {flow: f, out, back} of loopEnds) {
    const pts: [number, number][] = [[out.x2, out.y2], [out.x2, lane], [back.x1, lane], [back.x1, back.y1], [back.x2, back.y2]];
    loopPaths.push(...pts.map(([x, y]) => ({x, y, id: f.id, state: out.state, title: out.title})));
    const text = wrap(`↺ ${labelOf(f.from)} → ${labelOf(f.to)} ${format(f.value)}`, Math.max(Math.abs(out.x2 - back.x1) - 8, 0), FONT, 1)[0];
    if (text && text !== "…") loopLabels.push({x: Math.min(back.x1, out.x2) + 4, y: lane + 9, text, id: f.id, title: out.title});
    lane += LANE;
  }
  const totalHeight = Math.ceil(loops.length ? lane - LANE + 20 : labelBottom + 6);

  const states = [...new Set([...nodes.values()].filter(isBox).sort((a, b) => a.stage - b.stage).map((n) => n.state))];
  let fallback = 0;
  const range = states.map((s) => colors[s] ?? FALLBACK[fallback++ % FALLBACK.length]!);

  const boxes = laidOut.filter(isBox);
  const stubs = laidOut.filter((n) => n.kind === "stock");
  const residuals = boxes.filter((n) => n.residual);
  const balanceTitle = (n: Required<Node>) => {
    const b = n.balance!;
    return `${n.label}: inputs ${format(b.inputs)}, outputs ${format(b.outputs)}, stock change ${format(b.stockChange)} ${unit}; residual ${format(b.residual)} (${(b.relativeResidual * 100).toPrecision(2)} %), ${b.balanced ? "balanced" : "not balanced"} within ${tolerance} of throughput`;
  };
  const residualNote = (n: Required<Node>) => (n.residual ? "\nunallocated: the remainder that balances the process, not an observed region or product" : "");
  const nodeTitle = (n: Required<Node>) =>
    (n.balance ? balanceTitle(n) : n.kind === "boundary" ? `${n.label}: outside the system boundary, ${format(n.value)} ${unit}` : n.label) + residualNote(n);

  // Each label right of its node, at the centre the stack gave it; the badge after the value.
  const labelX = (n: Required<Node>) => n.x1 + LABEL_INSET;
  const labelY = (n: Required<Node>) => placed.get(n.id)!;
  const lineY = (n: Required<Node>, k: number) => {
    const l = labels.get(n.id)!;
    return labelY(n) + (k - (l.lines.length - 1) / 2) * LINE;
  };
  const texts = laidOut.map((n) => {
    const l = labels.get(n.id)!;
    return {node: n, text: (l.badgeLine ? l.lines.slice(0, -1) : l.lines).join("\n"), title: nodeTitle(n)};
  });
  const textY = (t: (typeof texts)[number]) => {
    const l = labels.get(t.node.id)!;
    return l.badgeLine ? labelY(t.node) - LINE / 2 : labelY(t.node);
  };
  const badges = boxes
    .filter((n) => n.balance)
    .map((n) => {
      const l = labels.get(n.id)!;
      const k = l.lines.length - 1;
      const x = l.badgeLine ? labelX(n) : labelX(n) + textWidth(l.lines[k]!, FONT) + 3;
      return {node: n, x, y: lineY(n, k), text: l.badge, ok: n.balance!.balanced};
    });
  const leaders = laidOut
    .filter((n) => labelY(n) < n.y0 - 1 || labelY(n) > n.y1 + 1)
    .map((n) => ({x1: n.x1 + 1, y1: Math.min(Math.max(labelY(n), n.y0), n.y1), x2: labelX(n) - 1, y2: labelY(n)}));

  const hatch = `sankey-hatch-${hash(system.processes.map((p) => p.id).join(","))}`;
  const patternDefs = (_index: unknown, _scales: unknown, _values: unknown, _dimensions: unknown, context: {document: Document}) => {
    const ns = "http://www.w3.org/2000/svg";
    const defs = context.document.createElementNS(ns, "defs");
    const pattern = context.document.createElementNS(ns, "pattern");
    for (const [k, v] of Object.entries({id: hatch, patternUnits: "userSpaceOnUse", width: "5", height: "5", patternTransform: "rotate(45)"})) pattern.setAttribute(k, v);
    const line = context.document.createElementNS(ns, "line");
    for (const [k, v] of Object.entries({x1: "0", y1: "0", x2: "0", y2: "5", stroke: "currentColor", "stroke-width": "2", "stroke-opacity": "0.6"})) line.setAttribute(k, v);
    pattern.append(line);
    defs.append(pattern);
    return defs as unknown as SVGElement;
  };

  const linkChannels = {
    x1: "x1",
    y1: "y1",
    x2: "x2",
    y2: "y2",
    curve: "bump-x" as const,
    stroke: "state",
    ariaLabel: "id",
    title: "title"
  };

  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: totalHeight,
    ariaLabel,
    caption,
    // Drawn at its own width: when the columns need more than the container, the page scrolls.
    style: {maxWidth: "none"},
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    color: {type: "ordinal", domain: states, range, legend: true},
    marks: [
      ...(residuals.length ? [patternDefs as unknown as Plot.Markish] : []),
      Plot.text(headers, {x: "x", y: (h) => headY(h.row), text: "text", textAnchor: "start", fontWeight: "bold", fontSize: FONT, ariaDescription: "stages"}),
      Plot.link(flows, {...linkChannels, strokeWidth: (l: Drawn) => Math.max((l.value + 2 * l.sd) * ky, 1), strokeOpacity: 0.12, ariaDescription: "uncertainty"}),
      Plot.link(flows, {...linkChannels, strokeWidth: (l: Drawn) => Math.max(l.width, 0.5), strokeOpacity: (l: Drawn) => (l.kind === "stock" ? 0.25 : 0.5), ariaDescription: "flows"}),
      Plot.line(loopPaths, {x: "x", y: "y", z: "id", stroke: "state", strokeWidth: 2, strokeDasharray: "6,3", markerEnd: "arrow", ariaLabel: "id", title: "title", ariaDescription: "loops"}),
      Plot.rect(boxes, {x1: "x0", x2: "x1", y1: "y0", y2: "y1", fill: "state", ariaLabel: "id", title: nodeTitle, ariaDescription: "processes"}),
      Plot.rect(residuals, {x1: "x0", x2: "x1", y1: "y0", y2: "y1", fill: `url(#${hatch})`, ariaLabel: "id", title: nodeTitle, ariaDescription: "residual"}),
      Plot.rect(stubs, {x1: "x0", x2: "x1", y1: "y0", y2: "y1", fill: "none", stroke: "currentColor", strokeDasharray: "3,2", ariaLabel: "id", title: nodeTitle, ariaDescription: "stocks"}),
      Plot.link(leaders, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeOpacity: 0.5, strokeWidth: 0.75, ariaDescription: "leaders"}),
      Plot.text(texts, {x: (t) => labelX(t.node), y: textY, text: "text", title: "title", textAnchor: "start", fontSize: FONT, lineHeight: LINE / FONT, ariaLabel: (t) => t.node.id, ariaDescription: "labels"}),
      Plot.text(badges.filter((b) => b.ok), {x: "x", y: "y", text: "text", textAnchor: "start", fill: "var(--miners-ok, #1a7f37)", fontSize: FONT, ariaLabel: (b) => b.node.id, title: (b) => balanceTitle(b.node), ariaDescription: "balance"}),
      Plot.text(badges.filter((b) => !b.ok), {x: "x", y: "y", text: "text", textAnchor: "start", fill: "var(--miners-bad, #cf222e)", fontSize: FONT, fontWeight: "bold", ariaLabel: (b) => b.node.id, title: (b) => balanceTitle(b.node), ariaDescription: "balance"}),
      Plot.text(loopLabels, {x: "x", y: "y", text: "text", title: "title", textAnchor: "start", fontSize: FONT, ariaLabel: "id", ariaDescription: "loop labels"})
    ]
  });
}
