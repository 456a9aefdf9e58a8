/**
 * A check of the lithium model's assumed history against data: the IEA's electric-car sales.
 *
 * The dynamic stock model of end-of-life.ts holds one year of inflow into use (the paper's 31.2 kt Li
 * in EVs, 2021) and assumes the years before it grew at a constant rate, set by default so that the
 * model's end of life of 2021 meets the paper's 5.9 kt. The IEA's Global EV Data Explorer counts
 * electric cars sold each year since 2010. Scaling the paper's 2021 inflow by those counts gives
 * an inflow history from data, an estimate that holds the lithium per car constant:
 *
 *   inflow(t) = inflow(2021) x cars(t) / cars(2021),   cars = BEV + PHEV, world;  0 before 2010,
 *
 * (the explorer starts in 2010; sales before it were a few thousand cars a year). The same dynamic
 * stock model, with the reader's lifetime, then gives the end of life of 2021 that this history
 * implies, and the same for a table of mean lifetimes, to show which would meet the paper's figure.
 * The estimate overstates early years, when batteries were smaller and plug-in hybrids a larger share.
 */

import {inflowDrivenModel} from "../mfa/index.js";
import {lifetimeOf, type LifetimeAssumption} from "./end-of-life.js";
import {numberOf, paperEndOfLife, systemInputs, type FigureRow} from "./figure-rows.js";
import {runModel, type Assumptions} from "./model.js";

/** The row kind of the IEA's yearly electric-car sales in the figure's rows (lib/figures/material-flows.ts, fig-s27). */
export const IEA_CARS_KIND = "iea_cars";

/** The first year of the recent growth rate the page quotes: from 2010 the rate rests on a base of a few thousand cars. */
export const GROWTH_FROM = 2015;

/** Mean lifetimes (years) of the table of end-of-life flows under the IEA history; each with sd = 30 % of its mean. */
export const LIFETIME_TABLE: readonly number[] = [4, 6, 8, 10, 12];

/** One year of the two inflow histories and their outflows, kt Li. */
export interface HistoryYear {
  year: number;
  /** The model's assumed history (constant growth). */
  assumed: number;
  /** The history scaled from the IEA's sales (estimate); 0 before the IEA's first year. */
  iea: number;
  cars: number | null;
  assumedOutflow: number;
  ieaOutflow: number;
}

export interface EvHistoryCheck {
  unit: string;
  firstYear: number;
  lastYear: number;
  /** First year of the IEA's series. */
  ieaFirstYear: number;
  years: HistoryYear[];
  /** Growth of the assumed history (share a year), and the IEA cars' compound growth from their first year and from GROWTH_FROM to the last (null without the years' sales). */
  growth: number;
  ieaGrowth: number;
  ieaGrowthRecent: number | null;
  /** End of life of the last year: the model's, from the IEA history with the same lifetime, and the paper's. */
  eolAssumed: number;
  eolIea: number;
  paper: number | null;
  /** End of life of the last year from the IEA history at each mean lifetime of LIFETIME_TABLE. */
  byLifetime: {mean: number; sd: number; eol: number}[];
}

/** The IEA's world electric-car sales by year from the figure's rows; throws RangeError naming a bad row. */
export function ieaCars(rows: readonly FigureRow[]): Map<number, number> {
  const cars = new Map<number, number>();
  rows.forEach((row, i) => {
    if (row.row_kind !== IEA_CARS_KIND) return;
    const [year, value] = [numberOf(row.year), numberOf(row.value)];
    if (typeof year !== "number" || !Number.isInteger(year)) throw new RangeError(`row ${i + 1} (${IEA_CARS_KIND}): year must be a whole number, got ${JSON.stringify(String(row.year))}`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`row ${i + 1} (${IEA_CARS_KIND} ${year}): value must be a number of cars >= 0, got ${JSON.stringify(String(row.value))}`);
    if (cars.has(year)) throw new RangeError(`row ${i + 1} (${IEA_CARS_KIND} ${year}): a second row for ${year}`);
    cars.set(year, value);
  });
  return cars;
}

/**
 * The inflow history scaled from the IEA's sales (module comment), firstYear..lastYear. Throws
 * RangeError when the sales of lastYear are missing or zero, or when a year inside the IEA's series
 * is missing (a gap is not filled).
 */
export function ieaInflow(cars: ReadonlyMap<number, number>, inflowLast: number, firstYear: number, lastYear: number): Float64Array {
  const last = cars.get(lastYear);
  if (!last) throw new RangeError(`the IEA's electric-car sales of ${lastYear} are ${last === 0 ? "zero" : "missing"}: the history is scaled to them`);
  const first = Math.min(...[...cars.keys()].filter((y) => y <= lastYear));
  const inflow = new Float64Array(lastYear - firstYear + 1);
  for (let year = Math.max(first, firstYear); year <= lastYear; year++) {
    const c = cars.get(year);
    if (c === undefined) throw new RangeError(`the IEA's electric-car sales of ${year} are missing, inside the series ${first}-${lastYear}`);
    inflow[year - firstYear] = (inflowLast * c) / last;
  }
  return inflow;
}

/** The check (module comment) for the lithium rows of Figure S27 under the reader's assumptions. Throws RangeError as systemInputs, runModel and ieaInflow. */
export function evHistoryCheck(rows: readonly FigureRow[], assumptions: Assumptions): EvHistoryCheck {
  const cars = ieaCars(rows);
  const inputs = systemInputs(
    rows.filter((r) => r.row_kind !== IEA_CARS_KIND),
    "lithium"
  );
  const result = runModel(inputs.flows, inputs.processes, "lithium", assumptions);
  const e = result.endOfLife;
  const inflowLast = e.inflow[e.inflow.length - 1]!;
  const iea = ieaInflow(cars, inflowLast, e.firstYear, e.lastYear);
  const outflowOf = (lifetime: LifetimeAssumption) => inflowDrivenModel(iea, lifetimeOf(lifetime)).outflow;
  const ieaOutflow = outflowOf(assumptions.lifetime);
  const n = e.years.length;
  const ieaFirstYear = Math.min(...[...cars.keys()]);
  const span = e.lastYear - ieaFirstYear;
  return {
    unit: result.unit,
    firstYear: e.firstYear,
    lastYear: e.lastYear,
    ieaFirstYear,
    years: e.years.map((year, i) => ({year, assumed: e.inflow[i]!, iea: iea[i]!, cars: cars.get(year) ?? null, assumedOutflow: e.outflow[i]!, ieaOutflow: ieaOutflow[i]!})),
    growth: assumptions.growth,
    ieaGrowth: span > 0 ? (cars.get(e.lastYear)! / cars.get(ieaFirstYear)!) ** (1 / span) - 1 : 0,
    ieaGrowthRecent: cars.get(GROWTH_FROM) && e.lastYear > GROWTH_FROM ? (cars.get(e.lastYear)! / cars.get(GROWTH_FROM)!) ** (1 / (e.lastYear - GROWTH_FROM)) - 1 : null,
    eolAssumed: e.outflowLast,
    eolIea: ieaOutflow[n - 1]!,
    paper: paperEndOfLife(inputs.paper, "lithium"),
    byLifetime: LIFETIME_TABLE.map((mean) => ({mean, sd: 0.3 * mean, eol: outflowOf({mean, sd: 0.3 * mean})[n - 1]!}))
  };
}
