import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {COMPOSITE_INDICATORS, compositeUnits, mineralMetrics, productionSlice, systemEntries, unitId, wgiForYear, type MetricContext, type MetricEntry} from "../../../lib/resilience/mineral-metrics.ts";
import {compositeIndex} from "../../../lib/resilience/composite.ts";
import {loadHighs, type LpSolver} from "../../../lib/resilience/recovery.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {governanceTable} from "../../../lib/tables/governance.ts";
import {productionTable} from "../../../lib/tables/production.ts";
import {reservesTable} from "../../../lib/tables/reserves.ts";
import {resilienceMetricsTable} from "../../../lib/tables/resilience-metrics.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const production = buildTable(productionTable, read);
const reserves = buildTable(reservesTable, read);
const wgi = wgiForYear(buildTable(governanceTable, read), 2021);
const table2 = buildTable(resilienceMetricsTable, read);

let context: MetricContext;
beforeAll(async () => {
  const solver: LpSolver = await loadHighs();
  context = {reserves, wgi, wgiYear: 2021, solver};
});

const slice = (commodity: string, stage = "mine") => productionSlice(production, {edition: "MCS2023", year: 2021, commodity, stage});
const metrics = (commodity: string, stage = "mine") => mineralMetrics(slice(commodity, stage), context);
const get = (entries: MetricEntry[], indicator: string) => entries.find((e) => e.indicator === indicator)!;

describe("productionSlice", () => {
  it("productionSlice(rows, MCS2023 lithium mine 2021) has the world total without the withheld U.S. value", () => {
    const s = slice("lithium");
    expect(s.world).toBe(107_000);
    expect(s.worldLabel).toBe("World total (rounded), excluding U.S. production");
    expect(s.withoutValue).toEqual([{country: "United States", status: "withheld"}]);
    expect(s.countries).toHaveLength(8);
  });

  it("productionSlice(rows, unknown) throws instead of reading as a market without suppliers", () => {
    expect(() => slice("unobtainium")).toThrow(/no MCS2023 rows for unobtainium \(mine\) in 2021/);
  });
});

describe("wgiForYear", () => {
  it("wgiForYear(rows, 2021) gives the six estimates in the order va, pv, ge, rq, rl, cc; New Caledonia is not a WGI economy", () => {
    const aus = wgi.find((w) => w.iso3 === "AUS")!;
    expect(aus.estimates).toHaveLength(6);
    expect(aus.estimates[5]).toBe(1.71); // control of corruption, 2024 vintage
    expect(wgi.find((w) => w.iso3 === "COD")?.country).toBe("Congo, Dem. Rep.");
    expect(wgi.find((w) => w.iso3 === "NCL")).toBeUndefined();
  });

  it("wgiForYear(rows, year) throws on an indicator given twice", () => {
    const row = {iso3: "AUS", wgi_code: "AUS", country: "Australia", year: 2021, indicator: "cc", estimate: 1};
    expect(() => wgiForYear([row, row], 2021)).toThrow(/AUS has indicator "cc" twice/);
  });
});

