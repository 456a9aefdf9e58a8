/**
 * Percolation robustness of a supply network (paper, Table 2, "Anticipation / Absorption":
 * structural robustness): how fast the network falls apart as nodes are removed at random
 * (failures) or by degree (attacks on hubs), after Albert, Jeong & Barabasi (2000) "Error and
 * attack tolerance of complex networks", Nature 406, 378-382, and Callaway, Newman, Strogatz &
 * Watts (2000) "Network robustness and fragility: percolation on random graphs", Phys. Rev.
 * Lett. 85, 5468-5471.
 *
 * Connectivity is weak (edge directions ignored): a component is a set of firms linked by trade
 * in either direction. Each trial draws a removal order; the giant-component curve is computed
 * by the Newman-Ziff algorithm (Newman & Ziff 2000, "Efficient Monte Carlo algorithm and
 * high-precision results for percolation", Phys. Rev. Lett. 85, 4104-4107): nodes are added back
 * in reverse removal order and components merged with union-find, so a trial costs
 * O(V + E alpha(V)) instead of one BFS per removal step.
 */
import {indexNetwork, undirectedAdjacency, type Network, type NetworkEdge, type NetworkNode} from "./network.js";
import {seededRandom, shuffleIndices, type Random} from "../random.js";

/**
 * Removal orders:
 * - "random": a uniformly random order (random failures);
 * - "degree-initial": by decreasing total degree (in + out) in the intact network, computed once
 *   (static attack; Albert et al. 2000);
 * - "degree-adaptive": by decreasing degree recomputed after each removal (adaptive attack;
 *   Holme, Kim, Yoon & Han 2002, Phys. Rev. E 65, 056109; Schneider et al. 2011).
 * Degree ties are broken by a seeded random order (for "degree-adaptive", among nodes of equal
 * current degree the one whose degree changed last goes first).
 */
export type RemovalStrategy = "random" | "degree-initial" | "degree-adaptive";

/** Options of `percolation`. */
export interface PercolationOptions {
  strategy: RemovalStrategy;
  /** Monte Carlo trials (removal orders), default 1,000. */
  trials?: number;
  /** Seed of the generator (lib/random.ts), default 1. */
  seed?: number;
  /** The threshold is the removed fraction where the giant component falls below this fraction of the original node count, default 0.5. */
  level?: number;
}

/** Averaged giant-component curve and the thresholds derived from it. */
export interface PercolationResult {
  strategy: RemovalStrategy;
  trials: number;
  seed: number;
  nodeCount: number;
  /** removed[k] = k / N, for k = 0..N nodes removed. */
  removed: number[];
  /** giant[k]: mean size of the largest weakly connected component after k removals, as a fraction of N. */
  giant: number[];
  /** susceptibility[k]: mean size of the finite (non-largest) components, sum of s^2 over them / N (Stauffer & Aharony 1994). */
  susceptibility: number[];
  /** The level used for `threshold`. */
  level: number;
  /**
   * Smallest removed fraction k / N at which the mean giant component is below `level`
   * (default: below half of the original network).
   */
  threshold: number;
  /** Removed fraction where the mean susceptibility peaks: the finite-size estimate of the percolation point (Newman & Ziff 2000). */
  susceptibilityPeak: number;
  /** Robustness R = (1/N) sum_{k=1..N} giant[k], in [0, 1/2) (Schneider et al. 2011, PNAS 108, 3838-3841). */
  robustness: number;
}

/**
 * Monte Carlo percolation by node removal: the giant-component curve averaged over `trials`
 * removal orders, the threshold (first removed fraction where the mean giant component falls
 * below `level` x N; we choose 0.5 by default, a size-independent criterion, and also report
 * the susceptibility peak, the usual finite-size estimate of the critical point) and the
 * robustness R. Fractions are of the original node count N; the result is reproducible from
 * `seed`.
 *
 * Throws RangeError when the network is invalid (see `indexNetwork`) or empty, trials is not a
 * positive integer, or level lies outside (0, 1].
 */
export function percolation(network: Network<NetworkNode, NetworkEdge>, options: PercolationOptions): PercolationResult {
  const {strategy} = options;
  const trials = options.trials ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.5;
  if (!["random", "degree-initial", "degree-adaptive"].includes(strategy)) throw new RangeError(`percolation: unknown strategy "${strategy}"`);
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`percolation: trials must be a positive integer, got ${trials}`);
  if (!(level > 0 && level <= 1)) throw new RangeError(`percolation: level must lie in (0, 1], got ${level}`);
  const g = indexNetwork(network);
  const n = g.nodeCount;
  if (n === 0) throw new RangeError("percolation: the network has no nodes");
  const adjacency = undirectedAdjacency(g);
  const random = seededRandom(seed);
  const largestSum = new Float64Array(n + 1);
  const finiteSum = new Float64Array(n + 1);
  const work = new Workspace(n);
  const order = new Int32Array(n);
  for (let trial = 0; trial < trials; trial++) {
    removalOrder(adjacency, strategy, random, order, work);
    work.addBack(adjacency, order, largestSum, finiteSum);
  }
  const removed: number[] = [];
  const giant: number[] = [];
  const susceptibility: number[] = [];
  for (let k = 0; k <= n; k++) {
    removed.push(k / n);
    giant.push(largestSum[k]! / (trials * n));
    susceptibility.push(finiteSum[k]! / (trials * n));
  }
  let threshold = 1;
  for (let k = 0; k <= n; k++) {
    if (giant[k]! < level) {
      threshold = k / n;
      break;
    }
  }
  let peak = 0;
  for (let k = 1; k <= n; k++) if (susceptibility[k]! > susceptibility[peak]!) peak = k;
  let robustness = 0;
  for (let k = 1; k <= n; k++) robustness += giant[k]!;
  return {
    strategy,
    trials,
    seed,
    nodeCount: n,
    removed,
    giant,
    susceptibility,
    level,
    threshold,
    susceptibilityPeak: peak / n,
    robustness: robustness / n
  };
}

