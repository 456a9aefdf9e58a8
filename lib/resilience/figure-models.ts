/**
 * The models behind the live figures of the resilience page (lib/figures/resilience.ts): each takes
 * the rows of its figure's SQL (the published result, or the reader's edited query) and the reader's
 * inputs, checks the rows, and returns what the chart draws. Pure: the same rows and inputs give the
 * same result (the shock explorer's solver is passed in). A row that lacks a column the model reads,
 * or holds the wrong type, throws RangeError naming the column, so an edited query that cannot be
 * drawn says why.
 */
import {COMPOSITE_INDICATORS, compositeUnits, mineralMetrics, productionSlice, unitId, wgiForYear, type GovernanceInput, type MetricEntry, type MineralStage, type ProductionInput, type ReservesInput} from "./mineral-metrics.js";
import {compositeIndex, compositeSensitivity, type Aggregation, type CompositeResult, type MissingPolicy, type Normalisation, type SensitivityResult} from "./composite.js";
import {percolation, type PercolationResult, type RemovalStrategy} from "./percolation.js";
import {performanceImpact, timeToSurvive, type LpSolver} from "./recovery.js";
import {closedForm, countryMineralNetwork, MARKET, shockNetwork, suppliersOf, type ClosedForm, type ShockNetwork, type StagedProduction, type Supplier} from "./supply-network.js";
import {parseUrlState, type UrlParam, type UrlSpec} from "../reader/url-state.js";

export type Row = Readonly<Record<string, unknown>>;

/** The edition and year every model figure of the page reads. */
export const EDITION = "MCS2023";
export const YEAR = 2021;

export type Kind = "string" | "number" | "boolean";
/** The value of column `name` of a row, checked against its type; throws RangeError naming the row and the column. */
export function field(row: Row, name: string, kind: Kind, nullable: boolean, index: number): never | string | number | boolean | null {
  if (!(name in row)) throw new RangeError(`row ${index + 1} has no column "${name}"`);
  let value = row[name];
  if (typeof value === "bigint") value = Number(value);
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw new RangeError(`row ${index + 1}: "${name}" is empty`);
  }
  if (typeof value !== kind || (kind === "number" && !Number.isFinite(value))) throw new RangeError(`row ${index + 1}: "${name}" must be a ${kind}, got ${JSON.stringify(value)}`);
  return value as string | number | boolean;
}

/** A governance row of a figure's result (table governance's columns) as the metrics read it. */
export function governanceRow(r: Row, i: number): GovernanceInput {
  return {
    iso3: field(r, "iso3", "string", true, i) as string | null,
    wgi_code: "",
    country: field(r, "country", "string", false, i) as string,
    year: field(r, "year", "number", false, i) as number,
    indicator: field(r, "indicator", "string", false, i) as string,
    estimate: field(r, "estimate", "number", true, i) as number | null
  };
}

/** Rows of `production` as the models read them (edition, commodity, stage, country, iso3, kind, year, value_t, status, unit); throws RangeError on a missing or mistyped column. */
export function productionRows(rows: readonly Row[]): ProductionInput[] {
  return rows.map((r, i) => ({
    edition: field(r, "edition", "string", false, i) as string,
    commodity: field(r, "commodity", "string", false, i) as string,
    stage: field(r, "stage", "string", false, i) as string,
    country: field(r, "country", "string", false, i) as string,
    iso3: field(r, "iso3", "string", true, i) as string | null,
    kind: field(r, "kind", "string", false, i) as string,
    year: field(r, "year", "number", false, i) as number,
    value_t: field(r, "value_t", "number", true, i) as number | null,
    status: field(r, "status", "string", false, i) as string,
    unit: field(r, "unit", "string", false, i) as string
  }));
}

/** The minerals and stages in production rows of one edition and year, sorted by commodity then stage. */
export function productionUnits(rows: readonly ProductionInput[], edition = EDITION, year = YEAR): MineralStage[] {
  const units = new Map<string, MineralStage>();
  for (const d of rows) if (d.edition === edition && d.year === year) units.set(unitId(d), {commodity: d.commodity, stage: d.stage});
  return [...units.values()].sort((a, b) => a.commodity.localeCompare(b.commodity) || a.stage.localeCompare(b.stage));
}

/** The suppliers of one mineral and stage ("lithium/mine") in production rows of EDITION, YEAR; throws RangeError when there are no rows for it. */
export function suppliersOfUnit(rows: readonly ProductionInput[], unit: string): Supplier[] {
  const [commodity = "", stage = ""] = unit.split("/");
  return suppliersOf(productionSlice(rows, {edition: EDITION, year: YEAR, commodity, stage}).rows);
}

