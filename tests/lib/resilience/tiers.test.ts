import {describe, expect, it} from "vitest";
import {hhiRange, REST_WORST_RISK, tierMetrics, top3Range, trend, unsplitRest, wgiByIso, type TierSupply} from "../../../lib/resilience/tiers.ts";

// Total 100: A 50, B 20, C 10 named; 20 not split by country.
const tier: TierSupply = {
  mineral: "m",
  tier: "refining",
  year: 2024,
  source: "test",
  total: 100,
  countries: [
    {supplier: "A", iso3: "AAA", value: 50},
    {supplier: "B", iso3: "BBB", value: 20},
    {supplier: "C", iso3: "CCC", value: 10}
  ]
};
// WGI averages 1.5, 0 and -1: risks (2.5 - wgi) * 2 = 2, 5 and 7.
const wgi = new Map([
  ["AAA", 1.5],
  ["BBB", 0],
  ["CCC", -1]
]);

describe("tierMetrics", () => {
  it("tierMetrics(tier) bounds the HHI by the split of the rest: 50² + 20² + 10² = 3,000 (rest spread thin) to 3,000 + 20² = 3,400 (rest as one)", () => {
    const m = tierMetrics(tier, wgi, 2023);
    expect(m.rest.value).toBe(20);
    expect(m.hhi.value).toEqual({lower: 3000, upper: 3400});
    expect(m.effective.value!.lower).toBeCloseTo(10_000 / 3400, 12);
    expect(m.effective.value!.upper).toBeCloseTo(10_000 / 3000, 12);
    expect(m.leader).toEqual({supplier: "A", share: 0.5});
  });

  it("tierMetrics(tier) bounds the top-3 share: A + B + C = 80 % to A + rest + B = 90 %", () => {
    const m = tierMetrics(tier, wgi, 2023);
    expect(m.top3.value!.lower).toBeCloseTo(0.8, 12);
    expect(m.top3.value!.upper).toBeCloseTo(0.9, 12);
  });

  it("tierMetrics(tier) bounds the HHI WGI: 2,500 · 2 + 400 · 5 + 100 · 7 = 7,700 to 7,700 + 400 · 10 = 11,700 (the rest with the worst risk)", () => {
    expect(REST_WORST_RISK).toBe(10);
    const m = tierMetrics(tier, wgi, 2023);
    expect(m.hhiWgi.value!.lower).toBeCloseTo(7700, 9);
    expect(m.hhiWgi.value!.upper).toBeCloseTo(11_700, 9);
  });

  it("tierMetrics(tier) gives the HHI WGI as missing, naming the country, when a supplier has no WGI; a supplier at 0 needs none", () => {
    const m = tierMetrics(tier, new Map([["AAA", 1.5], ["BBB", 0]]), 2023);
    expect(m.hhiWgi).toEqual({value: null, reason: "HHI WGI: no 2023 WGI (all six estimates) for C"});
    const zero = tierMetrics({...tier, countries: [...tier.countries, {supplier: "D", iso3: "DDD", value: 0}]}, wgi, 2023);
    expect(zero.hhiWgi.value).not.toBeNull();
  });

  it("tierMetrics(tier) makes every metric missing, never computed with 0, when a named value is missing", () => {
    const m = tierMetrics({...tier, countries: [...tier.countries.slice(0, 2), {supplier: "C", iso3: "CCC", value: null}]}, wgi, 2023);
    expect(m.hhi).toEqual({value: null, reason: "HHI: no value for C (m refining, 2024)"});
    expect(m.top3.value).toBeNull();
    expect(m.rest.value).toBeNull();
  });

  it("unsplitRest(tier) is 0 when the named countries exceed a rounded total by up to 1 %, and missing beyond", () => {
    expect(unsplitRest({...tier, total: 70}).reason).toMatch(/add up to more than the total/);
    expect(unsplitRest({...tier, total: 79.3}).value).toBe(0); // 80 named, 0.9 % over
    expect(unsplitRest({...tier, total: 79}).value).toBeNull(); // 1.3 % over
    expect(() => unsplitRest({...tier, total: 0})).toThrow(/must be a number > 0, got 0/);
  });

  it("the nickel mining block of 2024 as the site reads it: 3,861 kt, Australia named, 529 kt unsplit; HHI 4,198.5 to 4,386.2", () => {
    const nickel: TierSupply = {
      ...tier,
      mineral: "nickel",
      tier: "mining",
      total: 3861,
      countries: [
        ["Indonesia", 2463],
        ["Philippines", 345],
        ["New Caledonia", 116],
        ["Russia", 190],
        ["Canada", 118],
        ["Australia", 100]
      ].map(([supplier, value]) => ({supplier: supplier as string, iso3: null, value: value as number}))
    };
    const m = tierMetrics(nickel, new Map(), 2023);
    expect(m.rest.value).toBeCloseTo(529, 9);
    // By hand: 10⁴ · (2463² + 345² + 116² + 190² + 118² + 100²) / 3861² = 10⁴ · 6,258,874 / 14,907,321 = 4,198.52;
    // upper: + 10⁴ · 529² / 3861² = 10⁴ · 279,841 / 14,907,321 = 187.72, so 4,386.24.
    const lower = (1e4 * (2463 ** 2 + 345 ** 2 + 116 ** 2 + 190 ** 2 + 118 ** 2 + 100 ** 2)) / 3861 ** 2;
    expect(lower).toBeCloseTo(4198.52, 2);
    expect(m.hhi.value!.lower).toBeCloseTo(lower, 9);
    expect(m.hhi.value!.upper).toBeCloseTo(lower + (1e4 * 529 ** 2) / 3861 ** 2, 9);
    expect(m.hhi.value!.upper).toBeCloseTo(4386.24, 2);
    expect(m.hhiWgi.reason).toMatch(/Indonesia, Philippines/);
  });
});

describe("hhiRange, top3Range, trend, wgiByIso", () => {
  it("hhiRange with nothing unsplit is one number", () => {
    expect(hhiRange([{supplier: "A", value: 60}, {supplier: "B", value: 40}], 0, 100)).toEqual({lower: 5200, upper: 5200});
    expect(top3Range([{supplier: "A", value: 60}], 40, 100)).toEqual({lower: 0.6, upper: 1});
  });

  it("trend(from, to) says more or less only when the ranges do not overlap", () => {
    expect(trend({lower: 3000, upper: 3400}, {lower: 3500, upper: 3600})).toBe("more");
    expect(trend({lower: 3000, upper: 3400}, {lower: 2000, upper: 2900})).toBe("less");
    expect(trend({lower: 3000, upper: 3400}, {lower: 3300, upper: 3600})).toBe("overlapping");
  });

  it("wgiByIso averages the six estimates and leaves out an economy missing one, or beyond the WGI's range", () => {
    const m = wgiByIso([
      {iso3: "AAA", country: "A", estimates: [1, 2, 0, 0, 0, 1]},
      {iso3: "BBB", country: "B", estimates: [1, null, 0, 0, 0, 1]},
      {iso3: "CCC", country: "C", estimates: [-2.73, 0, 0, 0, 0, 0]}
    ]);
    expect([...m]).toEqual([["AAA", 4 / 6]]);
  });
});
