import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {compositeIndex, compositeSensitivity, normalise, normaliseWeights, type CompositeUnit, type Indicator} from "../../../lib/resilience/composite.js";

// Tiny worked example. Stock (days, higher is better) and HHI (lower is better).
//        stock  hhi    min-max stock  min-max hhi
//   A    90     2000   1              (8000-2000)/6000 = 1
//   B    30     5000   0              (8000-5000)/6000 = 0.5
//   C    60     8000   0.5            0
const indicators: Indicator[] = [
  {id: "stock", direction: "higher-is-better", reference: 60},
  {id: "hhi", direction: "lower-is-better", reference: 5000}
];
const units: CompositeUnit[] = [
  {id: "A", values: {stock: 90, hhi: 2000}},
  {id: "B", values: {stock: 30, hhi: 5000}},
  {id: "C", values: {stock: 60, hhi: 8000}}
];
const scoresOf = (r: ReturnType<typeof compositeIndex>) => r.scores.map((s) => s.value);
const ranksOf = (r: ReturnType<typeof compositeIndex>) => r.scores.map((s) => s.rank);

describe("normaliseWeights", () => {
  it("normaliseWeights(weights, ids) scales weights to sum 1", () => {
    expect(normaliseWeights({stock: 1, hhi: 3}, ["stock", "hhi"])).toEqual({stock: 0.25, hhi: 0.75});
  });

  it("normaliseWeights(weights, ids) throws on a negative, missing, unknown or all-zero weight", () => {
    expect(() => normaliseWeights({stock: -1, hhi: 3}, ["stock", "hhi"])).toThrow(/"stock" has invalid weight -1/);
    expect(() => normaliseWeights({stock: 1}, ["stock", "hhi"])).toThrow(/"hhi" has no weight/);
    expect(() => normaliseWeights({stock: 1, hhi: 1, gdp: 1}, ["stock", "hhi"])).toThrow(/unknown indicator "gdp"/);
    expect(() => normaliseWeights({stock: 0, hhi: 0}, ["stock", "hhi"])).toThrow(/all weights are 0/);
  });
});

describe("normalise", () => {
  it("normalise(values, indicator, method) follows the Handbook formulas, oriented higher = better", () => {
    const stock = indicators[0]!;
    const hhi = indicators[1]!;
    expect(normalise([90, 30, 60], stock, "min-max")).toEqual([1, 0, 0.5]);
    expect(normalise([2000, 5000, 8000], hhi, "min-max")).toEqual([1, 0.5, 0]);
    const z = normalise([90, 30, 60], stock, "z-score") as number[];
    expect(z[0]).toBeCloseTo(30 / Math.sqrt(600), 12);
    expect(z[2]).toBeCloseTo(0, 12);
    expect(normalise([2000, 5000, 8000, 5000], hhi, "rank")).toEqual([4, 2.5, 1, 2.5]);
    expect(normalise([90, 30, 60], stock, "distance-to-reference")).toEqual([0.5, -0.5, 0]);
    expect(normalise([2000, null, 8000], hhi, "distance-to-reference")).toEqual([0.6, null, -0.6]);
    expect(normalise([null, null], hhi, "min-max")).toEqual([null, null]);
  });

  it("normalise(values, indicator, method) throws on a constant indicator or a missing reference", () => {
    expect(() => normalise([5, 5], indicators[0]!, "min-max")).toThrow(/"stock" has the same value for all units/);
    expect(() => normalise([5, 6], {id: "x", direction: "higher-is-better"}, "distance-to-reference")).toThrow(/"x" needs a finite, non-zero reference/);
  });
});