// --- Figure S3: the shock explorer ----------------------------------------------------------------

/** The shock explorer's inputs, as the reader sets them. */
export interface ShockInputs {
  /** Mineral and stage, e.g. "lithium/mine". */
  unit: string;
  country: string;
  /** Share of the country's supply lost, percent. */
  sharePercent: number;
  /** Months the outage lasts (a whole number >= 1). */
  months: number;
  stockpileDays: number;
  /** Spare capacity of the other producers, percent. */
  sparePercent: number;
}

export interface ShockRecovery {
  built: ShockNetwork;
  /** The closed form with one market, to check the solver. */
  hand: ClosedForm;
  /** Time to survive in months, from HiGHS (Infinity when stock and spare capacity cover the loss). */
  timeToSurvive: number;
  /** Tonnes of demand lost over the outage (HiGHS). */
  lostUnits: number;
  /** Demand lost in each month of the outage, t (what the recovery chart draws). */
  lost: number[];
  /** World demand per month, t. */
  demand: number;
  /** The unit of the rows, e.g. "t Li content". */
  unit: string;
}

/** Figure S3's model: the shock network of the reader's scenario over the production rows, solved with HiGHS for the time to survive and the demand lost month by month. */
export function shockRecovery(rows: readonly Row[], inputs: ShockInputs, solver: LpSolver): ShockRecovery {
  const production = productionRows(rows);
  const [commodity = "", stage = ""] = inputs.unit.split("/");
  const slice = productionSlice(production, {edition: EDITION, year: YEAR, commodity, stage});
  const built = shockNetwork(suppliersOf(slice.rows), {country: inputs.country, shareLost: inputs.sharePercent / 100, stockpileDays: inputs.stockpileDays, spareCapacity: inputs.sparePercent / 100});
  const hand = closedForm(built, inputs.months);
  const tts = timeToSurvive(solver, built.network, built.disrupted);
  if (tts.value === null) throw new RangeError(tts.reason);
  const impact = performanceImpact(solver, built.network, built.disrupted, inputs.months);
  if (impact.value === null) throw new RangeError(impact.reason ?? "performanceImpact: no result");
  return {
    built,
    hand,
    timeToSurvive: tts.value,
    lostUnits: impact.lostUnits,
    lost: impact.lostByNode[MARKET] ?? Array<number>(inputs.months).fill(0),
    demand: built.demand,
    unit: slice.unit
  };
}

// --- Figure S4: percolation -----------------------------------------------------------------------

export const REMOVAL_STRATEGIES: readonly RemovalStrategy[] = ["random", "degree-initial", "degree-adaptive"];

export interface PercolationCurves {
  countries: string[];
  minerals: string[];
  links: number;
  results: PercolationResult[];
}

/** Figure S4's model: the country-mineral network of the production rows (country, commodity, stage, iso3, kind, value_t) and its giant-component curves under random and targeted removal. */
export function percolationCurves(rows: readonly Row[], {trials, seed}: {trials: number; seed: number}): PercolationCurves {
  const staged: StagedProduction[] = rows.map((r, i) => ({
    commodity: field(r, "commodity", "string", false, i) as string,
    stage: field(r, "stage", "string", false, i) as string,
    country: field(r, "country", "string", false, i) as string,
    iso3: field(r, "iso3", "string", true, i) as string | null,
    kind: field(r, "kind", "string", false, i) as string,
    value_t: field(r, "value_t", "number", true, i) as number | null
  }));
  const {network, countries, minerals} = countryMineralNetwork(staged);
  return {countries, minerals, links: network.edges.length, results: REMOVAL_STRATEGIES.map((strategy) => percolation(network, {strategy, trials, seed}))};
}

// --- Figure S5 and the dashboard: the metrics and the composite index ------------------------------

/** The tables behind the metrics, split from the rows of Figure S5's query (a `source` column names each row's table). */
export interface MetricInputs {
  production: ProductionInput[];
  reserves: ReservesInput[];
  governance: GovernanceInput[];
}

