/**
 * The metrics of the paper's Table 2 for one mineral and stage, computed from the site's tables
 * (production and reserves from the USGS Mineral Commodity Summaries, governance from the World
 * Bank WGI) with lib/resilience. One entry per indicator, each with its formula in words and
 * symbols, its unit, and a value that is either computed or missing with the reason: a metric for
 * which we hold no data is missing, never zero.
 *
 * Shares are taken against the USGS world total, as on the production page: "Other countries" and
 * producers without a value count as many small suppliers whose squares are left out, so HHIs are
 * lower bounds (lib/resilience/concentration.ts).
 */
import {DAYS_PER_YEAR, stockpileCoverage, spareCapacityShare} from "./absorption.js";
import {pathRedundancy, substitutabilityShare} from "./adaptation.js";
import type {CompositeUnit, Indicator} from "./composite.js";
import {effectiveSuppliers, hhi, topShare, type Supply} from "./concentration.js";
import {hhiWgi, wgiAverage} from "./governance.js";
import {timeToSurvive, type LpSolver} from "./recovery.js";
import {isMissing, missing, present, type Result} from "./result.js";
import {MARKET, marketNetwork, PERIODS_PER_YEAR, suppliersOf} from "./supply-network.js";

/** The fields of a `production` row read here. */
export interface ProductionInput {
  edition: string;
  commodity: string;
  stage: string;
  country: string;
  iso3: string | null;
  kind: string;
  year: number;
  value_t: number | null;
  status: string;
  unit: string;
}

/** The fields of a `reserves` row read here. */
export interface ReservesInput {
  edition: string;
  commodity: string;
  country: string;
  iso3: string | null;
  kind: string;
  value_t: number | null;
  lower_bound_t: number | null;
  status: string;
}

/** The fields of a `governance` row read here. */
export interface GovernanceInput {
  iso3: string | null;
  wgi_code: string;
  country: string;
  year: number;
  indicator: string;
  estimate: number | null;
}

/** The six WGI estimates of one economy in one year, in the order va, pv, ge, rq, rl, cc (null = not published). */
export interface WgiEstimates {
  iso3: string;
  country: string;
  estimates: (number | null)[];
}

/** The WGI indicators in the order `wgiAverage` and `WgiEstimates` use. */
export const WGI_ORDER = ["va", "pv", "ge", "rq", "rl", "cc"] as const;

/**
 * The six estimates of every economy with an ISO3 code for one year, from rows of the
 * `governance` table, sorted by ISO3. Throws RangeError when an economy has an indicator twice or
 * an unknown indicator; an indicator absent from the rows is null, like one the World Bank does
 * not publish.
 */
