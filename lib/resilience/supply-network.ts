/**
 * Supply networks built from the site's production table, for the network metrics of the paper's
 * Table 2 (lib/resilience): the mine-to-market network of one commodity, on which the shock
 * explorer computes time to survive and the performance impact of a country's outage, and the
 * country-mineral network on which percolation is measured.
 *
 * What they leave out. There is no bilateral trade matrix (the UN Comtrade extracts held here
 * cover four reporters), no refining or manufacturing stage with world totals, and no stock data:
 * every supplier sells into one world market, and all stocks are lumped in that market as the
 * reader's stockpile assumption. Producers without a value (USGS "W", withheld) are not suppliers;
 * the USGS "Other countries" aggregate is one supplier.
 */
import {DAYS_PER_YEAR} from "./absorption.js";
import type {Network} from "./network.js";
import type {SupplyNetwork, SupplyNode} from "./recovery.js";

/** The fields of a production row (the `production` table) that the networks read. */
export interface ProductionPlace {
  country: string;
  kind: string;
  value_t: number | null;
}

/** The node every supplier ships to; it holds the stockpile and faces world demand. */
export const MARKET = "World market";
/** The shock explorer's period: one month. */
export const PERIODS_PER_YEAR = 12;
/** Days in a year, to turn stockpile days into tonnes. */
export {DAYS_PER_YEAR};

/** A supplier of the mine-to-market network: a country with a value, or the "Other countries" aggregate. */
export interface Supplier {
  id: string;
  /** Annual production, t. */
  production: number;
  aggregate: boolean;
}

/**
 * The suppliers of one commodity and stage: countries with a production value above 0, and the
 * "Other countries" aggregate when above 0, largest first (ties by name). Rows of kind "world" and
 * rows without a value are left out. Throws RangeError on a negative value or a repeated name.
 */
export function suppliersOf(rows: readonly ProductionPlace[]): Supplier[] {
  const seen = new Set<string>();
  const suppliers: Supplier[] = [];
  for (const row of rows) {
    if (row.kind !== "country" && row.kind !== "other") continue;
    if (seen.has(row.country)) throw new RangeError(`supply network: "${row.country}" is listed twice`);
    seen.add(row.country);
    if (row.value_t === null) continue;
    if (!Number.isFinite(row.value_t) || row.value_t < 0) throw new RangeError(`supply network: "${row.country}" has invalid production ${row.value_t}`);
    if (row.value_t > 0) suppliers.push({id: row.country, production: row.value_t, aggregate: row.kind === "other"});
  }
  return suppliers.sort((a, b) => b.production - a.production || a.id.localeCompare(b.id));
}

/** The star network supplier -> market, without stocks or capacities: for path counts. */
export function marketNetwork(suppliers: readonly Supplier[]): Network {
  return {nodes: [...suppliers.map(({id}) => ({id})), {id: MARKET}], edges: suppliers.map(({id}) => ({from: id, to: MARKET}))};
}

/** A shock to one supplier, as the reader sets it in the shock explorer. */
export interface ShockScenario {
  /** The supplier hit: a country of the suppliers. */
  country: string;
  /** Share of the country's supply lost, in [0, 1]. */
  shareLost: number;
  /** Stockpile held in the market, in days of world demand, >= 0. */
  stockpileDays: number;
  /** Spare capacity of every supplier not hit, as a share of its production, >= 0 (0.1 = 10 %). */
  spareCapacity: number;
}

/** The network of a shock scenario and the quantities derived from it (t per period unless named). */
export interface ShockNetwork {
  network: SupplyNetwork;
  /** Node to disrupt: the lost part of the country's supply. */
  disrupted: string;
  /** World demand per period: the suppliers' production / PERIODS_PER_YEAR. */
  demand: number;
  /** Stockpile, t: stockpileDays x annual demand / DAYS_PER_YEAR. */
  stock: number;
  /** Supply lost per period: shareLost x the country's production / PERIODS_PER_YEAR. */
  lost: number;
  /** Spare capacity of the suppliers not hit, per period. */
  spare: number;
}

function checkScenario({shareLost, stockpileDays, spareCapacity}: ShockScenario): void {
  if (!(Number.isFinite(shareLost) && shareLost >= 0 && shareLost <= 1)) throw new RangeError(`shock: the share of supply lost must lie between 0 and 100 %, got ${shareLost * 100} %`);
  if (!(Number.isFinite(stockpileDays) && stockpileDays >= 0)) throw new RangeError(`shock: stockpile days must be a number >= 0, got ${stockpileDays}`);
  if (!(Number.isFinite(spareCapacity) && spareCapacity >= 0)) throw new RangeError(`shock: spare capacity must be a number >= 0 %, got ${spareCapacity * 100} %`);
}

/**
 * The supply network of a shock to one country. Nodes: each supplier (capacity its production per
 * period times 1 + spareCapacity, no stock); the country hit split in two, "<country> (lost)" with
 * capacity shareLost x its production, the node to disrupt, and "<country> (unaffected)" with the
 * rest and no spare capacity; and the world market (stock = the stockpile, unlimited throughput,
 * demand = the suppliers' production per period). Every supplier ships the same input ("ore") to
 * the market, so they are alternatives. Periods are months.
 *
 * Throws RangeError when the country is not a supplier or is the "Other countries" aggregate, or a
 * scenario value lies out of range (see ShockScenario).
 */
