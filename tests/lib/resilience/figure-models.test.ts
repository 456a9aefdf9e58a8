import {beforeAll, describe, expect, it} from "vitest";
import {loadHighs, type LpSolver} from "../../../lib/resilience/recovery.ts";
import {
  compositeRanks,
  compositeScores,
  DEFAULT_STATE,
  metricInputs,
  metricsByUnit,
  pageStateParams,
  percolationCurves,
  productionRows,
  productionUnits,
  readPageState,
  searchRows,
  shockRecovery
} from "../../../lib/resilience/figure-models.ts";

let highs: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
});

const prod = (commodity: string, country: string, kind: string, value_t: number | null, iso3: string | null = null) => ({
  source: "production",
  edition: "MCS2023",
  commodity,
  stage: "mine",
  country,
  iso3,
  kind,
  year: 2021,
  value_t,
  lower_bound_t: null,
  status: "reported",
  unit: "t",
  indicator: null,
  estimate: null
});

// A market of two producers: A mines 1,200 t a year, B 600 t; world 1,800 t.
const market = [prod("x", "A", "country", 1200, "AAA"), prod("x", "B", "country", 600, "BBB"), prod("x", "World total", "world", 1800)];

describe("shockRecovery", () => {
  it("A loses 50 %, 10 % spare at B, 30 days of stock, 6 months: TTS and lost demand as worked by hand", () => {
    const r = shockRecovery(market, {unit: "x/mine", country: "A", sharePercent: 50, months: 6, stockpileDays: 30, sparePercent: 10}, highs);
    // Demand 1,800 / 12 = 150 t a month; lost 0.5 x 1,200 / 12 = 50; spare 0.1 x 600 / 12 = 5; shortfall 45.
    expect(r.demand).toBeCloseTo(150, 9);
    expect(r.hand.shortfall).toBeCloseTo(45, 9);
    // Stock 30 x 1,800 / 365 = 147.945 t; TTS = 147.945 / 45 = 3.2877 months.
    expect(r.built.stock).toBeCloseTo(147.9452055, 6);
    expect(r.timeToSurvive).toBeCloseTo(3.2876712, 5);
    // Lost over 6 months: 45 x 6 - 147.945 = 122.055 t, none in the first 3 months, 180 - 147.945 = 32.055 in the 4th, then 45 a month.
    expect(r.lostUnits).toBeCloseTo(122.0547945, 4);
    expect(r.lost.map((x) => Math.round(x * 1000) / 1000)).toEqual([0, 0, 0, 32.055, 45, 45]);
  });

  it("draws from edited rows: without B there is no spare capacity, so the shortfall is the whole loss", () => {
    const r = shockRecovery(market.filter((d) => d.country !== "B"), {unit: "x/mine", country: "A", sharePercent: 50, months: 6, stockpileDays: 0, sparePercent: 10}, highs);
    // Demand 1,200 / 12 = 100 a month, 50 of it lost, no stock: TTS 0, 50 x 6 = 300 t lost.
    expect(r.timeToSurvive).toBe(0);
    expect(r.lostUnits).toBeCloseTo(300, 6);
  });

  it("throws, naming what is wrong, on an unknown country, a fractional outage or a missing column", () => {
    const inputs = {unit: "x/mine", country: "C", sharePercent: 50, months: 6, stockpileDays: 30, sparePercent: 5};
    expect(() => shockRecovery(market, inputs, highs)).toThrow(/"C" is not a supplier/);
    expect(() => shockRecovery(market, {...inputs, country: "A", months: 2.5}, highs)).toThrow(/whole number of periods >= 1, got 2.5/);
    expect(() => shockRecovery(market.map(({value_t: _, ...rest}) => rest), {...inputs, country: "A"}, highs)).toThrow(/row 1 has no column "value_t"/);
    expect(() => shockRecovery(market, {...inputs, unit: "y/mine"}, highs)).toThrow(/no MCS2023 rows for y \(mine\)/);
  });
});

