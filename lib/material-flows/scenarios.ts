/**
 * End of life and recycled supply to 2050 under the IEA's demand scenarios (STEPS, APS, NZE), from
 * the dynamic stock model of the 2021 systems. Pure TypeScript: no DOM, no I/O.
 *
 * Inflow into use, by year, for one system:
 *
 *   t < 2021            inflow(2021) x (1 + g)^(t - 2021): the growth assumption of end-of-life.ts,
 *                       the reader's g (as Figures S10 and S11), from the system's first year;
 *   t = 2021            the system's 2021 inflow into use (the paper's flows, reconciled: model.ts);
 *   2021 < t < 2024     linear between 2021 and the IEA's 2024 value: INTERPOLATED;
 *   t = 2024, 2030, 2035, 2040, 2045, 2050   the IEA's value (2024 for every scenario, the later
 *                       years the scenario's);
 *   any other year      linear between the IEA's two nearest years: INTERPOLATED.
 *
 * The IEA demand the stock follows is the use the 2021 system's in-use stock holds (SCENARIO_SYSTEMS):
 * for lithium, "Electric vehicles" alone, since the paper's lithium stock is EV batteries (its 2021
 * inflow, 31.2 kt, is lithium in EV batteries entering use); grid storage batteries are another
 * stock, with other lifetimes, that the paper's system does not hold. For nickel, total demand, since
 * the paper's nickel stock is every nickel-containing product (its 2021 inflow is first use). The
 * two sources differ in definitions: the step from the paper's 2021 value to the IEA's 2024 value is
 * part of what is interpolated, and says nothing about 2022 and 2023 beyond that.
 *
 * Then, per scenario and year (inflow-driven dynamic stock model, lib/mfa/dynamic-stock.ts, ODYM's
 * convention, the reader's lifetime: normal (mean, sd), fixed when sd = 0):
 *   outflow(t)   = end of life of the in-use stock; for a fixed lifetime L, outflow(t) = inflow(t - L);
 *   collected(t) = collection rate x outflow(t);
 *   recycled(t)  = recovery efficiency x collected(t)  (the recycled supply);
 *   share(t)     = recycled(t) / the IEA's total demand of the mineral in t (all uses: recycled
 *                  metal can serve any use), from 2024 on, with total demand interpolated as the
 *                  inflow is between the IEA's years; missing (null) before 2024, where the IEA gives
 *                  no total demand. For lithium the numerator counts EV batteries only, so the share
 *                  is what EV batteries alone could return.
 *
 * Monte Carlo band (5 % to 95 %, MONTE_CARLO_RUNS runs, seeded, so the same inputs give the same band
 * in Node and every browser), over what the reader sets and no source states (SCENARIO_UNCERTAINTY):
 *   lifetime mean      lognormal, mean = the reader's mean, sd = 20 % of it (always > 0);
 *   lifetime sd        uniform from 0.5 to 1.5 x the reader's sd (a fixed lifetime, sd 0, stays fixed);
 *   collection rate    triangular, mode = the reader's rate, +-10 percentage points, cut at 0 and 1;
 *   recovery           triangular, mode = the reader's efficiency, +-10 percentage points, cut at 0 and 1;
 * all independent. The IEA's demand, the 2021 inflow and the growth before 2021 are not varied: the
 * scenarios are the demand's range, and the 2021 inflow is the paper's. The central line is the
 * model at the reader's values, not the median of the runs.
 *
 * Speed: the runs use outflowFromCurve, the same sums as inflowDrivenModel for one lifetime for all
 * cohorts (tested equal to 1e-12) without its n x n cohort arrays, O(n^2) per scenario and run, on
 * survival curves from fastNormalSf (a table of lib/mfa's normalSf, within 1e-9 of it), and take
 * the band's quantiles by selection: one system's scenarios in about 10 ms.
 */

import {quantileSorted} from "d3-array";
import {createRng, type Rng} from "../random.js";
import {inflowDrivenModel, normalSf, sample, validateDistribution, type Distribution} from "../mfa/index.js";
import {geometricInflow, lifetimeOf} from "./end-of-life.js";
import {SYSTEM_CONFIGS, runModel, validateAssumptions, type Assumptions} from "./model.js";
import {paperEndOfLife, systemInputs, type FigureRow} from "./figure-rows.js";

