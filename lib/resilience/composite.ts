/**
 * Composite resilience index (paper, Table 2, synthesis), following the OECD/JRC "Handbook on
 * Constructing Composite Indicators: Methodology and User Guide" (Nardo, Saisana, Saltelli,
 * Tarantola, Hoffman & Giovannini, OECD 2008, doi:10.1787/9789264043466-en), steps 5
 * (normalisation), 6 (weighting and aggregation) and 7 (uncertainty and sensitivity analysis; see
 * also Saisana, Saltelli & Tarantola 2005, J. R. Stat. Soc. A 168(2), 307-323) of its checklist.
 *
 * Units are what is ranked (materials, countries, supply chains); indicators are the Table 2
 * metrics. Every normalised indicator is oriented so that higher = more resilient, whatever the
 * raw direction, so the composite reads the same way.
 *
 * Missing values are explicit, by policy (option `missing`):
 * - "drop-unit" (default): a unit missing any indicator with a positive weight gets no score, with
 *   the reason naming the indicators; normalisation statistics use the complete units only.
 * - "reweight": a unit is scored on the indicators it has, weights re-normalised over them; for
 *   arithmetic aggregation this imputes each missing value with the unit's weighted mean of the
 *   others (an implicit imputation, Handbook step 3). Its `coverage`, the share of the total
 *   weight it has, is reported, and `minCoverage` sets the least coverage scored.
 */
import {seededRandom} from "../random.js";

/** Whether a higher raw value means more resilience ("higher-is-better") or less. */
export type Direction = "higher-is-better" | "lower-is-better";

/** An indicator: its id (key in each unit's `values`), direction, and reference value for "distance-to-reference". */
export interface Indicator {
  id: string;
  direction: Direction;
  reference?: number;
}

/**
 * Normalisations (Handbook step 5), with d = +1 for higher-is-better and -1 otherwise:
 * - "min-max": (x - min) / (max - min), or (max - x) / (max - min); in [0, 1];
 * - "z-score": d * (x - mean) / sd, with the population standard deviation (divide by n);
 * - "rank": fractional rank 1..n (ties share their average rank), n = best;
 * - "distance-to-reference": d * (x - reference) / |reference|; 0 = at the reference.
 */
export type Normalisation = "min-max" | "z-score" | "rank" | "distance-to-reference";

/**
 * Aggregations (Handbook step 6): "arithmetic", sum_i w_i I_i (fully compensatory);
 * "geometric", prod_i I_i ^ w_i (partly compensatory; needs I_i >= 0, so use it with min-max or rank).
 */
export type Aggregation = "arithmetic" | "geometric";

/** How missing indicator values are handled (see the module comment). */
export type MissingPolicy = "drop-unit" | "reweight";

/** A unit and its raw indicator values; null or absent = missing. */
export interface CompositeUnit {
  id: string;
  values: Readonly<Record<string, number | null | undefined>>;
}

/** Options of `compositeIndex`. */
export interface CompositeOptions {
  normalisation: Normalisation;
  aggregation: Aggregation;
  /** Weight per indicator id, >= 0, any scale (normalised to sum 1); every indicator needs one. */
  weights: Readonly<Record<string, number>>;
  missing?: MissingPolicy;
  /** With "reweight": the least share of the total weight a unit must have to be scored, in [0, 1], default 0. */
  minCoverage?: number;
}

/** A unit's composite score. `value` and `rank` are null, with `reason`, when the unit is not scored. */
export interface UnitScore {
  unit: string;
  value: number | null;
  reason?: string;
  /** 1 = most resilient; equal scores share the best rank ("1224" ranking). */
  rank: number | null;
  /** Share of the total weight on indicators the unit has, in [0, 1]. */
  coverage: number;
  /** Normalised value per indicator; null when missing or not normalised (unit dropped). */
  normalised: Record<string, number | null>;
}

/** The composite index: one score per unit, in input order, and the normalised weights used. */
export interface CompositeResult {
  scores: UnitScore[];
  weights: Record<string, number>;
}

/**
 * Weights normalised to sum 1: w_i / sum_j w_j. Throws RangeError when a weight is negative or
 * not finite, a weight names an unknown indicator, an indicator has no weight, or all weights
 * are 0.
 */