/**
 * The giant-component curve for one given removal order (node ids, every node once): entry k is
 * the size of the largest weakly connected component after removing the first k nodes, as a
 * fraction of N. Deterministic; for checking and for scenario removals (e.g. "China first").
 * Throws RangeError when the order is not a permutation of the node ids.
 */
export function giantComponentCurve(network: Network<NetworkNode, NetworkEdge>, removalOrderIds: readonly string[]): number[] {
  const g = indexNetwork(network);
  const n = g.nodeCount;
  if (removalOrderIds.length !== n) throw new RangeError(`giantComponentCurve: the order lists ${removalOrderIds.length} nodes, the network has ${n}`);
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  removalOrderIds.forEach((id, k) => {
    const i = g.index.get(id);
    if (i === undefined) throw new RangeError(`giantComponentCurve: "${id}" is not a node of the network`);
    if (seen[i]) throw new RangeError(`giantComponentCurve: "${id}" appears twice in the order`);
    seen[i] = 1;
    order[k] = i;
  });
  const largest = new Float64Array(n + 1);
  new Workspace(n).addBack(undirectedAdjacency(g), order, largest, new Float64Array(n + 1));
  return Array.from(largest, (s) => s / n);
}

interface Adjacency {
  start: Int32Array;
  neighbours: Int32Array;
}

/** Reused per-trial arrays, so that 1,000 trials allocate nothing. */
class Workspace {
  readonly parent: Int32Array;
  readonly size: Int32Array;
  readonly present: Uint8Array;
  readonly degree: Int32Array;
  readonly removedFlag: Uint8Array;

  constructor(readonly n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n);
    this.present = new Uint8Array(n);
    this.degree = new Int32Array(n);
    this.removedFlag = new Uint8Array(n);
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const p = parent[x]!;
      parent[x] = parent[p]!; // path halving
      x = p;
    }
    return x;
  }

  /** Adds nodes back in reverse order, accumulating largest-component size and sum of finite s^2 per removal count. */
  addBack(adj: Adjacency, order: Int32Array, largestSum: Float64Array, finiteSum: Float64Array): void {
    const n = this.n;
    const {parent, size, present} = this;
    present.fill(0);
    let largest = 0;
    let sumSquares = 0;
    for (let m = 1; m <= n; m++) {
      const v = order[n - m]!;
      present[v] = 1;
      parent[v] = v;
      size[v] = 1;
      sumSquares += 1;
      if (largest < 1) largest = 1;
      for (let e = adj.start[v]!; e < adj.start[v + 1]!; e++) {
        const u = adj.neighbours[e]!;
        if (!present[u]) continue;
        let ru = this.find(u);
        let rv = this.find(v);
        if (ru === rv) continue;
        if (size[ru]! < size[rv]!) [ru, rv] = [rv, ru];
        const a = size[ru]!;
        const b = size[rv]!;
        parent[rv] = ru;
        size[ru] = a + b;
        sumSquares += 2 * a * b;
        if (a + b > largest) largest = a + b;
      }
      const k = n - m;
      largestSum[k]! += largest;
      finiteSum[k]! += (sumSquares - largest * largest) / n;
    }
  }
}

/** Fills `order` with a removal order (node indices, first removed first). */
function removalOrder(adj: Adjacency, strategy: RemovalStrategy, random: Random, order: Int32Array, work: Workspace): void {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleIndices(order, random);
  if (strategy === "random") return;
  const degree = work.degree;
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    degree[i] = adj.start[i + 1]! - adj.start[i]!;
    if (degree[i]! > maxDegree) maxDegree = degree[i]!;
  }
  if (strategy === "degree-initial") {
    // Counting sort by decreasing degree, stable on the shuffled order (random tie-break).
    const count = new Int32Array(maxDegree + 2);
    for (let i = 0; i < n; i++) count[maxDegree - degree[i]! + 1]!++;
    for (let d = 1; d <= maxDegree + 1; d++) count[d]! += count[d - 1]!;
    const shuffled = order.slice();
    for (const v of shuffled) order[count[maxDegree - degree[v]!]!++] = v;
    return;
  }
  // Adaptive: lazy bucket queue over current degree; stale entries are skipped when popped.
  const buckets: number[][] = Array.from({length: maxDegree + 1}, () => []);
  for (const v of order) buckets[degree[v]!]!.push(v);
  const removed = work.removedFlag;
  removed.fill(0);
  let top = maxDegree;
  for (let k = 0; k < n; k++) {
    let v = -1;
    while (v < 0) {
      const bucket = buckets[top]!;
      if (bucket.length === 0) {
        top--;
        continue;
      }
      const candidate = bucket.pop()!;
      if (!removed[candidate] && degree[candidate] === top) v = candidate;
    }
    removed[v] = 1;
    order[k] = v;
    for (let e = adj.start[v]!; e < adj.start[v + 1]!; e++) {
      const u = adj.neighbours[e]!;
      if (removed[u]) continue;
      degree[u]!--;
      buckets[degree[u]!]!.push(u);
    }
  }
}
