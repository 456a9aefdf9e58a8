import * as Plot from "npm:@observablehq/plot";
import {sankey as d3Sankey} from "npm:d3-sankey";
import {BALANCE_TOLERANCE, massBalance, validateSystem, type Flow, type MfaSystem, type Process, type ProcessBalance} from "../../lib/mfa/system.js";

/** A process with where it is drawn: its stage (column, left to right) and the state of its material. */
export interface SankeyProcess extends Process {
  stage: number;
  /** Material state, e.g. "chemicals": sets the colour of the process and of the flows leaving it. */
  state?: string;
  /** The paper's stage (mining, refining, ...), written above the first column that has it. */
  stageName?: string;
}

export interface SankeySystem extends MfaSystem {
  processes: readonly SankeyProcess[];
}

export interface SankeyOptions {
  /** Width of the figure; never less than minWidth (the page lets a narrow screen scroll). */
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

type NodeKind = "process" | "boundary" | "stock" | "loop-out" | "loop-in";
type LinkKind = "flow" | "stock" | "loop-out" | "loop-in";

interface Node {
  id: string;
  label: string;
  stage: number;
  column: number;
  state: string;
  kind: NodeKind;
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

/**
 * A Sankey diagram of a material-flow system: d3-sankey lays the processes out in columns by stage,
 * left to right, with each flow as wide as its value; Plot draws it. Flows that run backwards
 * (recycling, to an earlier or the same stage) are cut in two, a stub after their source and one
 * before their target, joined by a dashed loop under the diagram, so the layout stays acyclic.
 * Stock changes are drawn as flows into (accumulation) or out of (depletion) a dashed stock box.
 * Each flow has a translucent band as wide as its value plus one standard deviation (the band's
 * edges stand one sd either side of the flow's edges), and its value, 95 % interval and source on
 * hover. Each process inside the boundary carries a badge: a
 * tick if it balances within `tolerance` (lib/mfa massBalance), else a cross and its residual.
 * Throws as lib/mfa validateSystem, and Error if the stages leave a column that no chain of flows
 * reaches (d3-sankey places columns by the longest chain).
 */
export function Sankey(system: SankeySystem, options: SankeyOptions = {}): SVGSVGElement | HTMLElement {
  const {height = 480, tolerance = BALANCE_TOLERANCE, nodeWidth = 12, nodePadding = 12, ariaLabel, caption, document} = options;
  const width = Math.max(options.width ?? 960, options.minWidth ?? 860);
  const unit = options.unit ?? validateSystem(system) ?? "";
  const balances = new Map(massBalance(system, {tolerance}).map((b) => [b.process, b]));
  const colors = {...STATE_COLORS, ...options.colors};
  const processes = new Map(system.processes.map((p) => [p.id, p]));
  const labelOf = (id: string) => processes.get(id)?.label ?? id;
  const stateOf = (id: string) => processes.get(id)?.state ?? "unknown";
  const largest = Math.max(...system.flows.map((f) => f.value), ...(system.stocks ?? []).map((s) => Math.abs(s.change)), 0);
  const drawn = (v: number) => Math.abs(v) > DRAW_THRESHOLD * largest;

  const nodes = new Map<string, Node>();
  const links: Link[] = [];
  const loops: {flow: Flow; out: string; in: string}[] = [];
  const addNode = (n: Omit<Node, "column">) => {
    if (!nodes.has(n.id)) nodes.set(n.id, {...n, column: 0});
  };
  const addProcess = (id: string) => {
    const p = processes.get(id)!;
    addNode({id, label: p.label ?? id, stage: p.stage, state: p.state ?? "unknown", kind: p.boundary ? "boundary" : "process", stageName: p.stageName, balance: balances.get(id)});
  };
  const flowTitle = (f: Flow) =>
    `${labelOf(f.from)} → ${labelOf(f.to)}\n${uncertainty(f.value, f.sd ?? 0, unit)}\n${f.derived ? "derived by reconciliation from the balances" : `source: ${f.source ?? "not stated"}`}`;

  for (const f of system.flows) {
    if (!drawn(f.value)) continue;
    const from = processes.get(f.from)!;
    const to = processes.get(f.to)!;
    addProcess(f.from);
    addProcess(f.to);
    const base = {value: f.value, sd: f.sd ?? 0, state: stateOf(f.from), title: flowTitle(f)};
    if (to.stage > from.stage) {
      links.push({...base, id: f.id, source: f.from, target: f.to, kind: "flow"});
      continue;
    }
    const out = `loop-out:${f.id}`;
    const back = `loop-in:${f.id}`;
    addNode({id: out, label: `↺ to ${labelOf(f.to)}`, stage: from.stage + 1, state: base.state, kind: "loop-out"});
    addNode({id: back, label: `↺ from ${labelOf(f.from)}`, stage: to.stage - 1, state: base.state, kind: "loop-in"});
    links.push({...base, id: f.id, source: f.from, target: out, kind: "loop-out"}, {...base, id: f.id, source: back, target: f.to, kind: "loop-in"});
    loops.push({flow: f, out, in: back});
  }
  for (const s of system.stocks ?? []) {
    if (!drawn(s.change)) continue;
    const p = processes.get(s.process)!;
    addProcess(s.process);
    const id = `stock:${s.process}`;
    const gain = s.change > 0;
    addNode({id, label: `Stock ${gain ? "+" : "−"}${format(Math.abs(s.change))}`, stage: p.stage + (gain ? 1 : -1), state: p.state ?? "unknown", kind: "stock"});
    const title = `${labelOf(s.process)}: stock change ${uncertainty(s.change, s.sd ?? 0, unit)}\n${s.derived ? "derived by reconciliation from the balances" : `source: ${s.source ?? "not stated"}`}`;
    const base = {id, value: Math.abs(s.change), sd: s.sd ?? 0, state: p.state ?? "unknown", title, kind: "stock" as const};
    links.push(gain ? {...base, source: s.process, target: id} : {...base, source: id, target: s.process});
  }

  const stages = [...new Set([...nodes.values()].map((n) => n.stage))].sort((a, b) => a - b);
  for (const n of nodes.values()) n.column = stages.indexOf(n.stage);
  const marginTop = 30;
  const marginLeft = 24;
  const marginRight = 110; // room for the labels of the last column
  const bottom = height - 8;
  const graph = d3Sankey<Node, Link>()
    .nodeId((d) => d.id)
    .nodeAlign((d) => d.column)
    .nodeWidth(nodeWidth)
    .nodePadding(nodePadding)
    .extent([
      [marginLeft, marginTop],
      [width - marginRight, bottom]
    ])({nodes: [...nodes.values()].map((d) => ({...d})), links: links.map((d) => ({...d}))});
  const laidOut = graph.nodes as Required<Node>[];
  for (const n of laidOut) {
    if (n.layer !== n.column) throw new Error(`Sankey: "${n.label}" belongs in column ${n.column}, but no chain of flows reaches that far; give the processes consecutive stages`);
  }
  const laidLinks = graph.links as (Required<Link> & {source: Required<Node>; target: Required<Node>})[];
  // d3-sankey draws every link at value x ky; the uncertainty bands and loops use the same scale.
  const scaled = laidLinks.find((l) => l.value > 0);
  const ky = scaled ? scaled.width / scaled.value : 0;

  // Loops: a connector from the bottom of the stub after the source, along its own lane under the
  // diagram, up to the stub before the target; the stubs' links carry the flow's width.
  let lane = bottom + 16;
  const loopPaths = loops.flatMap(({flow, out, in: back}) => {
    const o = laidOut.find((n) => n.id === out)!;
    const b = laidOut.find((n) => n.id === back)!;
    const y = lane;
    lane += 12;
    const ox = (o.x0 + o.x1) / 2;
    const bx = (b.x0 + b.x1) / 2;
    const title = flowTitle(flow);
    const pts: [number, number][] = [[ox, o.y1], [ox, y], [bx, y], [bx, b.y1 + 2]];
    return pts.map(([x, yy]) => ({x, y: yy, id: flow.id, state: stateOf(flow.from), title}));
  });
  const totalHeight = loops.length ? Math.max(lane + 4, height) : height;

  const states = [...new Set([...nodes.values()].filter((n) => n.kind === "process" || n.kind === "boundary").sort((a, b) => a.stage - b.stage).map((n) => n.state))];
  let fallback = 0;
  const range = states.map((s) => colors[s] ?? FALLBACK[fallback++ % FALLBACK.length]!);

  const boxes = laidOut.filter((n) => n.kind === "process" || n.kind === "boundary");
  const stubs = laidOut.filter((n) => n.kind !== "process" && n.kind !== "boundary");
  const balanced = boxes.filter((n) => n.balance?.balanced);
  const unbalanced = boxes.filter((n) => n.balance && !n.balance.balanced);
  // Labels stand right of their process, in the gap before the next column (or in the right
  // margin), wrapped to fit it.
  const gap = stages.length > 1 ? (width - marginLeft - marginRight - nodeWidth) / (stages.length - 1) - nodeWidth - 6 : marginRight;
  const labelStyle = {fontSize: 10, lineHeight: 1.1, lineWidth: Math.max(Math.min(gap, marginRight) / 10 / 0.6, 4), ariaDescription: "labels"} as const;
  const mid = (n: Required<Node>) => (n.y0 + n.y1) / 2;
  const nodeText = (n: Required<Node>) => (n.kind === "process" || n.kind === "boundary" ? `${n.label}\n${format(n.value)}` : n.label);
  const balanceTitle = (n: Required<Node>) => {
    const b = n.balance!;
    return `${n.label}: inputs ${format(b.inputs)}, outputs ${format(b.outputs)}, stock change ${format(b.stockChange)} ${unit}; residual ${format(b.residual)} (${(b.relativeResidual * 100).toPrecision(2)} %), ${b.balanced ? "balanced" : "not balanced"} within ${tolerance} of throughput`;
  };
  const nodeTitle = (n: Required<Node>) => (n.balance ? balanceTitle(n) : n.kind === "boundary" ? `${n.label}: outside the system boundary, ${format(n.value)} ${unit}` : n.label);
  const headers: {x: number; text: string}[] = [];
  let lastStage: string | undefined;
  for (let c = 0; c < stages.length; c++) {
    const first = laidOut.filter((n) => n.column === c && n.stageName).sort((a, b) => a.y0 - b.y0)[0];
    if (first && first.stageName !== lastStage) headers.push({x: first.x0, text: first.stageName!});
    if (first) lastStage = first.stageName;
  }
  const linkChannels = {
    x1: (l: (typeof laidLinks)[number]) => l.source.x1,
    y1: (l: (typeof laidLinks)[number]) => l.y0,
    x2: (l: (typeof laidLinks)[number]) => l.target.x0,
    y2: (l: (typeof laidLinks)[number]) => l.y1,
    curve: "bump-x" as const,
    stroke: (l: (typeof laidLinks)[number]) => l.state,
    ariaLabel: (l: (typeof laidLinks)[number]) => l.id,
    title: (l: (typeof laidLinks)[number]) => l.title
  };

  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: totalHeight,
    ariaLabel,
    caption,
    // Drawn at its own width, not shrunk to a narrower container: the page lets it scroll.
    style: {maxWidth: "none"},
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    color: {type: "ordinal", domain: states, range, legend: true},
    marks: [
      Plot.text(headers, {x: "x", y: marginTop - 16, text: "text", textAnchor: "start", fontWeight: "bold", ariaDescription: "stages"}),
      Plot.link(laidLinks, {...linkChannels, strokeWidth: (l) => Math.max((l.value + l.sd) * ky, 1), strokeOpacity: 0.12, ariaDescription: "uncertainty"}),
      Plot.link(laidLinks, {...linkChannels, strokeWidth: (l) => Math.max(l.width, 0.5), strokeOpacity: (l) => (l.kind === "stock" ? 0.25 : 0.5), ariaDescription: "flows"}),
      Plot.line(loopPaths, {x: "x", y: "y", z: "id", stroke: "state", strokeWidth: 2, strokeDasharray: "6,3", markerEnd: "arrow", ariaLabel: "id", title: "title", ariaDescription: "loops"}),
      Plot.rect(boxes, {x1: "x0", x2: "x1", y1: "y0", y2: "y1", fill: "state", ariaLabel: "id", title: nodeTitle, ariaDescription: "processes"}),
      Plot.rect(stubs, {x1: "x0", x2: "x1", y1: "y0", y2: "y1", fill: "none", stroke: "currentColor", strokeDasharray: "3,2", ariaLabel: "id", title: nodeTitle, ariaDescription: "stocks and loops"}),
      Plot.text(laidOut, {x: (n) => n.x1 + 3, y: mid, text: nodeText, textAnchor: "start", ...labelStyle}),
      Plot.text(balanced, {x: (n) => (n.x0 + n.x1) / 2, y: (n) => n.y0 - 5, text: () => "✓", fill: "var(--miners-ok, #1a7f37)", fontSize: 10, ariaLabel: "id", title: balanceTitle, ariaDescription: "balance"}),
      Plot.text(unbalanced, {x: (n) => (n.x0 + n.x1) / 2, y: (n) => n.y0 - 5, text: (n) => `✗ ${(n.balance!.relativeResidual * 100).toFixed(1)} %`, fill: "var(--miners-bad, #cf222e)", fontSize: 10, fontWeight: "bold", ariaLabel: "id", title: balanceTitle, ariaDescription: "balance"})
    ]
  });
}
