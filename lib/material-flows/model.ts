/**
 * The reader's model of a 2021 material-flow system: the flow rows of data/sources/mfa/ plus
 * the reader's assumptions, turned into an MfaSystem (lib/mfa), reconciled, and checked for mass
 * balance. What the assumptions change:
 *
 *   end of life  = outflow of 2021 of the in-use stock from the dynamic stock model
 *                  (end-of-life.ts), with the lifetime and the growth of past inflows assumed;
 *                  measured in the reconciliation with the class of the flow row;
 *   collected    = collection rate x inputs of the collecting process,
 *   recovered    = recovery efficiency x inputs of recycling: exact transfer coefficients
 *                  (Brunner & Rechberger 2016, sect. 2.1.6), added to the reconciliation as
 *                  linear constraints, so that these flows carry the uncertainty of what they are
 *                  computed from and the ratios they fix have none.
 *
 * Every other flow with a value is a measurement with sd = relative sd of its class x value; flows
 * without one, and the stock changes, are unmeasured and derived by reconciliation. The defaults
 * reproduce the paper: the collection rate is the paper's recycled flow over its end-of-life flow,
 * recovery is 100 % (the paper does not yet separate recovery losses), and the growth of past
 * inflows is the one at which the dynamic stock model meets the paper's end-of-life flow with the
 * default lifetime.
 */

import {
  BALANCE_TOLERANCE,
  applyReconciliation,
  massBalance,
  reconcile,
  reconciliationProblem,
  stockVariableId,
  type Balance,
  type Flow,
  type MfaSystem,
  type ProcessBalance,
  type Reconciliation,
  type StockChange
} from "../mfa/index.js";
import {calibrateGrowth, endOfLife, type EndOfLife, type LifetimeAssumption} from "./end-of-life.js";
import type {FlowMethod, MfaFlowRow, MfaProcessRow, ModelRole} from "./rows.js";

/** What the reader sets. Rates are shares in [0, 1]; growth is a share a year (0.2 = 20 %). */
export interface Assumptions {
  collectionRate: number;
  recoveryEfficiency: number;
  lifetime: LifetimeAssumption;
  growth: number;
}

/** Per system: the unit, the window of the inflow history, and the default lifetime (an assumption, not data). */
export interface SystemConfig {
  system: string;
  unit: string;
  /** First year of the assumed inflow history; nothing entered use before it. */
  firstYear: number;
  lastYear: number;
  /** Default lifetime of what is in use, in years: our assumption, stated on the page. */
  lifetime: LifetimeAssumption;
  /** What the in-use stock holds, for labels. */
  inUse: string;
}

export const SYSTEM_CONFIGS: Readonly<Record<"lithium" | "nickel", SystemConfig>> = {
  // Electric-vehicle batteries: few entered use before 2000.
  lithium: {system: "lithium", unit: "kt Li", firstYear: 2000, lastYear: 2021, lifetime: {mean: 10, sd: 3}, inUse: "electric-vehicle batteries"},
  // Nickel-containing products: a long history, so the window reaches back to 1950.
  nickel: {system: "nickel", unit: "kt Ni", firstYear: 1950, lastYear: 2021, lifetime: {mean: 20, sd: 6}, inUse: "nickel-containing products"}
};

/** A process as the page draws it. */
export interface ModelProcess {
  id: string;
  label: string;
  boundary: boolean;
  stage: number;
  stageName: string;
  state: string;
  stock: boolean;
  /** A balancing remainder, drawn as unallocated (rows.ts). */
  residual: boolean;
}

/** A reconciled system with the processes' stage, state and label. */
export interface ModelSystem extends MfaSystem {
  processes: ModelProcess[];
}

/** How a flow entered the reconciliation. */
export type FlowStatus = "measured" | "fixed" | "derived" | "model";

