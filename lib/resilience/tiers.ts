/**
 * Concentration of a supply tier (mining or refining) whose sources name the largest countries and
 * lump the others together: the IEA's "Rest of world", the USGS's "Other countries". How the lump
 * splits among countries is unknown, so each Table 2 concentration metric is given as a range, from
 * the two extreme splits (a reading of the paper's "supply concentration" and "multi-sourcing"
 * metrics; the formulas are those of concentration.ts and governance.ts):
 *
 *  - lower bound: the rest is spread over many small suppliers, whose squares vanish;
 *    HHI_low = Σᵢ (100 · qᵢ / Q)² over the named countries i (what `hhi` gives with the total Q);
 *  - upper bound: the rest is one supplier; HHI_high = HHI_low + (100 · r / Q)², r = Q − Σᵢ qᵢ.
 *
 * Every split lies between: for shares xⱼ ≥ 0 with Σⱼ xⱼ = r, 0 ≤ Σⱼ xⱼ² ≤ r². The same two splits
 * bound the top-3 share (the rest counted as one supplier can enter the top three), the effective
 * number of suppliers (10,000 / HHI, so its bounds swap), and the governance-weighted HHI, whose
 * upper bound also gives the lump the worst governance risk (10, a WGI of −2.5), since whose
 * governance it carries is unknown as well.
 */
import {hhi, topShare, TOTAL_TOLERANCE, type Supply} from "./concentration.js";
import {hhiWgi, WGI_MIN, wgiAverage, wgiRisk} from "./governance.js";
import {isMissing, missing, present, type Result} from "./result.js";
import type {WgiEstimates} from "./mineral-metrics.js";

/** A range [lower, upper] for a metric whose inputs leave part of supply unsplit. */
export interface Range {
  lower: number;
  upper: number;
}

/** A named supplier of a tier: its name, ISO3 code and quantity (null = not given). */
export interface NamedSupply {
  supplier: string;
  iso3: string | null;
  value: number | null;
}

/** One tier of one mineral in one year: the named countries and the stated total, in one unit. */
export interface TierSupply {
  mineral: string;
  tier: string;
  year: number;
  /** Where the numbers come from, e.g. "IEA" or "USGS MCS2024". */
  source: string;
  /** The stated total, Q. */
  total: number;
  /** Every named country, with its own value (a country the source also counts in its rest keeps its row). */
  countries: NamedSupply[];
}

/** The concentration metrics of one tier, each a range or missing with the reason. */
export interface TierMetrics {
  mineral: string;
  tier: string;
  year: number;
  source: string;
  total: number;
  /** r = Q − Σᵢ qᵢ: supply not split by country; missing when a named value is missing. */
  rest: Result<number>;
  /** The largest named country and its share of Q. */
  leader: {supplier: string; share: number} | null;
  hhi: Result<Range>;
  top3: Result<Range>;
  effective: Result<Range>;
  hhiWgi: Result<Range>;
}

/**
 * The unsplit rest r = Q − Σᵢ qᵢ. The named countries may exceed a rounded total (the USGS's "World
 * total (rounded)") by up to TOTAL_TOLERANCE (1 %, as concentration.ts allows): r is then 0. Missing
 * when a value is missing or the countries exceed the total by more.
 */
export function unsplitRest(supply: TierSupply): Result<number> {
  const absent = supply.countries.filter((c) => c.value === null).map((c) => c.supplier);
  if (absent.length) return missing(`no value for ${absent.join(", ")} (${supply.mineral} ${supply.tier}, ${supply.year})`);
  if (!(Number.isFinite(supply.total) && supply.total > 0)) throw new RangeError(`tier metrics: the total of ${supply.mineral} ${supply.tier} in ${supply.year} must be a number > 0, got ${supply.total}`);
  const rest = supply.total - supply.countries.reduce((s, c) => s + (c.value as number), 0);
  if (rest < -TOTAL_TOLERANCE * supply.total) return missing(`the named countries add up to more than the total (${supply.mineral} ${supply.tier}, ${supply.year}) by ${+(-rest).toPrecision(6)}, beyond the 1 % a rounded total allows`);
  return present(Math.max(0, rest));
}

