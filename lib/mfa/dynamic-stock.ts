/**
 * Dynamic stock models (Müller 2006, Ecol. Econ. 59(1), 142-156; Pauliuk & Heeren 2020, ODYM's
 * DynamicStockModel; flodym's InflowDrivenDSM and StockDrivenDSM), on the survival table of
 * lifetime.ts. Years are indices 0 .. n-1; stocks are measured at the end of each year, flows are
 * totals over the year, all in one unit. Every cohort lies inside the time window: the stock before
 * year 0 is zero, so the first year's stock change is the first year's stock.
 *
 * Inflow-driven: s_c[t, c] = i[c] * sf[t, c]; o_c[c, c] = i[c] - s_c[c, c];
 *                o_c[t, c] = s_c[t-1, c] - s_c[t, c] for t > c.
 * Stock-driven:  for each year m, the stock left from earlier cohorts is sum_{c<m} s_c[m, c], and
 *                i[m] = (s[m] - that) / sf[m, m] (ODYM's compute_stock_driven_model).
 * Both give s[t] = sum_c s_c[t, c], o[t] = sum_c o_c[t, c], ds[t] = s[t] - s[t-1], and the balance
 * i - o - ds = 0 to round-off. Cohort arrays are n x n, row-major by year: x[t * n + c].
 */

import type {InflowTiming, Lifetime, SurvivalTable} from "./lifetime.js";
import {survivalTable} from "./lifetime.js";

/** The result of a dynamic stock model; all series have one entry per year. */
export interface DynamicStock {
  years: number;
  inflow: Float64Array;
  outflow: Float64Array;
  /** Stock at the end of each year. */
  stock: Float64Array;
  /** stock[t] - stock[t - 1], with stock[-1] = 0. */
  stockChange: Float64Array;
  /** stockByCohort[t * years + c]: stock at the end of year t that entered in year c. */
  stockByCohort: Float64Array;
  /** outflowByCohort[t * years + c]: outflow in year t of what entered in year c. */
  outflowByCohort: Float64Array;
}

/** Options common to both models. */
export interface DynamicStockOptions {
  /** When in its year a cohort arrives (default "end", ODYM); see lifetime.ts. */
  inflowAt?: InflowTiming;
}

/**
 * What the stock-driven model does when the stock falls faster than the lifetime lets it, so that
 * the inflow would be negative: "throw" (default) a RangeError naming the year; "allow" the
 * negative inflow (ODYM's default); or "correct" as ODYM's NegativeInflowCorrect (Deetman &
 * Pauliuk): inflow 0, and every surviving cohort loses the same share so that the stock matches,
 * the loss being added to that year's outflow.
 */
export type NegativeInflow = "throw" | "allow" | "correct";

/**
 * Inflows within this share of the largest stock below 0 are round-off (e.g. a constant stock with a
 * fixed lifetime) and are kept as they are, not treated as negative.
 */
export const NEGATIVE_INFLOW_TOLERANCE = 1e-9;

function tableFor(lifetime: Lifetime | readonly Lifetime[] | SurvivalTable, n: number, options: DynamicStockOptions, where: string): SurvivalTable {
  if ("sf" in lifetime && "years" in lifetime) {
    if (lifetime.years !== n) throw new RangeError(`${where}: survival table has ${lifetime.years} years, series has ${n}`);
    return lifetime;
  }
  return survivalTable(lifetime, n, options);
}

