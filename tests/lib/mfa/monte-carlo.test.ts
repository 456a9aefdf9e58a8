import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {flowDistributions, monteCarlo, quantileSorted, summarize} from "../../../lib/mfa/monte-carlo.js";
import type {Distribution} from "../../../lib/mfa/distributions.js";
import {sample, validateDistribution} from "../../../lib/mfa/distributions.js";
import {createRng} from "../../../lib/random.js";
import type {MfaSystem} from "../../../lib/mfa/system.js";

function draws(d: Distribution, n: number, seed = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({length: n}, () => sample(rng, d));
}

describe("createRng / sample", () => {
  it("createRng(seed) is reproducible and seeds give different streams", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({length: 5}, () => a.nextUint32());
    expect(Array.from({length: 5}, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({length: 5}, () => c.nextUint32())).not.toEqual(sa);
    expect(() => createRng(1.5)).toThrow(RangeError);
  });

  it("createRng(42) reproduces the xoshiro128** reference implementation bit for bit", () => {
    // Expected values from Blackman & Vigna's C reference next() (uint32 arithmetic), seeded with the
    // same SplitMix32 from 42 and compiled with gcc; they pin the JS bit manipulation.
    const r = createRng(42);
    expect(Array.from({length: 6}, () => r.nextUint32())).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
    expect(r.next()).toBe(0.015209237180418);
  });

  it("createRng(seed).next() is uniform on [0, 1): mean 1/2, variance 1/12, decile counts within 4 sigma", () => {
    const u = draws({kind: "uniform", min: 0, max: 1}, 100_000, 7);
    const s = summarize(u);
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThan(1);
    expect(Math.abs(s.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 1e5)); // 0.0037
    expect(Math.abs(s.sd ** 2 - 1 / 12)).toBeLessThan(0.002);
    const bins = new Array<number>(10).fill(0);
    for (const v of u) bins[Math.floor(v * 10)]!++;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(4 * Math.sqrt(10_000 * 0.9)); // 380
  });

  it("sample(rng, lognormal mean 10 sd 5) has that mean and sd and stays positive", () => {
    const s = summarize(draws({kind: "lognormal", mean: 10, sd: 5}, 200_000, 3));
    expect(s.min).toBeGreaterThan(0);
    expect(Math.abs(s.mean - 10)).toBeLessThan(0.05); // standard error 0.011
    expect(Math.abs(s.sd - 5)).toBeLessThan(0.1);
  });

  it("sample(rng, normal 3, 2) has mean 3, sd 2 and p95 = 3 + 1.645 * 2", () => {
    const s = summarize(draws({kind: "normal", mean: 3, sd: 2}, 200_000, 11));
    expect(Math.abs(s.mean - 3)).toBeLessThan(0.02); // standard error 0.0045
    expect(Math.abs(s.sd - 2)).toBeLessThan(0.02);
    expect(Math.abs(s.p95 - (3 + 1.6448536269514722 * 2))).toBeLessThan(0.04);
  });

  it("sample(rng, triangular 0, 0, 1) has mean 1/3 and median 1 - 1/sqrt 2", () => {
    const s = summarize(draws({kind: "triangular", min: 0, mode: 0, max: 1}, 200_000, 5));
    expect(Math.abs(s.mean - 1 / 3)).toBeLessThan(0.003); // standard error 0.0005
    expect(Math.abs(s.p50 - (1 - Math.SQRT1_2))).toBeLessThan(0.005);
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThanOrEqual(1);
  });

  it("validateDistribution(d) throws on bad parameters, naming the parameter", () => {
    expect(() => validateDistribution({kind: "normal", mean: 1, sd: -1}, "yield")).toThrow(/yield: normal distribution/);
    expect(() => validateDistribution({kind: "lognormal", mean: 0, sd: 1})).toThrow(RangeError);
    expect(() => validateDistribution({kind: "triangular", min: 0, mode: 2, max: 1})).toThrow(/min <= mode <= max/);
    expect(() => validateDistribution({kind: "uniform", min: 2, max: 1})).toThrow(RangeError);
    expect(() => validateDistribution({kind: "beta"} as unknown as Distribution)).toThrow(TypeError);
  });
});

describe("quantileSorted / summarize", () => {
  it("quantileSorted(sorted, p) interpolates between order statistics (type 7)", () => {
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.05)).toBeCloseTo(1.15, 14);
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });

  it("summarize(values) gives the sample mean and the n - 1 standard deviation", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(s.p50).toBe(4.5);
    expect([s.min, s.max]).toEqual([2, 9]);
  });
});

