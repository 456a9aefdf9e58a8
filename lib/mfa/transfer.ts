/**
 * Transfer coefficients (Brunner & Rechberger, Handbook of Material Flow Analysis, 2nd ed., 2016,
 * sect. 2.1.6; the "TC" of STAN, Cencic & Rechberger 2008): the share k_j of what a process
 * receives that leaves it by output j, so that output_j = k_j * sum(inputs), with sum_j k_j = 1.
 * Accumulation in the process's stock is one of the outputs (key {@link STOCK_KEY}); a depleting
 * stock is one of the inputs, so the shares always sum to 1 for a balanced process.
 */

import type {MfaSystem} from "./system.js";
import {validateSystem} from "./system.js";

/** Allowed |sum of coefficients - 1|; wider than round-off of a few sums, narrower than a typo (0.99 vs 0.999). */
export const TRANSFER_TOLERANCE = 1e-6;

/** Key of the share that goes to the process's own stock. */
export const STOCK_KEY = "(stock)";

/**
 * Outflows of a process from its total input and its transfer coefficients: out_j = k_j * sum(inputs).
 * `inputs` is the total, or the list of input flows to add up. Coefficients must each be finite and
 * in [0, 1] and sum to 1 within `tolerance` (default {@link TRANSFER_TOLERANCE}); they are applied as
 * given, not renormalised, so outflows add up to the input within tolerance x input. Throws
 * RangeError, naming the process and the offending key or the sum, otherwise, and on a negative or
 * non-finite input.
 */
export function applyTransferCoefficients<K extends string>(
  inputs: number | readonly number[],
  coefficients: Readonly<Record<K, number>>,
  options: {process?: string; tolerance?: number} = {}
): Record<K, number> {
  const where = `applyTransferCoefficients: process "${options.process ?? "?"}"`;
  const tolerance = options.tolerance ?? TRANSFER_TOLERANCE;
  const list = typeof inputs === "number" ? [inputs] : inputs;
  let total = 0;
  list.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${where}: input ${i} has invalid value ${v}; inputs must be finite and >= 0`);
    total += v;
  });
  let sum = 0;
  const keys = Object.keys(coefficients) as K[];
  if (keys.length === 0) throw new RangeError(`${where}: no transfer coefficients`);
  for (const key of keys) {
    const k = coefficients[key];
    if (!Number.isFinite(k) || k < 0 || k > 1) throw new RangeError(`${where}: coefficient "${key}" is ${k}; coefficients must be in [0, 1]`);
    sum += k;
  }
  if (Math.abs(sum - 1) > tolerance) {
    throw new RangeError(`${where}: coefficients sum to ${Number(sum.toPrecision(12))}, not 1 (tolerance ${tolerance})`); // 12 digits: 0.9, not 0.8999999999999999
  }
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = coefficients[key] * total;
  return out;
}

/**
 * Transfer coefficients of one process computed from a system's flows: k_j = out_j / T for each
 * output flow j (keyed by flow id) and k_stock = max(stock change, 0) / T (key {@link STOCK_KEY},
 * present only if the stock accumulates), where T = sum(outputs) + max(stock change, 0). They sum
 * to 1 by construction; for a balanced process T = sum(inputs) + max(-stock change, 0). Validates
 * the system (throws as validateSystem); throws RangeError if the process is unknown, is a boundary
 * process, has nothing leaving it (T = 0, coefficients undefined), or has an output flow whose id is
 * STOCK_KEY.
 */
export function transferCoefficients(system: MfaSystem, process: string): Record<string, number> {
  validateSystem(system);
  const p = system.processes.find((q) => q.id === process);
  if (!p) throw new RangeError(`transferCoefficients: unknown process "${process}"`);
  if (p.boundary) throw new RangeError(`transferCoefficients: process "${process}" is a boundary process; it has no transfer coefficients`);
  const outs = system.flows.filter((f) => f.from === process);
  const accumulation = Math.max(system.stocks?.find((s) => s.process === process)?.change ?? 0, 0);
  const total = outs.reduce((s, f) => s + f.value, accumulation);
  if (!(total > 0)) throw new RangeError(`transferCoefficients: nothing leaves process "${process}", so its transfer coefficients are undefined`);
  const k: Record<string, number> = {};
  for (const f of outs) {
    if (f.id === STOCK_KEY) throw new RangeError(`transferCoefficients: flow id "${STOCK_KEY}" is reserved for the stock share`);
    k[f.id] = f.value / total;
  }
  if (accumulation > 0) k[STOCK_KEY] = accumulation / total;
  return k;
}
