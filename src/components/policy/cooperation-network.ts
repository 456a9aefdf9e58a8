import * as Plot from "@observablehq/plot";
import {tagMarks} from "../reader/tag-marks.js";
import {forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum} from "d3-force";

/** One party in one initiative (a row of policy_participation). */
export interface ParticipationLink {
  initiative_id: string;
  initiative_title: string;
  party_count: number;
  party: string;
  party_name: string;
}

export interface CooperationNetworkOptions {
  width?: number;
  /** Party to highlight. */
  selected?: string | null;
  /** Called with a party code when its node is clicked. */
  onSelect?: (party: string) => void;
  document?: Document;
}

interface Node extends SimulationNodeDatum {
  id: string;
  kind: "party" | "initiative";
  label: string;
  title: string;
  /** Initiatives of a party; parties of an initiative. */
  degree: number;
  subtype: string;
  r: number;
}

/** The kinds of initiative, by their number of parties. */
const SUBTYPE_LABELS = ["Bilateral", "Three or more parties", "One party named"];
const SUBTYPE_COLORS = ["#4e79a7", "#e15759", "#8c8c8c"];
const subtypeLabel = (id: string) => id;
const kindOf = (parties: number) => (parties === 2 ? SUBTYPE_LABELS[0]! : parties > 2 ? SUBTYPE_LABELS[1]! : SUBTYPE_LABELS[2]!);

/**
 * The cooperation network as a graph: each party a circle, sized by the number of initiatives it
 * takes part in and labelled with its code; each initiative a small square, coloured by its kind (bilateral, or three or more parties);
 * a line for each participation. The layout is a force simulation run to rest before drawing, from
 * d3-force's fixed initial positions, so the same data give the same picture. Party circles carry
 * data-party and data-initiatives, squares data-initiative and data-parties; the figure
 * data-initiatives and data-parties.
 */
export function CooperationNetwork(links: readonly ParticipationLink[], {width = 640, selected = null, onSelect, document}: CooperationNetworkOptions = {}): HTMLElement | SVGSVGElement {
  const parties = new Map<string, Node>();
  const initiatives = new Map<string, Node>();
  for (const l of links) {
    const p = parties.get(l.party) ?? {id: `p:${l.party}`, kind: "party", label: l.party, title: l.party_name, degree: 0, subtype: "", r: 0};
    p.degree++;
    parties.set(l.party, p);
    const i = initiatives.get(l.initiative_id) ?? {id: `i:${l.initiative_id}`, kind: "initiative", label: l.initiative_id, title: l.initiative_title, degree: 0, subtype: kindOf(l.party_count), r: 4};
    i.degree++;
    initiatives.set(l.initiative_id, i);
  }
  for (const p of parties.values()) p.r = 4 + 3 * Math.sqrt(p.degree);
  const nodes: Node[] = [...[...parties.values()].sort((a, b) => b.degree - a.degree || (a.label < b.label ? -1 : 1)), ...initiatives.values()];
  const edges: (SimulationLinkDatum<Node> & {source: Node | string; target: Node | string})[] = links.map((l) => ({source: `p:${l.party}`, target: `i:${l.initiative_id}`}));
  forceSimulation<Node>(nodes)
    .force("link", forceLink<Node, SimulationLinkDatum<Node>>(edges).id((d) => d.id).distance(28).strength(0.7))
    .force("charge", forceManyBody<Node>().strength(-70))
    .force("collide", forceCollide<Node>((d) => d.r + 3))
    .force("x", forceX<Node>(0).strength(0.06))
    .force("y", forceY<Node>(0).strength(0.09))
    .stop()
    .tick(400);
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 30;
  const [x0, x1] = [Math.min(...xs, 0) - pad, Math.max(...xs, 0) + pad];
  const [y0, y1] = [Math.min(...ys, 0) - pad, Math.max(...ys, 0) + pad];
  const height = Math.max(240, Math.min(640, Math.round(width * ((y1 - y0) / (x1 - x0)))));
  const segments = edges.map((e) => ({a: e.source as Node, b: e.target as Node}));
  const partyNodes = nodes.filter((n) => n.kind === "party");
  const initiativeNodes = nodes.filter((n) => n.kind === "initiative");
  const tag = (attrs: (d: Node) => Record<string, string>, data: Node[], click?: (d: Node) => void) => tagMarks(data, attrs, {selector: "circle, path", onClick: click});
  const figure = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height,
    margin: 10,
    x: {domain: [x0, x1], axis: null},
    y: {domain: [y0, y1], axis: null},
    r: {type: "identity"},
    color: {domain: SUBTYPE_LABELS, range: SUBTYPE_COLORS, legend: true, label: "Initiative"},
    marks: [
      Plot.link(segments, {x1: (d) => d.a.x, y1: (d) => d.a.y, x2: (d) => d.b.x, y2: (d) => d.b.y, stroke: {value: (d: {a: Node}) => (selected !== null && d.a.label === selected ? "var(--miners-accent, #b45309)" : "var(--theme-foreground-fainter, #b8bec8)"), scale: null}, strokeWidth: (d) => (selected !== null && d.a.label === selected ? 1.6 : 0.8)}),
      Plot.dot(initiativeNodes, {x: "x", y: "y", r: 4, symbol: "square", fill: (d) => subtypeLabel(d.subtype), stroke: "var(--plot-background, white)", strokeWidth: 0.5, title: (d) => `${d.title}: ${d.degree} parties`, render: tag((d) => ({"data-initiative": d.label, "data-parties": String(d.degree)}), initiativeNodes)}),
      Plot.dot(partyNodes, {
        x: "x",
        y: "y",
        r: "r",
        fill: {value: (d: Node) => (d.label === selected ? "var(--miners-accent, #b45309)" : d.label === "EU" ? "#3b5fc0" : "#dbe3f0"), scale: null},
        stroke: "#3b5fc0",
        strokeWidth: 1,
        title: (d) => `${d.title} (${d.label}): ${d.degree} ${d.degree === 1 ? "initiative" : "initiatives"}`,
        render: tag((d) => ({"data-party": d.label, "data-initiatives": String(d.degree)}), partyNodes, onSelect ? (d) => onSelect(d.label) : undefined)
      }),
      Plot.text(partyNodes, {x: "x", y: "y", text: "label", fontSize: 9, fill: {value: (d: Node) => (d.label === "EU" || d.label === selected ? "white" : "#1d2433"), scale: null}, pointerEvents: "none"})
    ]
  });
  figure.setAttribute("data-initiatives", String(initiatives.size));
  figure.setAttribute("data-parties", String(parties.size));
  return figure;
}