/** One flow after reconciliation, for the reconciliation table. */
export interface FlowResult {
  id: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  status: FlowStatus;
  /** The value in the data (paper, USGS or paper shares); null if none. */
  dataValue: number | null;
  /** The value the reconciliation was given (data or, for end of life, the model's); null if unmeasured. */
  input: number | null;
  inputSd: number | null;
  value: number;
  sd: number;
  adjustment: number;
  normalizedAdjustment: number | null;
  grossError: boolean;
  method: FlowMethod;
  source: string;
  uncertaintyClass: string | null;
  model: ModelRole | null;
  note: string;
}

/** The result of {@link runModel}. */
export interface ModelResult {
  system: string;
  unit: string;
  assumptions: Assumptions;
  reconciled: ModelSystem;
  flows: FlowResult[];
  stocks: {process: string; label: string; value: number; sd: number}[];
  balances: ProcessBalance[];
  tolerance: number;
  reconciliation: Reconciliation;
  endOfLife: EndOfLife;
  /** Flow ids by model role. */
  roles: Record<ModelRole, string>;
  /** Reconciled value of a flow by id. */
  values: Record<string, number>;
}

/** Reconciled flows below -NEGATIVE_TOLERANCE x the largest flow are negative; above it, round-off set to 0. */
export const NEGATIVE_TOLERANCE = 1e-9;

function configOf(system: string): SystemConfig {
  const c = (SYSTEM_CONFIGS as Record<string, SystemConfig>)[system];
  if (!c) throw new RangeError(`unknown system "${system}"; known: ${Object.keys(SYSTEM_CONFIGS).join(", ")}`);
  return c;
}

interface Rows {
  config: SystemConfig;
  flows: MfaFlowRow[];
  processes: MfaProcessRow[];
  role: Record<ModelRole, MfaFlowRow>;
}

function rowsOf(flows: readonly MfaFlowRow[], processes: readonly MfaProcessRow[], system: string): Rows {
  const config = configOf(system);
  const f = flows.filter((r) => r.system === system);
  const p = processes.filter((r) => r.system === system);
  if (f.length === 0) throw new RangeError(`no flows for the ${system} system`);
  const role = {} as Record<ModelRole, MfaFlowRow>;
  for (const r of ["end_of_life", "collection", "recovery"] as const) {
    const row = f.find((x) => x.model === r);
    if (!row) throw new RangeError(`the ${system} system has no flow with model role ${r}`);
    role[r] = row;
  }
  return {config, flows: f, processes: p, role};
}

/**
 * Checks the reader's assumptions; throws RangeError with a message fit for the page on a rate
 * outside [0, 1], a mean lifetime <= 0 or > 100 years, a negative sd, or a growth rate <= -100 % or
 * above 300 % a year (not numbers included).
 */
export function validateAssumptions(a: Assumptions): void {
  const share = (name: string, v: unknown) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`${name} must be a share from 0 to 1 (0 % to 100 %), got ${String(v)}`);
  };
  share("The collection rate", a.collectionRate);
  share("The recovery efficiency", a.recoveryEfficiency);
  const {mean, sd} = a.lifetime ?? {};
  if (typeof mean !== "number" || !Number.isFinite(mean) || mean <= 0 || mean > 100) throw new RangeError(`The mean lifetime must be from 0 to 100 years (not 0), got ${String(mean)}`);
  if (typeof sd !== "number" || !Number.isFinite(sd) || sd < 0) throw new RangeError(`The lifetime's standard deviation must be 0 years or more, got ${String(sd)}`);
  if (typeof a.growth !== "number" || !Number.isFinite(a.growth) || a.growth <= -1 || a.growth > 3) throw new RangeError(`The growth of past inflows must be above -100 % and at most 300 % a year, got ${String(a.growth)}`);
}

