/**
 * The models behind the two-tier figures of the resilience page (lib/figures/resilience.ts, Figures
 * S17-S22): each takes the rows of its figure's SQL (the published result, or the reader's edited
 * query) and the reader's inputs, and returns what the chart draws. The rows carry a `source`
 * column naming their table ("supply": iea_supply joined with the stated totals of
 * iea_supply_checks; "usgs": production; "governance"; "trade"). Pure, like figure-models.ts; a row
 * that lacks a column or holds the wrong type throws RangeError naming the row and the column.
 */
import {IEA_BASE_YEAR, IEA_MINERALS, IEA_YEARS, REST_OF_WORLD} from "../sources/iea-explorer.js";
import {parseUrlState, type UrlSpec} from "../reader/url-state.js";
import {field, governanceRow, type Row} from "./figure-models.js";
import {wgiForYear, type GovernanceInput} from "./mineral-metrics.js";
import {giantComponentCurve, percolation, type PercolationResult, type RemovalStrategy} from "./percolation.js";
import {performanceImpact, timeToSurvive, type LpSolver} from "./recovery.js";
import {MARKET} from "./supply-network.js";
import {tierMetrics, wgiByIso, type TierMetrics, type TierSupply} from "./tiers.js";
import {allocate, ALLOCATION_RULES, nodeId, tierPlaceNetwork, twoTierClosedForm, twoTierNetwork, type Allocation, type AllocationRule, type TierPlace, type TradeLink, type TwoTierClosedForm, type TwoTierNetwork} from "./two-tier.js";

export type Tier = "mining" | "refining";
export const TIERS: readonly Tier[] = ["mining", "refining"];
export const IEA_MINERAL_IDS: readonly string[] = IEA_MINERALS.map((m) => m.mineral);

/** The WGI year used with the IEA's years: the latest of the WGI 2024 update (governance is held at its 2023 level, an assumption for 2024-2040). */
export const WGI_YEAR = 2023;

// --- Reading the rows ----------------------------------------------------------------------------

/** A row of iea_supply with its block's stated total. */
export interface IeaSupplyInput {
  mineral: string;
  tier: Tier;
  year: number;
  country: string;
  iso3: string | null;
  kind: string;
  value_kt: number | null;
  total_kt: number;
}

const sourceOf = (r: Row, i: number) => field(r, "source", "string", false, i) as string;

/** The rows of one source, with their index in the whole result (for error messages). */
function bySource(rows: readonly Row[], source: string): [Row, number][] {
  return rows.flatMap((r, i) => (sourceOf(r, i) === source ? [[r, i] as [Row, number]] : []));
}

/** The supply rows (source "supply"): mineral, tier, year, country, iso3, kind, value_kt, total_kt. */
export function ieaSupplyRows(rows: readonly Row[]): IeaSupplyInput[] {
  return bySource(rows, "supply").map(([r, i]) => {
    const tier = field(r, "tier", "string", false, i) as string;
    if (tier !== "mining" && tier !== "refining") throw new RangeError(`row ${i + 1}: "tier" must be mining or refining, got ${JSON.stringify(tier)}`);
    return {
      mineral: field(r, "mineral", "string", false, i) as string,
      tier,
      year: field(r, "year", "number", false, i) as number,
      country: field(r, "country", "string", false, i) as string,
      iso3: field(r, "iso3", "string", true, i) as string | null,
      kind: field(r, "kind", "string", false, i) as string,
      value_kt: field(r, "value_kt", "number", true, i) as number | null,
      total_kt: field(r, "total_kt", "number", false, i) as number
    };
  });
}

const key = (mineral: string, tier: string, year: number) => `${mineral}|${tier}|${year}`;