describe("productionRows and productionUnits", () => {
  it("reads the production columns, and lists each mineral and stage once, sorted", () => {
    const rows = productionRows([...market, prod("b", "A", "country", 5, "AAA")]);
    expect(rows[0]).toMatchObject({country: "A", value_t: 1200, iso3: "AAA", year: 2021});
    expect(productionUnits(rows)).toEqual([
      {commodity: "b", stage: "mine"},
      {commodity: "x", stage: "mine"}
    ]);
  });

  it("refuses a mistyped value", () => {
    expect(() => productionRows([{...market[0], value_t: "1200"}])).toThrow(/row 1: "value_t" must be a number, got "1200"/);
  });
});

describe("percolationCurves", () => {
  it("A and B both mine x: 3 nodes, 2 links; removing x first (largest degree) leaves pieces of 1, so p_c = 1/3", () => {
    const rows = [prod("x", "A", "country", 1, "AAA"), prod("x", "B", "country", 2, "BBB")];
    const r = percolationCurves(rows, {trials: 10, seed: 1});
    expect(r.countries).toEqual(["AAA", "BBB"]);
    expect(r.minerals).toEqual(["x (mine)"]);
    expect(r.links).toBe(2);
    const initial = r.results.find((x) => x.strategy === "degree-initial")!;
    expect(initial.giant[0]).toBe(1);
    expect(initial.giant[1]).toBeCloseTo(1 / 3, 12);
    expect(initial.threshold).toBeCloseTo(1 / 3, 12);
  });
});

// Two minerals. x: A 40, B 30, C 20, D 10 of 100; reserves A 600, B 400 of 1,000. y: A 90, B 10 of 100; reserves A 450, B 50 of 500.
// WGI: every estimate of A to D is 0, so each has a risk of 2 x (2.5 - 0) = 5.
const reserve = (commodity: string, country: string, kind: string, value_t: number, iso3: string | null = null) => ({
  ...prod(commodity, country, kind, value_t, iso3),
  source: "reserves",
  stage: null,
  year: null
});
const wgi = (iso3: string) =>
  ["va", "pv", "ge", "rq", "rl", "cc"].map((indicator) => ({source: "governance", country: iso3, iso3, year: 2021, indicator, estimate: 0}));
const inputs = [
  prod("x", "A", "country", 40, "AAA"),
  prod("x", "B", "country", 30, "BBB"),
  prod("x", "C", "country", 20, "CCC"),
  prod("x", "D", "country", 10, "DDD"),
  prod("x", "World", "world", 100),
  prod("y", "A", "country", 90, "AAA"),
  prod("y", "B", "country", 10, "BBB"),
  prod("y", "World", "world", 100),
  reserve("x", "A", "country", 600, "AAA"),
  reserve("x", "B", "country", 400, "BBB"),
  reserve("x", "World", "world", 1000),
  reserve("y", "A", "country", 450, "AAA"),
  reserve("y", "B", "country", 50, "BBB"),
  reserve("y", "World", "world", 500),
  ...wgi("AAA"),
  ...wgi("BBB"),
  ...wgi("CCC"),
  ...wgi("DDD")
];
const value = (metrics: Map<string, {indicator: string; value: {value: number | null}}[]>, unit: string, indicator: string) =>
  metrics.get(unit)!.find((e) => e.indicator === indicator)!.value.value;