// The system with the end-of-life flow at `eol`, reconciled with the transfer coefficients.
function solve(rows: Rows, a: Assumptions, eol: number): Omit<ModelResult, "endOfLife" | "assumptions"> {
  const {config, role} = rows;
  const unit = config.unit;
  const labels = new Map(rows.processes.map((p) => [p.id, p.label]));
  const processes: ModelProcess[] = rows.processes.map((p) => ({id: p.id, label: p.label, boundary: p.boundary, stage: p.stage, stageName: p.stage_name, state: p.state, stock: p.stock, residual: p.residual}));
  const flows: Flow[] = rows.flows.map((r) => {
    const base = {id: r.id, from: r.from_process, to: r.to_process, unit};
    if (r.model === "end_of_life") return {...base, value: eol, sd: r.relative_sd! * eol, source: "dynamic stock model"};
    if (r.model !== null || r.value === null) return {...base, value: 0, derived: true, source: r.source};
    return {...base, value: r.value, sd: r.relative_sd! * r.value, source: r.source};
  });
  const stocks: StockChange[] = rows.processes.filter((p) => p.stock).map((p) => ({process: p.id, change: 0, unit, derived: true}));
  const system: ModelSystem = {processes, flows, stocks};
  const {variables, balances} = reconciliationProblem(system);
  // Transfer coefficients: out = k x (sum of the inputs of the process it leaves).
  const tc = (row: MfaFlowRow, k: number): Balance => {
    const terms: Record<string, number> = {[row.id]: 1};
    for (const f of rows.flows) if (f.to_process === row.from_process) terms[f.id] = (terms[f.id] ?? 0) - k;
    return {id: `transfer coefficient: ${row.id}`, terms};
  };
  balances.push(tc(role.collection, a.collectionRate), tc(role.recovery, a.recoveryEfficiency));
  const reconciliation = reconcile(variables, balances);
  const applied = applyReconciliation(system, reconciliation);
  const scale = Math.max(...applied.flows.map((f) => Math.abs(f.value)), 1e-300);
  const describe = (v: number) => `${Math.round(v * 100) / 100}`;
  const modelSource: Record<ModelRole, string> = {
    end_of_life: `dynamic stock model (${config.inUse})`,
    collection: `model: collection rate ${describe(a.collectionRate * 100)} % x end-of-life flow`,
    recovery: `model: recovery efficiency ${describe(a.recoveryEfficiency * 100)} % x collected flow`
  };
  const reconciledFlows: Flow[] = applied.flows.map((f, i) => {
    const row = rows.flows[i]!;
    let value = f.value;
    if (value < 0) {
      if (value < -NEGATIVE_TOLERANCE * scale) {
        throw new RangeError(
          `With these assumptions the flow from "${labels.get(row.from_process)}" to "${labels.get(row.to_process)}" would be negative (${value.toFixed(2)} ${unit}): the other flows cannot balance it. Choose values closer to the defaults.`
        );
      }
      value = 0;
    }
    return row.model ? {...f, value, derived: false, source: modelSource[row.model]} : {...f, value};
  });
  const reconciled: ModelSystem = {processes, flows: reconciledFlows, stocks: applied.stocks ?? []};
  const tolerance = BALANCE_TOLERANCE;
  const byId = new Map(reconciliation.variables.map((v) => [v.id, v]));
  const results: FlowResult[] = rows.flows.map((r, i) => {
    const v = byId.get(r.id)!;
    const status: FlowStatus = r.model ? "model" : v.status === "unmeasured" ? "derived" : v.status;
    return {
      id: r.id,
      from: r.from_process,
      to: r.to_process,
      fromLabel: labels.get(r.from_process)!,
      toLabel: labels.get(r.to_process)!,
      status,
      dataValue: r.value,
      input: v.measured,
      inputSd: v.measuredSd,
      value: reconciledFlows[i]!.value,
      sd: v.sd,
      adjustment: v.adjustment,
      normalizedAdjustment: v.normalizedAdjustment,
      grossError: v.grossError,
      method: r.method,
      source: r.source,
      uncertaintyClass: r.uncertainty_class,
      model: r.model,
      note: r.note
    };
  });
  const stockResults = (reconciled.stocks ?? []).map((s) => {
    const v = byId.get(stockVariableId(s.process))!;
    return {process: s.process, label: labels.get(s.process)!, value: s.change, sd: v.sd};
  });
  const values: Record<string, number> = Object.fromEntries(reconciledFlows.map((f) => [f.id, f.value]));
  return {
    system: config.system,
    unit,
    reconciled,
    flows: results,
    stocks: stockResults,
    balances: massBalance(reconciled, {tolerance}),
    tolerance,
    reconciliation,
    roles: {end_of_life: role.end_of_life.id, collection: role.collection.id, recovery: role.recovery.id},
    values
  };
}

