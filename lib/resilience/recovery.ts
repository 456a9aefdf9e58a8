/**
 * Recovery (paper, Table 2, "Recovery"): time to survive (TTS) and the performance impact of a
 * node disruption over its time to recover (TTR), after Simchi-Levi, Schmidt & Wei (2014) "From
 * superstorms to factory fires: managing unpredictable supply-chain disruptions", Harvard
 * Business Review 92(1/2), 96-101, and Simchi-Levi, Schmidt, Wei, Zhang, Combs, Ge, Gusikhin,
 * Sanders & Zhang (2015) "Identifying risks and mitigating disruptions in the automotive supply
 * chain", Interfaces 45(5), 375-390 (doi:10.1287/inte.2015.0804).
 *
 * The supply network. Each node makes one output (a mine's ore, a refinery's metal, a plant's
 * product) with a capacity per period, holds an inventory of it, and may face external (final)
 * demand per period. An edge u -> v ships u's output to v. The edges into v are grouped by the
 * input they supply (edge attribute `input`, by default one input per supplier): v needs every
 * input, and the suppliers of one input are alternatives. Making one unit of v takes `ratio`
 * units of u's output through edge u -> v (bill of materials). Periods are any unit (weeks,
 * months) shared by capacities, demands and the results.
 *
 * Disruption. Node j's capacity is 0 for the TTR; its inventory stays usable (the papers zero
 * the capacity only), unless `inventoryLost` is set.
 *
 * Two linear programs, written as CPLEX LP text and solved by HiGHS (Huangfu & Hall 2018, Math.
 * Prog. Comp. 10, 119-142; the `highs` npm package, WebAssembly):
 * - TTS (the papers' formulation, time as a variable): maximise t such that, with node j down,
 *   the network meets all demand for t periods: for every node i, production y_i <= c_i t;
 *   inventory s_i + y_i >= shipments out of i + d_i t; for every input g of i,
 *   sum_{e in g} x_e / r_e = y_i. TTS_j = the optimal t (Infinity when unbounded: the network
 *   meets demand without j for ever).
 * - Performance impact (multi-period): over periods p = 1..T (T = TTR), minimise the weighted
 *   lost sales sum_{i,p} f_i l_{i,p} subject to per-period capacity, per-period flow balance with
 *   inventory carried between periods, and the bill of materials.
 * With no shipping lead times both models agree: the multi-period model meets demand in full for
 * T periods exactly when T <= TTS (spread the aggregate plan evenly over the periods; conversely,
 * sum the periods); the tests check this.
 */
import type {Highs, InitOptions} from "highs";
import {indexNetwork, nodeIndex, type IndexedNetwork, type Network, type NetworkEdge, type NetworkNode} from "./network.js";
import {missing, present, type Missing, type Result} from "./result.js";

/** A node of a supply network (see the module comment). */
export interface SupplyNode extends NetworkNode {
  /** Units of the node's output in stock when the disruption starts, >= 0; null = unknown. */
  inventory: number | null;
  /** Maximum output per period, >= 0; Infinity = unconstrained (e.g. a merchant market); null = unknown. */
  capacity: number | null;
  /** External demand for the node's output, units per period, >= 0; default 0 (no final demand here). */
  demand?: number;
  /** Cost of one unit of lost sales at this node (f_i in Simchi-Levi et al. 2015), > 0; default 1. */
  lostSalesCost?: number;
}

/** An edge of a supply network: `from` ships its output to `to`. */
export interface SupplyEdge extends NetworkEdge {
  /** The input of `to` this edge supplies; edges into a node with the same input are alternative sources. Default: the `from` id. */
  input?: string;
  /** Units of `from`'s output per unit of `to`'s output through this edge (bill of materials), finite and > 0; default 1. */
  ratio?: number;
}

/** A supply network for TTS and performance impact. */
export type SupplyNetwork = Network<SupplyNode, SupplyEdge>;

/** The part of a HiGHS instance used here: the one-shot `solve` of CPLEX LP text (`highs` >= 1.0). */
export interface LpSolver {
  solve(problem: string, options?: {output_flag?: boolean}): LpSolution;
}