/** The IEA's scenarios, in the order the site shows them. */
export const SCENARIOS = ["STEPS", "APS", "NZE"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The scenarios' names, for labels. */
export const SCENARIO_NAMES: Readonly<Record<Scenario, string>> = {
  STEPS: "Stated Policies (STEPS)",
  APS: "Announced Pledges (APS)",
  NZE: "Net Zero Emissions by 2050 (NZE)"
};

/** The 2024 rows of iea_demand, the same for every scenario. */
export const REPORTED = "reported";
/** The year of the system's own inflow (the paper's 2021). */
export const ANCHOR_YEAR = 2021;
export const IEA_FIRST_YEAR = 2024;
export const LAST_YEAR = 2050;

/** Per system: the mineral of iea_demand, the IEA sector the in-use stock follows, and the demand a share is of. */
export const SCENARIO_SYSTEMS: Readonly<Record<"lithium" | "nickel", {mineral: string; follows: string; followsLabel: string; shareOf: string}>> = {
  lithium: {mineral: "lithium", follows: "Electric vehicles", followsLabel: "IEA demand for electric vehicles", shareOf: "Total demand"},
  nickel: {mineral: "nickel", follows: "Total demand", followsLabel: "IEA total demand", shareOf: "Total demand"}
};

/** Where a year's value comes from. */
export type Basis = "assumed growth" | "paper" | "interpolated" | "IEA";

/** The Monte Carlo's spread around the reader's values (module comment). */
export const SCENARIO_UNCERTAINTY = {
  /** Lifetime mean: lognormal with this sd relative to the mean. */
  lifetimeMeanRelativeSd: 0.2,
  /** Lifetime sd: uniform from (1 - x) to (1 + x) times the reader's sd. */
  lifetimeSdSpread: 0.5,
  /** Collection rate and recovery: triangular, this half-width (a share), cut at 0 and 1. */
  rateHalfWidth: 0.1
} as const;
export const MONTE_CARLO_RUNS = 400;
export const MONTE_CARLO_SEED = 2050;

/** One year of one series of points: a value at a year. */
export interface Point {
  year: number;
  value: number;
}

/**
 * The value at `year` on the straight line between the two points around it, and whether it is a
 * point's own value ("IEA" basis given by the caller) or interpolated. Points must be sorted by
 * year, without repeats; throws RangeError on a year outside them, on unsorted points or on a
 * non-finite value.
 */
export function interpolate(points: readonly Point[], year: number): {value: number; interpolated: boolean} {
  if (points.length === 0) throw new RangeError("interpolate: no points");
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!Number.isFinite(p.value) || !Number.isFinite(p.year)) throw new RangeError(`interpolate: point ${i} is ${JSON.stringify(p)}; years and values must be finite`);
    if (i > 0 && !(p.year > points[i - 1]!.year)) throw new RangeError(`interpolate: points must be sorted by year, without repeats (${points[i - 1]!.year}, then ${p.year})`);
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  if (year < first.year || year > last.year) throw new RangeError(`interpolate: ${year} lies outside ${first.year}-${last.year}`);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.year === year) return {value: p.value, interpolated: false};
    const q = points[i + 1];
    if (q && year < q.year) return {value: p.value + ((q.value - p.value) * (year - p.year)) / (q.year - p.year), interpolated: true};
  }
  throw new RangeError(`interpolate: ${year} not found`); // unreachable
}

/** One row of iea_demand as the model reads it. */
export interface DemandRow {
  mineral: string;
  sector: string;
  scenario: string;
  year: number;
  /** kt; null when the IEA gives none. */
  value: number | null;
}

/**
 * A scenario's points of one sector: the IEA's 2024 value (scenario "reported") and the scenario's
 * years, sorted. Throws RangeError when the rows lack 2024 or any of the scenario's years from 2030 to
 * 2050, hold one twice, or give a value that is missing or negative: a missing year is not filled in.
 */
