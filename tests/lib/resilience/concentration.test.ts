import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {effectiveSuppliers, hhi, shares, topShare} from "../../../lib/resilience/concentration.ts";

const s = (...values: number[]) => values.map((value, i) => ({supplier: `s${i}`, value}));

describe("concentration", () => {
  it("hhi(supplies) is 10,000 for a single supplier and 10,000/n for n equal ones", () => {
    expect(hhi(s(42))).toBe(10_000);
    expect(hhi(s(1, 1, 1, 1))).toBeCloseTo(2_500, 9);
  });

  it("hhi(supplies, total) of 60/30 out of 100 is 3,600 + 900", () => {
    expect(hhi(s(60, 30), 100)).toBeCloseTo(4_500, 9);
  });

  it("hhi(supplies, total) reproduces lithium mining 2021 from the MCS 2023 rows", () => {
    // Australia 55,300; Chile 28,300; China 14,000; Argentina 5,970; Brazil 1,700; Portugal 900;
    // Zimbabwe 710; Canada 0; world total excluding the U.S. 107,000 t. Worked in a spreadsheet:
    // sum of squared percentage shares = 3,576.58; top three = 97,600 / 107,000 = 91.21 %.
    const lithium = s(55_300, 28_300, 14_000, 5_970, 1_700, 900, 710, 0);
    expect(hhi(lithium, 107_000)).toBeCloseTo(3_576.58, 2);
    expect(topShare(lithium, 3, 107_000)).toBeCloseTo(0.91215, 5);
  });

  it("hhi(supplies, total) reproduces nickel mining 2021 from the MCS 2023 rows", () => {
    const nickel = s(1_040_000, 387_000, 205_000, 186_000, 151_000, 134_000, 109_000, 76_000, 18_400);
    expect(hhi(nickel, 2_730_000)).toBeCloseTo(1_833.84, 2);
    expect(topShare(nickel, 3, 2_730_000)).toBeCloseTo(0.5978, 4);
  });

  it("shares(supplies) sorts largest first and ties by name", () => {
    expect(shares([{supplier: "b", value: 1}, {supplier: "a", value: 1}, {supplier: "c", value: 2}]).map((d) => d.supplier)).toEqual(["c", "a", "b"]);
  });

  it("effectiveSuppliers(supplies) is the number of equal suppliers", () => {
    expect(effectiveSuppliers(s(5, 5, 5, 5, 5))).toBeCloseTo(5, 9);
  });

  it("hhi(supplies) throws on a negative or non-finite value, naming the supplier", () => {
    expect(() => hhi([{supplier: "Chile", value: -1}])).toThrow(/Chile.*-1/);
    expect(() => hhi([{supplier: "Chile", value: NaN}])).toThrow(/Chile/);
  });

  it("hhi(supplies, total) throws when suppliers exceed the total beyond the rounding tolerance", () => {
    expect(() => hhi(s(60, 50), 100)).toThrow(/more than the total/);
    expect(hhi(s(60, 40.5), 100)).toBeGreaterThan(0); // within 1 %: USGS totals are rounded
  });

  it("topShare(supplies, n) rejects n < 1", () => {
    expect(() => topShare(s(1), 0)).toThrow(/positive integer/);
  });

  it("hhi(supplies) lies in [10,000/n, 10,000] (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0.001, max: 1e9, noNaN: true}), {minLength: 1, maxLength: 50}), (values) => {
        const h = hhi(s(...values));
        return h <= 10_000 * (1 + 1e-12) && h >= (10_000 / values.length) * (1 - 1e-9);
      })
    );
  });
});
