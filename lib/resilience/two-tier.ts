/**
 * A two-tier supply network of one mineral: mining countries ship ore (in contained metal) to
 * refining countries, which sell into one world market. The sources give each tier by country
 * (IEA Critical Minerals Data Explorer) but not who ships to whom, so the links and their flows are
 * an **assumption**, made by one of the rules below, which the reader chooses; the network metrics
 * of the paper's Table 2 (time to survive, performance impact, percolation) are then computed on
 * the network the rule gives.
 *
 * Allocation rules (flows in kt a year; M_m the mining of m, R_r the refining of r):
 *  - "pooled": every refinery draws on every mine in proportion to the mine's share of mining:
 *    f(m, r) = min(M, R) · (M_m / M) · (R_r / R), with M = Σ M_m and R = Σ R_r.
 *  - "domestic": a country that mines and refines first refines its own ore, d_c = min(M_c, R_c);
 *    what is left on each side is pooled as above.
 *  - "domestic-trade": domestic first; then each trade link (exporter e -> importer i, the share of
 *    e's ore left after domestic use that the Comtrade extracts show going to i) takes
 *    min(share · M'_e, R'_i); the rest is pooled.
 * When refining exceeds mining (R > M: synthetic graphite, recycled or stocked feed, or sources that
 * count differently), the pooled step leaves R − M of the refineries' feed unallocated: a node
 * "Other feed" supplies it, in proportion to each refinery's need. When mining exceeds refining, the
 * mines' unallocated output is idle capacity, usable by the refineries they are linked to.
 *
 * The network for the time to survive (lib/resilience/recovery.ts; months as periods): each mine and
 * refinery is a node whose capacity is its annual quantity / 12; the other places of the tier hit
 * have the spare capacity σ the reader sets on top (as the producers not hit do in the one-tier
 * explorer), while the other tier runs at its stated quantity (other feed too), so that the mines'
 * idle output, where mining exceeds refining, is all the slack it has; a link exists where the rule gives a flow above 0, so in an
 * outage ore can move only along the rule's links; every link into a refinery carries the same
 * input ("feed": alternatives), every refinery ships "metal" to the market, which holds the
 * stockpile and faces world demand, the refined total / 12 a month. The node hit is split into the
 * part lost (its share s of the node's capacity, disrupted) and the rest, as in supply-network.ts.
 *
 * `maxDeliverable` computes the most the network can deliver a month (a maximum flow with node
 * capacities, Edmonds-Karp), independently of HiGHS: with stock only in the market, TTS = S / (d − F)
 * and the demand lost over T months is max(0, (d − F) · T − S), which the tests set beside HiGHS.
 */
import {MARKET, PERIODS_PER_YEAR} from "./supply-network.js";
import {DAYS_PER_YEAR} from "./absorption.js";
import {indexNetwork, type Network} from "./network.js";
import type {SupplyEdge, SupplyNetwork, SupplyNode} from "./recovery.js";