/** The part of a HiGHS solution read here: status, objective and each column's zero-based index and primal value. */
export interface LpSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, {Index: number; Primal?: number}>;
}

/** Options shared by the models. */
export interface DisruptionOptions {
  /** When true the disrupted node's inventory is destroyed with it (a fire), default false (a strike, an export ban). */
  inventoryLost?: boolean;
}

/**
 * Loads HiGHS (WebAssembly) in Node, or in the browser with `locateFile` pointing at
 * `highs.wasm`. The module is imported dynamically so that pages passing their own solver do not
 * bundle it. Rejects when the module or the WebAssembly cannot be loaded.
 */
export async function loadHighs(options?: InitOptions): Promise<Highs> {
  const mod: unknown = await import("highs");
  // The package's types describe it as CommonJS; at run time ESM gives the loader as default.
  let loader: unknown = (mod as {default?: unknown}).default ?? mod;
  if (typeof loader !== "function") loader = (loader as {default?: unknown}).default;
  if (typeof loader !== "function") throw new TypeError("loadHighs: the highs module exports no loader function");
  return (loader as (options?: InitOptions) => Promise<Highs>)(options);
}

interface Checked {
  g: IndexedNetwork<SupplyNode, SupplyEdge>;
  j: number;
  inventory: number[];
  capacity: number[];
  demand: number[];
  cost: number[];
  /** groups[i]: the inputs of node i, each a list of [edge index, 1 / ratio]. */
  groups: [number, number][][][];
}

/** Missing result when some node lacks inventory or capacity, else null. */
function missingData(network: SupplyNetwork, metric: string): Missing | null {
  const lacking: string[] = [];
  for (const node of network.nodes) {
    const what = [node.inventory === null || node.inventory === undefined ? "inventory" : "", node.capacity === null || node.capacity === undefined ? "capacity" : ""]
      .filter(Boolean)
      .join(" and ");
    if (what) lacking.push(`"${node.id}" (${what})`);
  }
  return lacking.length === 0 ? null : missing(`${metric}: no data for ${lacking.join(", ")}`);
}

function check(network: SupplyNetwork, disrupted: string, options: DisruptionOptions, metric: string): Checked {
  const g = indexNetwork(network);
  const j = nodeIndex(g, disrupted, "disrupted node");
  const inventory: number[] = [];
  const capacity: number[] = [];
  const demand: number[] = [];
  const cost: number[] = [];
  network.nodes.forEach((node, i) => {
    const {inventory: s, capacity: c} = node;
    const d = node.demand ?? 0;
    const f = node.lostSalesCost ?? 1;
    if (s === null || s === undefined || c === null || c === undefined) {
      const what = s === null || s === undefined ? "inventory" : "capacity";
      throw new RangeError(`${metric}: node "${node.id}" has no ${what}; the model needs every node's inventory and capacity`);
    }
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`${metric}: node "${node.id}" has invalid inventory ${s}; it must be finite and >= 0`);
    if (Number.isNaN(c) || c < 0) throw new RangeError(`${metric}: node "${node.id}" has invalid capacity ${c}; it must be >= 0 (Infinity allowed)`);
    if (!Number.isFinite(d) || d < 0) throw new RangeError(`${metric}: node "${node.id}" has invalid demand ${d}; it must be finite and >= 0`);
    if (!Number.isFinite(f) || f <= 0) throw new RangeError(`${metric}: node "${node.id}" has invalid lostSalesCost ${f}; it must be finite and > 0`);
    inventory.push(i === j && options.inventoryLost ? 0 : s);
    capacity.push(i === j ? 0 : c);
    demand.push(d);
    cost.push(f);
  });
  const groups: [number, number][][][] = [];
  for (let i = 0; i < g.nodeCount; i++) {
    const byInput = new Map<string, [number, number][]>();
    for (let q = g.inStart[i]!; q < g.inStart[i + 1]!; q++) {
      const k = g.inEdges[q]!;
      const edge = network.edges[k]!;
      const r = edge.ratio ?? 1;
      if (!Number.isFinite(r) || r <= 0) throw new RangeError(`${metric}: edge ${edge.from} -> ${edge.to} has invalid ratio ${r}; it must be finite and > 0`);
      const input = edge.input ?? edge.from;
      const list = byInput.get(input) ?? [];
      list.push([k, 1 / r]);
      byInput.set(input, list);
    }
    groups.push([...byInput.values()]);
  }
  return {g, j, inventory, capacity, demand, cost, groups};
}

