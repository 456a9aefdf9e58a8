import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {inflowDrivenModel, stockBalance, stockDrivenModel} from "../../../lib/mfa/dynamic-stock.js";
import type {Lifetime} from "../../../lib/mfa/lifetime.js";
import {survivalTable} from "../../../lib/mfa/lifetime.js";
import {normalSurvival} from "./reference.js";

const arr = (a: Float64Array) => Array.from(a, (v) => +v.toFixed(12));

describe("inflowDrivenModel", () => {
  it("inflowDrivenModel(1 per year, fixed 3) matches the hand computation", () => {
    const m = inflowDrivenModel([1, 1, 1, 1, 1, 1], {type: "fixed", mean: 3});
    // each cohort stays for 3 years and leaves whole in its 4th: stock builds to 3, then 1 in = 1 out
    expect(arr(m.stock)).toEqual([1, 2, 3, 3, 3, 3]);
    expect(arr(m.outflow)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(arr(m.stockChange)).toEqual([1, 1, 1, 0, 0, 0]);
    const n = 6;
    expect(m.outflowByCohort[3 * n + 0]).toBe(1); // cohort 0 leaves in year 3
    expect(m.outflowByCohort[4 * n + 1]).toBe(1); // cohort 1 leaves in year 4
    expect(m.stockByCohort[2 * n + 0]).toBe(1);
    expect(m.stockByCohort[3 * n + 0]).toBe(0);
  });

  it("inflowDrivenModel(pulse, normal 4, 1.5) gives outflow S(t-1) - S(t), with the mass of lifetimes <= 0 leaving in year 0", () => {
    const m = inflowDrivenModel([100, 0, 0, 0, 0, 0, 0, 0, 0, 0], {type: "normal", mean: 4, sd: 1.5});
    expect(m.outflow[0]).toBeCloseTo(100 * (1 - normalSurvival(0, 4, 1.5)), 10);
    for (let t = 1; t < 10; t++) {
      expect(m.outflow[t]).toBeCloseTo(100 * (normalSurvival(t - 1, 4, 1.5) - normalSurvival(t, 4, 1.5)), 10);
      expect(m.stock[t]).toBeCloseTo(100 * normalSurvival(t, 4, 1.5), 10);
    }
  });

  it("inflowDrivenModel(inflow, lifetime, {inflowAt: 'middle'}) shifts ages by half a year (flodym's default)", () => {
    const m = inflowDrivenModel([10, 0, 0, 0, 0, 0], {type: "normal", mean: 2, sd: 1}, {inflowAt: "middle"});
    for (let t = 0; t < 6; t++) expect(m.stock[t]).toBeCloseTo(10 * normalSurvival(t + 0.5, 2, 1), 10);
  });

  it("inflowDrivenModel(inflow, table) accepts a precomputed survival table of the same length", () => {
    const table = survivalTable({type: "weibull", shape: 2, scale: 5}, 8);
    const a = inflowDrivenModel([1, 2, 3, 4, 5, 6, 7, 8], table);
    const b = inflowDrivenModel([1, 2, 3, 4, 5, 6, 7, 8], {type: "weibull", shape: 2, scale: 5});
    expect(Array.from(a.stock)).toEqual(Array.from(b.stock));
    expect(() => inflowDrivenModel([1, 2], table)).toThrow(/survival table has 8 years, series has 2/);
  });

  it("inflowDrivenModel(inflow, lifetime) throws on a negative or non-finite inflow, naming the year", () => {
    expect(() => inflowDrivenModel([1, -2, 3], {type: "fixed", mean: 2})).toThrow(/inflow in year 1 is -2/);
    expect(() => inflowDrivenModel([1, NaN], {type: "fixed", mean: 2})).toThrow(RangeError);
    expect(() => inflowDrivenModel([], {type: "fixed", mean: 2})).toThrow(/empty/);
  });
});

describe("stockDrivenModel", () => {
  it("stockDrivenModel(stock 1, 2, 3, 3, 3, 3; fixed 3) recovers inflow 1 per year", () => {
    const m = stockDrivenModel([1, 2, 3, 3, 3, 3], {type: "fixed", mean: 3});
    expect(arr(m.inflow)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(arr(m.outflow)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("stockDrivenModel(stock, lifetime, {negativeInflow}) throws, allows or corrects a stock that falls too fast", () => {
    const stock = [10, 4, 4];
    const lt: Lifetime = {type: "fixed", mean: 5};
    expect(() => stockDrivenModel(stock, lt)).toThrow(/year 1: the stock \(4\) is below what survives from earlier years \(10\)/);
    const allowed = stockDrivenModel(stock, lt, {negativeInflow: "allow"});
    expect(arr(allowed.inflow)).toEqual([10, -6, 0]);
    const corrected = stockDrivenModel(stock, lt, {negativeInflow: "correct"});
    // ODYM NegativeInflowCorrect: no inflow, the old cohort shrinks to 4, 6 leave at once
    expect(arr(corrected.inflow)).toEqual([10, 0, 0]);
    expect(arr(corrected.stock)).toEqual([10, 4, 4]);
    expect(arr(corrected.outflow)).toEqual([0, 6, 0]);
    expect(arr(stockBalance(corrected))).toEqual([0, 0, 0]);
  });

  it("stockDrivenModel(stock, fixed 0) throws when a stock is asked of a lifetime that keeps nothing", () => {
    expect(() => stockDrivenModel([0, 5], {type: "fixed", mean: 0})).toThrow(/year 1: the lifetime keeps nothing/);
    expect(arr(stockDrivenModel([0, 0], {type: "fixed", mean: 0}).inflow)).toEqual([0, 0]);
  });

  it("stockDrivenModel(inflowDrivenModel(i).stock) round-trips to the inflow i (property)", () => {
    // fixed lifetimes from 1 year: below that, with mid-year inflow, nothing of a cohort reaches the
    // end of its year (sf[c, c] = 0), the stock is always 0 and the inflow cannot be recovered
    const lifetimes = fc.oneof(
      fc.record({type: fc.constant("fixed" as const), mean: fc.double({min: 1, max: 40, noNaN: true})}),
      fc.record({type: fc.constant("normal" as const), mean: fc.double({min: 1, max: 40, noNaN: true}), sd: fc.double({min: 0.1, max: 15, noNaN: true})}),
      fc.record({type: fc.constant("lognormal" as const), mean: fc.double({min: 1, max: 40, noNaN: true}), sd: fc.double({min: 0.1, max: 30, noNaN: true})}),
      fc.record({type: fc.constant("weibull" as const), shape: fc.double({min: 0.5, max: 6, noNaN: true}), scale: fc.double({min: 1, max: 40, noNaN: true})})
    );
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 1000, noNaN: true}), {minLength: 1, maxLength: 60}), lifetimes, fc.constantFrom("end" as const, "middle" as const), (inflow, lt, inflowAt) => {
        const forward = inflowDrivenModel(inflow, lt, {inflowAt});
        const back = stockDrivenModel(forward.stock, lt, {inflowAt, negativeInflow: "allow"});
        inflow.forEach((v, t) => expect(Math.abs(back.inflow[t]! - v)).toBeLessThanOrEqual(1e-7 * (1 + v)));
        forward.outflow.forEach((v, t) => expect(Math.abs(back.outflow[t]! - v)).toBeLessThanOrEqual(1e-6));
      }),
      {numRuns: 200}
    );
  });
});