export function demandPoints(rows: readonly DemandRow[], mineral: string, sector: string, scenario: Scenario): Point[] {
  const where = `IEA demand, ${mineral}, ${sector}, ${scenario}`;
  const wanted = [IEA_FIRST_YEAR, 2030, 2035, 2040, 2045, LAST_YEAR];
  const found = new Map<number, number>();
  for (const r of rows) {
    if (r.mineral !== mineral || r.sector !== sector) continue;
    if (!(r.year === IEA_FIRST_YEAR ? r.scenario === REPORTED : r.scenario === scenario)) continue;
    if (found.has(r.year)) throw new RangeError(`${where}: ${r.year} is given twice`);
    if (r.value === null || !Number.isFinite(r.value) || r.value < 0) throw new RangeError(`${where}: the value of ${r.year} is ${r.value === null ? "missing" : r.value}; the model needs every one of the IEA's years (it does not fill one in)`);
    found.set(r.year, r.value);
  }
  const lacking = wanted.filter((y) => !found.has(y));
  if (lacking.length) throw new RangeError(`${where}: the rows lack ${lacking.join(", ")}${lacking.includes(IEA_FIRST_YEAR) ? ` (2024 is the scenario '${REPORTED}')` : ""}; the model needs every one of the IEA's years`);
  return [...found].map(([year, value]) => ({year, value})).sort((a, b) => a.year - b.year);
}

/** The inflow into use by year, and where each year's value comes from. */
export interface ScenarioInflow {
  years: number[];
  inflow: Float64Array;
  basis: Basis[];
}

/**
 * The inflow history and path of the module comment, from `firstYear` to the last IEA point: the
 * growth assumption before ANCHOR_YEAR, the anchor, then the straight lines through the IEA's points
 * (which must start at IEA_FIRST_YEAR). Throws RangeError as geometricInflow and interpolate.
 */
export function scenarioInflow(options: {firstYear: number; anchor: number; growth: number; points: readonly Point[]}): ScenarioInflow {
  const {firstYear, anchor, growth, points} = options;
  if (points[0]?.year !== IEA_FIRST_YEAR) throw new RangeError(`scenarioInflow: the IEA's points must start in ${IEA_FIRST_YEAR}`);
  if (firstYear > ANCHOR_YEAR) throw new RangeError(`scenarioInflow: the first year must be ${ANCHOR_YEAR} or earlier, got ${firstYear}`);
  const lastYear = points.at(-1)!.year;
  const history = geometricInflow(anchor, growth, firstYear, ANCHOR_YEAR);
  const line = [{year: ANCHOR_YEAR, value: anchor}, ...points];
  const n = lastYear - firstYear + 1;
  const inflow = new Float64Array(n);
  const basis: Basis[] = [];
  const years: number[] = [];
  for (let k = 0; k < n; k++) {
    const year = firstYear + k;
    years.push(year);
    if (year < ANCHOR_YEAR) {
      inflow[k] = history[k]!;
      basis.push("assumed growth");
    } else if (year === ANCHOR_YEAR) {
      inflow[k] = anchor;
      basis.push("paper");
    } else {
      const {value, interpolated} = interpolate(line, year);
      inflow[k] = value;
      basis.push(interpolated ? "interpolated" : "IEA");
    }
  }
  return {years, inflow, basis};
}

/**
 * Outflow by year of an inflow-driven stock with one survival curve for all cohorts, curve[k] = S(k)
 * (lib/mfa/lifetime.ts survivalCurve): outflow(t) = sum over c <= t of inflow(c) x pdf(t - c), with
 * pdf(0) = 1 - S(0) and pdf(k) = S(k - 1) - S(k). The same sums as inflowDrivenModel without its
 * cohort arrays. `out` is written from year index `from` on (default 0) and returned (allocated
 * when not given).
 */
export function outflowFromCurve(inflow: ArrayLike<number>, curve: ArrayLike<number>, out = new Float64Array(inflow.length), from = 0): Float64Array {
  const n = inflow.length;
  if (curve.length < n) throw new RangeError(`outflowFromCurve: the survival curve has ${curve.length} ages for ${n} years`);
  const pdf = new Float64Array(n);
  pdf[0] = 1 - curve[0]!;
  for (let k = 1; k < n; k++) pdf[k] = curve[k - 1]! - curve[k]!;
  for (let t = from; t < n; t++) {
    let o = 0;
    for (let c = 0; c <= t; c++) o += inflow[c]! * pdf[t - c]!;
    out[t] = o;
  }
  return out;
}

