/**
 * Absorptive capacity (paper, Table 2, "Absorption"): buffers that let a supply chain take a
 * shock without losing output: stockpiles and spare (redundant) production capacity (Sheffi &
 * Rice 2005, "A supply chain view of the resilient enterprise", MIT Sloan Management Review
 * 47(1); IEA 2021, "The Role of Critical Minerals in Clean Energy Transitions", on stockpiles
 * expressed in days of demand, as for the IEA's 90-day oil-stock obligation).
 *
 * Missing inputs give a missing result (see result.ts), never a zero.
 */
import {missingInputs, numberOf, present, type MaybeNumber, type Result} from "./result.js";

/** Days in a year, to turn annual demand (USGS apparent consumption) into daily demand. */
export const DAYS_PER_YEAR = 365;

/**
 * Inputs of `stockpileCoverage`, in one mass unit shared by stock and demand:
 * - `stock`: stock held (strategic + commercial), e.g. tonnes;
 * - `dailyDemand`: demand per day in the same unit (annual demand / `DAYS_PER_YEAR`);
 * - `disruptionShare` (optional): the share of supply lost, in (0, 1]; 0 means no loss.
 */
export interface StockpileInputs {
  stock: MaybeNumber;
  dailyDemand: MaybeNumber;
  disruptionShare?: number;
}

/**
 * Stockpile coverage in days.
 * - Without `disruptionShare`: days of demand the stock covers on its own, stock / dailyDemand
 *   (the stock-to-use ratio in days).
 * - With `disruptionShare` s: days until the stock is exhausted when a share s of supply is lost
 *   and the stock makes up the shortfall, supply having matched demand before the shock:
 *   stock / (s * dailyDemand). s = 0 gives Infinity (nothing is drawn).
 * Missing when stock or demand is missing. Throws RangeError when stock < 0, dailyDemand <= 0,
 * a value is not finite, or s lies outside [0, 1].
 */
export function stockpileCoverage({stock, dailyDemand, disruptionShare}: StockpileInputs): Result<number> {
  const absent = missingInputs("stockpileCoverage", {stock, dailyDemand});
  if (absent) return absent;
  const q = numberOf(stock);
  const d = numberOf(dailyDemand);
  if (!Number.isFinite(q) || q < 0) throw new RangeError(`stockpileCoverage: stock is ${q}; it must be finite and >= 0`);
  if (!Number.isFinite(d) || d <= 0) throw new RangeError(`stockpileCoverage: dailyDemand is ${d}; it must be finite and > 0`);
  if (disruptionShare === undefined) return present(q / d);
  if (!Number.isFinite(disruptionShare) || disruptionShare < 0 || disruptionShare > 1) {
    throw new RangeError(`stockpileCoverage: disruptionShare is ${disruptionShare}; it must lie in [0, 1]`);
  }
  return present(disruptionShare === 0 ? Infinity : q / (disruptionShare * d));
}

/**
 * Redundant (spare) capacity share: (capacity - production) / capacity, in [0, 1], the share of
 * capacity idle and available to replace lost supply; capacity and production in the same unit
 * per year (e.g. tonnes/year, summed over the producers considered). Missing when either input
 * is missing. Throws RangeError when capacity <= 0, production < 0, production > capacity (the
 * two sources disagree: reconcile them before computing), or a value is not finite.
 */
export function spareCapacityShare({capacity, production}: {capacity: MaybeNumber; production: MaybeNumber}): Result<number> {
  const absent = missingInputs("spareCapacityShare", {capacity, production});
  if (absent) return absent;
  const c = numberOf(capacity);
  const p = numberOf(production);
  if (!Number.isFinite(c) || c <= 0) throw new RangeError(`spareCapacityShare: capacity is ${c}; it must be finite and > 0`);
  if (!Number.isFinite(p) || p < 0) throw new RangeError(`spareCapacityShare: production is ${p}; it must be finite and >= 0`);
  if (p > c) throw new RangeError(`spareCapacityShare: production ${p} exceeds capacity ${c}`);
  return present((c - p) / c);
}
