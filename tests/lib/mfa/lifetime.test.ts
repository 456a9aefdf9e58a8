import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Lifetime} from "../../../lib/mfa/lifetime.js";
import {INFLOW_AGE_OFFSET, outflowPdf, survival, survivalCurve, survivalTable, validateLifetime} from "../../../lib/mfa/lifetime.js";
import {normalSurvival, simpson} from "./reference.js";

describe("survivalCurve", () => {
  it("survivalCurve(fixed 3, 6) keeps the cohort whole for 3 years, then none (ODYM convention)", () => {
    expect(Array.from(survivalCurve({type: "fixed", mean: 3}, 6))).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("survivalCurve(fixed 2.5, n, {inflowAt}) differs between ODYM's end-of-year and flodym's mid-year inflow", () => {
    // ages at the end of year t: t - c ("end") or t - c + 0.5 ("middle"); the cohort is there while age < 2.5
    expect(Array.from(survivalCurve({type: "fixed", mean: 2.5}, 5))).toEqual([1, 1, 1, 0, 0]);
    expect(Array.from(survivalCurve({type: "fixed", mean: 2.5}, 5, {inflowAt: "middle"}))).toEqual([1, 1, 0, 0, 0]);
    // "start": age t - c + 1; with L = 1.7 the cohort is gone by the end of its second year
    expect(Array.from(survivalCurve({type: "fixed", mean: 1.7}, 4, {inflowAt: "start"}))).toEqual([1, 0, 0, 0]);
    expect(Array.from(survivalCurve({type: "fixed", mean: 1.7}, 4, {inflowAt: "middle"}))).toEqual([1, 1, 0, 0]);
    expect(INFLOW_AGE_OFFSET).toEqual({end: 0, middle: 0.5, start: 1});
  });

  it("survivalCurve(fixed 0, n) lets the whole inflow leave in its own year", () => {
    expect(Array.from(survivalCurve({type: "fixed", mean: 0}, 3))).toEqual([0, 0, 0]);
  });

  it("survivalCurve(normal 10, 3, n) equals 1 - Phi((a - 10) / 3) by numerical integration, untruncated at age 0", () => {
    const curve = survivalCurve({type: "normal", mean: 10, sd: 3}, 31);
    for (let a = 0; a <= 30; a++) expect(Math.abs(curve[a]! - normalSurvival(a, 10, 3))).toBeLessThan(1e-12);
    // the mass of lifetimes <= 0 (Phi(-10/3) = 4.29e-4) is not in the stock at age 0
    expect(1 - curve[0]!).toBeCloseTo(0.000429060333, 11);
    const middle = survivalCurve({type: "normal", mean: 10, sd: 3}, 31, {inflowAt: "middle"});
    for (let a = 0; a <= 30; a++) expect(Math.abs(middle[a]! - normalSurvival(a + 0.5, 10, 3))).toBeLessThan(1e-12);
  });

  it("survival(lognormal 10, 5, a) has the stated mean and sd (integrals of S) and its median at exp(mu)", () => {
    const lt: Lifetime = {type: "lognormal", mean: 10, sd: 5};
    // E[L] = int_0^inf S(a) da and E[L^2] = int_0^inf 2a S(a) da
    const mean = simpson((a) => survival(lt, a), 0, 400, 40000);
    const second = simpson((a) => 2 * a * survival(lt, a), 0, 400, 40000);
    expect(mean).toBeCloseTo(10, 6);
    expect(Math.sqrt(second - mean * mean)).toBeCloseTo(5, 5);
    const mu = Math.log(100 / Math.sqrt(125));
    expect(survival(lt, Math.exp(mu))).toBeCloseTo(0.5, 14);
    expect(survival(lt, 0)).toBe(1);
  });

  it("survival(weibull k=2 scale=10, a) = exp(-(a/10)^2)", () => {
    const lt: Lifetime = {type: "weibull", shape: 2, scale: 10};
    expect(survival(lt, 10)).toBeCloseTo(Math.exp(-1), 15);
    expect(survival(lt, 5)).toBeCloseTo(Math.exp(-0.25), 15);
    expect(survival(lt, 0)).toBe(1);
  });

  it("survivalCurve(lifetime, n) is non-increasing and within [0, 1] for any distribution (property)", () => {
    const lifetimes = fc.oneof(
      fc.record({type: fc.constant("fixed" as const), mean: fc.double({min: 0, max: 60, noNaN: true})}),
      fc.record({type: fc.constant("normal" as const), mean: fc.double({min: 0, max: 60, noNaN: true}), sd: fc.double({min: 0.01, max: 30, noNaN: true})}),
      fc.record({type: fc.constant("lognormal" as const), mean: fc.double({min: 0.1, max: 60, noNaN: true}), sd: fc.double({min: 0.01, max: 60, noNaN: true})}),
      fc.record({type: fc.constant("weibull" as const), shape: fc.double({min: 0.2, max: 8, noNaN: true}), scale: fc.double({min: 0.1, max: 60, noNaN: true})})
    );
    fc.assert(
      fc.property(lifetimes, fc.constantFrom("start" as const, "middle" as const, "end" as const), (lt, inflowAt) => {
        const c = survivalCurve(lt, 80, {inflowAt});
        for (let a = 0; a < c.length; a++) {
          expect(c[a]).toBeGreaterThanOrEqual(0);
          expect(c[a]).toBeLessThanOrEqual(1);
          if (a > 0) expect(c[a]).toBeLessThanOrEqual(c[a - 1]!);
        }
      })
    );
  });
});

describe("survivalTable / outflowPdf", () => {
  it("survivalTable(lifetime, n) places the curve below the diagonal: sf[t, c] = S(t - c)", () => {
    const {sf} = survivalTable({type: "fixed", mean: 2}, 4);
    // rows = years, columns = cohorts
    expect(Array.from(sf)).toEqual([1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
  });

  it("survivalTable(lifetimes[], n) uses each cohort's own lifetime", () => {
    const {sf} = survivalTable([{type: "fixed", mean: 1}, {type: "fixed", mean: 3}, {type: "fixed", mean: 1}], 3);
    expect(Array.from(sf)).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect(() => survivalTable([{type: "fixed", mean: 1}], 3)).toThrow(/1 cohort lifetimes for 3 years/);
    expect(() => survivalTable([{type: "fixed", mean: 1}, {type: "normal", mean: 5, sd: 0}], 2)).toThrow(/cohort 1: normal lifetime sd is 0/);
  });

  it("outflowPdf(table) gives 1 - sf on the diagonal and the drop in sf below it; columns sum to 1 - sf[last]", () => {
    const table = survivalTable({type: "normal", mean: 4, sd: 1.5}, 12);
    const pdf = outflowPdf(table);
    const n = 12;
    expect(pdf[0]).toBeCloseTo(1 - table.sf[0]!, 15);
    expect(pdf[3 * n + 1]).toBeCloseTo(table.sf[2 * n + 1]! - table.sf[3 * n + 1]!, 15);
    expect(pdf[1]).toBe(0); // year 0, cohort 1: not yet in
    for (let c = 0; c < n; c++) {
      let sum = 0;
      for (let t = c; t < n; t++) sum += pdf[t * n + c]!;
      expect(sum).toBeCloseTo(1 - table.sf[(n - 1) * n + c]!, 14);
    }
  });
});

describe("validateLifetime", () => {
  it("validateLifetime(lt) throws RangeError on bad parameters and TypeError on an unknown type", () => {
    expect(() => validateLifetime({type: "normal", mean: 10, sd: 0})).toThrow(/normal lifetime sd is 0; must be finite and > 0/);
    expect(() => validateLifetime({type: "fixed", mean: -1})).toThrow(RangeError);
    expect(() => validateLifetime({type: "weibull", shape: 0, scale: 3})).toThrow(/shape is 0/);
    expect(() => validateLifetime({type: "lognormal", mean: 5, sd: Infinity})).toThrow(RangeError);
    expect(() => validateLifetime({type: "gamma", mean: 5} as unknown as Lifetime)).toThrow(TypeError);
    expect(() => survivalCurve({type: "fixed", mean: 3}, 0)).toThrow(/years must be a positive integer/);
    expect(() => survivalCurve({type: "fixed", mean: 3}, 3, {inflowAt: "noon" as "end"})).toThrow(/inflowAt/);
  });
});