function checkSeries(where: string, name: string, series: ArrayLike<number>): number {
  const n = series.length;
  if (n < 1) throw new RangeError(`${where}: ${name} series is empty`);
  for (let t = 0; t < n; t++) {
    const v = series[t]!;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${where}: ${name} in year ${t} is ${v}; values must be finite and >= 0`);
    }
  }
  return n;
}

// Totals and stock change from the cohort arrays (shared by both models).
function totals(n: number, inflow: Float64Array, sc: Float64Array, oc: Float64Array): DynamicStock {
  const stock = new Float64Array(n);
  const outflow = new Float64Array(n);
  const stockChange = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const row = t * n;
    let s = 0;
    let o = 0;
    for (let c = 0; c <= t; c++) {
      s += sc[row + c]!;
      o += oc[row + c]!;
    }
    stock[t] = s;
    outflow[t] = o;
    stockChange[t] = t === 0 ? s : s - stock[t - 1]!;
  }
  return {years: n, inflow, outflow, stock, stockChange, stockByCohort: sc, outflowByCohort: oc};
}

/**
 * Inflow-driven dynamic stock model: from the inflow by year and a lifetime (one for all cohorts,
 * one per cohort, or a precomputed survival table), the stock and outflow by cohort and in total
 * (formulas in the module comment). O(n^2) in time and memory. Throws RangeError on an empty series
 * or a negative or non-finite inflow (naming the year), and as survivalTable on a bad lifetime.
 */
export function inflowDrivenModel(
  inflow: ArrayLike<number>,
  lifetime: Lifetime | readonly Lifetime[] | SurvivalTable,
  options: DynamicStockOptions = {}
): DynamicStock {
  const where = "inflowDrivenModel";
  const n = checkSeries(where, "inflow", inflow);
  const {sf} = tableFor(lifetime, n, options, where);
  const i = Float64Array.from(inflow);
  const sc = new Float64Array(n * n);
  const oc = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    const row = t * n;
    const prev = row - n;
    for (let c = 0; c < t; c++) {
      const s = i[c]! * sf[row + c]!;
      sc[row + c] = s;
      oc[row + c] = sc[prev + c]! - s;
    }
    const s = i[t]! * sf[row + t]!;
    sc[row + t] = s;
    oc[row + t] = i[t]! - s; // what leaves in its own year, incl. the mass of lifetimes <= offset
  }
  return totals(n, i, sc, oc);
}

/**
 * Stock-driven dynamic stock model: from the stock at the end of each year and a lifetime, the
 * inflow needed to keep it, and the stock and outflow by cohort (ODYM's compute_stock_driven_model;
 * the first year's inflow builds the whole first-year stock). `negativeInflow` chooses what happens
 * when the stock falls faster than the lifetime allows (see {@link NegativeInflow}; default
 * "throw"). Throws RangeError on an empty series, a negative or non-finite stock (naming the year),
 * a stock that a lifetime with sf[m, m] = 0 cannot hold, or, with "throw", a negative inflow; and as
 * survivalTable on a bad lifetime.
 */
export function stockDrivenModel(
  stock: ArrayLike<number>,
  lifetime: Lifetime | readonly Lifetime[] | SurvivalTable,
  options: DynamicStockOptions & {negativeInflow?: NegativeInflow} = {}
): DynamicStock {
  const where = "stockDrivenModel";
  const n = checkSeries(where, "stock", stock);
  const {sf} = tableFor(lifetime, n, options, where);
  const mode = options.negativeInflow ?? "throw";
  let maxStock = 0;
  for (let t = 0; t < n; t++) maxStock = Math.max(maxStock, stock[t]!);
  const roundOff = NEGATIVE_INFLOW_TOLERANCE * maxStock;
  const i = new Float64Array(n);
  const sc = new Float64Array(n * n);
  const oc = new Float64Array(n * n);
  // factor[c] scales cohort c after negative-inflow corrections (1 without any), so that
  // sc[t, c] = i[c] * factor[c] * sf[t, c] can be written row by row.
  const factor = new Float64Array(n).fill(1);
  for (let m = 0; m < n; m++) {
    const row = m * n;
    const prev = row - n;
    let remaining = 0;
    for (let c = 0; c < m; c++) {
      const s = i[c]! * factor[c]! * sf[row + c]!;
      sc[row + c] = s;
      remaining += s;
    }
    const gap = stock[m]! - remaining;
    const sfNew = sf[row + m]!;
    if (gap < -roundOff && mode !== "allow") {
      if (mode === "throw") {
        throw new RangeError(
          `${where}: year ${m}: the stock (${stock[m]}) is below what survives from earlier years (${remaining}), so the inflow would be negative; choose negativeInflow "allow" or "correct", or revise the lifetime`
        );
      }
      // ODYM NegativeInflowCorrect: no inflow; each older cohort loses the share -gap / remaining.
      const keep = remaining > 0 ? 1 + gap / remaining : 0;
      for (let c = 0; c < m; c++) {
        factor[c]! *= keep;
        sc[row + c]! *= keep;
      }
      i[m] = 0;
    } else if (sfNew > 0) {
      i[m] = gap / sfNew; // rescale: part of this year's inflow already leaves this year
    } else if (Math.abs(gap) > roundOff) {
      throw new RangeError(`${where}: year ${m}: the lifetime keeps nothing of a new cohort to the end of its year (sf = 0), so the stock ${stock[m]} cannot be reached`);
    }
    sc[row + m] = i[m]! * sfNew;
    oc[row + m] = i[m]! - sc[row + m]!;
    if (m > 0) for (let c = 0; c < m; c++) oc[row + c] = sc[prev + c]! - sc[row + c]!;
  }
  return totals(n, i, sc, oc);
}

/** The stock balance inflow - outflow - stock change by year (ODYM's check_stock_balance); zero to round-off. */
export function stockBalance(model: DynamicStock): Float64Array {
  const out = new Float64Array(model.years);
  for (let t = 0; t < model.years; t++) out[t] = model.inflow[t]! - model.outflow[t]! - model.stockChange[t]!;
  return out;
}