/** The IEA blocks as tiers: the named countries and the stated total (the rest is what they leave). Throws RangeError when a block's rows state two totals. */
export function ieaTiers(supply: readonly IeaSupplyInput[]): TierSupply[] {
  const blocks = new Map<string, TierSupply>();
  for (const r of supply) {
    const k = key(r.mineral, r.tier, r.year);
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = {mineral: r.mineral, tier: r.tier, year: r.year, source: "IEA", total: r.total_kt, countries: []}));
    if (b.total !== r.total_kt) throw new RangeError(`${r.mineral} ${r.tier} ${r.year}: two totals, ${b.total} and ${r.total_kt}`);
    if (r.kind === "country") b.countries.push({supplier: r.country, iso3: r.iso3, value: r.value_kt});
  }
  return [...blocks.values()];
}

/**
 * USGS mine production as tiers (source "usgs": mineral, year, country, kind, value_kt, edition):
 * the total is the USGS world row; countries without a value (withheld) are left out, as the world
 * total leaves them out; "Other countries" is part of the unsplit rest.
 */
export function usgsTiers(rows: readonly Row[]): TierSupply[] {
  const blocks = new Map<string, TierSupply & {world: number | null}>();
  for (const [r, i] of bySource(rows, "usgs")) {
    const mineral = field(r, "mineral", "string", false, i) as string;
    const year = field(r, "year", "number", false, i) as number;
    const edition = field(r, "edition", "string", false, i) as string;
    const kind = field(r, "kind", "string", false, i) as string;
    const value = field(r, "value_kt", "number", true, i) as number | null;
    const k = key(mineral, "mining", year);
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = {mineral, tier: "mining", year, source: `USGS ${edition}`, total: NaN, world: null, countries: []}));
    if (kind === "world") b.world = value;
    else if (kind === "country" && value !== null) b.countries.push({supplier: field(r, "country", "string", false, i) as string, iso3: null, value});
  }
  return [...blocks.values()].filter((b) => b.world !== null && b.world > 0).map(({world, ...b}) => ({...b, total: world!}));
}

// --- Figures S18 and S19: concentration of the tiers ---------------------------------------------

/** Figure S18's model: the concentration ranges of both tiers of every mineral in 2024, with the WGI of WGI_YEAR (governance rows, source "governance"). */
export function tierConcentration(rows: readonly Row[]): TierMetrics[] {
  const governance: GovernanceInput[] = bySource(rows, "governance").map(([r, i]) => governanceRow(r, i));
  const wgi = wgiByIso(wgiForYear(governance, WGI_YEAR));
  return ieaTiers(ieaSupplyRows(rows))
    .filter((t) => t.year === IEA_BASE_YEAR)
    .map((t) => tierMetrics(t, wgi, WGI_YEAR));
}

/** Figure S19's model: the HHI ranges of both tiers of every mineral in every IEA year, and of USGS mining in the years its editions give. */
export function tierTrajectories(rows: readonly Row[]): TierMetrics[] {
  const none = new Map<string, number>();
  return [...usgsTiers(rows), ...ieaTiers(ieaSupplyRows(rows))].map((t) => tierMetrics(t, none, WGI_YEAR));
}

// --- The two-tier network ------------------------------------------------------------------------

/**
 * Bilateral flows of ore between the tiers that the UN Comtrade extracts give: each entry turns a
 * product's gross weight into contained metal with a stated content (an assumption). Only lithium's
 * HS 253090 (mineral substances n.e.s., the extracts' proxy for spodumene concentrate) is a product
 * of the mining tier; the nickel codes held (HS 7501 mattes and intermediates, 7502 unwrought
 * nickel) are products of the refining tier as the IEA counts it, so they give no mine-to-refinery
 * flow.
 */
export const MINE_TIER_TRADE = [
  {
    mineral: "lithium",
    hsCode: "253090",
    /** Li in spodumene concentrate of 6 % Li₂O (SC6): 0.06 × 2 · 6.941 / (2 · 6.941 + 15.999). */
    content: (0.06 * 2 * 6.941) / (2 * 6.941 + 15.999),
    assumption: "spodumene concentrate of 6 % Li₂O, 2.79 % Li"
  }
] as const;