describe("compositeIndex", () => {
  it("compositeIndex(units, indicators, min-max + arithmetic) gives the hand-worked scores and ranks", () => {
    // weights 1:3 -> 0.25, 0.75. A = 1; B = 0.25*0 + 0.75*0.5 = 0.375; C = 0.25*0.5 + 0 = 0.125.
    const r = compositeIndex(units, indicators, {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 3}});
    expect(scoresOf(r)).toEqual([1, 0.375, 0.125]);
    expect(ranksOf(r)).toEqual([1, 2, 3]);
    // weights 3:1 reverse B and C: B = 0.125, C = 0.375.
    const r2 = compositeIndex(units, indicators, {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 3, hhi: 1}});
    expect(ranksOf(r2)).toEqual([1, 3, 2]);
  });

  it("compositeIndex(units, indicators, min-max + geometric) is 0 for a unit at the minimum of one indicator (no compensation)", () => {
    const r = compositeIndex(units, indicators, {normalisation: "min-max", aggregation: "geometric", weights: {stock: 1, hhi: 1}});
    expect(scoresOf(r)).toEqual([1, 0, 0]);
    expect(ranksOf(r)).toEqual([1, 2, 2]);
  });

  it("compositeIndex(units, indicators, rank / z-score / distance) gives the hand-worked scores", () => {
    const rank = compositeIndex(units, indicators, {normalisation: "rank", aggregation: "arithmetic", weights: {stock: 1, hhi: 1}});
    expect(scoresOf(rank)).toEqual([3, 1.5, 1.5]);
    const z = compositeIndex(units, indicators, {normalisation: "z-score", aggregation: "arithmetic", weights: {stock: 1, hhi: 1}});
    const k = 30 / Math.sqrt(600);
    expect(z.scores[0]!.value).toBeCloseTo(k, 12);
    expect(z.scores[1]!.value).toBeCloseTo(-k / 2, 12);
    const dist = compositeIndex(units, indicators, {normalisation: "distance-to-reference", aggregation: "arithmetic", weights: {stock: 1, hhi: 1}});
    expect(dist.scores.map((s) => s.value! * 100)).toEqual([55, -25, -30].map((x) => expect.closeTo(x, 10)));
  });

  it("compositeIndex(units, indicators, {missing: 'drop-unit'}) drops a unit with a missing value, with the reason, without changing the others", () => {
    const withD = [...units, {id: "D", values: {stock: 80, hhi: null}}];
    const r = compositeIndex(withD, indicators, {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 3}});
    expect(scoresOf(r)).toEqual([1, 0.375, 0.125, null]);
    expect(r.scores[3]).toMatchObject({value: null, rank: null, reason: 'missing "hhi"', coverage: 0});
  });

  it("compositeIndex(units, indicators, {missing: 'reweight'}) scores a unit on the indicators it has and reports its coverage", () => {
    const withD = [...units, {id: "D", values: {stock: 80, hhi: null}}];
    const r = compositeIndex(withD, indicators, {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 3}, missing: "reweight"});
    // D: stock (80 - 30) / 60 alone, coverage 0.25.
    expect(r.scores[3]!.value).toBeCloseTo(50 / 60, 12);
    expect(r.scores[3]!.coverage).toBe(0.25);
    expect(ranksOf(r)).toEqual([1, 3, 4, 2]);
    const strict = compositeIndex(withD, indicators, {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 3}, missing: "reweight", minCoverage: 0.5});
    expect(strict.scores[3]).toMatchObject({value: null, reason: "coverage 0.25 is below minCoverage 0.5"});
  });

  it("compositeIndex(units, indicators, options) throws on a non-finite value, a duplicate unit, or geometric aggregation of negative z-scores", () => {
    const opts = {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 1}} as const;
    expect(() => compositeIndex([...units, {id: "E", values: {stock: Number.NaN, hhi: 1}}], indicators, opts)).toThrow(/unit "E", indicator "stock" has invalid value NaN/);
    expect(() => compositeIndex([...units, units[0]!], indicators, opts)).toThrow(/unit "A" is listed twice/);
    expect(() => compositeIndex(units, indicators, {...opts, normalisation: "z-score", aggregation: "geometric"})).toThrow(/geometric aggregation needs values >= 0/);
  });

  it("compositeIndex(units, indicators, min-max) scores lie in [0, 1] and a dominating unit ranks first (property)", () => {
    const data = fc.record({
      rows: fc.array(fc.tuple(fc.double({min: -1e6, max: 1e6, noNaN: true}), fc.double({min: -1e6, max: 1e6, noNaN: true}), fc.double({min: 0, max: 100, noNaN: true})), {minLength: 2, maxLength: 15}),
      w: fc.tuple(fc.double({min: 0.01, max: 10, noNaN: true}), fc.double({min: 0, max: 10, noNaN: true}), fc.double({min: 0, max: 10, noNaN: true})),
      aggregation: fc.constantFrom("arithmetic" as const, "geometric" as const)
    });
    const inds: Indicator[] = [
      {id: "a", direction: "higher-is-better"},
      {id: "b", direction: "lower-is-better"},
      {id: "c", direction: "higher-is-better"}
    ];
    fc.assert(
      fc.property(data, ({rows, w, aggregation}) => {
        // a dominating unit: best on every indicator
        const max = (i: number) => Math.max(...rows.map((r) => r[i]!));
        const min = (i: number) => Math.min(...rows.map((r) => r[i]!));
        const us = rows.map((r, i) => ({id: `u${i}`, values: {a: r[0], b: r[1], c: r[2]}}));
        us.push({id: "best", values: {a: max(0) + 1, b: min(1) - 1, c: max(2) + 1}});
        const r = compositeIndex(us, inds, {normalisation: "min-max", aggregation, weights: {a: w[0], b: w[1], c: w[2]}});
        return r.scores.every((s) => s.value! >= 0 && s.value! <= 1 + 1e-12) && r.scores.at(-1)!.rank === 1 && Math.abs(r.scores.at(-1)!.value! - 1) < 1e-12;
      })
    );
  });
});

