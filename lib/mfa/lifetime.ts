/**
 * Product lifetime distributions and the survival table of a dynamic stock model, following ODYM's
 * DynamicStockModel.compute_sf (Pauliuk & Heeren 2020, J. Ind. Ecol. 24(3), 446-458) and
 * flodym's lifetime models (PIK, flodym.lifetime_models).
 *
 * Convention. sf[t, c] is the share of the inflow of cohort c (the inflow in year c) still in stock
 * at the END of year t; it is S(t - c + offset) for t >= c and 0 for t < c, where S(a) = P(L > a) is
 * the survival function of the lifetime L and the offset says when in its year the inflow arrives:
 *   "end"    offset 0   : ODYM's DynamicStockModel (sf = scipy.stats.<dist>.sf(t - c)); the default;
 *   "middle" offset 0.5 : flodym >= 1.0's default (inflow_at = "middle");
 *   "start"  offset 1   : inflow at the start of the year.
 * The outflow of cohort c in its own year is 1 - sf[c, c]: for a normal lifetime that is where the
 * probability of a lifetime <= offset goes, including the (physically impossible) negative
 * lifetimes, which ODYM neither truncates nor drops, so mass is conserved. Use a lognormal or
 * Weibull lifetime when that mass matters (mean / sd small).
 *
 * Distributions (all in years; the parameters are those of the lifetime itself):
 *   fixed(mean L)           S(a) = 1 if a < L else 0: the whole cohort leaves when it reaches age L;
 *   normal(mean, sd)        S(a) = 1 - Phi((a - mean) / sd), untruncated (scipy.stats.norm.sf);
 *   lognormal(mean, sd)     S(a) = 1 - Phi((ln a - mu) / sigma) for a > 0, 1 for a <= 0, with
 *                           sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2, so the
 *                           lifetime has the stated mean and sd (as flodym; ODYM's DSM swaps the
 *                           ratio to mean^2 / sd^2, which does not reproduce the stated moments);
 *   weibull(shape k, scale) S(a) = exp(-(a / scale)^k) for a > 0, 1 for a <= 0 (scipy weibull_min).
 * As in ODYM, a lifetime with mean 0 (fixed, normal, lognormal) has S = 0 at every age: the whole
 * inflow leaves in its own year.
 */

import {normalSf} from "./special.js";

/** A lifetime distribution, parameters in years. */
export type Lifetime =
  | {type: "fixed"; mean: number}
  | {type: "normal"; mean: number; sd: number}
  | {type: "lognormal"; mean: number; sd: number}
  | {type: "weibull"; shape: number; scale: number};

/** When in its year a cohort's inflow arrives; see the module comment. */
export type InflowTiming = "start" | "middle" | "end";

/** Age of a cohort at the end of year t, minus (t - c), for each inflow timing. */
export const INFLOW_AGE_OFFSET: Readonly<Record<InflowTiming, number>> = {end: 0, middle: 0.5, start: 1};

function bad(lt: Lifetime, what: string, value: unknown, rule: string, where: string): RangeError {
  return new RangeError(`${where}: ${lt.type} lifetime ${what} is ${value}; ${rule}`);
}

/**
 * Checks a lifetime's parameters. Throws TypeError on an unknown type; RangeError on a mean < 0,
 * an sd <= 0 (normal, lognormal: use a fixed lifetime for sd 0), a shape or scale <= 0 (Weibull),
 * or any non-finite parameter. `where` prefixes the message (e.g. "cohort 12").
 */
export function validateLifetime(lt: Lifetime, where = "lifetime"): void {
  const finite = (name: string, v: unknown, positive: boolean) => {
    if (typeof v !== "number" || !Number.isFinite(v) || (positive ? !(v > 0) : v < 0)) {
      throw bad(lt, name, v, `must be finite and ${positive ? "> 0" : ">= 0"}`, where);
    }
  };
  switch (lt?.type) {
    case "fixed":
      finite("mean", lt.mean, false);
      return;
    case "normal":
    case "lognormal":
      finite("mean", lt.mean, false);
      finite("sd", lt.sd, true);
      return;
    case "weibull":
      finite("shape", lt.shape, true);
      finite("scale", lt.scale, true);
      return;
    default:
      throw new TypeError(`${where}: unknown lifetime type ${JSON.stringify((lt as {type?: unknown} | undefined)?.type)}`);
  }
}

/**
 * Survival function S(a) = P(lifetime > a) at age a in years (formulas in the module comment), in
 * [0, 1] and non-increasing in a. Validates the lifetime (throws as validateLifetime) and throws
 * RangeError on a NaN age.
 */
