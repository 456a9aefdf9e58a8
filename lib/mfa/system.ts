/**
 * A material-flow system (Brunner & Rechberger, Handbook of Material Flow Analysis, 2nd ed., 2016,
 * ch. 2): processes joined by flows of one substance in one unit, with stock changes inside
 * processes, and the mass balance that every process inside the system boundary must obey:
 *
 *   sum(inputs) = sum(outputs) + stock change      (law of conservation of mass)
 *
 * Processes marked `boundary` stand for what lies outside the system (environment, imports,
 * exports, "rest of world"); they are sources and sinks and have no balance. Values must be finite
 * and >= 0 (a flow's direction is its from/to, never its sign); a stock change may be negative
 * (stock depletion). Everything structurally wrong throws, naming the offending process or flow.
 */

/** A process (node). `boundary` processes lie outside the system and are exempt from balance. */
export interface Process {
  id: string;
  label?: string;
  boundary?: boolean;
}

/** A flow between two processes, per period, in the system's unit (e.g. "t Li/yr"). */
export interface Flow {
  id: string;
  from: string;
  to: string;
  value: number;
  unit: string;
  /** Standard uncertainty (one standard deviation, same unit as value); absent = not stated. */
  sd?: number;
  /** Where the value comes from (a citation key, table, or "balance"). */
  source?: string;
  /** True if the value was computed from other values (by balance, transfer coefficient, ...) rather than observed. */
  derived?: boolean;
}

/** The change of the stock inside a process over the period: > 0 accumulation, < 0 depletion. */
export interface StockChange {
  process: string;
  change: number;
  unit: string;
  sd?: number;
  source?: string;
  derived?: boolean;
}

/** A material-flow system: processes, the flows between them, and stock changes. */
export interface MfaSystem {
  processes: readonly Process[];
  flows: readonly Flow[];
  stocks?: readonly StockChange[];
}

/**
 * Default relative tolerance of {@link massBalance}: |residual| <= 1e-6 x throughput. Far above
 * floating-point round-off of sums (1e-13), far below any real discrepancy in data; pass a larger
 * tolerance (e.g. 0.01) to accept published figures that are rounded.
 */
export const BALANCE_TOLERANCE = 1e-6;

function checkNumber(what: string, value: unknown, allowNegative: boolean): void {
  if (typeof value !== "number") throw new TypeError(`${what} must be a number, got ${typeof value}`);
  if (!Number.isFinite(value) || (!allowNegative && value < 0)) {
    throw new RangeError(`${what} has invalid value ${value}; values must be finite${allowNegative ? "" : " and >= 0"}`);
  }
}

function checkSd(what: string, sd: unknown): void {
  if (sd === undefined) return;
  if (typeof sd !== "number") throw new TypeError(`${what} sd must be a number, got ${typeof sd}`);
  if (!Number.isFinite(sd) || sd < 0) throw new RangeError(`${what} has invalid sd ${sd}; standard deviations must be finite and >= 0`);
}

/**
 * Checks the structure of a system and returns its unit (undefined if it has no flows or stocks).
 * Throws TypeError on a missing id or a non-number value; RangeError on a duplicate process or flow
 * id, a flow from or to an unknown process, a flow from a process to itself, a unit that differs
 * from the first flow's, a negative or non-finite value or sd, a stock on an unknown or boundary
 * process, or two stock changes for one process.
 */
