import {describe, expect, it} from "vitest";
import {chiSquareSf, erf, erfc, logGamma, normalCdf, normalSf, regularizedGammaP, regularizedGammaQ} from "../../../lib/mfa/special.js";
import {normalTail} from "./reference.js";

describe("special functions", () => {
  it("logGamma(x) matches ln((x-1)!) and ln(sqrt(pi)) at 1/2", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it("erf(x) and erfc(x) match tabulated values", () => {
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(-1)).toBeCloseTo(-0.8427007929497149, 14);
    expect(erfc(0)).toBe(1);
    // erfc(5) = 1.5374597944280349e-12: relative accuracy in the tail
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 12);
  });

  it("normalCdf(z) and normalSf(z) agree with numerical integration of the normal pdf", () => {
    for (const z of [-6, -3.3, -1, -0.2, 0, 0.7, 1.96, 2.5, 4, 7]) {
      expect(Math.abs(normalSf(z) - normalTail(z))).toBeLessThan(1e-12);
      expect(Math.abs(normalCdf(z) - (1 - normalTail(z)))).toBeLessThan(1e-12);
    }
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
  });

  it("regularizedGammaP(a, x) + regularizedGammaQ(a, x) = 1 on both sides of the series/fraction switch", () => {
    for (const [a, x] of [[0.5, 0.1], [2, 2.9], [2, 3.1], [10, 3], [10, 30], [50, 49]] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
    // P(1, x) = 1 - exp(-x)
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
  });

  it("chiSquareSf(x, k) gives exp(-x/2) for 2 degrees of freedom and 0.05 at the 95 % point for 1", () => {
    for (const x of [0.1, 1, 5, 20]) expect(chiSquareSf(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(4, 0)).toBe(1);
    expect(() => chiSquareSf(1, 1.5)).toThrow(RangeError);
  });
});