export function normaliseWeights(weights: Readonly<Record<string, number>>, indicatorIds: readonly string[]): Record<string, number> {
  const known = new Set(indicatorIds);
  for (const id of Object.keys(weights)) {
    if (!known.has(id)) throw new RangeError(`composite: weight given for unknown indicator "${id}"`);
  }
  let sum = 0;
  for (const id of indicatorIds) {
    const w = weights[id];
    if (w === undefined) throw new RangeError(`composite: indicator "${id}" has no weight`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`composite: indicator "${id}" has invalid weight ${w}; weights must be finite and >= 0`);
    sum += w;
  }
  if (sum <= 0) throw new RangeError("composite: all weights are 0");
  return Object.fromEntries(indicatorIds.map((id) => [id, (weights[id] as number) / sum]));
}

/**
 * Normalises one indicator's values (null = missing, kept null; all null gives all null),
 * statistics taken over the present values. See `Normalisation` for the formulas. Throws RangeError when "min-max" or
 * "z-score" meets values that are all equal (the indicator does not discriminate: drop it), or
 * "distance-to-reference" has no finite, non-zero reference.
 */
export function normalise(values: readonly (number | null)[], indicator: Indicator, method: Normalisation): (number | null)[] {
  const d = indicator.direction === "higher-is-better" ? 1 : -1;
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return values.map(() => null);
  switch (method) {
    case "min-max": {
      const min = Math.min(...xs);
      const max = Math.max(...xs);
      if (!(max > min)) throw new RangeError(`composite: indicator "${indicator.id}" has the same value for all units; min-max normalisation is undefined`);
      return values.map((v) => (v === null ? null : d > 0 ? (v - min) / (max - min) : (max - v) / (max - min)));
    }
    case "z-score": {
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
      if (!(sd > 0)) throw new RangeError(`composite: indicator "${indicator.id}" has the same value for all units; z-scores are undefined`);
      return values.map((v) => (v === null ? null : (d * (v - mean)) / sd));
    }
    case "rank": {
      const sorted = xs.map((v) => d * v).sort((a, b) => a - b);
      const rankOf = new Map<number, number>();
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
        rankOf.set(sorted[i]!, (i + j) / 2 + 1);
        i = j + 1;
      }
      return values.map((v) => (v === null ? null : (rankOf.get(d * v) as number)));
    }
    case "distance-to-reference": {
      const ref = indicator.reference;
      if (ref === undefined || !Number.isFinite(ref) || ref === 0) {
        throw new RangeError(`composite: indicator "${indicator.id}" needs a finite, non-zero reference for distance-to-reference, got ${ref}`);
      }
      return values.map((v) => (v === null ? null : (d * (v - ref)) / Math.abs(ref)));
    }
    default:
      throw new RangeError(`composite: unknown normalisation "${method as string}"`);
  }
}

/** Normalised data shared by `compositeIndex` and `compositeSensitivity`. */
interface Prepared {
  ids: string[];
  weights: number[];
  /** matrix[u][i]: normalised value of unit u on indicator i, null when missing. */
  matrix: (number | null)[][];
  /** Reason a unit is not scored whatever the weights (drop-unit policy), else null. */
  dropped: (string | null)[];
  aggregation: Aggregation;
  minCoverage: number;
  units: readonly CompositeUnit[];
}

