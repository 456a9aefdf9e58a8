import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {inflowDrivenModel} from "../../../lib/mfa/index.ts";
import {evHistoryCheck, ieaCars, ieaInflow, IEA_CARS_KIND, LIFETIME_TABLE} from "../../../lib/material-flows/ev-history.ts";
import {lifetimeOf} from "../../../lib/material-flows/end-of-life.ts";
import type {FigureRow} from "../../../lib/material-flows/figure-rows.ts";
import {defaultAssumptions} from "../../../lib/material-flows/model.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {ieaEvSalesTable} from "../../../lib/tables/iea-ev-sales.ts";
import {mfaFlowsTable} from "../../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../../lib/tables/mfa-processes.ts";

// The IEA's world electric-car sales (BEV + PHEV), 2010-2021, summed by hand from
// data/sources/ev/iea_global_ev_data_2024.csv.
const CARS: Record<number, number> = {
  2010: 7_450, 2011: 49_000, 2012: 120_000, 2013: 201_000, 2014: 330_000, 2015: 550_000,
  2016: 760_000, 2017: 1_180_000, 2018: 2_060_000, 2019: 2_080_000, 2020: 2_980_000, 2021: 6_600_000
};
const carRows = (cars: Record<number, number> = CARS): FigureRow[] => Object.entries(cars).map(([year, value]) => ({row_kind: IEA_CARS_KIND, system: "lithium", year: Number(year), value, unit: "cars"}));

// The lithium system as Figure S27's SQL returns it, from the tables.
const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const systemRows: FigureRow[] = [
  ...processes.filter((p) => p.system === "lithium").map((p) => ({row_kind: "process", ...p})),
  ...flows.filter((f) => f.system === "lithium").map((f) => ({row_kind: "flow", ...f})),
  {row_kind: "paper", system: "lithium", id: "li_eol_ev_2021", value: 5.9, unit: "kt Li", year: 2021}
];
const defaults = defaultAssumptions(flows, processes, "lithium");

describe("the IEA's car sales as an inflow history", () => {
  it("the sales of the IEA's file, summed in Node, are those summed by hand", () => {
    const sales = buildTable(ieaEvSalesTable, read).filter((r) => r.region === "World" && (r.powertrain === "BEV" || r.powertrain === "PHEV") && r.year <= 2021);
    const byYear: Record<number, number> = {};
    for (const r of sales) byYear[r.year] = (byYear[r.year] ?? 0) + r.vehicles;
    expect(byYear).toEqual(CARS);
  });

  it("ieaInflow scales the last year's inflow by the cars sold: 31.2 x 2,980,000 / 6,600,000 = 14.087 kt in 2020, 0 before 2010", () => {
    const inflow = ieaInflow(ieaCars(carRows()), 31.2, 2000, 2021);
    expect(inflow).toHaveLength(22);
    expect([...inflow.slice(0, 10)]).toEqual(new Array(10).fill(0));
    expect(inflow[10]).toBeCloseTo((31.2 * 7_450) / 6_600_000, 12); // 2010: 0.0352 kt
    expect(inflow[20]).toBeCloseTo(14.087272727, 8);
    expect(inflow[21]).toBe(31.2);
  });

  it("ieaInflow refuses a missing or zero last year and a gap inside the series, naming the year; ieaCars a bad or repeated row", () => {
    const without = (year: number) => Object.fromEntries(Object.entries(CARS).filter(([y]) => Number(y) !== year));
    expect(() => ieaInflow(ieaCars(carRows(without(2021))), 31.2, 2000, 2021)).toThrow("sales of 2021 are missing");
    expect(() => ieaInflow(ieaCars(carRows({...CARS, 2021: 0})), 31.2, 2000, 2021)).toThrow("sales of 2021 are zero");
    expect(() => ieaInflow(ieaCars(carRows(without(2015))), 31.2, 2000, 2021)).toThrow("sales of 2015 are missing, inside the series 2010-2021");
    expect(() => ieaCars([...carRows(), carRows()[3]!])).toThrow("row 13 (iea_cars 2013): a second row for 2013");
    expect(() => ieaCars([{row_kind: IEA_CARS_KIND, year: 2012, value: -1}])).toThrow('row 1 (iea_cars 2012): value must be a number of cars >= 0, got "-1"');
    expect(() => ieaCars([{row_kind: IEA_CARS_KIND, year: "2012", value: 1}])).toThrow("row 1 (iea_cars): year must be a whole number");
  });
});

describe("evHistoryCheck", () => {
  it("with a fixed one-year life, end of life of 2021 is the inflow of 2020: the model's 31.2 / 1.25, the IEA history's 31.2 x 2.98 / 6.6", () => {
    const check = evHistoryCheck([...systemRows, ...carRows()], {...defaults, growth: 0.25, lifetime: {mean: 1, sd: 0}});
    expect(check.years.at(-1)!.assumed).toBeCloseTo(31.2, 9);
    expect(check.eolAssumed).toBeCloseTo(31.2 / 1.25, 9);
    expect(check.eolIea).toBeCloseTo((31.2 * 2_980_000) / 6_600_000, 9);
    expect(check.paper).toBe(5.9);
    expect(check.ieaGrowth).toBeCloseTo((6_600_000 / 7_450) ** (1 / 11) - 1, 12); // 85.3 % a year, from a base of 7,450 cars
    expect(check.ieaGrowthRecent).toBeCloseTo((6_600_000 / 550_000) ** (1 / 6) - 1, 12); // 51.3 % a year since 2015
    expect(check.ieaFirstYear).toBe(2010);
  });

  it("at the defaults the model meets the paper's 5.9 kt by construction, and the IEA history gives 0.68 kt; the lifetime table is the dynamic stock model's", () => {
    const check = evHistoryCheck([...systemRows, ...carRows()], defaults);
    expect(check.eolAssumed).toBeCloseTo(5.9, 6);
    expect(check.eolIea).toBeCloseTo(0.68, 2);
    expect(check.byLifetime.map((d) => d.mean)).toEqual([...LIFETIME_TABLE]);
    const iea = Float64Array.from(check.years, (d) => d.iea);
    for (const d of check.byLifetime) expect(d.eol).toBeCloseTo(inflowDrivenModel(iea, lifetimeOf({mean: d.mean, sd: 0.3 * d.mean})).outflow[21]!, 12);
    // shorter lives send more to end of life: only the shortest in the table comes near the paper's figure
    expect(check.byLifetime.map((d) => d.eol)).toEqual([...check.byLifetime.map((d) => d.eol)].sort((a, b) => b - a));
    expect(check.byLifetime[0]!.eol / 5.9).toBeGreaterThan(0.8);
    expect(check.byLifetime[1]!.eol / 5.9).toBeLessThan(0.5);
  });
});