/** Grid of the normal survival table of {@link fastNormalSf}: z from -NORMAL_TABLE_Z to +NORMAL_TABLE_Z in steps of 1 / NORMAL_TABLE_STEPS. */
export const NORMAL_TABLE_Z = 10;
export const NORMAL_TABLE_STEPS = 64;
let normalTable: Float64Array | null = null;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
// The slope of 1 - Phi at z: -phi(z).
function slope(z: number): number {
  return -INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/**
 * The standard normal survival function 1 - Phi(z) by cubic Hermite interpolation in a table of
 * lib/mfa's normalSf (values, and the exact slope -phi(z)) at steps of 1/64 from -10 to 10, built
 * once: within 1e-9 of normalSf (tested), and many times faster, for the Monte Carlo runs. 1 below
 * -10, 0 above 10 (where 1 - Phi is below 1e-23).
 */
export function fastNormalSf(z: number): number {
  if (!(z > -NORMAL_TABLE_Z)) return Number.isNaN(z) ? NaN : 1;
  if (z >= NORMAL_TABLE_Z) return 0;
  if (normalTable === null) {
    const m = 2 * NORMAL_TABLE_Z * NORMAL_TABLE_STEPS + 1;
    normalTable = new Float64Array(m);
    for (let i = 0; i < m; i++) normalTable[i] = normalSf(-NORMAL_TABLE_Z + i / NORMAL_TABLE_STEPS);
  }
  const h = 1 / NORMAL_TABLE_STEPS;
  const x = (z + NORMAL_TABLE_Z) * NORMAL_TABLE_STEPS;
  const i = Math.min(Math.floor(x), normalTable.length - 2);
  const u = x - i;
  const z0 = -NORMAL_TABLE_Z + i * h;
  const f0 = normalTable[i]!;
  const f1 = normalTable[i + 1]!;
  const u2 = u * u;
  const u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * f0 + (u3 - 2 * u2 + u) * h * slope(z0) + (-2 * u3 + 3 * u2) * f1 + (u3 - u2) * h * slope(z0 + h);
}

/** Survival by age, curve[k] = S(k) (inflow at the end of its year, as lifetime.ts), of a normal (sd > 0, by fastNormalSf) or fixed (sd 0) lifetime. */
export function fastSurvivalCurve(mean: number, sd: number, years: number, out = new Float64Array(years)): Float64Array {
  for (let k = 0; k < years; k++) out[k] = sd > 0 ? fastNormalSf((k - mean) / sd) : k < mean ? 1 : 0;
  return out;
}

/**
 * The 5 % and 95 % quantiles (type 7, d3-array's quantileSorted) of a sample, which is sorted in
 * place: one typed-array sort serves both quantiles, several times faster than two d3 quantile
 * calls, which each copy the sample through an iterator.
 */
export function band90(a: Float64Array): [number, number] {
  a.sort();
  const sorted = a as unknown as number[]; // d3 reads typed arrays by index; its types name arrays only
  return [quantileSorted(sorted, 0.05)!, quantileSorted(sorted, 0.95)!];
}

/** One year of one scenario. Values in the system's unit (kt); band bounds are the Monte Carlo's 5 % and 95 %. */
export interface ScenarioYear {
  scenario: Scenario;
  year: number;
  inflow: number;
  inflowBasis: Basis;
  outflow: number;
  collected: number;
  recycled: number;
  /** The IEA's total demand (interpolated between its years); null before 2024. */
  demand: number | null;
  demandBasis: "IEA" | "interpolated" | null;
  /** recycled / demand; null where demand is. */
  share: number | null;
  outflowP5: number;
  outflowP95: number;
  recycledP5: number;
  recycledP95: number;
  shareP5: number | null;
  shareP95: number | null;
}

/** What the model needs of one system. */
export interface ScenarioInput {
  system: "lithium" | "nickel";
  unit: string;
  firstYear: number;
  /** Inflow into use in ANCHOR_YEAR. */
  anchor: number;
  /** The IEA's points of the demand the stock follows, by scenario. */
  follows: Readonly<Record<Scenario, readonly Point[]>>;
  /** The IEA's points of total demand, by scenario (the share's denominator). */
  total: Readonly<Record<Scenario, readonly Point[]>>;
  /** The paper's end-of-life flow of 2021, or null when the rows lack it. */
  paperEndOfLife: number | null;
}

/** The result of {@link scenarioModel}. */
export interface ScenarioResult {
  system: "lithium" | "nickel";
  unit: string;
  /** The sector of iea_demand the inflow follows. */
  follows: string;
  followsLabel: string;
  assumptions: Assumptions;
  firstYear: number;
  lastYear: number;
  /** Every scenario's years, scenario by scenario in SCENARIOS order, then by year. */
  rows: ScenarioYear[];
  paperEndOfLife: number | null;
  runs: number;
  seed: number;
}

/** The Monte Carlo's distributions around the reader's values (module comment). Throws as validateAssumptions. */
export function scenarioDistributions(a: Assumptions): {lifetimeMean: Distribution; lifetimeSd: Distribution; collection: Distribution; recovery: Distribution} {
  validateAssumptions(a);
  const u = SCENARIO_UNCERTAINTY;
  const rate = (mode: number): Distribution => ({kind: "triangular", min: Math.max(0, mode - u.rateHalfWidth), mode, max: Math.min(1, mode + u.rateHalfWidth)});
  const out = {
    lifetimeMean: {kind: "lognormal", mean: a.lifetime.mean, sd: u.lifetimeMeanRelativeSd * a.lifetime.mean} as Distribution,
    lifetimeSd: (a.lifetime.sd === 0 ? {kind: "fixed", value: 0} : {kind: "uniform", min: (1 - u.lifetimeSdSpread) * a.lifetime.sd, max: (1 + u.lifetimeSdSpread) * a.lifetime.sd}) as Distribution,
    collection: rate(a.collectionRate),
    recovery: rate(a.recoveryEfficiency)
  };
  for (const [name, d] of Object.entries(out)) validateDistribution(d, `scenario uncertainty: ${name}`);
  return out;
}

/**
 * The scenarios of one system under the reader's assumptions (module comment): the central run with
 * inflowDrivenModel, and the Monte Carlo band with outflowFromCurve. Throws RangeError as
 * validateAssumptions, scenarioInflow and on runs < 2.
 */
export function scenarioModel(input: ScenarioInput, assumptions: Assumptions, options: {runs?: number; seed?: number} = {}): ScenarioResult {
  validateAssumptions(assumptions);
  const runs = options.runs ?? MONTE_CARLO_RUNS;
  const seed = options.seed ?? MONTE_CARLO_SEED;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`scenarioModel: runs must be an integer >= 2, got ${runs}`);
  const {firstYear} = input;
  const paths = SCENARIOS.map((scenario) => scenarioInflow({firstYear, anchor: input.anchor, growth: assumptions.growth, points: input.follows[scenario]}));
  const n = paths[0]!.years.length;
  for (const p of paths) if (p.years.length !== n) throw new RangeError("scenarioModel: the scenarios must end in the same year");
  const years = paths[0]!.years;
  const lastYear = years.at(-1)!;

  // Central run, at the reader's values, with the site's dynamic stock model.
  const lifetime = lifetimeOf(assumptions.lifetime);
  const central = paths.map((p) => inflowDrivenModel(p.inflow, lifetime).outflow);

  // Monte Carlo: outflow of scenario s, year t, run r at outflows[s][t * runs + r] (a year's runs
  // side by side, for its quantiles), and the rate of recycling per run. The scenarios share their
  // inflow up to `diverge`, so their outflows are equal up to it and are computed once. The sums are
  // outflowFromCurve's, written out here to share each run's pdf across the scenarios.
  const d = scenarioDistributions(assumptions);
  const rng: Rng = createRng(seed);
  let diverge = n;
  for (let t = 0; t < n && diverge === n; t++) for (const p of paths) if (p.inflow[t] !== paths[0]!.inflow[t]) diverge = t;
  const outflows = SCENARIOS.map(() => new Float64Array(runs * n));
  const inflows = paths.map((p) => p.inflow);
  const rates = new Float64Array(runs);
  const curve = new Float64Array(n);
  const pdf = new Float64Array(n);
  for (let r = 0; r < runs; r++) {
    const mean = sample(rng, d.lifetimeMean);
    const sd = sample(rng, d.lifetimeSd);
    const collection = sample(rng, d.collection);
    const recovery = sample(rng, d.recovery);
    rates[r] = collection * recovery;
    fastSurvivalCurve(mean, sd, n, curve);
    pdf[0] = 1 - curve[0]!;
    for (let k = 1; k < n; k++) pdf[k] = curve[k - 1]! - curve[k]!;
    for (let s = 0; s < inflows.length; s++) {
      const inflow = inflows[s]!;
      const out = outflows[s]!;
      const shared = outflows[0]!;
      for (let t = 0; t < n; t++) {
        if (s > 0 && t < diverge) {
          out[t * runs + r] = shared[t * runs + r]!;
          continue;
        }
        let o = 0;
        for (let c = 0; c <= t; c++) o += inflow[c]! * pdf[t - c]!;
        out[t * runs + r] = o;
      }
    }
  }

  const rows: ScenarioYear[] = [];
  const column = new Float64Array(runs);
  for (let s = 0; s < SCENARIOS.length; s++) {
    const scenario = SCENARIOS[s]!;
    const path = paths[s]!;
    const total = input.total[scenario];
    const runsOf = outflows[s]!;
    for (let t = 0; t < n; t++) {
      const year = years[t]!;
      const at = t * runs;
      for (let r = 0; r < runs; r++) column[r] = runsOf[at + r]!;
      const [outflowP5, outflowP95] = band90(column);
      for (let r = 0; r < runs; r++) column[r] = runsOf[at + r]! * rates[r]!;
      const [recycledP5, recycledP95] = band90(column);
      const outflow = central[s]![t]!;
      const collected = assumptions.collectionRate * outflow;
      const recycled = assumptions.recoveryEfficiency * collected;
      let demand: number | null = null;
      let demandBasis: ScenarioYear["demandBasis"] = null;
      if (year >= IEA_FIRST_YEAR && year <= total.at(-1)!.year) {
        const v = interpolate(total, year);
        demand = v.value;
        demandBasis = v.interpolated ? "interpolated" : "IEA";
      }
      const share = demand !== null && demand > 0;
      rows.push({
        scenario,
        year,
        inflow: path.inflow[t]!,
        inflowBasis: path.basis[t]!,
        outflow,
        collected,
        recycled,
        demand,
        demandBasis,
        share: share ? recycled / demand! : null,
        outflowP5,
        outflowP95,
        recycledP5,
        recycledP95,
        shareP5: share ? recycledP5 / demand! : null,
        shareP95: share ? recycledP95 / demand! : null
      });
    }
  }
  const {follows, followsLabel} = SCENARIO_SYSTEMS[input.system];
  return {system: input.system, unit: input.unit, follows, followsLabel, assumptions, firstYear, lastYear, rows, paperEndOfLife: input.paperEndOfLife, runs, seed};
}