// Inflow of 2021 into the in-use stock. The in-use stock change absorbs the end-of-life flow, so
// the inflow does not depend on it; it is taken from the system with end of life at its data value.
function inUseInflow(rows: Rows, a: Assumptions): number {
  const eolRow = rows.role.end_of_life;
  if (eolRow.value === null) throw new RangeError(`the end-of-life flow "${eolRow.id}" has no data value`);
  const solved = solve(rows, a, eolRow.value);
  return rows.flows.filter((f) => f.to_process === eolRow.from_process).reduce((s, f) => s + solved.values[f.id]!, 0);
}

/**
 * The defaults that reproduce the paper (module comment): collection rate = data value of the
 * collected flow (or of the recovered flow over the recovery efficiency) over the end-of-life
 * flow's; recovery efficiency 1; the system's default lifetime; the calibrated growth. Throws
 * RangeError when the rows lack the values this needs, and as calibrateGrowth.
 */
export function defaultAssumptions(flows: readonly MfaFlowRow[], processes: readonly MfaProcessRow[], system: string): Assumptions {
  const rows = rowsOf(flows, processes, system);
  const {role, config} = rows;
  const eol = role.end_of_life.value;
  if (eol === null || !(eol > 0)) throw new RangeError(`the end-of-life flow "${role.end_of_life.id}" needs a data value > 0 for the defaults`);
  const recoveryEfficiency = 1;
  const collected = role.collection.value ?? (role.recovery.value === null ? null : role.recovery.value / recoveryEfficiency);
  if (collected === null) throw new RangeError(`the ${system} system gives neither a collected nor a recovered flow, so no default collection rate`);
  // 12 significant digits: 0.65, not 0.6500000000002996
  const partial = {collectionRate: Number((collected / eol).toPrecision(12)), recoveryEfficiency, lifetime: config.lifetime};
  const inflowLast = inUseInflow(rows, {...partial, growth: 0});
  const growth = calibrateGrowth({inflowLast, target: eol, lifetime: config.lifetime, firstYear: config.firstYear, lastYear: config.lastYear});
  return {...partial, growth};
}

/**
 * Runs the model of one system ("lithium" or "nickel") with the reader's assumptions: the
 * end-of-life flow from the dynamic stock model, then reconciliation with the transfer
 * coefficients, then the mass balance of every process (tolerance BALANCE_TOLERANCE). Throws
 * RangeError, with a message fit for the page, on invalid assumptions or when the assumptions
 * would make a flow negative; and as lib/mfa's reconcile on rows that do not determine the system.
 */
export function runModel(flows: readonly MfaFlowRow[], processes: readonly MfaProcessRow[], system: string, assumptions: Assumptions): ModelResult {
  validateAssumptions(assumptions);
  const rows = rowsOf(flows, processes, system);
  const {config} = rows;
  const inflowLast = inUseInflow(rows, assumptions);
  const eol = endOfLife({inflowLast, growth: assumptions.growth, lifetime: assumptions.lifetime, firstYear: config.firstYear, lastYear: config.lastYear});
  return {...solve(rows, assumptions, eol.outflowLast), assumptions, endOfLife: eol};
}