describe("monteCarlo", () => {
  const params = {a: {kind: "normal", mean: 10, sd: 1}, b: {kind: "uniform", min: 0, max: 6}} satisfies Record<string, Distribution>;
  const linear = (p: {a: number; b: number}) => ({y: 2 * p.a + 3 * p.b, a: p.a});

  it("monteCarlo(params, model, {seed}) is reproducible for a seed and differs for another", () => {
    const r1 = monteCarlo(params, linear, {runs: 1000, seed: 2024});
    const r2 = monteCarlo(params, linear, {runs: 1000, seed: 2024});
    const r3 = monteCarlo(params, linear, {runs: 1000, seed: 2025});
    expect(r2.outputs).toEqual(r1.outputs);
    expect(r3.outputs.y.mean).not.toBe(r1.outputs.y.mean);
  });

  it("monteCarlo(params, 2a + 3b, 40,000 runs) converges to mean 29 and sd sqrt 31 within 4 standard errors", () => {
    // E = 2*10 + 3*3 = 29; Var = 4*1 + 9*(36/12) = 31. Standard error of the mean: sqrt(31/40000) = 0.028
    const r = monteCarlo(params, linear, {runs: 40_000, seed: 99});
    expect(Math.abs(r.outputs.y.mean - 29)).toBeLessThan(0.11);
    expect(Math.abs(r.outputs.y.sd - Math.sqrt(31))).toBeLessThan(0.08);
    expect(r.outputs.y.p5).toBeLessThan(r.outputs.y.p50);
    expect(r.outputs.y.p50).toBeLessThan(r.outputs.y.p95);
  });

  it("monteCarlo(params, model, {keepSamples}) keeps each run's outputs in run order", () => {
    const r = monteCarlo(params, linear, {runs: 10, seed: 1, keepSamples: true});
    expect(r.samples!.y.length).toBe(10);
    const again = monteCarlo(params, linear, {runs: 10, seed: 1, keepSamples: true});
    expect(Array.from(again.samples!.y)).toEqual(Array.from(r.samples!.y));
    expect(summarize(r.samples!.y)).toEqual(r.outputs.y);
  });

  it("monteCarlo(params, model, options) throws on a non-finite output, a bad parameter or too few runs", () => {
    expect(() => monteCarlo(params, (p) => ({r: p.a > 10 ? NaN : 1}), {runs: 100, seed: 1})).toThrow(/output "r" is NaN/);
    expect(() => monteCarlo({k: {kind: "normal", mean: 0, sd: -1}}, () => ({x: 1}), {runs: 10, seed: 1})).toThrow(/parameter "k"/);
    expect(() => monteCarlo(params, linear, {runs: 1, seed: 1})).toThrow(/runs must be an integer >= 2/);
    let r = 0;
    expect(() => monteCarlo(params, (): Record<string, number> => (r++ === 0 ? {x: 1} : {x: 1, z: 2}), {runs: 3, seed: 1})).toThrow(/run 1 returned outputs/);
  });

  it("flowDistributions(system) turns the flows with an sd into normal parameters keyed by flow id", () => {
    const s: MfaSystem = {
      processes: [{id: "a", boundary: true}, {id: "b"}],
      flows: [
        {id: "f", from: "a", to: "b", value: 5, unit: "t", sd: 0.5},
        {id: "g", from: "b", to: "a", value: 5, unit: "t"}
      ]
    };
    expect(flowDistributions(s)).toEqual({f: {kind: "normal", mean: 5, sd: 0.5}});
    expect(flowDistributions(s, "lognormal")).toEqual({f: {kind: "lognormal", mean: 5, sd: 0.5}});
  });
});

describe("summarize by selection", () => {
  it("summarize(values) finds the same quantiles as quantileSorted on a sorted copy (property)", () => {
    // === rather than toBe: selection may return 0 where the sort puts -0, which are the same number
    const same = (a: number, b: number) => expect(a === b, `${a} vs ${b}`).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {minLength: 2, maxLength: 300}), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const s = summarize(xs);
        same(s.p5, quantileSorted(sorted, 0.05));
        same(s.p50, quantileSorted(sorted, 0.5));
        same(s.p95, quantileSorted(sorted, 0.95));
        same(s.min, sorted[0]!);
        same(s.max, sorted[sorted.length - 1]!);
      })
    );
    // ties and constant samples
    expect(summarize([3, 3, 3, 3]).p95).toBe(3);
    expect(() => summarize([1, NaN])).toThrow(/value 1 is NaN/);
  });
});