/** The trade rows of a figure's result (source "trade"): exporter, importer, year, HS code, net weight. */
export interface TradeInput {
  mineral: string;
  year: number;
  exporter: string;
  exporterName: string;
  importer: string;
  hsCode: string;
  netWeightKg: number | null;
}

export function tradeRows(rows: readonly Row[]): TradeInput[] {
  return bySource(rows, "trade").map(([r, i]) => ({
    mineral: field(r, "mineral", "string", false, i) as string,
    year: field(r, "year", "number", false, i) as number,
    exporter: field(r, "iso3", "string", false, i) as string,
    exporterName: field(r, "country", "string", false, i) as string,
    importer: field(r, "partner_iso3", "string", false, i) as string,
    hsCode: field(r, "hs_code", "string", false, i) as string,
    netWeightKg: field(r, "net_weight_kg", "number", true, i) as number | null
  }));
}

/** The two tiers of one mineral in one year as places: the named countries and the rest ("Rest of world", total less the named). Throws RangeError when the block is absent or a value is missing. */
export function tierPlaces(tiers: readonly TierSupply[], mineral: string, year: number): {mining: TierPlace[]; refining: TierPlace[]; unit: string} {
  const of = (tier: Tier): TierPlace[] => {
    const t = tiers.find((x) => x.mineral === mineral && x.tier === tier && x.year === year);
    if (!t) throw new RangeError(`no ${tier} rows for ${mineral} in ${year}`);
    const absent = t.countries.filter((c) => c.value === null).map((c) => c.supplier);
    if (absent.length) throw new RangeError(`${mineral} ${tier} ${year}: no value for ${absent.join(", ")}; the network needs every country's quantity`);
    const named = t.countries.map((c) => ({name: c.supplier, iso3: c.iso3, annual: c.value as number}));
    const rest = t.total - named.reduce((s, p) => s + p.annual, 0);
    return [...named, {name: REST_OF_WORLD, iso3: null, annual: Math.max(0, rest)}].sort((a, b) => b.annual - a.annual || (a.name < b.name ? -1 : 1));
  };
  const unit = IEA_MINERALS.find((m) => m.mineral === mineral)?.unit ?? "kt";
  return {mining: of("mining"), refining: of("refining"), unit};
}

/**
 * The trade links of one mineral for one year of the IEA: the latest Comtrade year not after it
 * (the projections use 2024's), each flow turned into contained metal (MINE_TIER_TRADE) and into a
 * share of the exporter's ore left after its own refining in that trade year's IEA tiers (capped
 * at 1). A flow without a weight, or whose exporter or importer is not a named country of its tier,
 * gives no link.
 */
export function tradeLinks(tiers: readonly TierSupply[], trade: readonly TradeInput[], mineral: string, year: number): TradeLink[] {
  const links: TradeLink[] = [];
  for (const spec of MINE_TIER_TRADE.filter((s) => s.mineral === mineral)) {
    const rows = trade.filter((t) => t.mineral === mineral && t.hsCode === spec.hsCode && t.year <= year && t.netWeightKg !== null);
    const latest = Math.max(...rows.map((t) => t.year));
    if (!Number.isFinite(latest)) continue;
    let places: ReturnType<typeof tierPlaces>;
    try {
      places = tierPlaces(tiers, mineral, IEA_BASE_YEAR);
    } catch {
      continue;
    }
    for (const t of rows.filter((x) => x.year === latest)) {
      const m = places.mining.find((p) => p.iso3 === t.exporter);
      const r = places.refining.find((p) => p.iso3 === t.importer);
      if (!m || !r) continue;
      const own = places.refining.find((p) => p.iso3 === t.exporter)?.annual ?? 0;
      const left = m.annual - Math.min(m.annual, own);
      const kt = ((t.netWeightKg as number) / 1e6) * spec.content;
      const share = left > 0 ? Math.min(1, kt / left) : 0;
      links.push({
        from: t.exporter,
        to: t.importer,
        share,
        basis: `UN Comtrade ${t.year}: ${t.exporterName}'s exports of HS ${spec.hsCode} to ${t.importer}, ${((t.netWeightKg as number) / 1e6).toLocaleString("en-GB", {maximumFractionDigits: 0})} kt gross, taken as ${spec.assumption}: ${kt.toFixed(1)} kt contained, against ${left.toFixed(1)} kt of ${m.name}'s ore left after its own refining in ${IEA_BASE_YEAR} (IEA): a share of ${(share * 100).toFixed(0)} %`
      });
    }
  }
  return links;
}

