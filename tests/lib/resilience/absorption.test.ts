import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {DAYS_PER_YEAR, spareCapacityShare, stockpileCoverage} from "../../../lib/resilience/absorption.js";
import {missing} from "../../../lib/resilience/result.js";

describe("stockpileCoverage", () => {
  it("stockpileCoverage({stock, dailyDemand}) is stock / daily demand in days", () => {
    expect(stockpileCoverage({stock: 900, dailyDemand: 10}).value).toBe(90);
    // 36,500 t a year is 100 t a day: a 9,000 t stock covers 90 days.
    expect(stockpileCoverage({stock: 9000, dailyDemand: 36_500 / DAYS_PER_YEAR}).value).toBeCloseTo(90, 10);
  });

  it("stockpileCoverage({stock, dailyDemand, disruptionShare}) is the days until the stock runs out when that share of supply is lost", () => {
    // 25 % of 10 t/day lost = 2.5 t/day drawn: 900 / 2.5 = 360 days.
    expect(stockpileCoverage({stock: 900, dailyDemand: 10, disruptionShare: 0.25}).value).toBe(360);
    expect(stockpileCoverage({stock: 900, dailyDemand: 10, disruptionShare: 1}).value).toBe(90);
    expect(stockpileCoverage({stock: 900, dailyDemand: 10, disruptionShare: 0}).value).toBe(Infinity);
  });

  it("stockpileCoverage({stock: 0, dailyDemand}) is a real 0, not missing", () => {
    const r = stockpileCoverage({stock: 0, dailyDemand: 10});
    expect(r).toEqual({value: 0});
  });

  it("stockpileCoverage({stock: null, dailyDemand}) is missing with the reason, never 0", () => {
    const r = stockpileCoverage({stock: null, dailyDemand: 10});
    expect(r.value).toBeNull();
    expect(r.reason).toBe("stockpileCoverage: stock is missing");
    const r2 = stockpileCoverage({stock: missing("not reported by the IEA"), dailyDemand: undefined});
    expect(r2.reason).toBe("stockpileCoverage: stock is missing (not reported by the IEA); dailyDemand is missing");
  });

  it("stockpileCoverage(inputs) throws on negative stock, zero demand or a share outside [0, 1]", () => {
    expect(() => stockpileCoverage({stock: -1, dailyDemand: 10})).toThrow(/stock is -1/);
    expect(() => stockpileCoverage({stock: 1, dailyDemand: 0})).toThrow(/dailyDemand is 0/);
    expect(() => stockpileCoverage({stock: 1, dailyDemand: 1, disruptionShare: 1.5})).toThrow(/disruptionShare is 1.5/);
  });

  it("stockpileCoverage(inputs) with a share s is the plain coverage divided by s, never shorter (property)", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 1e9, noNaN: true}), fc.double({min: 1e-3, max: 1e6, noNaN: true}), fc.double({min: 1e-6, max: 1, noNaN: true}), (stock, d, s) => {
        const plain = stockpileCoverage({stock, dailyDemand: d}).value as number;
        const shocked = stockpileCoverage({stock, dailyDemand: d, disruptionShare: s}).value as number;
        return shocked >= plain * (1 - 1e-12) && Math.abs(shocked * s - plain) <= 1e-9 * Math.max(1, plain);
      })
    );
  });
});

describe("spareCapacityShare", () => {
  it("spareCapacityShare({capacity, production}) is (capacity - production) / capacity", () => {
    expect(spareCapacityShare({capacity: 200, production: 150}).value).toBe(0.25);
    expect(spareCapacityShare({capacity: 200, production: 200}).value).toBe(0);
  });

  it("spareCapacityShare({capacity: null, production}) is missing, naming the input", () => {
    expect(spareCapacityShare({capacity: null, production: 150}).reason).toBe("spareCapacityShare: capacity is missing");
  });

  it("spareCapacityShare(inputs) throws when production exceeds capacity or capacity is 0", () => {
    expect(() => spareCapacityShare({capacity: 100, production: 120})).toThrow(/production 120 exceeds capacity 100/);
    expect(() => spareCapacityShare({capacity: 0, production: 0})).toThrow(/capacity is 0/);
  });

  it("spareCapacityShare(inputs) lies in [0, 1] (property)", () => {
    fc.assert(
      fc.property(fc.double({min: 1e-6, max: 1e9, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}), (c, u) => {
        const r = spareCapacityShare({capacity: c, production: c * u}).value as number;
        return r >= 0 && r <= 1;
      })
    );
  });
});