/** A number in CPLEX LP syntax (no "Infinity", exponent form accepted by HiGHS). */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`LP: non-finite coefficient ${x}`);
  return String(x);
}

/** `a1 x1 + a2 x2 ...`, terms with a zero coefficient dropped, eight terms per line. */
function expression(terms: readonly [number, string][]): string {
  const parts: string[] = [];
  for (const [a, x] of terms) {
    if (a === 0) continue;
    const abs = Math.abs(a);
    const sign = a < 0 ? "- " : parts.length === 0 ? "" : "+ ";
    parts.push(`${sign}${abs === 1 ? "" : `${num(abs)} `}${x}`);
  }
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(" "));
  return lines.join("\n   ");
}

/** The constraint `name: expression <op> rhs`; every row built here has a non-zero term. */
function row(name: string, terms: readonly [number, string][], op: "<=" | ">=" | "=", rhs: number): string {
  return ` ${name}: ${expression(terms)} ${op} ${num(rhs)}`;
}

/**
 * The TTS linear program for node `disrupted` (see the module comment), in CPLEX LP format.
 * Columns: `t` (the horizon, periods), `y<i>` (production of node i over the horizon), `x<k>`
 * (shipments on edge k); node and edge numbers follow the input order. Pure.
 * Throws RangeError on an invalid network (see `indexNetwork`), an unknown disrupted node, an
 * invalid or missing attribute (naming the node or edge).
 */
export function buildTimeToSurviveLp(network: SupplyNetwork, disrupted: string, options: DisruptionOptions = {}): string {
  const c = check(network, disrupted, options, "buildTimeToSurviveLp");
  const {g} = c;
  const rows: string[] = [];
  const bounds: string[] = [" t >= 0"];
  for (let i = 0; i < g.nodeCount; i++) {
    const out: [number, string][] = [];
    for (let q = g.outStart[i]!; q < g.outStart[i + 1]!; q++) out.push([-1, `x${g.outEdges[q]}`]);
    // inventory + production - shipments - demand * t >= 0
    rows.push(row(`bal${i}`, [[1, `y${i}`], ...out, [-c.demand[i]!, "t"]], ">=", -c.inventory[i]!));
    const cap = c.capacity[i]!;
    if (cap === 0) bounds.push(` 0 <= y${i} <= 0`);
    else if (Number.isFinite(cap)) rows.push(row(`cap${i}`, [[1, `y${i}`], [-cap, "t"]], "<=", 0));
    c.groups[i]!.forEach((group, h) => {
      rows.push(row(`in${i}_${h}`, [...group.map(([k, w]): [number, string] => [w, `x${k}`]), [-1, `y${i}`]], "=", 0));
    });
  }
  return ["Maximize", " obj: t", "Subject To", ...rows, "Bounds", ...bounds, "End", ""].join("\n");
}

/** The multi-period lost-sales LP and where its lost-sales columns are. */
export interface LostSalesLp {
  lp: string;
  /** Lost-sales columns: node id, period (1-based) and column name. */
  lostSales: {node: string; period: number; column: string}[];
}

/** Options of `buildLostSalesLp`. */
export interface LostSalesOptions extends DisruptionOptions {
  /**
   * Second stage: when given, keep the weighted lost sales at most `maxCost` and minimise
   * sum_{i,p} (T + 1 - p) l_{i,p} instead, so that among the cost-minimal plans demand is served
   * as early as possible (lost sales come last, as when the length of the outage is unknown).
   */
  maxCost?: number;
}