/** The reader's inputs to the two-tier shock explorer. */
export interface TierShockInputs {
  mineral: string;
  year: number;
  tier: Tier;
  rule: AllocationRule;
  country: string;
  /** Share of the country's capacity lost, percent. */
  sharePercent: number;
  /** Whole months >= 1. */
  months: number;
  stockpileDays: number;
  /** Spare capacity of every other mine and refinery, percent. */
  sparePercent: number;
}

export interface TierShockResult {
  built: TwoTierNetwork;
  /** The maximum-flow hand computation, to check HiGHS. */
  hand: TwoTierClosedForm;
  /** Months, from HiGHS (the TTS linear program). */
  timeToSurvive: number;
  /** kt of demand lost over the outage (HiGHS, performance impact). */
  lostUnits: number;
  /** kt lost in each month. */
  lost: number[];
  demand: number;
  unit: string;
  mining: TierPlace[];
  refining: TierPlace[];
  links: TradeLink[];
}

/** The places and the allocation of one mineral and year under a rule, from a figure's rows. */
export function tierAllocation(tiers: readonly TierSupply[], trade: readonly TradeInput[], mineral: string, year: number, rule: AllocationRule) {
  const places = tierPlaces(tiers, mineral, year);
  const links = rule === "domestic-trade" ? tradeLinks(tiers, trade, mineral, year) : [];
  return {...places, links, allocation: allocate(places.mining, places.refining, rule, links)};
}

/** The countries of a tier that can be hit: named, with a quantity above 0, largest first. */
export function hittable(places: readonly TierPlace[]): string[] {
  return places.filter((p) => p.iso3 !== null && p.annual > 0).map((p) => p.name);
}

/** Figure S20's model: the two-tier network of the reader's scenario, solved with HiGHS for the time to survive and the demand lost month by month, with the maximum-flow check beside it. */
export function twoTierShock(rows: readonly Row[], inputs: TierShockInputs, solver: LpSolver): TierShockResult {
  const tiers = ieaTiers(ieaSupplyRows(rows));
  const {mining, refining, unit, links, allocation} = tierAllocation(tiers, tradeRows(rows), inputs.mineral, inputs.year, inputs.rule);
  return solveShock(mining, refining, allocation, inputs, solver, unit, links);
}

function solveShock(mining: TierPlace[], refining: TierPlace[], allocation: Allocation, inputs: Omit<TierShockInputs, "mineral" | "year" | "rule">, solver: LpSolver, unit: string, links: TradeLink[]): TierShockResult {
  const built = twoTierNetwork(mining, refining, allocation, {tier: inputs.tier, country: inputs.country, shareLost: inputs.sharePercent / 100, stockpileDays: inputs.stockpileDays, spareCapacity: inputs.sparePercent / 100});
  const hand = twoTierClosedForm(built, inputs.months);
  const tts = timeToSurvive(solver, built.network, built.disrupted);
  if (tts.value === null) throw new RangeError(tts.reason);
  const impact = performanceImpact(solver, built.network, built.disrupted, inputs.months);
  if (impact.value === null) throw new RangeError(impact.reason ?? "performanceImpact: no result");
  return {built, hand, timeToSurvive: tts.value, lostUnits: impact.lostUnits, lost: impact.lostByNode[MARKET] ?? Array<number>(inputs.months).fill(0), demand: built.demand, unit, mining, refining, links};
}

// --- Figure S21: named scenarios by year ----------------------------------------------------------