function prepare(units: readonly CompositeUnit[], indicators: readonly Indicator[], options: CompositeOptions): Prepared {
  const ids = indicators.map((i) => i.id);
  const idSet = new Set<string>();
  for (const ind of indicators) {
    if (idSet.has(ind.id)) throw new RangeError(`composite: indicator "${ind.id}" is listed twice`);
    idSet.add(ind.id);
    if (ind.direction !== "higher-is-better" && ind.direction !== "lower-is-better") {
      throw new RangeError(`composite: indicator "${ind.id}" has invalid direction "${ind.direction as string}"`);
    }
  }
  if (indicators.length === 0) throw new RangeError("composite: no indicators");
  if (options.aggregation !== "arithmetic" && options.aggregation !== "geometric") {
    throw new RangeError(`composite: unknown aggregation "${options.aggregation as string}"`);
  }
  const policy = options.missing ?? "drop-unit";
  if (policy !== "drop-unit" && policy !== "reweight") throw new RangeError(`composite: unknown missing-value policy "${policy as string}"`);
  const minCoverage = options.minCoverage ?? 0;
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new RangeError(`composite: minCoverage must lie in [0, 1], got ${minCoverage}`);
  const w = normaliseWeights(options.weights, ids);
  const weights = ids.map((id) => w[id] as number);
  const unitIds = new Set<string>();
  const raw = units.map((unit) => {
    if (unitIds.has(unit.id)) throw new RangeError(`composite: unit "${unit.id}" is listed twice`);
    unitIds.add(unit.id);
    return ids.map((id) => {
      const v = unit.values[id];
      if (v === null || v === undefined) return null;
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`composite: unit "${unit.id}", indicator "${id}" has invalid value ${v}`);
      return v;
    });
  });
  const dropped = raw.map((row) => {
    if (policy !== "drop-unit") return null;
    const absent = ids.filter((_, i) => row[i] === null && weights[i]! > 0);
    return absent.length > 0 ? `missing ${absent.map((a) => `"${a}"`).join(", ")}` : null;
  });
  const matrix: (number | null)[][] = raw.map(() => []);
  indicators.forEach((ind, i) => {
    const column = raw.map((row, u) => (dropped[u] === null ? row[i]! : null));
    const present = column.filter((v) => v !== null).length;
    let normalised: (number | null)[];
    if (present === 0) normalised = column;
    else normalised = normalise(column, ind, options.normalisation);
    normalised.forEach((v, u) => matrix[u]!.push(v));
  });
  return {ids, weights, matrix, dropped, aggregation: options.aggregation, minCoverage, units};
}

