/**
 * Monte Carlo propagation of parameter uncertainty through a model (JCGM 101:2008, "Propagation of
 * distributions using a Monte Carlo method"; in MFA e.g. Laner, Rechberger & Astrup 2014, J. Ind.
 * Ecol. 18(6), 859-870): draw every uncertain parameter independently from its distribution, run
 * the model, and summarise each output over the runs. Seeded (random.ts), so a run is reproducible.
 *
 * Summaries: mean; sample standard deviation (n - 1); quantiles by linear interpolation between
 * order statistics, q(p) = x_(h) + (h - floor h)(x_(h+1) - x_(h)) with h = (n - 1) p on the sorted
 * sample, 0-based (Hyndman & Fan 1996, type 7; numpy's and R's default), computed by d3-array's
 * quantileSorted on one typed-array sort of each output, so that summarising 30 outputs of 10,000
 * runs stays in the milliseconds.
 */

import {deviation, mean, quantileSorted as d3QuantileSorted} from "d3-array";
import {createRng} from "../random.js";
import type {Distribution} from "./distributions.js";
import {sample, validateDistribution} from "./distributions.js";
import type {MfaSystem} from "./system.js";
import {validateSystem} from "./system.js";

/** Summary of one output over all runs. */
export interface OutputSummary {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Result of {@link monteCarlo}. */
export interface MonteCarloResult<O extends string> {
  runs: number;
  seed: number;
  outputs: Record<O, OutputSummary>;
  /** Every run's outputs, in run order; only with keepSamples. */
  samples?: Record<O, Float64Array>;
}

/** Options of {@link monteCarlo}. */
export interface MonteCarloOptions {
  /** Number of runs (>= 2). */
  runs: number;
  /** Seed of the random number generator (an integer, taken modulo 2^32). */
  seed: number;
  /** Keep every run's outputs in the result (runs x outputs doubles). */
  keepSamples?: boolean;
}

/**
 * Quantile p in [0, 1] of a sample sorted ascending (type 7, see the module comment; d3-array's
 * quantileSorted). Throws RangeError on an empty sample or p outside [0, 1], where d3 would return
 * undefined or clamp.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError(`quantileSorted: empty sample`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  return d3QuantileSorted(sorted as unknown as number[], p)!;
}

/**
 * Mean, sd (n - 1), p5, p50, p95, min and max of a sample, by d3-array on a sorted copy. Throws
 * RangeError on fewer than 2 values or a NaN.
 */
export function summarize(values: ArrayLike<number>): OutputSummary {
  const n = values.length;
  if (n < 2) throw new RangeError(`summarize: need at least 2 values, got ${n}`);
  // d3 skips NaN silently; a NaN output is a model error here.
  for (let r = 0; r < n; r++) if (Number.isNaN(values[r])) throw new RangeError(`summarize: value ${r} is NaN`);
  // One sort of a copy serves the three quantiles and the extremes.
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => d3QuantileSorted(sorted as unknown as number[], p)!;
  return {mean: mean(sorted)!, sd: deviation(sorted)!, p5: q(0.05), p50: q(0.5), p95: q(0.95), min: sorted[0]!, max: sorted[n - 1]!};
}

/**
 * Runs `model` `runs` times on parameters drawn independently from `parameters` (in the key order
 * of `parameters`, so the same seed gives the same draws) and summarises every output. The model
 * gets a fresh parameter object each run and must return the same finite-valued outputs each time.
 * Throws RangeError on runs < 2 or non-integer, a non-integer seed, a bad distribution (naming the
 * parameter), a non-finite output or an output missing or added in a later run (naming the run
 * and the output); TypeError on an unknown distribution kind.
 */
export function monteCarlo<P extends string, O extends string>(
  parameters: Readonly<Record<P, Distribution>>,
  model: (p: Readonly<Record<P, number>>) => Readonly<Record<O, number>>,
  options: MonteCarloOptions
): MonteCarloResult<O> {
  const {runs, seed} = options;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`monteCarlo: runs must be an integer >= 2, got ${runs}`);
  const names = Object.keys(parameters) as P[];
  const dists = names.map((name) => {
    const d = parameters[name];
    validateDistribution(d, `monteCarlo: parameter "${name}"`);
    return d;
  });
  const rng = createRng(seed);
  let outputNames: O[] = [];
  let columns: Float64Array[] = [];
  for (let r = 0; r < runs; r++) {
    const p = {} as Record<P, number>;
    for (let k = 0; k < names.length; k++) p[names[k]!] = sample(rng, dists[k]!);
    const out = model(p);
    if (r === 0) {
      outputNames = Object.keys(out) as O[];
      columns = outputNames.map(() => new Float64Array(runs));
    } else {
      let count = 0;
      for (const key in out) if (Object.hasOwn(out, key)) count++; // counting without allocating a key array per run
      if (count !== outputNames.length) {
        throw new RangeError(`monteCarlo: run ${r} returned outputs ${JSON.stringify(Object.keys(out))}, run 0 returned ${JSON.stringify(outputNames)}`);
      }
    }
    for (let j = 0; j < outputNames.length; j++) {
      const name = outputNames[j]!;
      const v = out[name];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`monteCarlo: run ${r}: output "${name}" is ${v}; outputs must be finite numbers`);
      columns[j]![r] = v;
    }
  }
  const outputs = {} as Record<O, OutputSummary>;
  outputNames.forEach((name, j) => (outputs[name] = summarize(columns[j]!)));
  const result: MonteCarloResult<O> = {runs, seed, outputs};
  if (options.keepSamples) {
    const samples = {} as Record<O, Float64Array>;
    outputNames.forEach((name, j) => (samples[name] = columns[j]!));
    result.samples = samples;
  }
  return result;
}

/**
 * The uncertain flows of a system as Monte Carlo parameters, keyed by flow id: each flow with an
 * sd > 0 becomes a normal (default) or lognormal distribution with the flow's value as mean and its
 * sd; flows without an sd, or with sd 0, are left out (the model uses their values as given).
 * Validates the system (throws as validateSystem); a lognormal of a zero flow throws RangeError.
 */
export function flowDistributions(system: MfaSystem, kind: "normal" | "lognormal" = "normal"): Record<string, Distribution> {
  validateSystem(system);
  const out: Record<string, Distribution> = {};
  for (const f of system.flows) {
    if (!f.sd) continue;
    const d: Distribution = {kind, mean: f.value, sd: f.sd};
    validateDistribution(d, `flowDistributions: flow "${f.id}"`);
    out[f.id] = d;
  }
  return out;
}
