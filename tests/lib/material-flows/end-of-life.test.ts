import {describe, expect, it} from "vitest";
import {calibrateGrowth, endOfLife, geometricInflow, lifetimeOf} from "../../../lib/material-flows/end-of-life.ts";
import {normalSurvival} from "../mfa/reference.ts";

describe("endOfLife", () => {
  it("endOfLife(31.2 kt, +25 %/yr, fixed 8 years) gives inflow(2013) = 31.2 / 1.25^8 = 5.2345 kt in 2021 (by hand)", () => {
    const m = endOfLife({inflowLast: 31.2, growth: 0.25, lifetime: {mean: 8, sd: 0}, firstYear: 2000, lastYear: 2021});
    expect(m.lifetime).toEqual({type: "fixed", mean: 8});
    expect(m.outflowLast).toBeCloseTo(31.2 / 5.9604644775390625, 12);
    expect(m.outflowLast).toBeCloseTo(5.23449, 5);
    // every cohort leaves whole 8 years after it entered: outflow(t) = inflow(t - 8), nothing before 2008
    m.years.forEach((year, k) => expect(m.outflow[k]).toBeCloseTo(year >= 2008 ? m.inflow[k - 8]! : 0, 12));
    expect(m.inflow[m.inflow.length - 1]).toBe(31.2);
    expect(m.inflow[0]).toBeCloseTo(31.2 / 1.25 ** 21, 14);
  });

  it("endOfLife(inflow, normal 10 +- 3) agrees with an independent sum over cohorts with Simpson-integrated survival", () => {
    const inflowLast = 31.2;
    const growth = 0.2;
    const m = endOfLife({inflowLast, growth, lifetime: {mean: 10, sd: 3}, firstYear: 2000, lastYear: 2021});
    // cohort entering k years before 2021 leaves in 2021 with probability S(k - 1) - S(k), and
    // with 1 - S(0) in its own year (ODYM's convention, inflow at the end of the year)
    let expected = 0;
    for (let k = 0; k <= 21; k++) {
      const inflow = inflowLast * (1 + growth) ** -k;
      const leave = (k === 0 ? 1 : normalSurvival(k - 1, 10, 3)) - normalSurvival(k, 10, 3);
      expected += inflow * leave;
    }
    expect(Math.abs(m.outflowLast - expected)).toBeLessThan(1e-9 * expected);
    expect(m.outflowLast).toBeGreaterThan(5);
    expect(m.outflowLast).toBeLessThan(7);
  });

  it("geometricInflow(I, g, first, last) grows by (1 + g) a year and ends at I", () => {
    expect(Array.from(geometricInflow(100, 0.1, 2019, 2021), (v) => +v.toFixed(10))).toEqual([+(100 / 1.21).toFixed(10), +(100 / 1.1).toFixed(10), 100]);
    expect(() => geometricInflow(100, -1, 2019, 2021)).toThrow(/growth rate must be a number > -100 %/);
    expect(() => geometricInflow(-1, 0, 2019, 2021)).toThrow(/must be finite and >= 0/);
    expect(() => geometricInflow(1, 0, 2022, 2021)).toThrow(/firstYear <= lastYear/);
  });

  it("lifetimeOf({mean, sd}) is fixed for sd 0, normal otherwise, and rejects bad values", () => {
    expect(lifetimeOf({mean: 10, sd: 0})).toEqual({type: "fixed", mean: 10});
    expect(lifetimeOf({mean: 10, sd: 3})).toEqual({type: "normal", mean: 10, sd: 3});
    expect(() => lifetimeOf({mean: 0, sd: 3})).toThrow(/mean lifetime/);
    expect(() => lifetimeOf({mean: 10, sd: -1})).toThrow(/standard deviation/);
  });
});

describe("calibrateGrowth", () => {
  it("calibrateGrowth(31.2 -> 5.9 kt, fixed 8 years) gives (31.2 / 5.9)^(1/8) - 1 = 23.14 % a year (closed form)", () => {
    const g = calibrateGrowth({inflowLast: 31.2, target: 5.9, lifetime: {mean: 8, sd: 0}, firstYear: 2000, lastYear: 2021});
    expect(g).toBeCloseTo((31.2 / 5.9) ** (1 / 8) - 1, 9);
    expect(g).toBeCloseTo(0.23143, 4);
  });

  it("calibrateGrowth(target, normal lifetime) meets the target", () => {
    const options = {inflowLast: 3596, lifetime: {mean: 20, sd: 6}, firstYear: 1950, lastYear: 2021};
    const g = calibrateGrowth({...options, target: 1085 / 0.65});
    expect(endOfLife({...options, growth: g}).outflowLast).toBeCloseTo(1085 / 0.65, 6);
  });

  it("calibrateGrowth(target) throws when no growth rate in the search range meets the target", () => {
    expect(() => calibrateGrowth({inflowLast: 31.2, target: 1e6, lifetime: {mean: 8, sd: 0}, firstYear: 2000, lastYear: 2021})).toThrow(/no growth rate from -50 % to 300 % a year gives/);
  });
});