export const ALLOCATION_RULES = ["pooled", "domestic", "domestic-trade"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** The rules in words, for the page. */
export const RULE_LABELS: Readonly<Record<AllocationRule, string>> = {
  pooled: "in proportion to mining shares (one world pool)",
  domestic: "own ore first, the rest in proportion to mining shares",
  "domestic-trade": "own ore first, then the Comtrade flows, the rest in proportion"
};

/** A country (or the rest of the world) of one tier, with its annual quantity. */
export interface TierPlace {
  /** Name, unique within the tier: a country or "Rest of world". */
  name: string;
  /** ISO3 code; null for an aggregate (never matched with the other tier). */
  iso3: string | null;
  /** Annual quantity, kt, >= 0. */
  annual: number;
}

/** A bilateral link of the trade extracts, as the share of the exporter's ore left after domestic use that goes to the importer. */
export interface TradeLink {
  from: string;
  to: string;
  /** In [0, 1]. */
  share: number;
  /** Where it comes from, in words. */
  basis: string;
}

/** One allocated flow, kt a year. `from` names a mine (or OTHER_FEED), `to` a refinery. */
export interface Flow {
  from: string;
  to: string;
  kt: number;
  basis: "domestic" | "trade" | "pooled" | "other feed";
}

export interface Allocation {
  rule: AllocationRule;
  flows: Flow[];
  /** Refinery feed not from the mining tier (R − M when positive, after the rule), kt a year. */
  otherFeed: number;
  /** Mine output left unallocated (idle), kt a year. */
  idleMining: number;
}

/** The node that supplies refinery feed not accounted for by mining. */
export const OTHER_FEED = "Other feed";

function checkPlaces(places: readonly TierPlace[], tier: string): void {
  const seen = new Set<string>();
  for (const p of places) {
    if (seen.has(p.name)) throw new RangeError(`two-tier network: "${p.name}" is listed twice in ${tier}`);
    seen.add(p.name);
    if (!(Number.isFinite(p.annual) && p.annual >= 0)) throw new RangeError(`two-tier network: ${tier} of "${p.name}" must be a number >= 0, got ${p.annual}`);
  }
}

/**
 * The flows of one rule (see the module comment). Flows below 1e-12 kt are dropped. Throws
 * RangeError on a repeated name, a quantity that is not >= 0, an unknown rule, or a trade share
 * outside [0, 1].
 */
export function allocate(mining: readonly TierPlace[], refining: readonly TierPlace[], rule: AllocationRule, trade: readonly TradeLink[] = []): Allocation {
  if (!ALLOCATION_RULES.includes(rule)) throw new RangeError(`two-tier network: unknown allocation rule "${rule}"; expected ${ALLOCATION_RULES.join(", ")}`);
  checkPlaces(mining, "mining");
  checkPlaces(refining, "refining");
  const flows: Flow[] = [];
  const add = (from: string, to: string, kt: number, basis: Flow["basis"]) => {
    if (kt > 1e-12) flows.push({from, to, kt, basis});
  };
  const mineLeft = new Map(mining.map((m) => [m.name, m.annual]));
  const needLeft = new Map(refining.map((r) => [r.name, r.annual]));
  const byIso = (places: readonly TierPlace[], iso3: string) => places.find((p) => p.iso3 === iso3);
  if (rule !== "pooled") {
    for (const m of mining) {
      const r = m.iso3 === null ? undefined : byIso(refining, m.iso3);
      if (!r) continue;
      const d = Math.min(m.annual, r.annual);
      add(m.name, r.name, d, "domestic");
      mineLeft.set(m.name, m.annual - d);
      needLeft.set(r.name, r.annual - d);
    }
  }
  if (rule === "domestic-trade") {
    for (const link of trade) {
      if (!(Number.isFinite(link.share) && link.share >= 0 && link.share <= 1)) throw new RangeError(`two-tier network: trade share ${link.from} -> ${link.to} must lie in [0, 1], got ${link.share}`);
      const m = byIso(mining, link.from);
      const r = byIso(refining, link.to);
      if (!m || !r) continue;
      const kt = Math.min(link.share * mineLeft.get(m.name)!, needLeft.get(r.name)!);
      const existing = flows.find((f) => f.from === m.name && f.to === r.name);
      if (existing) existing.kt += kt;
      else add(m.name, r.name, kt, "trade");
      mineLeft.set(m.name, mineLeft.get(m.name)! - kt);
      needLeft.set(r.name, needLeft.get(r.name)! - kt);
    }
  }
  const M = [...mineLeft.values()].reduce((s, x) => s + x, 0);
  const R = [...needLeft.values()].reduce((s, x) => s + x, 0);
  const pooled = Math.min(M, R);
  if (pooled > 0) {
    for (const m of mining) {
      for (const r of refining) {
        const kt = (pooled * mineLeft.get(m.name)! * needLeft.get(r.name)!) / (M * R);
        const existing = flows.find((f) => f.from === m.name && f.to === r.name);
        if (existing && kt > 1e-12) existing.kt += kt;
        else add(m.name, r.name, kt, "pooled");
      }
    }
  }
  const otherFeed = Math.max(0, R - M);
  if (otherFeed > 0) for (const r of refining) add(OTHER_FEED, r.name, R > 0 ? (otherFeed * needLeft.get(r.name)!) / R : 0, "other feed");
  return {rule, flows, otherFeed, idleMining: Math.max(0, M - R)};
}

/** The reader's scenario on the two-tier network. */
export interface TwoTierScenario {
  tier: "mining" | "refining";
  /** The country hit (a name of that tier, not an aggregate). */
  country: string;
  /** Share of its capacity lost, in [0, 1]. */
  shareLost: number;
  /** Stockpile in the market, days of world (refined) demand, >= 0. */
  stockpileDays: number;
  /** Spare capacity of the other places of the tier hit, share of their annual quantity, >= 0 (the other tier has none). */
  spareCapacity: number;
}

export interface TwoTierNetwork {
  network: SupplyNetwork;
  disrupted: string;
  /** World demand per month: the refined total / 12, kt. */
  demand: number;
  /** Stockpile, kt. */
  stock: number;
  /** Capacity lost per month, kt. */
  lost: number;
  allocation: Allocation;
}

/** A node id: the place and its tier. */
export const nodeId = (name: string, tier: "mining" | "refining") => `${name} (${tier})`;

/**
 * The supply network of a scenario (see the module comment), per month. Throws RangeError when the
 * country hit is not a place of its tier with a quantity above 0, or is an aggregate, or a scenario
 * value lies out of range.
 */
export function twoTierNetwork(mining: readonly TierPlace[], refining: readonly TierPlace[], allocation: Allocation, scenario: TwoTierScenario): TwoTierNetwork {
  const {shareLost, stockpileDays, spareCapacity, tier} = scenario;
  if (!(Number.isFinite(shareLost) && shareLost >= 0 && shareLost <= 1)) throw new RangeError(`shock: the share of supply lost must lie between 0 and 100 %, got ${shareLost * 100} %`);
  if (!(Number.isFinite(stockpileDays) && stockpileDays >= 0)) throw new RangeError(`shock: stockpile days must be a number >= 0, got ${stockpileDays}`);
  if (!(Number.isFinite(spareCapacity) && spareCapacity >= 0)) throw new RangeError(`shock: spare capacity must be a number >= 0 %, got ${spareCapacity * 100} %`);
  if (tier !== "mining" && tier !== "refining") throw new RangeError(`shock: the tier must be mining or refining, got "${tier}"`);
  const places = tier === "mining" ? mining : refining;
  const hit = places.find((p) => p.name === scenario.country);
  if (!hit || !(hit.annual > 0)) throw new RangeError(`shock: "${scenario.country}" does not ${tier === "mining" ? "mine" : "refine"} this mineral in this year (no quantity above 0)`);
  if (hit.iso3 === null) throw new RangeError(`shock: "${hit.name}" is an aggregate of several countries, not one country`);
  const annualRefined = refining.reduce((s, r) => s + r.annual, 0);
  const demand = annualRefined / PERIODS_PER_YEAR;
  const stock = (stockpileDays * annualRefined) / DAYS_PER_YEAR;
  const lost = (shareLost * hit.annual) / PERIODS_PER_YEAR;
  const hitId = nodeId(hit.name, tier);
  const disrupted = `${hitId} (lost)`;
  const nodes: SupplyNode[] = [];
  // ids of each original node in the network (the hit node becomes two)
  const ids = new Map<string, string[]>();
  const place = (p: TierPlace, t: "mining" | "refining") => {
    const id = nodeId(p.name, t);
    const perPeriod = p.annual / PERIODS_PER_YEAR;
    if (id === hitId) {
      nodes.push({id: disrupted, inventory: 0, capacity: lost});
      nodes.push({id: `${hitId} (unaffected)`, inventory: 0, capacity: perPeriod - lost});
      ids.set(id, [disrupted, `${hitId} (unaffected)`]);
    } else {
      nodes.push({id, inventory: 0, capacity: perPeriod * (t === tier ? 1 + spareCapacity : 1)});
      ids.set(id, [id]);
    }
  };
  for (const m of mining) place(m, "mining");
  if (allocation.otherFeed > 0) {
    nodes.push({id: OTHER_FEED, inventory: 0, capacity: allocation.otherFeed / PERIODS_PER_YEAR});
    ids.set(OTHER_FEED, [OTHER_FEED]);
  }
  for (const r of refining) place(r, "refining");
  nodes.push({id: MARKET, inventory: stock, capacity: Infinity, demand});
  const edges: SupplyEdge[] = [];
  for (const f of allocation.flows) {
    const from = f.from === OTHER_FEED ? OTHER_FEED : nodeId(f.from, "mining");
    for (const a of ids.get(from) ?? []) for (const b of ids.get(nodeId(f.to, "refining")) ?? []) edges.push({from: a, to: b, input: "feed"});
  }
  for (const r of refining) for (const b of ids.get(nodeId(r.name, "refining"))!) edges.push({from: b, to: MARKET, input: "metal"});
  return {network: {nodes, edges}, disrupted, demand, stock, lost, allocation};
}

/**
 * The most the network delivers to `sink` per period with node `disrupted` at capacity 0: a
 * maximum flow (Edmonds-Karp) from every node without inputs, each node passing at most its
 * capacity; links have no capacity of their own. For networks where each node has at most one
 * input (one bill-of-materials group), which the two-tier networks are; throws RangeError on a node
 * with two inputs, or an unknown sink or disrupted node.
 */
export function maxDeliverable(network: SupplyNetwork, sink: string, disrupted?: string): number {
  const g = indexNetwork(network);
  const n = g.nodeCount;
  const t = g.index.get(sink);
  if (t === undefined) throw new RangeError(`maxDeliverable: sink "${sink}" is not a node`);
  const d = disrupted === undefined ? -1 : g.index.get(disrupted);
  if (d === undefined) throw new RangeError(`maxDeliverable: disrupted node "${disrupted}" is not a node`);
  for (let i = 0; i < n; i++) {
    const inputs = new Set<string>();
    for (let q = g.inStart[i]!; q < g.inStart[i + 1]!; q++) {
      const e = network.edges[g.inEdges[q]!]!;
      inputs.add(e.input ?? e.from);
    }
    if (inputs.size > 1) throw new RangeError(`maxDeliverable: node "${network.nodes[i]!.id}" needs ${inputs.size} inputs; a maximum flow models one`);
  }
  // Vertices: 2i (in), 2i+1 (out), source 2n; arcs with residual capacities.
  const finite = network.nodes.reduce((s, v) => s + (v.capacity !== null && Number.isFinite(v.capacity) ? v.capacity : 0), 0);
  const BIG = 2 * finite + 1;
  const head: number[] = [];
  const cap: number[] = [];
  const adj: number[][] = Array.from({length: 2 * n + 1}, () => []);
  const arc = (a: number, b: number, c: number) => {
    adj[a]!.push(head.length);
    head.push(b);
    cap.push(c);
    adj[b]!.push(head.length);
    head.push(a);
    cap.push(0);
  };
  const S = 2 * n;
  network.nodes.forEach((v, i) => {
    const c = i === d ? 0 : v.capacity === null ? 0 : Math.min(v.capacity, BIG);
    arc(2 * i, 2 * i + 1, i === t ? BIG : c);
    if (g.inStart[i + 1]! === g.inStart[i]! && i !== t) arc(S, 2 * i, BIG);
  });
  for (let k = 0; k < g.edgeCount; k++) arc(2 * g.from[k]! + 1, 2 * g.to[k]!, BIG);
  const T = 2 * t; // into the sink, before its own (unbounded) arc
  let total = 0;
  const eps = 1e-12 * Math.max(1, finite);
  for (;;) {
    const via = new Int32Array(2 * n + 1).fill(-1);
    const queue = [S];
    via[S] = -2;
    while (queue.length && via[T] === -1) {
      const u = queue.shift()!;
      for (const a of adj[u]!) {
        const v = head[a]!;
        if (via[v] === -1 && cap[a]! > eps) {
          via[v] = a;
          queue.push(v);
        }
      }
    }
    if (via[T] === -1) break;
    let push = Infinity;
    for (let v = T; v !== S; v = head[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = T; v !== S; v = head[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    total += push;
  }
  return total;
}

/** The hand computation of a two-tier shock, from the maximum flow F: shortfall d − F, TTS = S / shortfall, lost = shortfall · T − S. */
export interface TwoTierClosedForm {
  /** Most the network delivers per month in the outage, F. */
  deliverable: number;
  /** max(0, d − F) per month; 0 below 1e-9 of demand (solver noise). */
  shortfall: number;
  timeToSurvive: number;
  lostUnits: number;
}

export function twoTierClosedForm(built: TwoTierNetwork, months: number): TwoTierClosedForm {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`shock: the outage must last a whole number of periods >= 1, got ${months}`);
  const deliverable = maxDeliverable(built.network, MARKET, built.disrupted);
  const raw = built.demand - deliverable;
  const shortfall = raw > 1e-9 * built.demand ? raw : 0;
  return {deliverable, shortfall, timeToSurvive: shortfall > 0 ? built.stock / shortfall : Infinity, lostUnits: Math.max(0, shortfall * months - built.stock)};
}

/**
 * The network of mine-to-refinery links of several minerals at once, for percolation: one node per
 * country and tier ("Chile (mining)", "China (refining)", "Rest of world (mining)"), a link wherever
 * some mineral's allocation gives a flow from one to the other (other feed is not a place, and is
 * left out). Links are undirected for percolation (lib/resilience/percolation.ts).
 */
export function tierPlaceNetwork(allocations: readonly Allocation[], places: readonly {name: string; tier: "mining" | "refining"}[]): Network {
  const nodes = new Map<string, {id: string}>();
  for (const p of places) nodes.set(nodeId(p.name, p.tier), {id: nodeId(p.name, p.tier)});
  const edges = new Map<string, {from: string; to: string}>();
  for (const a of allocations) {
    for (const f of a.flows) {
      if (f.from === OTHER_FEED) continue;
      const from = nodeId(f.from, "mining");
      const to = nodeId(f.to, "refining");
      if (!nodes.has(from) || !nodes.has(to)) throw new RangeError(`tierPlaceNetwork: flow ${from} -> ${to} joins a place not listed`);
      edges.set(`${from}\u0000${to}`, {from, to});
    }
  }
  const ids = [...nodes.keys()].sort();
  return {nodes: ids.map((id) => ({id})), edges: [...edges.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1))};
}