/** Splits Figure S5's rows by their `source` column ("production", "reserves" or "governance") into the three tables' rows; throws RangeError on another source or a missing column. */
export function metricInputs(rows: readonly Row[]): MetricInputs {
  const by = (source: string) => rows.filter((r, i) => (field(r, "source", "string", false, i) as string) === source);
  for (const [i, r] of rows.entries()) {
    const s = r.source;
    if (s !== "production" && s !== "reserves" && s !== "governance") throw new RangeError(`row ${i + 1}: unknown source ${JSON.stringify(s)} (production, reserves or governance)`);
  }
  return {
    production: productionRows(by("production")),
    reserves: by("reserves").map((r, i) => ({
      edition: field(r, "edition", "string", false, i) as string,
      commodity: field(r, "commodity", "string", false, i) as string,
      country: field(r, "country", "string", false, i) as string,
      iso3: field(r, "iso3", "string", true, i) as string | null,
      kind: field(r, "kind", "string", false, i) as string,
      value_t: field(r, "value_t", "number", true, i) as number | null,
      lower_bound_t: field(r, "lower_bound_t", "number", true, i) as number | null,
      status: field(r, "status", "string", false, i) as string
    })),
    governance: by("governance").map(governanceRow)
  };
}

/**
 * mineralMetrics' time to survive has no stock data, so it is missing without a solve: the
 * dashboard and the composite index need no solver. One that throws would say so if that changed.
 */
const NO_SOLVER: LpSolver = {
  solve() {
    throw new Error("the metric dashboard has no solver; the shock explorer computes the time to survive");
  }
};

/** Every Table 2 metric of each mineral and stage of EDITION, YEAR (lib/resilience/mineral-metrics.ts), from Figure S5's rows; the WGI is that of YEAR. */
export function metricsByUnit(rows: readonly Row[]): Map<string, MetricEntry[]> {
  const {production, reserves, governance} = metricInputs(rows);
  const wgi = wgiForYear(governance, YEAR);
  return new Map(
    productionUnits(production).map((u) => [unitId(u), mineralMetrics(productionSlice(production, {...u, edition: EDITION, year: YEAR}), {reserves, wgi, wgiYear: YEAR, solver: NO_SOLVER})])
  );
}

/** The composite index's inputs, as the reader sets them. */
export interface CompositeInputs {
  weights: Readonly<Record<string, number>>;
  normalisation: Normalisation;
  aggregation: Aggregation;
  missing: MissingPolicy;
  /** Perturbation of the weights for the rank sensitivity, in [0, 1]. */
  amplitude: number;
}

/** The composite scores of every mineral and stage (lib/resilience/composite.ts) from its metrics, under the reader's weights. */
export function compositeScores(metrics: ReadonlyMap<string, readonly MetricEntry[]>, inputs: CompositeInputs): CompositeResult {
  return compositeIndex(compositeUnits(metrics), COMPOSITE_INDICATORS, {normalisation: inputs.normalisation, aggregation: inputs.aggregation, weights: inputs.weights, missing: inputs.missing});
}

/** How many weight draws, and the seed, of the rank sensitivity. */
export const SENSITIVITY_TRIALS = 1000;
export const SENSITIVITY_SEED = 1;

/** Figure S5's model: the metrics of Figure S5's rows, then the ranks of the composite index under SENSITIVITY_TRIALS perturbed weight vectors (seeded). */
export function compositeRanks(rows: readonly Row[], inputs: CompositeInputs): SensitivityResult {
  return compositeSensitivity(compositeUnits(metricsByUnit(rows)), COMPOSITE_INDICATORS, {
    normalisation: inputs.normalisation,
    aggregation: inputs.aggregation,
    weights: inputs.weights,
    missing: inputs.missing,
    trials: SENSITIVITY_TRIALS,
    seed: SENSITIVITY_SEED,
    amplitude: inputs.amplitude
  });
}

// --- The page's inputs in its URL -------------------------------------------------------------------

/** The page's inputs that its URL keeps. */
export interface PageState {
  shock: ShockInputs;
  /** Figure S4's simulation: its seed and number of trials. */
  percolation: {seed: number; trials: number};
  composite: CompositeInputs;
}

export const DEFAULT_STATE: PageState = {
  shock: {unit: "lithium/mine", country: "", sharePercent: 50, months: 6, stockpileDays: 30, sparePercent: 5},
  percolation: {seed: 1, trials: 1000},
  composite: {weights: Object.fromEntries(COMPOSITE_INDICATORS.map((i) => [i.id, 1])), normalisation: "min-max", aggregation: "arithmetic", missing: "reweight", amplitude: 0.5}
};

const NORMALISATIONS: readonly Normalisation[] = ["min-max", "rank", "z-score"];
const AGGREGATIONS: readonly Aggregation[] = ["arithmetic", "geometric"];
const MISSING: readonly MissingPolicy[] = ["reweight", "drop-unit"];