describe("mineralMetrics", () => {
  it("mineralMetrics(lithium 2021) gives HHI 3,576.6 and top-3 91.21 %, the hand computation from the MCS 2023 rows", () => {
    const m = metrics("lithium");
    expect(get(m, "hhi").value.value).toBeCloseTo(3_576.58, 2);
    expect(get(m, "top3").value.value).toBeCloseTo(0.91215, 5);
    expect(get(m, "effective").value.value).toBeCloseTo(10_000 / 3_576.58, 4);
    expect(get(m, "producers").value.value).toBe(7); // Canada's 0 and the withheld U.S. do not count
  });

  it("mineralMetrics(nickel 2021) gives HHI 1,833.8 and top-3 59.78 %", () => {
    const m = metrics("nickel");
    expect(get(m, "hhi").value.value).toBeCloseTo(1_833.84, 2);
    expect(get(m, "top3").value.value).toBeCloseTo(0.5978, 4);
  });

  it("mineralMetrics(lithium) weights the HHI by WGI 2021: every lithium producer has the six estimates", () => {
    // Hand: sum of (100 q_i / Q)^2 x 2 (2.5 - mean WGI_i) over the producers, from the governance table.
    const mean = (iso3: string) => wgi.find((w) => w.iso3 === iso3)!.estimates.reduce((a, b) => a! + b!, 0)! / 6;
    const producers: [string, number][] = [["AUS", 55_300], ["CHL", 28_300], ["CHN", 14_000], ["ARG", 5_970], ["BRA", 1_700], ["PRT", 900], ["ZWE", 710]];
    const hand = producers.reduce((s, [iso3, q]) => s + (100 * q / 107_000) ** 2 * 2 * (2.5 - mean(iso3)), 0);
    expect(get(metrics("lithium"), "hhi_wgi").value.value).toBeCloseTo(hand, 6);
  });

  it("mineralMetrics(nickel) leaves HHI_WGI missing, naming New Caledonia, which the WGI does not cover", () => {
    expect(get(metrics("nickel"), "hhi_wgi").value).toEqual({value: null, reason: 'hhiWgi: no WGI for "New Caledonia" (New Caledonia: not among the WGI economies)'});
  });

  it("mineralMetrics(lithium) computes reserves HHI and R/P from the MCS 2023 reserves", () => {
    const m = metrics("lithium");
    expect(get(m, "rp_years").value.value).toBeCloseTo(26_000_000 / 107_000, 6);
    const shares = [9_300_000, 6_200_000, 2_700_000, 2_000_000, 1_000_000, 930_000, 310_000, 250_000, 60_000].map((r) => (100 * r) / 26_000_000);
    expect(get(m, "reserves_hhi").value.value).toBeCloseTo(shares.reduce((s, x) => s + x * x, 0), 6);
    expect(get(m, "reserves_top3").value.value).toBeCloseTo((9.3 + 6.2 + 2.7) / 26, 9);
  });

  it("mineralMetrics(nickel) leaves reserves metrics missing: world reserves are a lower bound, R/P at least 36.6 years", () => {
    const m = metrics("nickel");
    expect(get(m, "reserves_hhi").value.reason).toMatch(/lower bound \(more than 100,000,000 t Ni content\)/);
    expect(get(m, "rp_years").value.reason).toMatch(/R\/P is at least 36\.6 years/);
  });

  it("mineralMetrics(copper refinery) has production metrics but no reserves metrics", () => {
    const m = metrics("copper", "refinery");
    expect(get(m, "hhi").value.value).toBeGreaterThan(0);
    expect(get(m, "reserves_hhi").value.reason).toMatch(/not defined for refinery production/);
  });

  it("mineralMetrics(mineral) leaves every metric without data missing with its reason, never zero", () => {
    const m = metrics("lithium");
    for (const indicator of ["stockpile_days", "spare_capacity", "substitutable_share", "lead_time", "ttr", "tts", "economic_loss"]) {
      const v = get(m, indicator).value;
      expect(v.value, indicator).toBeNull();
      expect(v.reason, indicator).toBeTruthy();
    }
    expect(get(m, "stockpile_days").value.reason).toBe("stockpileCoverage: stock is missing (no stock data: the USGS world tables report production and reserves, not stocks)");
    expect(get(m, "tts").value.reason).toMatch(/^timeToSurvive: no data for "World market" \(inventory\)/);
    expect(get(m, "paths").value.value).toBe(7);
  });

  it("mineralMetrics(mineral) covers Table 2's rows 1 to 10, each with a formula", () => {
    const m = metrics("cobalt");
    const covered = new Set(m.map((e) => e.metric));
    expect(table2.filter((r) => r.capacity !== "System-level resilience").map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !table2.some((r) => r.id === id))).toEqual([]);
    expect(m.every((e) => e.formula.length > 0)).toBe(true);
  });

  it("mineralMetrics(all seven minerals) computes without throwing; manganese reserves, whose countries exceed the world total, are missing with the reason", () => {
    for (const [commodity, stage] of [["cobalt", "mine"], ["copper", "mine"], ["copper", "refinery"], ["graphite", "mine"], ["lithium", "mine"], ["manganese", "mine"], ["nickel", "mine"], ["rare earths", "mine"]] as const) {
      expect(() => metrics(commodity, stage)).not.toThrow();
    }
    expect(get(metrics("manganese"), "reserves_hhi").value).toEqual({value: null, reason: "concentration: suppliers sum to 1718000000, more than the total 1700000000 (tolerance 1 %)"});
  });
});

describe("compositeUnits", () => {
  it("compositeUnits(metrics) keeps missing values null and scores with lib's composite index", () => {
    const map = new Map(["lithium", "nickel", "cobalt"].map((c) => [unitId({commodity: c, stage: "mine"}), metrics(c)]));
    const units = compositeUnits(map);
    expect(units.find((u) => u.id === "nickel/mine")!.values.hhi_wgi).toBeNull();
    const weights = Object.fromEntries(COMPOSITE_INDICATORS.map((i) => [i.id, 1]));
    const result = compositeIndex(units, COMPOSITE_INDICATORS, {normalisation: "min-max", aggregation: "arithmetic", weights});
    expect(result.scores.find((s) => s.unit === "nickel/mine")!.reason).toMatch(/missing "hhi_wgi"/);
  });
});

describe("systemEntries", () => {
  const percolation = {random: {value: 0.4}, targeted: {value: null, reason: "no network"}, network: "the country-mineral network"};

  it("systemEntries(inputs) with mineralMetrics covers all twelve rows of Table 2", () => {
    const entries = [...metrics("lithium"), ...systemEntries({percolation, composite: {value: 0.5, rank: 2, coverage: 1}})];
    expect(table2.map((r) => r.id).filter((id) => !entries.some((e) => e.metric === id))).toEqual([]);
  });

  it("systemEntries(inputs) keeps an unscored or failed composite missing with its reason", () => {
    const unscored = systemEntries({percolation, composite: {value: null, rank: null, coverage: 0, reason: 'missing "hhi_wgi"'}});
    expect(unscored.at(-1)!.value).toEqual({value: null, reason: 'compositeIndex: not scored (missing "hhi_wgi")'});
    const failed = systemEntries({percolation, composite: {error: "all weights are 0"}});
    expect(failed.at(-1)!.value).toEqual({value: null, reason: "compositeIndex: all weights are 0"});
    expect(unscored[1]!.value).toEqual({value: null, reason: "no network"});
  });
});