export interface NamedScenario {
  id: string;
  label: string;
  mineral: string;
  tier: Tier;
  country: string;
}

/** The scenarios the page follows through the IEA's years. */
export const NAMED_SCENARIOS: readonly NamedScenario[] = [
  {id: "lithium-refining-china", label: "Lithium: China's refining", mineral: "lithium", tier: "refining", country: "China"},
  {id: "nickel-mining-indonesia", label: "Nickel: Indonesia's mining", mineral: "nickel", tier: "mining", country: "Indonesia"}
];

export interface ScenarioYear {
  scenario: string;
  label: string;
  year: number;
  /** Months (HiGHS); Infinity when the buffers cover the loss for ever. */
  timeToSurvive: number;
  /** Months, by the maximum flow. */
  handTimeToSurvive: number;
  /** kt lost over the outage (HiGHS). */
  lostUnits: number;
  /** Share of demand over the outage lost. */
  lostShare: number;
  /** The hit country's share of its tier. */
  hitShare: number;
}

/**
 * Figure S21's model: the named scenarios in every IEA year, under the reader's share lost, outage,
 * stockpile, spare capacity and rule, and the reader's own scenario too when `own` is true and it is
 * not one of them (a year in which its country is not a place of its tier is left out).
 */
export function scenarioYears(rows: readonly Row[], inputs: TierShockInputs, solver: LpSolver, {own = true}: {own?: boolean} = {}): ScenarioYear[] {
  const tiers = ieaTiers(ieaSupplyRows(rows));
  const trade = tradeRows(rows);
  const yours: NamedScenario = {id: "yours", label: `Yours: ${inputs.mineral}, ${inputs.country}'s ${inputs.tier}`, mineral: inputs.mineral, tier: inputs.tier, country: inputs.country};
  const named = NAMED_SCENARIOS.some((s) => s.mineral === yours.mineral && s.tier === yours.tier && s.country === yours.country);
  const scenarios = own && !named ? [...NAMED_SCENARIOS, yours] : NAMED_SCENARIOS;
  const out: ScenarioYear[] = [];
  for (const s of scenarios) {
    for (const year of IEA_YEARS) {
      const {mining, refining, unit, links, allocation} = tierAllocation(tiers, trade, s.mineral, year, inputs.rule);
      const places = s.tier === "mining" ? mining : refining;
      if (!hittable(places).includes(s.country)) continue;
      const r = solveShock(mining, refining, allocation, {...inputs, tier: s.tier, country: s.country}, solver, unit, links);
      const total = places.reduce((a, p) => a + p.annual, 0);
      out.push({
        scenario: s.id,
        label: s.label,
        year,
        timeToSurvive: r.timeToSurvive,
        handTimeToSurvive: r.hand.timeToSurvive,
        lostUnits: r.lostUnits,
        lostShare: r.lostUnits / (r.demand * inputs.months),
        hitShare: places.find((p) => p.name === s.country)!.annual / total
      });
    }
  }
  return out;
}

// --- Figure S22: percolation of the two-tier network ----------------------------------------------

export interface TierPercolationYear {
  year: number;
  nodes: number;
  links: number;
  random: number;
  targeted: number;
  /** The largest component, as a share of the nodes, once China's mining and refining nodes are removed. */
  withoutChina: number;
}

export interface TierPercolation {
  year: number;
  rule: AllocationRule;
  nodes: number;
  links: number;
  results: PercolationResult[];
  byYear: TierPercolationYear[];
}

const STRATEGIES: readonly RemovalStrategy[] = ["random", "degree-initial", "degree-adaptive"];