/** A number parameter of the URL state: from min to max in whole steps. */
const numberParam = (min: number, max: number, step: number): UrlParam => ({
  values: null,
  fallback: "",
  maxLength: 20,
  check: (text) => {
    const x = Number(text);
    return Number.isFinite(x) && x >= min && x <= max && Math.abs(x / step - Math.round(x / step)) < 1e-9 ? null : `not a number from ${min} to ${max} in steps of ${step}`;
  }
});

/** The page's inputs as the site's URL state (lib/reader/url-state.ts) reads them. */
const PAGE_SPEC: UrlSpec = {
  unit: {values: null, fallback: "", maxLength: 60, check: (text) => (/^[a-z][a-z ]*\/[a-z]+$/.test(text) ? null : "not a mineral and stage")},
  country: {values: null, fallback: "", maxLength: 100},
  lost: numberParam(0, 100, 1),
  months: numberParam(1, 120, 1),
  stock: numberParam(0, 180, 1),
  spare: numberParam(0, 50, 1),
  seed: numberParam(0, 2 ** 31 - 1, 1),
  trials: numberParam(100, 5000, 100),
  ...Object.fromEntries(COMPOSITE_INDICATORS.map((i) => [`w-${i.id}`, numberParam(0, 5, 0.5)])),
  norm: {values: NORMALISATIONS, fallback: DEFAULT_STATE.composite.normalisation},
  agg: {values: AGGREGATIONS, fallback: DEFAULT_STATE.composite.aggregation},
  missing: {values: MISSING, fallback: DEFAULT_STATE.composite.missing},
  a: numberParam(0, 1, 0.05)
};

/** The page's inputs from its query string: each parameter that is absent or out of range keeps its default (`DEFAULT_STATE`). */
export function readPageState(search: string): PageState {
  const {state} = parseUrlState(search, PAGE_SPEC);
  const d = DEFAULT_STATE;
  const num = (name: string, fallback: number) => (state[name] ? Number(state[name]) : fallback);
  return {
    shock: {
      unit: state.unit || d.shock.unit,
      country: state.country || d.shock.country,
      sharePercent: num("lost", d.shock.sharePercent),
      months: num("months", d.shock.months),
      stockpileDays: num("stock", d.shock.stockpileDays),
      sparePercent: num("spare", d.shock.sparePercent)
    },
    percolation: {seed: num("seed", d.percolation.seed), trials: num("trials", d.percolation.trials)},
    composite: {
      weights: Object.fromEntries(COMPOSITE_INDICATORS.map((i) => [i.id, num(`w-${i.id}`, d.composite.weights[i.id]!)])),
      normalisation: state.norm as Normalisation,
      aggregation: state.agg as Aggregation,
      missing: state.missing as MissingPolicy,
      amplitude: num("a", d.composite.amplitude)
    }
  };
}

/** The query-string parameters of the page's inputs (those `readPageState` reads), values as text; a default is written as null, so that it leaves the URL. */
export function pageStateParams(state: PageState): [string, string | null][] {
  const d = DEFAULT_STATE;
  const keep = (value: string | number, fallback: string | number): string | null => (value === fallback ? null : String(value));
  return [
    ["unit", keep(state.shock.unit, d.shock.unit)],
    ["country", state.shock.country ? state.shock.country : null],
    ["lost", keep(state.shock.sharePercent, d.shock.sharePercent)],
    ["months", keep(state.shock.months, d.shock.months)],
    ["stock", keep(state.shock.stockpileDays, d.shock.stockpileDays)],
    ["spare", keep(state.shock.sparePercent, d.shock.sparePercent)],
    ["seed", keep(state.percolation.seed, d.percolation.seed)],
    ["trials", keep(state.percolation.trials, d.percolation.trials)],
    ...COMPOSITE_INDICATORS.map((i): [string, string | null] => [`w-${i.id}`, keep(state.composite.weights[i.id] ?? 1, d.composite.weights[i.id]!)]),
    ["norm", keep(state.composite.normalisation, d.composite.normalisation)],
    ["agg", keep(state.composite.aggregation, d.composite.aggregation)],
    ["missing", keep(state.composite.missing, d.composite.missing)],
    ["a", keep(state.composite.amplitude, d.composite.amplitude)]
  ];
}

/** The rows in which every word of `query` (split at spaces, case ignored) occurs in one of `columns`; all rows for an empty query. */
export function searchRows<T extends Row>(rows: readonly T[], query: string, columns: readonly string[]): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((r) => {
    const text = columns.map((c) => String(r[c] ?? "").toLowerCase());
    return words.every((w) => text.some((t) => t.includes(w)));
  });
}