/**
 * The multi-period performance-impact linear program for node `disrupted`, down for `periods`
 * periods (see the module comment), in CPLEX LP format. Columns per period p: `y<i>_<p>`
 * production, `x<k>_<p>` shipments, `s<i>_<p>` end-of-period inventory, `l<i>_<p>` lost sales
 * (nodes with demand). Objective: minimise sum f_i l_{i,p} (or, with `maxCost`, the timing
 * objective of the second stage). Pure.
 * Throws as `buildTimeToSurviveLp`, and RangeError unless periods is a positive integer and
 * maxCost, when given, finite and >= 0.
 */
export function buildLostSalesLp(network: SupplyNetwork, disrupted: string, periods: number, options: LostSalesOptions = {}): LostSalesLp {
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`buildLostSalesLp: periods must be a positive integer, got ${periods}`);
  const {maxCost} = options;
  if (maxCost !== undefined && !(Number.isFinite(maxCost) && maxCost >= 0)) throw new RangeError(`buildLostSalesLp: maxCost must be finite and >= 0, got ${maxCost}`);
  const c = check(network, disrupted, options, "buildLostSalesLp");
  const {g} = c;
  const rows: string[] = [];
  const bounds: string[] = [];
  const cost: [number, string][] = [];
  const timing: [number, string][] = [];
  const lostSales: LostSalesLp["lostSales"] = [];
  for (let p = 1; p <= periods; p++) {
    for (let i = 0; i < g.nodeCount; i++) {
      const d = c.demand[i]!;
      const terms: [number, string][] = [[1, `y${i}_${p}`]];
      for (let q = g.outStart[i]!; q < g.outStart[i + 1]!; q++) terms.push([-1, `x${g.outEdges[q]}_${p}`]);
      if (d > 0) {
        const l = `l${i}_${p}`;
        terms.push([1, l]);
        bounds.push(` 0 <= ${l} <= ${num(d)}`);
        cost.push([c.cost[i]!, l]);
        timing.push([periods + 1 - p, l]);
        lostSales.push({node: network.nodes[i]!.id, period: p, column: l});
      }
      terms.push([-1, `s${i}_${p}`]);
      if (p > 1) terms.push([1, `s${i}_${p - 1}`]);
      // stock(p-1) + production - shipments - (demand - lost) - stock(p) = 0
      rows.push(row(`bal${i}_${p}`, terms, "=", p === 1 ? d - c.inventory[i]! : d));
      const cap = c.capacity[i]!;
      if (cap === 0) bounds.push(` 0 <= y${i}_${p} <= 0`);
      else if (Number.isFinite(cap)) bounds.push(` 0 <= y${i}_${p} <= ${num(cap)}`);
      c.groups[i]!.forEach((group, h) => {
        rows.push(row(`in${i}_${h}_${p}`, [...group.map(([k, w]): [number, string] => [w, `x${k}_${p}`]), [-1, `y${i}_${p}`]], "=", 0));
      });
    }
  }
  if (maxCost !== undefined && cost.length > 0) rows.push(row("cost", cost, "<=", maxCost));
  const objective = maxCost === undefined ? cost : timing;
  return {lp: ["Minimize", ` obj: ${expression(objective)}`, "Subject To", ...rows, "Bounds", ...bounds, "End", ""].join("\n"), lostSales};
}

function solve(highs: LpSolver, lp: string, metric: string): LpSolution {
  const solution = highs.solve(lp, {output_flag: false});
  if (!["Optimal", "Unbounded", "Primal infeasible or unbounded"].includes(solution.Status)) {
    throw new Error(`${metric}: HiGHS ended with status "${solution.Status}"`);
  }
  return solution;
}

/**
 * Time to survive TTS_j of node `disrupted`, in periods (the unit of capacities and demands):
 * the longest time the network meets all demand with node j's capacity at 0 (Simchi-Levi et
 * al. 2014, 2015), from the TTS linear program (`buildTimeToSurviveLp`) solved by `highs` (a
 * HiGHS instance, see `loadHighs`). Continuous; Infinity when demand is met for ever; 0 when it
 * cannot be met even at the start. Compare with the node's TTR: TTS < TTR means lost sales. A
 * network short of capacity even when intact has a finite TTS for every node (its stocks run
 * down anyway): compare with the TTS of a node that plays no part.
 *
 * Missing when a node lacks inventory or capacity (naming them). Throws RangeError on invalid
 * input (see `buildTimeToSurviveLp`) and Error when HiGHS fails (a status other than optimal or
 * unbounded).
 */