describe("dynamic stock mass balance", () => {
  it("inflowDrivenModel(inflow, lifetime): cumulative inflow = stock + cumulative outflow in every year (property)", () => {
    const lifetimes = fc.oneof(
      fc.record({type: fc.constant("fixed" as const), mean: fc.double({min: 0, max: 40, noNaN: true})}),
      fc.record({type: fc.constant("normal" as const), mean: fc.double({min: 0, max: 40, noNaN: true}), sd: fc.double({min: 0.1, max: 25, noNaN: true})}),
      fc.record({type: fc.constant("weibull" as const), shape: fc.double({min: 0.3, max: 6, noNaN: true}), scale: fc.double({min: 0.2, max: 40, noNaN: true})})
    );
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 1e4, noNaN: true}), {minLength: 1, maxLength: 80}), lifetimes, (inflow, lt) => {
        const m = inflowDrivenModel(inflow, lt);
        let cumIn = 0;
        let cumOut = 0;
        for (let t = 0; t < inflow.length; t++) {
          cumIn += m.inflow[t]!;
          cumOut += m.outflow[t]!;
          expect(Math.abs(cumIn - m.stock[t]! - cumOut)).toBeLessThanOrEqual(1e-9 * Math.max(1, cumIn));
          expect(m.stock[t]).toBeGreaterThanOrEqual(0);
        }
        for (const b of stockBalance(m)) expect(Math.abs(b)).toBeLessThanOrEqual(1e-9 * Math.max(1, cumIn));
      })
    );
  });
});