export function survival(lt: Lifetime, age: number): number {
  validateLifetime(lt);
  if (Number.isNaN(age)) throw new RangeError(`survival: age is NaN`);
  return survivalUnchecked(lt, age);
}

function survivalUnchecked(lt: Lifetime, age: number): number {
  switch (lt.type) {
    case "fixed":
      return age < lt.mean ? 1 : 0;
    case "normal":
      return lt.mean === 0 ? 0 : normalSf((age - lt.mean) / lt.sd);
    case "lognormal": {
      if (lt.mean === 0) return 0;
      if (age <= 0) return 1;
      const sigma2 = Math.log1p((lt.sd / lt.mean) ** 2);
      const mu = Math.log(lt.mean) - sigma2 / 2;
      return normalSf((Math.log(age) - mu) / Math.sqrt(sigma2));
    }
    case "weibull":
      return age <= 0 ? 1 : Math.exp(-((age / lt.scale) ** lt.shape));
  }
}

/**
 * Survival by years since inflow: curve[k] = S(k + offset) for k = 0 .. years - 1, offset from
 * `inflowAt` (default "end", ODYM). This is a column of the survival table of a time-invariant
 * lifetime, computed once per age. Throws as validateLifetime, and RangeError on a bad `years`.
 */
export function survivalCurve(lt: Lifetime, years: number, options: {inflowAt?: InflowTiming} = {}): Float64Array {
  checkYears("survivalCurve", years);
  validateLifetime(lt);
  const offset = offsetOf(options.inflowAt);
  const curve = new Float64Array(years);
  for (let k = 0; k < years; k++) curve[k] = survivalUnchecked(lt, k + offset);
  return curve;
}

/** A survival table: sf[t * years + c] = share of cohort c's inflow in stock at the end of year t (0 for t < c). */
export interface SurvivalTable {
  years: number;
  sf: Float64Array;
}

/**
 * The survival table sf[t, c] = S_c(t - c + offset) (see the module comment) for `years` years.
 * `lifetime` is one distribution for all cohorts, computed once per age, or one per cohort
 * (array of length `years`, ODYM's per-cohort lifetimes). Throws RangeError on a bad `years` or
 * an array of the wrong length, and as validateLifetime, naming the cohort, on a bad distribution.
 */
export function survivalTable(lifetime: Lifetime | readonly Lifetime[], years: number, options: {inflowAt?: InflowTiming} = {}): SurvivalTable {
  checkYears("survivalTable", years);
  const n = years;
  const sf = new Float64Array(n * n);
  if (!isLifetimeArray(lifetime)) {
    const curve = survivalCurve(lifetime, n, options);
    for (let t = 0; t < n; t++) {
      const row = t * n;
      for (let c = 0; c <= t; c++) sf[row + c] = curve[t - c]!;
    }
    return {years: n, sf};
  }
  if (lifetime.length !== n) throw new RangeError(`survivalTable: ${lifetime.length} cohort lifetimes for ${n} years`);
  const offset = offsetOf(options.inflowAt);
  lifetime.forEach((lt, c) => {
    validateLifetime(lt, `survivalTable: cohort ${c}`);
    for (let t = c; t < n; t++) sf[t * n + c] = survivalUnchecked(lt, t - c + offset);
  });
  return {years: n, sf};
}

/**
 * Outflow probability by year and cohort, pdf[t, c] = share of cohort c's inflow that leaves in
 * year t: 1 - sf[c, c] on the diagonal, sf[t - 1, c] - sf[t, c] below it, 0 above (ODYM's
 * compute_outflow_pdf). Each column sums to 1 - sf[years - 1, c].
 */
export function outflowPdf(table: SurvivalTable): Float64Array {
  const {years: n, sf} = table;
  const pdf = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    pdf[c * n + c] = 1 - sf[c * n + c]!;
    for (let t = c + 1; t < n; t++) pdf[t * n + c] = sf[(t - 1) * n + c]! - sf[t * n + c]!;
  }
  return pdf;
}

function isLifetimeArray(lifetime: Lifetime | readonly Lifetime[]): lifetime is readonly Lifetime[] {
  return Array.isArray(lifetime);
}

function offsetOf(inflowAt: InflowTiming | undefined): number {
  const key = inflowAt ?? "end";
  if (!Object.hasOwn(INFLOW_AGE_OFFSET, key)) throw new RangeError(`inflowAt must be "start", "middle" or "end", got ${JSON.stringify(inflowAt)}`);
  return INFLOW_AGE_OFFSET[key];
}

function checkYears(where: string, years: number): void {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`${where}: years must be a positive integer, got ${years}`);
}