export function timeToSurvive(highs: LpSolver, network: SupplyNetwork, disrupted: string, options: DisruptionOptions = {}): Result<number> {
  const absent = missingData(network, "timeToSurvive");
  if (absent) {
    nodeIndex(indexNetwork(network), disrupted, "disrupted node");
    return absent;
  }
  const solution = solve(highs, buildTimeToSurviveLp(network, disrupted, options), "timeToSurvive");
  // t = 0 is always feasible, so "infeasible or unbounded" can only be unbounded.
  if (solution.Status !== "Optimal") return present(Infinity);
  return present(Math.max(0, solution.Columns["t"]?.Primal ?? solution.ObjectiveValue));
}

/** A performance impact: total weighted lost sales, plus lost units by node and period. */
export interface PerformanceImpact {
  /** Minimum total lost sales over the TTR, weighted by lostSalesCost (units when costs are 1). */
  value: number;
  reason?: undefined;
  /** Total lost units (unweighted). */
  lostUnits: number;
  /** Lost units per period (index 0 = period 1) for each node with demand. */
  lostByNode: Record<string, number[]>;
}

/** Options of `performanceImpact`. */
export interface PerformanceImpactOptions extends DisruptionOptions {
  /**
   * Whether to run the second (timing) solve that serves demand as early as possible, default
   * true. With false, one solve: `value` is the same, `lostByNode` is some cost-minimal plan.
   */
  lossTiming?: boolean;
}

/**
 * Performance impact of disrupting node `disrupted` for `timeToRecover` periods (a positive
 * integer): the minimum total lost sales over the TTR when the rest of the network and all
 * inventories are used optimally (Simchi-Levi et al. 2015, "TTR model"), weighted by each
 * node's lostSalesCost. 0 when TTR <= TTS. Solved as the multi-period LP `buildLostSalesLp`;
 * when sales are lost, a second solve (`maxCost`) gives the breakdown `lostByNode` in which,
 * among the cost-minimal plans, demand is served as early as possible (the minimum is not unique
 * in time: the first stage alone may lose a sale in period 1 and make it up later).
 *
 * Missing when a node lacks inventory or capacity. Throws RangeError on invalid input and Error
 * when HiGHS fails.
 */
export function performanceImpact(
  highs: LpSolver,
  network: SupplyNetwork,
  disrupted: string,
  timeToRecover: number,
  options: PerformanceImpactOptions = {}
): PerformanceImpact | Missing {
  const absent = missingData(network, "performanceImpact");
  if (absent) {
    nodeIndex(indexNetwork(network), disrupted, "disrupted node");
    return absent;
  }
  const {lossTiming = true, ...disruption} = options;
  const {lp, lostSales} = buildLostSalesLp(network, disrupted, timeToRecover, disruption);
  const lostByNode: Record<string, number[]> = {};
  if (lostSales.length === 0) return {value: 0, lostUnits: 0, lostByNode};
  const first = solve(highs, lp, "performanceImpact");
  if (first.Status !== "Optimal") throw new Error(`performanceImpact: HiGHS ended with status "${first.Status}"`);
  const value = Math.max(0, first.ObjectiveValue);
  // Second stage (timing): among plans losing at most the optimum (plus solver tolerance), lose as late as possible.
  let solution = first;
  if (lossTiming && value > 1e-9) {
    const maxCost = value + 1e-7 * Math.max(1, value);
    solution = solve(highs, buildLostSalesLp(network, disrupted, timeToRecover, {...disruption, maxCost}).lp, "performanceImpact");
    if (solution.Status !== "Optimal") throw new Error(`performanceImpact: HiGHS ended with status "${solution.Status}" in the timing stage`);
  }
  let lostUnits = 0;
  for (const {node, period, column} of lostSales) {
    const units = Math.max(0, solution.Columns[column]?.Primal ?? 0);
    (lostByNode[node] ??= Array<number>(timeToRecover).fill(0))[period - 1] = units;
    lostUnits += units;
  }
  return {value, lostUnits, lostByNode};
}