describe("compositeSensitivity", () => {
  // Weights 1 : 1.2 make B (0.5 on hhi) edge out C (0.5 on stock); perturbing them can swap B and C but never dethrone A.
  const opts = {normalisation: "min-max", aggregation: "arithmetic", weights: {stock: 1, hhi: 1.2}} as const;

  it("compositeSensitivity(units, indicators, {amplitude: 0.5}) gives each unit's rank distribution", () => {
    const r = compositeSensitivity(units, indicators, {...opts, trials: 500, seed: 7, amplitude: 0.5});
    expect(r.units[0]).toEqual({unit: "A", baseRank: 1, median: 1, min: 1, max: 1});
    expect(r.units[1]).toMatchObject({unit: "B", baseRank: 2, min: 2, max: 3});
    expect(r.units[2]).toMatchObject({unit: "C", baseRank: 3, min: 2, max: 3});
    expect(r.meanAbsoluteRankShift).toBeGreaterThan(0);
  });

  it("compositeSensitivity(units, indicators, {amplitude: 0}) leaves every rank at its base rank", () => {
    const r = compositeSensitivity(units, indicators, {...opts, trials: 50, seed: 7, amplitude: 0});
    for (const u of r.units) expect([u.median, u.min, u.max]).toEqual([u.baseRank, u.baseRank, u.baseRank]);
    expect(r.meanAbsoluteRankShift).toBe(0);
  });

  it("compositeSensitivity(units, indicators, {seed}) is reproducible with a seed", () => {
    const many: CompositeUnit[] = Array.from({length: 12}, (_, i) => ({id: `u${i}`, values: {stock: (i * 37) % 11, hhi: (i * 53) % 13}}));
    const a = compositeSensitivity(many, indicators, {...opts, trials: 200, seed: 99, amplitude: 0.8});
    const b = compositeSensitivity(many, indicators, {...opts, trials: 200, seed: 99, amplitude: 0.8});
    const c = compositeSensitivity(many, indicators, {...opts, trials: 200, seed: 100, amplitude: 0.8});
    expect(b).toEqual(a);
    expect(c.meanAbsoluteRankShift).not.toBe(a.meanAbsoluteRankShift);
  });

  it("compositeSensitivity(units, indicators, options) reports a dropped unit with its reason and throws on a bad amplitude", () => {
    const r = compositeSensitivity([...units, {id: "D", values: {stock: 1}}], indicators, {...opts, trials: 10});
    expect(r.units[3]).toEqual({unit: "D", baseRank: null, median: null, min: null, max: null, reason: 'missing "hhi"'});
    expect(() => compositeSensitivity(units, indicators, {...opts, amplitude: 2})).toThrow(/amplitude must lie in \[0, 1\], got 2/);
  });
});
