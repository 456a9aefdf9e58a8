/**
 * Adaptive capacity (paper, Table 2, "Adaptation"): the ability to reroute or replace a lost
 * supply: substitution and recycling on the demand side, alternative routes in the network.
 *
 * Missing inputs give a missing result (see result.ts), never a zero.
 */
import {indexNetwork, nodeIndex, type Network, type NetworkEdge, type NetworkNode} from "./network.js";
import {missingInputs, numberOf, present, type MaybeNumber, type Result} from "./result.js";

/**
 * Inputs of `substitutabilityShare`, all in one unit per year (e.g. tonnes of contained metal):
 * `demand` for the material; `substitutes`, the part of that demand that substitute materials
 * or technologies can meet; `recycling`, the part that secondary (recycled) supply meets.
 */
export interface SubstitutabilityInputs {
  demand: MaybeNumber;
  substitutes: MaybeNumber;
  recycling: MaybeNumber;
}

/**
 * Substitutability share: (substitutes + recycling) / demand, in [0, 1], the share of demand
 * that does not depend on primary supply of the material (cf. the EU substitution index and
 * end-of-life recycling input rate, EC 2017; Graedel et al. 2012, "Methodology of metal
 * criticality determination", Environ. Sci. Technol. 46(2), 1063-1070).
 * Missing when any input is missing (a missing recycling figure is not zero recycling).
 * Throws RangeError when demand <= 0, a part is < 0, the parts exceed demand, or a value is not
 * finite.
 */
export function substitutabilityShare({demand, substitutes, recycling}: SubstitutabilityInputs): Result<number> {
  const absent = missingInputs("substitutabilityShare", {demand, substitutes, recycling});
  if (absent) return absent;
  const d = numberOf(demand);
  const s = numberOf(substitutes);
  const r = numberOf(recycling);
  if (!Number.isFinite(d) || d <= 0) throw new RangeError(`substitutabilityShare: demand is ${d}; it must be finite and > 0`);
  if (!Number.isFinite(s) || s < 0) throw new RangeError(`substitutabilityShare: substitutes is ${s}; it must be finite and >= 0`);
  if (!Number.isFinite(r) || r < 0) throw new RangeError(`substitutabilityShare: recycling is ${r}; it must be finite and >= 0`);
  if (s + r > d) throw new RangeError(`substitutabilityShare: substitutes ${s} + recycling ${r} exceed demand ${d}`);
  return present((s + r) / d);
}

/** Options of `pathRedundancy`. */
export interface PathRedundancyOptions {
  /**
   * "shared" (default): paths may share their source and sink nodes but no intermediate node
   * (internally node-disjoint, as in Menger's theorem); "disjoint": paths share no node at all,
   * so each source and each sink serves at most one path.
   */
  endpoints?: "shared" | "disjoint";
}

/**
 * Path redundancy: the maximum number of node-disjoint directed paths from the source set to the
 * sink set, e.g. from mines to a refinery. By Menger's theorem (1927) it equals the smallest
 * number of intermediate nodes (plus direct source-to-sink edges) whose loss cuts every sink off
 * every source: 1 means a single point of failure. A path is taken from its last source to its
 * first sink, so edges into a source or out of a sink are ignored; intermediate nodes are the
 * nodes in neither set.
 *
 * Computed as a maximum flow with node splitting (each node becomes in -> out with capacity 1;
 * unlimited for sources and sinks when endpoints are shared; every edge has capacity 1) by
 * Dinic's algorithm (Dinic 1970; see Ahuja, Magnanti & Orlin 1993, "Network Flows", ch. 6-7),
 * O(V^2 E) at worst, far less on unit capacities. Dimensionless count; 0 when no path exists.
 *
 * Throws RangeError when the network is invalid (see `indexNetwork`), a source or sink is not a
 * node, a set is empty, or a node is both a source and a sink.
 */
export function pathRedundancy(
  network: Network<NetworkNode, NetworkEdge>,
  sources: readonly string[],
  sinks: readonly string[],
  options: PathRedundancyOptions = {}
): number {
  const g = indexNetwork(network);
  if (sources.length === 0) throw new RangeError("pathRedundancy: the source set is empty");
  if (sinks.length === 0) throw new RangeError("pathRedundancy: the sink set is empty");
  const n = g.nodeCount;
  const role = new Uint8Array(n); // 1 source, 2 sink
  for (const id of sources) role[nodeIndex(g, id, "source")] = 1;
  for (const id of sinks) {
    const i = nodeIndex(g, id, "sink");
    if (role[i] === 1) throw new RangeError(`pathRedundancy: node "${id}" is both a source and a sink`);
    role[i] = 2;
  }
  const shared = (options.endpoints ?? "shared") === "shared";
  const inf = g.edgeCount + 1;
  const flow = new MaxFlow(2 * n + 2);
  const S = 2 * n;
  const T = 2 * n + 1;
  for (let v = 0; v < n; v++) {
    flow.addEdge(2 * v, 2 * v + 1, role[v] !== 0 && shared ? inf : 1);
    if (role[v] === 1) flow.addEdge(S, 2 * v, inf);
    if (role[v] === 2) flow.addEdge(2 * v + 1, T, inf);
  }
  for (let k = 0; k < g.edgeCount; k++) {
    const u = g.from[k]!;
    const v = g.to[k]!;
    if (role[v] === 1 || role[u] === 2) continue;
    flow.addEdge(2 * u + 1, 2 * v, 1);
  }
  return flow.run(S, T);
}

/** Dinic's maximum flow on integer capacities (adjacency stored as linked edge lists). */
class MaxFlow {
  private head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  constructor(private readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
    this.level = new Int32Array(n);
    this.iter = new Int32Array(n);
  }

  addEdge(u: number, v: number, c: number): void {
    for (const [a, b, cc] of [
      [u, v, c],
      [v, u, 0]
    ] as const) {
      this.to.push(b);
      this.cap.push(cc);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  private bfs(s: number, t: number): boolean {
    this.level.fill(-1);
    const queue = new Int32Array(this.n);
    let qh = 0;
    let qt = 0;
    this.level[s] = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v]! < 0) {
          this.level[v] = this.level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return this.level[t]! >= 0;
  }

  private dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (let e = this.iter[u]!; e !== -1; e = this.next[e]!, this.iter[u] = e) {
      const v = this.to[e]!;
      const c = this.cap[e]!;
      if (c > 0 && this.level[v] === this.level[u]! + 1) {
        const d = this.dfs(v, t, Math.min(f, c));
        if (d > 0) {
          this.cap[e] = c - d;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + d;
          return d;
        }
      }
    }
    return 0;
  }

  run(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter.set(this.head);
      for (let f = this.dfs(s, t, Infinity); f > 0; f = this.dfs(s, t, Infinity)) total += f;
    }
    return total;
  }
}
