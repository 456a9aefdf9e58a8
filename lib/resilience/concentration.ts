/**
 * Supply concentration (paper, Table 2, "Anticipation": supply concentration / diversification;
 * Helbig et al. 2016; OECD 2021).
 *
 * Shares are taken against a stated total (for USGS data, the world total), so that producers
 * without a value of their own (USGS "Other countries") count as many small suppliers: their
 * squares are left out, which makes the HHI a lower bound. Values must be finite and >= 0; the
 * caller decides what is missing and says so, since a missing producer is not a zero.
 */

/** A supplier's quantity, in any unit shared by all suppliers and the total. */
export interface Supply {
  supplier: string;
  value: number;
}

/** Relative tolerance allowed between the listed values and a total that USGS rounds. */
export const TOTAL_TOLERANCE = 0.01;

function checkedTotal(supplies: readonly Supply[], total?: number): number {
  let sum = 0;
  for (const {supplier, value} of supplies) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`concentration: supplier "${supplier}" has invalid value ${value}; values must be finite and >= 0`);
    }
    sum += value;
  }
  const t = total ?? sum;
  if (!Number.isFinite(t) || t <= 0) throw new RangeError(`concentration: total must be finite and > 0, got ${t}`);
  if (sum > t * (1 + TOTAL_TOLERANCE)) {
    throw new RangeError(`concentration: suppliers sum to ${sum}, more than the total ${t} (tolerance ${TOTAL_TOLERANCE * 100} %)`);
  }
  return t;
}

/** Each supplier's share of the total, in [0, 1], largest first (ties by name). */
export function shares(supplies: readonly Supply[], total?: number): {supplier: string; share: number}[] {
  const t = checkedTotal(supplies, total);
  return supplies
    .map(({supplier, value}) => ({supplier, share: value / t}))
    .sort((a, b) => b.share - a.share || a.supplier.localeCompare(b.supplier));
}

/**
 * Herfindahl-Hirschman index on the 0-10,000 scale: HHI = sum_i (100 * q_i / Q)^2, where q_i is
 * supplier i's quantity and Q the total. 10,000 is a single supplier; the US DoJ/FTC call markets
 * above 2,500 highly concentrated. Throws RangeError on a negative or non-finite value or total.
 */
export function hhi(supplies: readonly Supply[], total?: number): number {
  return shares(supplies, total).reduce((h, {share}) => h + (100 * share) ** 2, 0);
}

/** Combined share, in [0, 1], of the n largest suppliers (the paper's "% top-3 suppliers"). */
export function topShare(supplies: readonly Supply[], n: number, total?: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`topShare: n must be a positive integer, got ${n}`);
  return shares(supplies, total)
    .slice(0, n)
    .reduce((s, {share}) => s + share, 0);
}

/** Effective number of suppliers, 10,000 / HHI: the count of equal suppliers with the same HHI. */
export function effectiveSuppliers(supplies: readonly Supply[], total?: number): number {
  return 10_000 / hhi(supplies, total);
}