export function shockNetwork(suppliers: readonly Supplier[], scenario: ShockScenario): ShockNetwork {
  checkScenario(scenario);
  const hit = suppliers.find((s) => s.id === scenario.country);
  if (!hit) throw new RangeError(`shock: "${scenario.country}" is not a supplier of this commodity (a country with production above 0)`);
  if (hit.aggregate) throw new RangeError(`shock: "${hit.id}" is an aggregate of several countries, not one country`);
  const annual = suppliers.reduce((s, {production}) => s + production, 0);
  const demand = annual / PERIODS_PER_YEAR;
  const stock = (scenario.stockpileDays * annual) / DAYS_PER_YEAR;
  const lost = (scenario.shareLost * hit.production) / PERIODS_PER_YEAR;
  const spare = (scenario.spareCapacity * (annual - hit.production)) / PERIODS_PER_YEAR;
  const disrupted = `${hit.id} (lost)`;
  const nodes: SupplyNode[] = [];
  for (const s of suppliers) {
    const perPeriod = s.production / PERIODS_PER_YEAR;
    if (s === hit) {
      nodes.push({id: disrupted, inventory: 0, capacity: lost});
      nodes.push({id: `${hit.id} (unaffected)`, inventory: 0, capacity: perPeriod - lost});
    } else nodes.push({id: s.id, inventory: 0, capacity: perPeriod * (1 + scenario.spareCapacity)});
  }
  nodes.push({id: MARKET, inventory: stock, capacity: Infinity, demand});
  const edges = nodes.filter((n) => n.id !== MARKET).map((n) => ({from: n.id, to: MARKET, input: "ore"}));
  return {network: {nodes, edges}, disrupted, demand, stock, lost, spare};
}

/** The closed-form answer of a shock network, to set beside the linear programs' answer. */
export interface ClosedForm {
  /** Demand unmet per period while the outage lasts and stocks are not drawn: max(0, lost - spare). */
  shortfall: number;
  /** Periods the stock covers the shortfall: stock / shortfall; Infinity when there is no shortfall. */
  timeToSurvive: number;
  /** Demand lost over `periods` periods of outage: max(0, shortfall x periods - stock). */
  lostUnits: number;
}

/**
 * The hand computation for a shock network: with one market and alternative suppliers, the
 * shortfall is the supply lost less the spare capacity of the others, the stock covers it for
 * stock / shortfall periods, and what is left unmet over the outage is the shortfall times its
 * length less the stock. Throws RangeError unless periods is a positive integer.
 */
export function closedForm({stock, lost, spare}: Pick<ShockNetwork, "stock" | "lost" | "spare">, periods: number): ClosedForm {
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`shock: the outage must last a whole number of periods >= 1, got ${periods}`);
  const shortfall = Math.max(0, lost - spare);
  return {shortfall, timeToSurvive: shortfall > 0 ? stock / shortfall : Infinity, lostUnits: Math.max(0, shortfall * periods - stock)};
}

/**
 * The worked example of the resilience page's solver check: one supplier S feeding a plant P that
 * holds 10 units and faces a demand of 2 per period. Cut S and P sells from stock for 10 / 2 = 5
 * periods: TTS = 5 (Simchi-Levi et al. 2014), worked by hand and solved by HiGHS in Node (tests)
 * and in the browser (the page).
 */
export const WORKED_EXAMPLE: {network: SupplyNetwork; disrupted: string; timeToSurvive: number} = {
  network: {
    nodes: [
      {id: "S", inventory: 0, capacity: 2},
      {id: "P", inventory: 10, capacity: Infinity, demand: 2}
    ],
    edges: [{from: "S", to: "P"}]
  },
  disrupted: "S",
  timeToSurvive: 5
};

/** A row of the production table with its commodity and stage, for the country-mineral network. */
export interface StagedProduction extends ProductionPlace {
  commodity: string;
  stage: string;
  iso3: string | null;
}

/**
 * The country-mineral network: one node per producing country (kind "country", production above
 * 0 in any of the rows), identified by its ISO3 code (the USGS names one country differently in
 * different tables: "Kazakhstan" and "Kazakhstan, concentrate"), and one per commodity and stage,
 * "<commodity> (<stage>)"; an edge from each country to each mineral it produces. Aggregates
 * ("Other countries", world totals) are not nodes.
 */
export function countryMineralNetwork(rows: readonly StagedProduction[]): {network: Network; countries: string[]; minerals: string[]} {
  const countries = new Set<string>();
  const minerals = new Set<string>();
  const edges = new Map<string, {from: string; to: string}>();
  for (const row of rows) {
    if (row.kind !== "country" || row.value_t === null || !(row.value_t > 0)) continue;
    const mineral = `${row.commodity} (${row.stage})`;
    const country = row.iso3 ?? row.country;
    countries.add(country);
    minerals.add(mineral);
    edges.set(`${country}\u0000${mineral}`, {from: country, to: mineral});
  }
  const c = [...countries].sort();
  const m = [...minerals].sort();
  return {network: {nodes: [...c, ...m].map((id) => ({id})), edges: [...edges.values()]}, countries: c, minerals: m};
}