describe("metricInputs and metricsByUnit", () => {
  it("splits the rows by source", () => {
    const split = metricInputs(inputs);
    expect([split.production.length, split.reserves.length, split.governance.length]).toEqual([8, 6, 24]);
    expect(() => metricInputs([{...inputs[0], source: "trade"}])).toThrow(/unknown source "trade"/);
  });

  it("x: HHI 40² + 30² + 20² + 10² = 3,000, top-3 90 %, HHI_WGI 3,000 x 5 = 15,000, reserves HHI 60² + 40² = 5,200, R/P 1,000 / 100 = 10 years, without a solver", () => {
    const metrics = metricsByUnit(inputs);
    expect([...metrics.keys()]).toEqual(["x/mine", "y/mine"]);
    expect(value(metrics, "x/mine", "hhi")).toBeCloseTo(3000, 9);
    expect(value(metrics, "x/mine", "top3")).toBeCloseTo(0.9, 12);
    expect(value(metrics, "x/mine", "producers")).toBe(4);
    expect(value(metrics, "x/mine", "hhi_wgi")).toBeCloseTo(15000, 6);
    expect(value(metrics, "x/mine", "reserves_hhi")).toBeCloseTo(5200, 9);
    expect(value(metrics, "x/mine", "rp_years")).toBeCloseTo(10, 12);
    // y: 90² + 10² = 8,200; R/P 500 / 100 = 5 years.
    expect(value(metrics, "y/mine", "hhi")).toBeCloseTo(8200, 9);
    expect(value(metrics, "y/mine", "rp_years")).toBeCloseTo(5, 12);
    expect(value(metrics, "x/mine", "tts")).toBeNull();
  });

  it("x is better than y on every indicator: min-max scores 1 and 0, ranks 1 and 2 under any perturbed weights", () => {
    const options = {...DEFAULT_STATE.composite, amplitude: 0.5};
    const scores = compositeScores(metricsByUnit(inputs), options);
    expect(scores.scores.map((s) => [s.unit, s.rank])).toEqual([
      ["x/mine", 1],
      ["y/mine", 2]
    ]);
    expect(scores.scores[0]!.value).toBeCloseTo(1, 12);
    expect(scores.scores[1]!.value).toBeCloseTo(0, 12);
    const ranks = compositeRanks(inputs, options);
    expect(ranks.units.map((u) => [u.unit, u.min, u.max])).toEqual([
      ["x/mine", 1, 1],
      ["y/mine", 2, 2]
    ]);
    expect(ranks.meanAbsoluteRankShift).toBe(0);
  });
});

describe("readPageState and pageStateParams", () => {
  it("reads the defaults from an empty query string, and writes none of them back", () => {
    expect(readPageState("")).toEqual(DEFAULT_STATE);
    expect(pageStateParams(DEFAULT_STATE).filter(([, v]) => v !== null)).toEqual([]);
  });

  it("keeps good values and replaces bad ones by their default", () => {
    const state = readPageState("?unit=nickel/mine&country=Indonesia&lost=80&months=2.5&stock=999&spare=abc&w-hhi=2.5&w-top3=-1&norm=rank&agg=median&a=0.25");
    expect(state.shock).toEqual({unit: "nickel/mine", country: "Indonesia", sharePercent: 80, months: 6, stockpileDays: 30, sparePercent: 5});
    expect(state.composite.weights.hhi).toBe(2.5);
    expect(state.composite.weights.top3).toBe(1);
    expect(state.composite.normalisation).toBe("rank");
    expect(state.composite.aggregation).toBe("arithmetic");
    expect(state.composite.amplitude).toBe(0.25);
    expect(readPageState("?unit=<script>").shock.unit).toBe("lithium/mine");
    // Figure S4's seed is a whole number from 0, its trials 100 to 5,000 in hundreds.
    expect(readPageState("?seed=42&trials=2500").percolation).toEqual({seed: 42, trials: 2500});
    expect(readPageState("?seed=-3&trials=2550").percolation).toEqual({seed: 1, trials: 1000});
  });

  it("round-trips a state through the query string", () => {
    const state = readPageState("?unit=copper/refinery&country=Chile&lost=20&months=12&stock=60&spare=0&seed=7&trials=200&w-rp_years=0&agg=geometric&missing=drop-unit&a=1");
    expect(state.percolation).toEqual({seed: 7, trials: 200});
    const search = new URLSearchParams(pageStateParams(state).filter((p): p is [string, string] => p[1] !== null)).toString();
    expect(readPageState(search)).toEqual(state);
  });
});

describe("searchRows", () => {
  const rows = [
    {shock: "Natural disaster", strategy: "Stockpiling"},
    {shock: "Trade restriction", strategy: "Alternative supply sources"}
  ];
  it("keeps the rows in which every word occurs in a column, case ignored", () => {
    expect(searchRows(rows, "", ["shock", "strategy"])).toEqual(rows);
    expect(searchRows(rows, "stock", ["shock", "strategy"])).toEqual([rows[0]]);
    expect(searchRows(rows, "TRADE supply", ["shock", "strategy"])).toEqual([rows[1]]);
    expect(searchRows(rows, "trade stockpiling", ["shock", "strategy"])).toEqual([]);
  });
});