/** The network of mine-to-refinery links of the six minerals in one year, under a rule. */
export function yearNetwork(tiers: readonly TierSupply[], trade: readonly TradeInput[], year: number, rule: AllocationRule) {
  const minerals = [...new Set(tiers.filter((t) => t.year === year).map((t) => t.mineral))].sort();
  const allocations: Allocation[] = [];
  const places: {name: string; tier: Tier}[] = [];
  for (const mineral of minerals) {
    const a = tierAllocation(tiers, trade, mineral, year, rule);
    allocations.push(a.allocation);
    for (const p of a.mining) if (p.annual > 0) places.push({name: p.name, tier: "mining"});
    for (const p of a.refining) if (p.annual > 0) places.push({name: p.name, tier: "refining"});
  }
  const unique = [...new Map(places.map((p) => [nodeId(p.name, p.tier), p])).values()];
  return tierPlaceNetwork(allocations, unique);
}

/** Figure S22's model: percolation of the two-tier network of the six minerals, the curves for `year`, and the thresholds of every IEA year. */
export function tierPercolation(rows: readonly Row[], {year, rule, trials, seed}: {year: number; rule: AllocationRule; trials: number; seed: number}): TierPercolation {
  const tiers = ieaTiers(ieaSupplyRows(rows));
  const trade = tradeRows(rows);
  const byYear: TierPercolationYear[] = [];
  let chosen: {nodes: number; links: number; results: PercolationResult[]} | null = null;
  for (const y of IEA_YEARS) {
    const network = yearNetwork(tiers, trade, y, rule);
    const results = STRATEGIES.map((strategy) => percolation(network, {strategy, trials, seed}));
    const china = network.nodes.map((n) => n.id).filter((id) => id.startsWith("China ("));
    const order = [...china, ...network.nodes.map((n) => n.id).filter((id) => !china.includes(id))];
    byYear.push({
      year: y,
      nodes: network.nodes.length,
      links: network.edges.length,
      random: results[0]!.threshold,
      targeted: results[2]!.threshold,
      withoutChina: giantComponentCurve(network, order)[china.length]!
    });
    if (y === year) chosen = {nodes: network.nodes.length, links: network.edges.length, results};
  }
  if (!chosen) throw new RangeError(`tierPercolation: ${year} is not a year of the IEA's tiers (${IEA_YEARS.join(", ")})`);
  return {year, rule, ...chosen, byYear};
}

// --- The explorer's tier, year and rule in the page's URL ------------------------------------------

/** The explorer's years: 2021 is the one-tier USGS network (MCS 2023); the IEA's years give two tiers. */
export const EXPLORER_YEARS: readonly number[] = [2021, ...IEA_YEARS];

export interface TierState {
  year: number;
  mineral: string;
  tier: Tier;
  rule: AllocationRule;
}

export const TIER_DEFAULTS: TierState = {year: 2021, mineral: "lithium", tier: "refining", rule: "domestic-trade"};

const TIER_SPEC: UrlSpec = {
  year: {values: EXPLORER_YEARS.map(String), fallback: String(TIER_DEFAULTS.year)},
  mineral: {values: IEA_MINERAL_IDS, fallback: TIER_DEFAULTS.mineral},
  tier: {values: TIERS, fallback: TIER_DEFAULTS.tier},
  rule: {values: ALLOCATION_RULES, fallback: TIER_DEFAULTS.rule}
};

/** The explorer's year, mineral, tier and rule from the query string; an absent or unknown value keeps its default. */
export function readTierState(search: string): TierState {
  const {state} = parseUrlState(search, TIER_SPEC);
  return {year: Number(state.year), mineral: state.mineral!, tier: state.tier as Tier, rule: state.rule as AllocationRule};
}

/** The query-string parameters of the explorer's year, mineral, tier and rule; a default is null, so that it leaves the URL. */
export function tierStateParams(state: TierState): [string, string | null][] {
  const keep = (value: string | number, fallback: string | number) => (value === fallback ? null : String(value));
  return [
    ["year", keep(state.year, TIER_DEFAULTS.year)],
    ["mineral", keep(state.mineral, TIER_DEFAULTS.mineral)],
    ["tier", keep(state.tier, TIER_DEFAULTS.tier)],
    ["rule", keep(state.rule, TIER_DEFAULTS.rule)]
  ];
}