// A number from Arrow or DuckDB-WASM (a bigint for a column the reader cast to BIGINT).
function numberOf(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

/**
 * The demand rows of a figure's rows (row_kind 'demand', with iea_demand's mineral as `system`, its
 * sector as `id`, `scenario`, `year`, and value_kt as `value`). Throws RangeError naming the row and
 * the column on a row the model cannot read.
 */
export function demandRowsOf(rows: readonly FigureRow[]): DemandRow[] {
  const out: DemandRow[] = [];
  rows.forEach((row, i) => {
    if (row.row_kind !== "demand") return;
    const where = `row ${i + 1} (demand ${String(row.id)} ${String(row.scenario)} ${String(row.year)})`;
    const text = (column: string) => {
      const v = row[column];
      if (typeof v !== "string" || v === "") throw new RangeError(`${where}: ${column} must be text, got ${v === undefined ? "no such column" : JSON.stringify(v)}`);
      return v;
    };
    const year = numberOf(row.year);
    if (year === null || year === undefined || !Number.isInteger(year)) throw new RangeError(`${where}: year must be a whole number, got ${JSON.stringify(String(row.year))}`);
    const value = numberOf(row.value);
    if (value === undefined) throw new RangeError(`${where}: value must be a number or empty, got ${JSON.stringify(String(row.value))}`);
    out.push({mineral: text("system"), sector: text("id"), scenario: text("scenario"), year, value});
  });
  return out;
}

/**
 * The scenario figures' model (Figures S24 and S25): from the figure's rows (the IEA's demand, and
 * the system's processes, flows and paper figures as Figures S10 and S11 read them) and the reader's
 * assumptions, the inflow of 2021 (runModel, as the page's other figures) and scenarioModel. Throws
 * RangeError as demandRowsOf, systemInputs, runModel, demandPoints and scenarioModel.
 */
export function scenarioSeries(rows: readonly FigureRow[], system: "lithium" | "nickel", assumptions: Assumptions, options: {runs?: number; seed?: number} = {}): ScenarioResult {
  const spec = SCENARIO_SYSTEMS[system];
  if (!spec) throw new RangeError(`unknown system "${system}"; known: ${Object.keys(SCENARIO_SYSTEMS).join(", ")}`);
  const demand = demandRowsOf(rows);
  const inputs = systemInputs(
    rows.filter((r) => r.row_kind !== "demand"),
    system
  );
  const model = runModel(inputs.flows, inputs.processes, system, assumptions);
  const points = (sector: string) => Object.fromEntries(SCENARIOS.map((s) => [s, demandPoints(demand, spec.mineral, sector, s)])) as Record<Scenario, Point[]>;
  const input: ScenarioInput = {
    system,
    unit: model.unit,
    firstYear: SYSTEM_CONFIGS[system].firstYear,
    anchor: model.endOfLife.inflow[model.endOfLife.inflow.length - 1]!,
    follows: points(spec.follows),
    total: points(spec.shareOf),
    paperEndOfLife: paperEndOfLife(inputs.paper, system)
  };
  return scenarioModel(input, assumptions, options);
}

/** The rows of one year of a result, one per scenario (e.g. 2050 for the page's text). Throws RangeError on a year outside the result. */
export function scenarioYear(result: ScenarioResult, year: number): ScenarioYear[] {
  const rows = result.rows.filter((r) => r.year === year);
  if (rows.length !== SCENARIOS.length) throw new RangeError(`scenarioYear: ${year} lies outside ${result.firstYear}-${result.lastYear}`);
  return rows;
}

/**
 * scenarioSeries with a memory: the same rows (by content), system and assumptions give the result
 * already computed, so that two figures drawn from equal rows after one slider move (Figures S24 and
 * S25) run the model once. Rows are compared by content once per rows array (a WeakMap holds its
 * fingerprint); the last `size` results are kept.
 */
export function scenarioCache(size = 8): (rows: readonly FigureRow[], system: "lithium" | "nickel", assumptions: Assumptions) => ScenarioResult {
  const fingerprints = new WeakMap<readonly FigureRow[], number>();
  const ids = new Map<string, number>();
  const results = new Map<string, ScenarioResult>();
  const idOf = (rows: readonly FigureRow[]): number => {
    let id = fingerprints.get(rows);
    if (id === undefined) {
      const text = JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
      id = ids.get(text);
      if (id === undefined) ids.set(text, (id = ids.size));
      fingerprints.set(rows, id);
    }
    return id;
  };
  return (rows, system, assumptions) => {
    const key = `${idOf(rows)}|${system}|${JSON.stringify(assumptions)}`;
    let result = results.get(key);
    if (result) {
      results.delete(key);
    } else {
      result = scenarioSeries(rows, system, assumptions);
      if (results.size >= size) results.delete(results.keys().next().value!);
    }
    results.set(key, result);
    return result;
  };
}