export function wgiForYear(rows: readonly GovernanceInput[], year: number): WgiEstimates[] {
  const byIso = new Map<string, WgiEstimates>();
  for (const row of rows) {
    if (row.year !== year || row.iso3 === null) continue;
    const i = (WGI_ORDER as readonly string[]).indexOf(row.indicator);
    if (i < 0) throw new RangeError(`wgiForYear: unknown indicator "${row.indicator}" for ${row.iso3}`);
    let entry = byIso.get(row.iso3);
    if (!entry) byIso.set(row.iso3, (entry = {iso3: row.iso3, country: row.country, estimates: [null, null, null, null, null, null]}));
    if (entry.estimates[i] !== null) throw new RangeError(`wgiForYear: ${row.iso3} has indicator "${row.indicator}" twice in ${year}`);
    entry.estimates[i] = row.estimate;
  }
  return [...byIso.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}

/** A mineral and stage, e.g. lithium mine production; its id is "lithium/mine". */
export interface MineralStage {
  commodity: string;
  stage: string;
}

export const unitId = ({commodity, stage}: MineralStage): string => `${commodity}/${stage}`;

/** What one edition says about one mineral, stage and year. */
export interface ProductionSlice extends MineralStage {
  edition: string;
  year: number;
  /** What the tonnages count, e.g. "t Li content". */
  unit: string;
  /** USGS world total, t; null when not published. */
  world: number | null;
  /** The world row's name, e.g. "World total (rounded), excluding U.S. production". */
  worldLabel: string | null;
  /** Countries with a value (0 included), with their ISO3 code. */
  countries: (Supply & {iso3: string | null})[];
  /** The "Other countries" aggregate, t; null when absent or without a value. */
  other: number | null;
  /** Countries without a value, with the USGS status (withheld, not available). */
  withoutValue: {country: string; status: string}[];
  /** The rows themselves. */
  rows: ProductionInput[];
}

/**
 * The production rows of one edition, mineral, stage and year. Throws RangeError when there are
 * none, so that a mistyped mineral does not read as a market without suppliers.
 */
export function productionSlice(rows: readonly ProductionInput[], {edition, year, commodity, stage}: MineralStage & {edition: string; year: number}): ProductionSlice {
  const slice = rows.filter((d) => d.edition === edition && d.year === year && d.commodity === commodity && d.stage === stage);
  if (slice.length === 0) throw new RangeError(`productionSlice: no ${edition} rows for ${commodity} (${stage}) in ${year}`);
  const world = slice.find((d) => d.kind === "world");
  const other = slice.find((d) => d.kind === "other");
  return {
    commodity,
    stage,
    edition,
    year,
    unit: slice[0]!.unit,
    world: world?.value_t ?? null,
    worldLabel: world?.country ?? null,
    countries: slice.filter((d) => d.kind === "country" && d.value_t !== null).map((d) => ({supplier: d.country, value: d.value_t!, iso3: d.iso3})),
    other: other?.value_t ?? null,
    withoutValue: slice.filter((d) => d.kind === "country" && d.value_t === null).map((d) => ({country: d.country, status: d.status})),
    rows: slice
  };
}

/** How a value reads: an index (one decimal), a share (percent), a count, a quantity in `unit`, or a score. */
export type ValueKind = "index" | "share" | "count" | "quantity" | "score";

/** One indicator of one Table 2 metric for one mineral and stage. */
export interface MetricEntry {
  /** The Table 2 metric (`resilience_metrics.id`). */
  metric: string;
  /** The indicator, e.g. "hhi". */
  indicator: string;
  label: string;
  /** The formula in symbols, with its symbols explained in `basis`. */
  formula: string;
  kind: ValueKind;
  unit: string;
  value: Result<number>;
  /** What the value is computed from, in words. */
  basis: string;
}

/** Inputs beyond the production slice. */
export interface MetricContext {
  /** `reserves` rows of the same edition and commodity. */
  reserves: readonly ReservesInput[];
  /** The year's WGI estimates (see `wgiForYear`). */
  wgi: readonly WgiEstimates[];
  wgiYear: number;
  /** A HiGHS instance (lib/resilience/recovery.ts `loadHighs`), for time to survive. */
  solver: LpSolver;
}

const t = (x: number) => Math.round(x).toLocaleString("en-GB");

/**
 * A metric whose inputs come from a source that may contradict itself (countries summing to more
 * than the world total): lib/resilience throws RangeError on such input; here the value is missing
 * with lib's message, so that one inconsistent table does not stop the page.
 */
function attempt(compute: () => number | Result<number>): Result<number> {
  try {
    const value = compute();
    return typeof value === "number" ? present(value) : value;
  } catch (error) {
    if (error instanceof RangeError) return missing(error.message);
    throw error;
  }
}

/** The shares-based indicators, missing together when there is no world total. */
function concentration(slice: ProductionSlice): MetricEntry[] {
  const {world, countries} = slice;
  const what = slice.stage === "mine" ? "mine production" : `${slice.stage} production`;
  const noTotal = (name: string) => missing(`${name}: the ${slice.edition} table gives no world total for ${slice.commodity} (${slice.stage}) in ${slice.year}`);
  const left = slice.withoutValue.length ? `; left out, without a value: ${slice.withoutValue.map((d) => `${d.country} (${d.status})`).join(", ")}` : "";
  const basis = `${countries.length} countries with a value in ${slice.edition}, ${slice.year}; Q = ${slice.worldLabel ?? "world total"} = ${world === null ? "missing" : t(world)} ${slice.unit}; "Other countries" (${slice.other === null ? "none" : t(slice.other)}) counted as many small suppliers${left}`;
  const producers = countries.filter((c) => c.value > 0).length;
  return [
    {
      metric: "supply_concentration",
      indicator: "hhi",
      label: `Herfindahl-Hirschman index of ${what}`,
      formula: "HHI = Σᵢ (100 · qᵢ / Q)²",
      kind: "index",
      unit: "0-10,000",
      value: world === null ? noTotal("hhi") : attempt(() => hhi(countries, world)),
      basis
    },
    {
      metric: "supply_concentration",
      indicator: "top3",
      label: `Share of the three largest producers in ${what}`,
      formula: "CR₃ = (q₍₁₎ + q₍₂₎ + q₍₃₎) / Q",
      kind: "share",
      unit: "%",
      value: world === null ? noTotal("top3") : attempt(() => topShare(countries, 3, world)),
      basis
    },
    {
      metric: "multi_sourcing",
      indicator: "effective",
      label: "Effective number of suppliers",
      formula: "N_eff = 10,000 / HHI",
      kind: "count",
      unit: "countries",
      value: world === null ? noTotal("effective") : attempt(() => effectiveSuppliers(countries, world)),
      basis: "the number of equal suppliers with the same HHI"
    },
    {
      metric: "multi_sourcing",
      indicator: "producers",
      label: "Producing countries",
      formula: "n = #{i : qᵢ > 0}",
      kind: "count",
      unit: "countries",
      value: present(producers),
      basis: `countries with production above 0 in ${slice.edition}, ${slice.year}; "Other countries" adds at least one more when above 0`
    }
  ];
}

function governance(slice: ProductionSlice, context: MetricContext): MetricEntry {
  const byIso = new Map(context.wgi.map((w) => [w.iso3, w]));
  const notes: string[] = [];
  const supplies = slice.countries.map((c) => {
    const w = c.iso3 === null ? undefined : byIso.get(c.iso3);
    let wgi: number | null = null;
    if (!w) {
      if (c.value > 0) notes.push(`${c.supplier}: not among the WGI economies`);
    } else {
      // The 2024 update has a few estimates beyond the nominal [-2.5, 2.5] (Somalia's political
      // stability, -2.73): wgiAverage refuses them, and such a producer's score is missing, not clamped.
      let average: Result<number>;
      try {
        average = wgiAverage(w.estimates);
      } catch (error) {
        average = missing((error as Error).message);
      }
      if (isMissing(average)) {
        if (c.value > 0) notes.push(`${c.supplier}: ${average.reason}`);
      } else wgi = average.value;
    }
    return {supplier: c.supplier, value: c.value, wgi};
  });
  let value: Result<number> = slice.world === null ? missing(`hhiWgi: no world total for ${slice.commodity} (${slice.stage})`) : attempt(() => hhiWgi(supplies, slice.world!));
  if (isMissing(value) && notes.length) value = missing(`${value.reason} (${notes.join("; ")})`);
  return {
    metric: "supply_concentration",
    indicator: "hhi_wgi",
    label: "Governance-weighted HHI (EU criticality method)",
    formula: "HHI_WGI = Σᵢ (100 · qᵢ / Q)² · 2 · (2.5 − WGIᵢ)",
    kind: "index",
    unit: "0-100,000",
    value,
    basis: `WGIᵢ = mean of the six World Bank governance estimates of producer i in ${context.wgiYear} (2024 update), rescaled to a 0-10 risk; a producer without all six makes the value missing`
  };
}

function reservesEntries(slice: ProductionSlice, context: MetricContext): MetricEntry[] {
  const common = {metric: "supply_concentration", kind: "index" as const};
  const edition = slice.edition;
  const rows = context.reserves.filter((r) => r.edition === edition && r.commodity === slice.commodity);
  const entries = (value: (name: string) => Result<number>, top3: Result<number> | null, rp: Result<number>, basis: string): MetricEntry[] => [
    {...common, indicator: "reserves_hhi", label: "HHI of reserves (geological concentration)", formula: "HHI_R = Σᵢ (100 · Rᵢ / R)²", unit: "0-10,000", value: value("reserves_hhi"), basis},
    {...common, indicator: "reserves_top3", label: "Share of the three largest reserve holders", formula: "CR₃,R = (R₍₁₎ + R₍₂₎ + R₍₃₎) / R", kind: "share", unit: "%", value: top3 ?? value("reserves_top3"), basis},
    {
      metric: "supply_concentration",
      indicator: "rp_years",
      label: "Reserves-to-production ratio (reserve level)",
      formula: "R/P = R / Q",
      kind: "quantity",
      unit: "years",
      value: rp,
      basis: `R = world reserves as published in ${edition}; Q = world ${slice.stage} production in ${slice.year}`
    }
  ];
  if (slice.stage !== "mine") {
    const why = (name: string) => missing(`${name}: reserves are a mining quantity; they are not defined for ${slice.stage} production`);
    return entries(why, null, why("rp_years"), "reserves belong to mining");
  }
  const world = rows.find((r) => r.kind === "world");
  if (rows.length === 0 || !world) {
    const why = (name: string) => missing(`${name}: no ${edition} reserves for ${slice.commodity}`);
    return entries(why, null, why("rp_years"), `no reserves rows in ${edition}`);
  }
  const holders = rows.filter((r) => r.kind === "country" && r.value_t !== null).map((r) => ({supplier: r.country, value: r.value_t!}));
  const left = rows.filter((r) => r.kind === "country" && r.value_t === null).map((r) => `${r.country} (${r.status})`);
  // The world row is named for production ("..., excluding U.S. production" for lithium); its reserves include every country.
  const basis = `${holders.length} countries with a reserves figure in ${edition}; R = world reserves = ${world.value_t === null ? "missing" : t(world.value_t)} ${slice.unit}${left.length ? `; left out, without a figure: ${left.join(", ")}` : ""}`;
  if (world.value_t === null) {
    const bound = world.lower_bound_t;
    const why = (name: string) => missing(`${name}: the ${edition} world reserves are ${bound === null ? `"${world.status}"` : `published only as a lower bound (more than ${t(bound)} ${slice.unit})`}, so shares of it are unknown`);
    const rp =
      bound !== null && slice.world !== null
        ? missing(`rp_years: world reserves are published only as a lower bound (more than ${t(bound)} ${slice.unit}), so R/P is at least ${(bound / slice.world).toFixed(1)} years`)
        : why("rp_years");
    return entries(why, null, rp, basis);
  }
  const R = world.value_t;
  return entries(
    () => attempt(() => hhi(holders, R)),
    attempt(() => topShare(holders, 3, R)),
    slice.world === null ? missing("rp_years: no world production total") : present(R / slice.world),
    basis
  );
}

/** Entries whose data we do not hold, each missing with the reason lib/resilience gives. */
function absentEntries(slice: ProductionSlice, context: MetricContext): MetricEntry[] {
  const world = slice.world;
  const suppliers = suppliersOf(slice.rows);
  const producers = suppliers.filter((s) => !s.aggregate).map((s) => s.id);
  const star = marketNetwork(suppliers);
  const paths = producers.length === 0 ? missing("pathRedundancy: no producing country") : present(pathRedundancy(star, producers, [MARKET]));
  // The model of the shock explorer with the stock unknown: lib says what it lacks.
  const perPeriod = (x: number) => x / PERIODS_PER_YEAR;
  const top = suppliers.find((s) => !s.aggregate);
  const tts: Result<number> = top
    ? timeToSurvive(
        context.solver,
        {
          nodes: [
            ...suppliers.map((s) => ({id: s.id, inventory: 0, capacity: perPeriod(s.production)})),
            {id: MARKET, inventory: null, capacity: Infinity, demand: perPeriod(suppliers.reduce((a, s) => a + s.production, 0))}
          ],
          edges: suppliers.map((s) => ({from: s.id, to: MARKET, input: "ore"}))
        },
        top.id
      )
    : missing("timeToSurvive: no producing country");
  return [
    {
      metric: "stockpile_coverage",
      indicator: "stockpile_days",
      label: "Stockpile coverage",
      formula: "C = S / (Q / 365)",
      kind: "quantity",
      unit: "days of demand",
      value: stockpileCoverage({stock: missing("no stock data: the USGS world tables report production and reserves, not stocks"), dailyDemand: world === null ? null : world / DAYS_PER_YEAR}),
      basis: "S = stocks held (strategic and commercial); Q / 365 = daily demand, world production as its proxy. Set it yourself in the shock explorer"
    },
    {
      metric: "redundant_capacity",
      indicator: "spare_capacity",
      label: "Spare production capacity",
      formula: "σ = (K − Q) / K",
      kind: "share",
      unit: "%",
      value: spareCapacityShare({capacity: missing("no capacity data: the USGS world tables report production, not capacity"), production: world}),
      basis: "K = production capacity, Q = production. Set it yourself in the shock explorer"
    },
    {
      metric: "substitutability",
      indicator: "substitutable_share",
      label: "Demand met by substitutes or recycling",
      formula: "(Sub + Rec) / D",
      kind: "share",
      unit: "%",
      value: substitutabilityShare({
        demand: missing("no demand data: the USGS world tables give production"),
        substitutes: missing("no data on demand met by substitutes"),
        recycling: missing("no recycling table yet (the paper states lithium and nickel recycling flows, not the demand they meet)")
      }),
      basis: "D = demand, Sub = demand met by substitutes, Rec = demand met by recycled material"
    },
    {
      metric: "path_redundancy",
      indicator: "paths",
      label: "Node-disjoint supply paths to the market",
      formula: "max #paths producer → market sharing no intermediate node (Menger)",
      kind: "count",
      unit: "paths",
      value: paths,
      basis: `the mine-to-market network we can build has one path per producing country; without a trade matrix this equals the number of producers`
    },
    {
      metric: "scor_agility",
      indicator: "lead_time",
      label: "Lead time, flexibility, responsiveness",
      formula: "SCOR: order fulfilment cycle time, upside flexibility (days)",
      kind: "quantity",
      unit: "days",
      value: missing("scor_agility: no lead-time, flexibility or responsiveness data in our tables"),
      basis: "operational data of firms, not published by country"
    },
    {
      metric: "time_to_recovery",
      indicator: "ttr",
      label: "Time to recovery",
      formula: "TTR = time until output is back at its baseline",
      kind: "quantity",
      unit: "months",
      value: missing("time_to_recovery: no data on how long outages last; the shock explorer takes the outage's length as your assumption"),
      basis: "set it yourself as the duration in the shock explorer"
    },
    {
      metric: "time_to_survive",
      indicator: "tts",
      label: `Time to survive an outage of ${top ? top.id : "the largest producer"}`,
      formula: "TTS = max t such that demand is met for t periods with the node cut (LP, HiGHS)",
      kind: "quantity",
      unit: "months",
      value: isMissing(tts) ? missing(`${tts.reason}: no stock data. The shock explorer computes it under your stockpile assumption`) : tts,
      basis: "the mine-to-market network, stocks lumped in the world market"
    },
    {
      metric: "economic_loss",
      indicator: "economic_loss",
      label: "Lost revenue",
      formula: "Σₚ price × lost tonnes in period p",
      kind: "index",
      unit: "USD",
      value: missing("economic_loss: no prices or revenues in our tables; the shock explorer reports lost tonnes"),
      basis: "needs prices; the explorer gives the lost tonnes"
    }
  ];
}

/**
 * Every Table 2 metric we can state for one mineral and stage from the data alone (rows 1 to 10
 * of Table 2; the system-level rows, percolation and the composite index, are computed across
 * minerals). Pure but for the solver, which is only called when the data are complete.
 */
export function mineralMetrics(slice: ProductionSlice, context: MetricContext): MetricEntry[] {
  const [h, top3, effective, producers] = concentration(slice);
  return [h!, top3!, governance(slice, context), ...reservesEntries(slice, context), effective!, producers!, ...absentEntries(slice, context)];
}

/** The indicators of the composite index, all from `mineralMetrics`, with their direction. */
export const COMPOSITE_INDICATORS: (Indicator & {label: string})[] = [
  {id: "hhi", label: "HHI of production", direction: "lower-is-better"},
  {id: "top3", label: "Top-3 share", direction: "lower-is-better"},
  {id: "hhi_wgi", label: "Governance-weighted HHI", direction: "lower-is-better"},
  {id: "producers", label: "Producing countries", direction: "higher-is-better"},
  {id: "reserves_hhi", label: "HHI of reserves", direction: "lower-is-better"},
  {id: "rp_years", label: "Reserves-to-production ratio", direction: "higher-is-better"}
];

/** Composite units (lib/resilience/composite.ts) from each mineral's entries: missing stays null. */
export function compositeUnits(metrics: ReadonlyMap<string, readonly MetricEntry[]>): CompositeUnit[] {
  return [...metrics].map(([id, entries]) => ({
    id,
    values: Object.fromEntries(COMPOSITE_INDICATORS.map(({id: indicator}) => [indicator, entries.find((e) => e.indicator === indicator)?.value.value ?? null]))
  }));
}

/** What the system-level rows of Table 2 need: percolation thresholds and one unit's composite score. */
export interface SystemInputs {
  /** Percolation thresholds (share of nodes removed), random and targeted, and the network's name. */
  percolation: {random: Result<number>; targeted: Result<number>; network: string};
  /** The unit's composite score and rank (lib/resilience/composite.ts `UnitScore`), or the reason it has none. */
  composite: {value: number | null; rank: number | null; reason?: string; coverage: number} | {error: string};
}

/**
 * The system-level rows of Table 2 (percolation threshold, composite index) as entries for one
 * mineral: the thresholds belong to the whole network and are the same for every mineral; the
 * composite score is the mineral's own, under the reader's weights.
 */
export function systemEntries({percolation, composite}: SystemInputs): MetricEntry[] {
  const threshold = (strategy: string, value: Result<number>): MetricEntry => ({
    metric: "percolation_threshold",
    indicator: `threshold_${strategy}`,
    label: `Percolation threshold, ${strategy} removal`,
    formula: "p_c = min { k / N : S(k) / N < 0.5 }",
    kind: "share",
    unit: "% of nodes removed",
    value,
    basis: `${percolation.network}; S(k) = mean size of the largest connected component after k removals; the same for every mineral`
  });
  let score: Result<number>;
  let basis = "min-max or other normalisation of the indicators, weighted as you set them in the composite section";
  if ("error" in composite) score = missing(`compositeIndex: ${composite.error}`);
  else if (composite.value === null) score = missing(`compositeIndex: not scored (${composite.reason ?? "no reason given"})`);
  else {
    score = present(composite.value);
    basis = `rank ${composite.rank} of the minerals scored; ${(composite.coverage * 100).toFixed(0)} % of the weight on indicators this mineral has; ${basis}`;
  }
  return [
    threshold("random", percolation.random),
    threshold("targeted", percolation.targeted),
    {metric: "composite_index", indicator: "composite", label: "Composite resilience score", formula: "CI = Σᵢ wᵢ · Iᵢ (or Πᵢ Iᵢ^wᵢ), Iᵢ normalised, higher = more resilient", kind: "score", unit: "", value: score, basis}
  ];
}
