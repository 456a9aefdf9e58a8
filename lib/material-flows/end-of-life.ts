/**
 * End of life from a dynamic stock model when the inflow history is not known. We hold one year of
 * inflow into use (2021, from the paper) and no earlier years, so the history is an assumption,
 * labelled as such on the page: the inflow grew geometrically at a rate g up to the last year,
 *
 *   inflow(t) = inflow(last) x (1 + g)^(t - last),   t = first .. last,   0 before `first`,
 *
 * and the outflow of the last year follows from an inflow-driven dynamic stock model
 * (lib/mfa/dynamic-stock.ts, ODYM's convention: inflow at the end of its year) with a normal
 * lifetime. For a fixed lifetime L the outflow of the last year is inflow(last - L) =
 * inflow(last) / (1 + g)^L. The end-of-life flow falls as g rises (every earlier inflow shrinks),
 * so a growth rate that meets a stated end-of-life flow is found by bisection.
 */

import {inflowDrivenModel, type DynamicStock, type Lifetime} from "../mfa/index.js";

/** A lifetime the reader can set: normal (mean, sd) in years, or fixed (sd 0). */
export interface LifetimeAssumption {
  mean: number;
  sd: number;
}

/** The result of {@link endOfLife}. */
export interface EndOfLife {
  firstYear: number;
  lastYear: number;
  years: number[];
  /** The assumed inflow history. */
  inflow: Float64Array;
  outflow: Float64Array;
  stock: Float64Array;
  /** Outflow of the last year. */
  outflowLast: number;
  lifetime: Lifetime;
  growth: number;
}

/** Lowest and highest growth rates the calibration searches (-50 % to +300 % a year). */
export const GROWTH_SEARCH: readonly [number, number] = [-0.5, 3];

/** The lifetime of the dynamic stock model: normal, or fixed when sd is 0. Throws RangeError on a mean <= 0 or an sd < 0. */
export function lifetimeOf(assumption: LifetimeAssumption): Lifetime {
  const {mean, sd} = assumption;
  if (!Number.isFinite(mean) || mean <= 0) throw new RangeError(`the mean lifetime must be a number of years > 0, got ${mean}`);
  if (!Number.isFinite(sd) || sd < 0) throw new RangeError(`the lifetime's standard deviation must be a number of years >= 0, got ${sd}`);
  return sd === 0 ? {type: "fixed", mean} : {type: "normal", mean, sd};
}

/** The assumed inflow history (formula in the module comment). Throws RangeError on a bad inflow, growth or years. */
export function geometricInflow(inflowLast: number, growth: number, firstYear: number, lastYear: number): Float64Array {
  if (!Number.isFinite(inflowLast) || inflowLast < 0) throw new RangeError(`the inflow of ${lastYear} must be finite and >= 0, got ${inflowLast}`);
  if (!Number.isFinite(growth) || growth <= -1) throw new RangeError(`the growth rate must be a number > -100 % a year, got ${growth}`);
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) throw new RangeError(`years must be whole and firstYear <= lastYear, got ${firstYear}..${lastYear}`);
  const n = lastYear - firstYear + 1;
  const inflow = new Float64Array(n);
  for (let k = 0; k < n; k++) inflow[k] = inflowLast * (1 + growth) ** (k - (n - 1));
  return inflow;
}

/**
 * Outflow of the in-use stock by year from the assumed inflow history and lifetime (module
 * comment). Throws RangeError as geometricInflow and lifetimeOf.
 */
export function endOfLife(options: {inflowLast: number; growth: number; lifetime: LifetimeAssumption; firstYear: number; lastYear: number}): EndOfLife {
  const {inflowLast, growth, firstYear, lastYear} = options;
  const lifetime = lifetimeOf(options.lifetime);
  const inflow = geometricInflow(inflowLast, growth, firstYear, lastYear);
  const model: DynamicStock = inflowDrivenModel(inflow, lifetime);
  const n = inflow.length;
  return {
    firstYear,
    lastYear,
    years: Array.from({length: n}, (_, k) => firstYear + k),
    inflow,
    outflow: model.outflow,
    stock: model.stock,
    outflowLast: model.outflow[n - 1]!,
    lifetime,
    growth
  };
}

/**
 * The growth rate g at which the model's outflow of the last year equals `target`, by bisection
 * on GROWTH_SEARCH to a relative precision of 1e-12 in g's bracket. Throws RangeError if the target
 * lies outside what any g in the search range gives (naming the range), and as endOfLife.
 */
export function calibrateGrowth(options: {inflowLast: number; target: number; lifetime: LifetimeAssumption; firstYear: number; lastYear: number}): number {
  const {target} = options;
  if (!Number.isFinite(target) || target < 0) throw new RangeError(`the end-of-life target must be finite and >= 0, got ${target}`);
  const at = (growth: number) => endOfLife({...options, growth}).outflowLast;
  let [lo, hi] = GROWTH_SEARCH;
  const high = at(lo); // slowest growth, largest past inflows, most outflow
  const low = at(hi);
  if (target > high || target < low) {
    throw new RangeError(`no growth rate from ${lo * 100} % to ${hi * 100} % a year gives an end-of-life flow of ${target}; with this lifetime the model gives ${low.toPrecision(3)} to ${high.toPrecision(3)}`);
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
