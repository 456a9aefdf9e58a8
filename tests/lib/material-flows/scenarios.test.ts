import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {inflowDrivenModel, normalSf, quantileSorted, survivalCurve} from "../../../lib/mfa/index.ts";
import {defaultAssumptions, runModel, type Assumptions} from "../../../lib/material-flows/model.ts";
import {
  MONTE_CARLO_RUNS,
  SCENARIOS,
  band90,
  demandPoints,
  fastNormalSf,
  fastSurvivalCurve,
  interpolate,
  outflowFromCurve,
  scenarioCache,
  scenarioDistributions,
  scenarioInflow,
  scenarioModel,
  scenarioSeries,
  scenarioYear,
  type DemandRow,
  type Point,
  type ScenarioInput
} from "../../../lib/material-flows/scenarios.ts";
import {createRng} from "../../../lib/random.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {ieaDemandTable} from "../../../lib/tables/iea-demand.ts";
import {mfaFlowsTable} from "../../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../../lib/tables/mfa-processes.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");

describe("interpolate, demandPoints, scenarioInflow", () => {
  const points: Point[] = [
    {year: 2024, value: 109.026},
    {year: 2030, value: 326.09}
  ];

  it("interpolate is the straight line between the IEA's years, labelled; their own years are not", () => {
    // By hand: 109.026 + (326.09 - 109.026) x 3 / 6 = 217.558; 109.026 + 217.064 / 6 = 145.20333...
    expect(interpolate(points, 2027)).toEqual({value: 217.558, interpolated: true});
    expect(interpolate(points, 2025).value).toBeCloseTo(145.2033333333, 9);
    expect(interpolate(points, 2024)).toEqual({value: 109.026, interpolated: false});
    expect(interpolate(points, 2030)).toEqual({value: 326.09, interpolated: false});
    expect(() => interpolate(points, 2031)).toThrow(/2031 lies outside 2024-2030/);
    expect(() => interpolate([points[1]!, points[0]!], 2027)).toThrow(/sorted by year/);
  });

  const rows: DemandRow[] = [
    {mineral: "lithium", sector: "Electric vehicles", scenario: "reported", year: 2024, value: 40},
    ...[2030, 2035, 2040, 2045, 2050].map((year) => ({mineral: "lithium", sector: "Electric vehicles", scenario: "STEPS", year, value: 100}))
  ];

  it("demandPoints takes 2024 ('reported') and the scenario's years, and refuses to fill in a missing one", () => {
    expect(demandPoints(rows, "lithium", "Electric vehicles", "STEPS")).toEqual([{year: 2024, value: 40}, ...[2030, 2035, 2040, 2045, 2050].map((year) => ({year, value: 100}))]);
    expect(() => demandPoints(rows, "lithium", "Electric vehicles", "APS")).toThrow(/IEA demand, lithium, Electric vehicles, APS: the rows lack 2030, 2035, 2040, 2045, 2050/);
    expect(() => demandPoints(rows.filter((r) => r.year !== 2045), "lithium", "Electric vehicles", "STEPS")).toThrow(/lack 2045/);
    expect(() => demandPoints(rows.map((r) => (r.year === 2040 ? {...r, value: null} : r)), "lithium", "Electric vehicles", "STEPS")).toThrow(/the value of 2040 is missing; the model needs every one of the IEA's years/);
  });

  it("scenarioInflow: the growth assumption before 2021, the paper's 2021, 2022-2023 interpolated to the IEA's 2024, then the IEA's line", () => {
    const p = scenarioInflow({firstYear: 2015, anchor: 31.2, growth: 0.25, points: [{year: 2024, value: 109.026}, {year: 2030, value: 326.09}]});
    const at = (year: number) => p.years.indexOf(year);
    expect(p.years[0]).toBe(2015);
    expect(p.years.at(-1)).toBe(2030);
    expect(p.inflow[at(2020)]).toBeCloseTo(31.2 / 1.25, 12);
    expect(p.inflow[at(2015)]).toBeCloseTo(31.2 / 1.25 ** 6, 12);
    expect(p.inflow[at(2021)]).toBe(31.2);
    // 31.2 + (109.026 - 31.2) / 3 = 57.142; 31.2 + 2 x 77.826 / 3 = 83.084
    expect(p.inflow[at(2022)]).toBeCloseTo(57.142, 12);
    expect(p.inflow[at(2023)]).toBeCloseTo(83.084, 12);
    expect(p.inflow[at(2024)]).toBe(109.026);
    expect(p.inflow[at(2027)]).toBeCloseTo(217.558, 12);
    expect([2015, 2020, 2021, 2022, 2023, 2024, 2027, 2030].map((y) => p.basis[at(y)])).toEqual(["assumed growth", "assumed growth", "paper", "interpolated", "interpolated", "IEA", "interpolated", "IEA"]);
  });
});

describe("outflowFromCurve, fastNormalSf, band90", () => {
  it("outflowFromCurve gives inflowDrivenModel's outflow (normal lifetime, 60 years) to 1e-12", () => {
    const inflow = Float64Array.from({length: 60}, (_, t) => 10 + 3 * t + 5 * Math.sin(t));
    const lt = {type: "normal", mean: 12, sd: 4} as const;
    const fast = outflowFromCurve(inflow, survivalCurve(lt, 60));
    const model = inflowDrivenModel(inflow, lt).outflow;
    for (let t = 0; t < 60; t++) expect(Math.abs(fast[t]! - model[t]!)).toBeLessThan(1e-12 * Math.max(1, model[t]!));
  });

  it("fastNormalSf is within 1e-9 of lib/mfa's normalSf from -12 to 12, and fastSurvivalCurve within 1e-9 of survivalCurve", () => {
    let worst = 0;
    for (let z = -12; z <= 12; z += 0.00137) worst = Math.max(worst, Math.abs(fastNormalSf(z) - normalSf(z)));
    expect(worst).toBeLessThan(1e-9);
    const a = fastSurvivalCurve(20, 6, 101);
    const b = survivalCurve({type: "normal", mean: 20, sd: 6}, 101);
    for (let k = 0; k < 101; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThan(1e-9);
    // a fixed lifetime: the whole cohort stays until age L
    expect([...fastSurvivalCurve(3, 0, 6)]).toEqual([1, 1, 1, 0, 0, 0]);
    expect([...fastSurvivalCurve(2.5, 0, 4)]).toEqual([...survivalCurve({type: "fixed", mean: 2.5}, 4)]);
  });

  it("band90 gives quantileSorted's 5 % and 95 % (type 7)", () => {
    const rng = createRng(7);
    const x = Float64Array.from({length: 400}, () => rng.next() * 100);
    const sorted = Float64Array.from(x).sort();
    expect(band90(Float64Array.from(x))).toEqual([quantileSorted(sorted, 0.05), quantileSorted(sorted, 0.95)]);
    // by hand on 0..20: h = 20 x 0.05 = 1 -> 1; h = 19 -> 19
    expect(band90(Float64Array.from({length: 21}, (_, i) => 20 - i))).toEqual([1, 19]);
  });
});

// A system worked by hand: 10 kt enter use in 2021 and before (growth 0, from 2000); the IEA's
// 2024 value is 40 kt, 100 kt from 2030 on (STEPS), and total demand 200 kt in 2024, 260 kt from
// 2030 on. A fixed lifetime of 6 years: outflow(t) = inflow(t - 6).
const flat = (v2024: number, later: number): Record<(typeof SCENARIOS)[number], Point[]> =>
  Object.fromEntries(SCENARIOS.map((s, i) => [s, [{year: 2024, value: v2024}, ...[2030, 2035, 2040, 2045, 2050].map((year) => ({year, value: later * (1 + i / 10)}))]])) as Record<
    (typeof SCENARIOS)[number],
    Point[]
  >;
const INPUT: ScenarioInput = {system: "lithium", unit: "kt Li", firstYear: 2000, anchor: 10, follows: flat(40, 100), total: flat(200, 260), paperEndOfLife: 5.9};
const HAND: Assumptions = {collectionRate: 0.5, recoveryEfficiency: 0.8, lifetime: {mean: 6, sd: 0}, growth: 0};

describe("scenarioModel", () => {
  const result = scenarioModel(INPUT, HAND, {runs: 200});
  const row = (scenario: string, year: number) => result.rows.find((r) => r.scenario === scenario && r.year === year)!;

  it("a fixed lifetime of 6 years: the outflow of each year is the inflow of six years before (by hand)", () => {
    expect(row("STEPS", 2026).outflow).toBeCloseTo(10, 12); // inflow 2020 (growth 0)
    expect(row("STEPS", 2027).outflow).toBeCloseTo(10, 12); // inflow 2021, the anchor
    expect(row("STEPS", 2028).outflow).toBeCloseTo(20, 12); // 2022: 10 + 30 / 3
    expect(row("STEPS", 2029).outflow).toBeCloseTo(30, 12); // 2023
    expect(row("STEPS", 2030).outflow).toBeCloseTo(40, 12); // 2024, the IEA's
    expect(row("STEPS", 2033).outflow).toBeCloseTo(70, 12); // 2027: 40 + 60 x 3 / 6
    expect(row("STEPS", 2036).outflow).toBeCloseTo(100, 12); // 2030
    expect(row("NZE", 2036).outflow).toBeCloseTo(120, 12); // NZE's 2030 is 100 x 1.2 here
    for (const r of result.rows.filter((x) => x.year >= 2006)) {
      const source = result.rows.find((x) => x.scenario === r.scenario && x.year === r.year - 6)!;
      expect(r.outflow).toBeCloseTo(source.inflow, 9);
    }
  });

  it("collected = collection rate x outflow, recycled = recovery x collected, share = recycled / the IEA's total demand (interpolated between its years)", () => {
    const r = row("STEPS", 2033);
    expect(r.collected).toBeCloseTo(35, 12); // 0.5 x 70
    expect(r.recycled).toBeCloseTo(28, 12); // 0.8 x 35
    expect(r.demand).toBeCloseTo(260, 12);
    expect(r.share).toBeCloseTo(28 / 260, 12);
    const early = row("STEPS", 2027); // recycled 0.4 x 10 = 4; total demand 200 + 60 x 3 / 6 = 230, interpolated
    expect(early.recycled).toBeCloseTo(4, 12);
    expect(early).toMatchObject({demand: 230, demandBasis: "interpolated"});
    expect(early.share).toBeCloseTo(4 / 230, 12);
    expect(row("STEPS", 2024)).toMatchObject({demand: 200, demandBasis: "IEA", inflowBasis: "IEA"});
    // no IEA total demand before 2024: the share is missing, not 0
    expect(row("STEPS", 2023)).toMatchObject({demand: null, demandBasis: null, share: null, shareP5: null, shareP95: null});
  });

  it("the scenarios share everything up to 2024 and part after it; every scenario runs 2000-2050", () => {
    expect(result.rows).toHaveLength(3 * 51);
    for (const year of [2000, 2021, 2024]) {
      const [a, b, c] = scenarioYear(result, year);
      expect(b!.outflow).toBe(a!.outflow);
      expect(c!.recycledP95).toBe(a!.recycledP95);
    }
    // after 2024 the inflows part: with the fixed 6-year lifetime the central outflow of 2029 is still
    // the shared inflow of 2023, while the runs' shorter lifetimes already reach the parted years
    const [a, , c] = scenarioYear(result, 2029);
    expect(c!.outflow).toBe(a!.outflow);
    expect(c!.recycledP95).toBeGreaterThan(a!.recycledP95);
    expect(row("APS", 2040).inflow).toBeCloseTo(110, 12);
  });

  it("the Monte Carlo band is seeded: the same seed gives the same band, another seed another; the share band is the recycled band over demand", () => {
    const again = scenarioModel(INPUT, HAND, {runs: 200});
    expect(again.rows).toEqual(result.rows);
    const other = scenarioModel(INPUT, HAND, {runs: 200, seed: 1});
    expect(other.rows.find((r) => r.scenario === "STEPS" && r.year === 2040)!.recycledP95).not.toBe(row("STEPS", 2040).recycledP95);
    for (const r of result.rows) {
      expect(r.recycledP5).toBeLessThanOrEqual(r.recycledP95);
      expect(r.outflowP5).toBeLessThanOrEqual(r.outflowP95);
      if (r.demand !== null) expect(r.shareP95).toBeCloseTo(r.recycledP95 / r.demand, 12);
    }
    // with no collection there is no recycled supply in any run
    const none = scenarioModel(INPUT, {...HAND, collectionRate: 0}, {runs: 50});
    // collection is triangular from 0 to 0.1 around 0: runs may collect a little, the central line none
    expect(none.rows.every((r) => r.recycled === 0)).toBe(true);
    expect(none.rows.every((r) => r.recycledP95 <= 0.1 * r.outflowP95 + 1e-12)).toBe(true);
  });

  it("the distributions are the documented ones, cut at 0 and 1", () => {
    expect(scenarioDistributions({collectionRate: 0.05, recoveryEfficiency: 0.95, lifetime: {mean: 10, sd: 3}, growth: 0.1})).toEqual({
      lifetimeMean: {kind: "lognormal", mean: 10, sd: 2},
      lifetimeSd: {kind: "uniform", min: 1.5, max: 4.5},
      collection: {kind: "triangular", min: 0, mode: 0.05, max: 0.15000000000000002},
      recovery: {kind: "triangular", min: 0.85, mode: 0.95, max: 1}
    });
    expect(scenarioDistributions(HAND).lifetimeSd).toEqual({kind: "fixed", value: 0});
    expect(() => scenarioModel(INPUT, {...HAND, collectionRate: 1.2})).toThrow(/collection rate must be a share/);
  });
});

describe("scenarioSeries on the published tables", () => {
  const flows = buildTable(mfaFlowsTable, read);
  const processes = buildTable(mfaProcessesTable, read);
  const demand = buildTable(ieaDemandTable, read);
  // The rows of Figures S24 and S25, as their SQL gives them (its order does not matter to the model).
  const rows: Record<string, unknown>[] = [
    ...demand.map((d) => ({row_kind: "demand", system: d.mineral, id: d.sector, scenario: d.scenario, year: d.year, value: d.value_kt, unit: d.unit, note: d.basis})),
    ...processes.map((p) => ({row_kind: "process", ...p})),
    ...flows.map((f) => ({row_kind: "flow", ...f})),
    {row_kind: "paper", system: "lithium", id: "li_eol_ev_2021", value: 5.9, unit: "kt Li", year: 2021}
  ];

  it("lithium at the defaults: the paper's 5.9 kt end of life in 2021 (as Figure S10), then the IEA's EV demand", () => {
    const a = defaultAssumptions(flows, processes, "lithium");
    const r = scenarioSeries(rows, "lithium", a, {runs: 100});
    const model = runModel(flows, processes, "lithium", a);
    const at = (s: string, year: number) => r.rows.find((x) => x.scenario === s && x.year === year)!;
    expect(r.runs).toBe(100);
    expect(at("STEPS", 2021).outflow).toBeCloseTo(5.9, 9);
    expect(at("STEPS", 2021).outflow).toBeCloseTo(model.endOfLife.outflowLast, 9);
    expect(at("NZE", 2021).inflow).toBe(model.endOfLife.inflow.at(-1));
    expect(at("APS", 2024)).toMatchObject({inflow: 109.026, inflowBasis: "IEA", demand: 205, demandBasis: "IEA"});
    expect(at("STEPS", 2050)).toMatchObject({inflow: 930.291, demand: 1169.7554038030949});
    expect(at("NZE", 2050).inflow).toBe(1546.5);
    expect(at("STEPS", 2050).share).toBeCloseTo(at("STEPS", 2050).recycled / 1169.7554038030949, 12);
    expect(r.paperEndOfLife).toBe(5.9);
    expect(r.rows[0]!.year).toBe(2000);
  });

  it("nickel follows total demand from 1950; its 2050 recycled supply grows with the scenario's demand", () => {
    const a = defaultAssumptions(flows, processes, "nickel");
    const r = scenarioSeries(rows, "nickel", a, {runs: 100});
    expect(r.rows[0]!.year).toBe(1950);
    expect(r.rows.find((x) => x.scenario === "STEPS" && x.year === 2024)!.inflow).toBe(3371.0937350845497);
    const y2050 = scenarioYear(r, 2050);
    expect(y2050.map((x) => x.scenario)).toEqual(["STEPS", "APS", "NZE"]);
    expect(y2050[0]!.recycled).toBeLessThan(y2050[1]!.recycled);
    expect(y2050[1]!.recycled).toBeLessThan(y2050[2]!.recycled);
  });

  it("a slider moves the 2050 values; scenarioCache runs the model once for equal rows", () => {
    const a = defaultAssumptions(flows, processes, "lithium");
    const cache = scenarioCache();
    const first = cache(rows, "lithium", a);
    expect(first.runs).toBe(MONTE_CARLO_RUNS);
    expect(cache([...rows], "lithium", {...a})).toBe(first); // equal rows, equal assumptions: the same result
    const moved = cache(rows, "lithium", {...a, collectionRate: 0.5});
    expect(moved).not.toBe(first);
    expect(scenarioYear(moved, 2050)[0]!.recycled).toBeCloseTo((scenarioYear(first, 2050)[0]!.recycled * 0.5) / a.collectionRate, 9);
  });

  it("an edited row that the model cannot read is named", () => {
    const a = defaultAssumptions(flows, processes, "lithium");
    const bad = rows.map((r) => (r.row_kind === "demand" && r.system === "lithium" && r.year === 2040 && r.scenario === "APS" && r.id === "Electric vehicles" ? {...r, value: "many"} : r));
    expect(() => scenarioSeries(bad, "lithium", a)).toThrow(/demand Electric vehicles APS 2040\): value must be a number or empty/);
    const missing = rows.filter((r) => !(r.row_kind === "demand" && r.system === "nickel" && r.year === 2035));
    expect(() => scenarioSeries(missing, "nickel", defaultAssumptions(flows, processes, "nickel"))).toThrow(/IEA demand, nickel, Total demand, STEPS: the rows lack 2035/);
  });
});