/** Lower and upper HHI (0-10,000) of a tier: the rest spread thin, or one supplier. */
export function hhiRange(named: readonly Supply[], rest: number, total: number): Range {
  return {lower: hhi(named, total), upper: hhi([...named, {supplier: "(the rest, as one supplier)", value: rest}], total)};
}

/** Lower and upper top-3 share (0-1): the three largest named countries, or the rest as one supplier among them. */
export function top3Range(named: readonly Supply[], rest: number, total: number): Range {
  return {lower: topShare(named, 3, total), upper: topShare([...named, {supplier: "(the rest, as one supplier)", value: rest}], 3, total)};
}

/** The governance risk the upper bound gives the rest: the worst, wgiRisk(−2.5) = 10. */
export const REST_WORST_RISK = wgiRisk(WGI_MIN);

/** The average WGI of every economy in `wgi` that has all six estimates within range; the others are left out (they are missing). */
export function wgiByIso(wgi: readonly WgiEstimates[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of wgi) {
    try {
      const average = wgiAverage(w.estimates);
      if (!isMissing(average)) out.set(w.iso3, average.value);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return out;
}

/**
 * The concentration metrics of one tier (see the module comment for the bounds), with `wgi` the
 * average WGI by ISO3 (`wgiByIso`). A metric is missing, with the reason, when a named value is
 * missing; the governance-weighted HHI also when a country with supply above 0 has no WGI.
 * Throws RangeError on a total that is not > 0 or a negative value (concentration.ts).
 */
export function tierMetrics(supply: TierSupply, wgi: ReadonlyMap<string, number>, wgiYear: number): TierMetrics {
  const rest = unsplitRest(supply);
  const base = {mineral: supply.mineral, tier: supply.tier, year: supply.year, source: supply.source, total: supply.total, rest};
  if (isMissing(rest)) {
    const why = (metric: string) => missing(`${metric}: ${rest.reason}`);
    return {...base, leader: null, hhi: why("HHI"), top3: why("top-3 share"), effective: why("effective number of suppliers"), hhiWgi: why("HHI WGI")};
  }
  const named: Supply[] = supply.countries.map((c) => ({supplier: c.supplier, value: c.value as number}));
  const r = rest.value;
  const h = hhiRange(named, r, supply.total);
  const lacking = supply.countries.filter((c) => (c.value as number) > 0 && (c.iso3 === null || !wgi.has(c.iso3))).map((c) => c.supplier);
  let hhiWgiRange: Result<Range>;
  if (lacking.length) hhiWgiRange = missing(`HHI WGI: no ${wgiYear} WGI (all six estimates) for ${lacking.join(", ")}`);
  else {
    const lower = hhiWgi(
      supply.countries.map((c) => ({supplier: c.supplier, value: c.value as number, wgi: c.iso3 === null ? null : (wgi.get(c.iso3) ?? null)})),
      supply.total
    );
    hhiWgiRange = isMissing(lower) ? lower : present({lower: lower.value, upper: lower.value + (100 * (r / supply.total)) ** 2 * REST_WORST_RISK});
  }
  const leader = named.length ? named.reduce((a, b) => (b.value > a.value ? b : a)) : null;
  return {
    ...base,
    leader: leader && {supplier: leader.supplier, share: leader.value / supply.total},
    hhi: present(h),
    top3: present(top3Range(named, r, supply.total)),
    effective: present({lower: 10_000 / h.upper, upper: 10_000 / h.lower}),
    hhiWgi: hhiWgiRange
  };
}

/**
 * Is a tier getting more or less concentrated between two years? "more" when the later range lies
 * wholly above the earlier one, "less" when wholly below, "overlapping" when the ranges overlap, so
 * that the unknown split of the rest could explain the change.
 */
export function trend(from: Range, to: Range): "more" | "less" | "overlapping" {
  if (to.lower > from.upper) return "more";
  if (to.upper < from.lower) return "less";
  return "overlapping";
}