/** Scores (null when not scored) and reasons for the given weights (summing to 1). */
function aggregate(p: Prepared, weights: readonly number[]): {values: (number | null)[]; reasons: (string | null)[]; coverage: number[]} {
  const values: (number | null)[] = [];
  const reasons: (string | null)[] = [];
  const coverage: number[] = [];
  p.matrix.forEach((row, u) => {
    let covered = 0;
    for (let i = 0; i < row.length; i++) if (row[i] !== null) covered += weights[i]!;
    coverage.push(p.dropped[u] === null ? covered : 0);
    if (p.dropped[u] !== null) {
      values.push(null);
      reasons.push(p.dropped[u]!);
      return;
    }
    if (covered <= 0) {
      values.push(null);
      reasons.push("no indicator with a positive weight is available");
      return;
    }
    if (covered < p.minCoverage - 1e-12) {
      values.push(null);
      reasons.push(`coverage ${round(covered)} is below minCoverage ${p.minCoverage}`);
      return;
    }
    let score = p.aggregation === "arithmetic" ? 0 : 1;
    for (let i = 0; i < row.length; i++) {
      const x = row[i];
      const wi = weights[i]!;
      if (x === null || x === undefined || wi === 0) continue;
      if (p.aggregation === "arithmetic") score += (wi / covered) * x;
      else {
        if (x < 0) {
          throw new RangeError(
            `composite: unit "${p.units[u]!.id}", indicator "${p.ids[i]}" normalises to ${x}; geometric aggregation needs values >= 0 (use min-max or rank)`
          );
        }
        score *= x ** (wi / covered);
      }
    }
    values.push(score);
    reasons.push(null);
  });
  return {values, reasons, coverage};
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Ranks, 1 = highest score; equal scores (within 1e-12 relative) share the best rank; null stays null. */
function ranks(values: readonly (number | null)[]): (number | null)[] {
  const scored = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  return values.map((v) => {
    if (v === null) return null;
    const tolerance = 1e-12 * Math.max(1, Math.abs(v));
    let better = 0;
    for (const s of scored) {
      if (s > v + tolerance) better++;
      else break;
    }
    return better + 1;
  });
}

/**
 * Composite index: each indicator normalised (`options.normalisation`, oriented higher = more
 * resilient), then aggregated with the reader's weights (normalised to sum 1; with "reweight",
 * re-normalised over each unit's available indicators): arithmetic sum_i w_i I_i or geometric
 * prod_i I_i^w_i. Ranks: 1 = most resilient. Min-max with either aggregation gives scores in
 * [0, 1]. Dimensionless.
 *
 * Throws RangeError on duplicate unit or indicator ids, an invalid direction, an unknown
 * normalisation, aggregation or policy, invalid weights (see `normaliseWeights`), a non-finite
 * raw value (naming unit and indicator), a non-discriminating indicator (see `normalise`), or a
 * negative normalised value under geometric aggregation.
 */
export function compositeIndex(units: readonly CompositeUnit[], indicators: readonly Indicator[], options: CompositeOptions): CompositeResult {
  const p = prepare(units, indicators, options);
  const {values, reasons, coverage} = aggregate(p, p.weights);
  const rank = ranks(values);
  const scores = units.map((unit, u): UnitScore => {
    const normalised = Object.fromEntries(p.ids.map((id, i) => [id, p.matrix[u]![i] ?? null]));
    const reason = reasons[u];
    const base = {unit: unit.id, value: values[u] ?? null, rank: rank[u] ?? null, coverage: coverage[u]!, normalised};
    return reason === null || reason === undefined ? base : {...base, reason};
  });
  return {scores, weights: Object.fromEntries(p.ids.map((id, i) => [id, p.weights[i]!]))};
}

/** Options of `compositeSensitivity`: those of the index plus the Monte Carlo settings. */
export interface SensitivityOptions extends CompositeOptions {
  /** Random weight draws, default 1,000. */
  trials?: number;
  /** Seed of the generator (lib/random.ts), default 1. */
  seed?: number;
  /** Each weight is multiplied by a uniform factor in [1 - amplitude, 1 + amplitude], then all re-normalised; default 0.25, in [0, 1]. */
  amplitude?: number;
}

/** A unit's rank under the reference weights and its distribution under perturbed weights. */
export interface RankDistribution {
  unit: string;
  baseRank: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Why the unit has no rank (as in `UnitScore.reason`). */
  reason?: string;
}

/** Result of `compositeSensitivity`. */
export interface SensitivityResult {
  trials: number;
  seed: number;
  amplitude: number;
  units: RankDistribution[];
  /**
   * Mean absolute rank shift (Handbook step 7, average shift in ranks R_S): (1/M) sum_c |rank_ref(c) - rank(c)|,
   * averaged over trials, M = units ranked.
   */
  meanAbsoluteRankShift: number;
}

/**
 * Sensitivity of the ranks to the weights (Handbook step 7, uncertainty analysis): `trials`
 * weight vectors w_i * U(1 - a, 1 + a), re-normalised to sum 1 (a weight of 0 stays 0), each
 * giving a ranking; returns each unit's base rank and the median, min and max of its ranks.
 * Normalisation does not depend on the weights, so it is done once. Reproducible from `seed`.
 * Throws as `compositeIndex`, and RangeError when trials is not a positive integer or the
 * amplitude lies outside [0, 1].
 */
export function compositeSensitivity(units: readonly CompositeUnit[], indicators: readonly Indicator[], options: SensitivityOptions): SensitivityResult {
  const trials = options.trials ?? 1000;
  const seed = options.seed ?? 1;
  const amplitude = options.amplitude ?? 0.25;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`compositeSensitivity: trials must be a positive integer, got ${trials}`);
  if (!(amplitude >= 0 && amplitude <= 1)) throw new RangeError(`compositeSensitivity: amplitude must lie in [0, 1], got ${amplitude}`);
  const p = prepare(units, indicators, options);
  const base = aggregate(p, p.weights);
  const baseRanks = ranks(base.values);
  const random = seededRandom(seed);
  const samples: number[][] = units.map(() => []);
  let shiftSum = 0;
  const ranked = baseRanks.filter((r) => r !== null).length;
  for (let t = 0; t < trials; t++) {
    const w = p.weights.map((wi) => wi * (1 - amplitude + 2 * amplitude * random()));
    const sum = w.reduce((s, x) => s + x, 0);
    const r = ranks(aggregate(p, w.map((x) => x / sum)).values);
    let shift = 0;
    r.forEach((rank, u) => {
      if (rank === null) return;
      samples[u]!.push(rank);
      const b = baseRanks[u];
      if (b !== null && b !== undefined) shift += Math.abs(b - rank);
    });
    if (ranked > 0) shiftSum += shift / ranked;
  }
  const distributions = units.map((unit, u): RankDistribution => {
    const s = samples[u]!.sort((a, b) => a - b);
    const baseRank = baseRanks[u] ?? null;
    if (s.length === 0) {
      const reason = base.reasons[u] ?? "not ranked under any weights drawn";
      return {unit: unit.id, baseRank, median: null, min: null, max: null, reason};
    }
    const mid = s.length >> 1;
    const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
    return {unit: unit.id, baseRank, median, min: s[0]!, max: s[s.length - 1]!};
  });
  return {trials, seed, amplitude, units: distributions, meanAbsoluteRankShift: shiftSum / trials};
}