export function validateSystem(system: MfaSystem): string | undefined {
  const processes = new Map<string, Process>();
  for (const p of system.processes) {
    if (typeof p.id !== "string" || p.id === "") throw new TypeError(`validateSystem: process id must be a non-empty string, got ${JSON.stringify(p.id)}`);
    if (processes.has(p.id)) throw new RangeError(`validateSystem: duplicate process id "${p.id}"`);
    processes.set(p.id, p);
  }
  let unit: string | undefined;
  const checkUnit = (what: string, u: unknown) => {
    if (typeof u !== "string" || u === "") throw new TypeError(`validateSystem: ${what} must have a unit, got ${JSON.stringify(u)}`);
    unit ??= u;
    if (u !== unit) throw new RangeError(`validateSystem: ${what} is in "${u}" but the system is in "${unit}"; convert before combining`);
  };
  const flowIds = new Set<string>();
  for (const f of system.flows) {
    if (typeof f.id !== "string" || f.id === "") throw new TypeError(`validateSystem: flow id must be a non-empty string, got ${JSON.stringify(f.id)}`);
    const what = `flow "${f.id}"`;
    if (flowIds.has(f.id)) throw new RangeError(`validateSystem: duplicate flow id "${f.id}"`);
    flowIds.add(f.id);
    for (const end of ["from", "to"] as const) {
      if (!processes.has(f[end])) throw new RangeError(`validateSystem: ${what} goes ${end} unknown process "${f[end]}"`);
    }
    if (f.from === f.to) throw new RangeError(`validateSystem: ${what} goes from process "${f.from}" to itself`);
    checkNumber(`validateSystem: ${what}`, f.value, false);
    checkSd(`validateSystem: ${what}`, f.sd);
    checkUnit(what, f.unit);
  }
  const stocked = new Set<string>();
  for (const s of system.stocks ?? []) {
    const what = `stock change of process "${s.process}"`;
    const p = processes.get(s.process);
    if (!p) throw new RangeError(`validateSystem: ${what}: unknown process`);
    if (p.boundary) throw new RangeError(`validateSystem: ${what}: boundary processes hold no stock`);
    if (stocked.has(s.process)) throw new RangeError(`validateSystem: ${what} is given twice`);
    stocked.add(s.process);
    checkNumber(`validateSystem: ${what}`, s.change, true);
    checkSd(`validateSystem: ${what}`, s.sd);
    checkUnit(what, s.unit);
  }
  return unit;
}

/** The balance of one process inside the system boundary. */
export interface ProcessBalance {
  process: string;
  /** Sum of flows into the process. */
  inputs: number;
  /** Sum of flows out of the process. */
  outputs: number;
  /** Stock change (> 0 accumulation); 0 if none is given. */
  stockChange: number;
  /** inputs - outputs - stockChange: > 0 means material unaccounted for on the output side. */
  residual: number;
  /** residual / throughput, where throughput = max(inputs + depletion, outputs + accumulation); 0 when all are 0. */
  relativeResidual: number;
  /** |relativeResidual| <= tolerance. */
  balanced: boolean;
}

/**
 * Mass balance of every process inside the system boundary, in declaration order:
 * residual = sum(inputs) - sum(outputs) - stock change, and relativeResidual = residual /
 * throughput, throughput = max(inputs + max(-stock change, 0), outputs + max(stock change, 0))
 * (a depleting stock counts as a source, an accumulating one as a sink). A process is balanced if
 * |relativeResidual| <= tolerance (default {@link BALANCE_TOLERANCE}). Boundary processes are
 * skipped. Validates the system first and throws as {@link validateSystem}; throws RangeError on
 * a negative or non-finite tolerance.
 */
export function massBalance(system: MfaSystem, options: {tolerance?: number} = {}): ProcessBalance[] {
  const tolerance = options.tolerance ?? BALANCE_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError(`massBalance: tolerance must be finite and >= 0, got ${tolerance}`);
  validateSystem(system);
  const inputs = new Map<string, number>();
  const outputs = new Map<string, number>();
  for (const f of system.flows) {
    outputs.set(f.from, (outputs.get(f.from) ?? 0) + f.value);
    inputs.set(f.to, (inputs.get(f.to) ?? 0) + f.value);
  }
  const stock = new Map((system.stocks ?? []).map((s) => [s.process, s.change]));
  return system.processes
    .filter((p) => !p.boundary)
    .map(({id}) => {
      const i = inputs.get(id) ?? 0;
      const o = outputs.get(id) ?? 0;
      const ds = stock.get(id) ?? 0;
      const residual = i - o - ds;
      const throughput = Math.max(i + Math.max(-ds, 0), o + Math.max(ds, 0));
      const relativeResidual = throughput > 0 ? residual / throughput : 0;
      return {process: id, inputs: i, outputs: o, stockChange: ds, residual, relativeResidual, balanced: Math.abs(relativeResidual) <= tolerance};
    });
}

/** Flows into a process. */
export function inflowsOf(system: MfaSystem, process: string): Flow[] {
  return system.flows.filter((f) => f.to === process);
}

/** Flows out of a process. */
export function outflowsOf(system: MfaSystem, process: string): Flow[] {
  return system.flows.filter((f) => f.from === process);
}
