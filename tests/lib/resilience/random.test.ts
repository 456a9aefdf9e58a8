import {describe, expect, it} from "vitest";
import {mulberry32, randomInt, shuffle} from "../../../lib/resilience/random.js";

describe("mulberry32", () => {
  it("mulberry32(seed) gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({length: 5}, a);
    expect(Array.from({length: 5}, b)).toEqual(xs);
    expect(Array.from({length: 5}, c)).not.toEqual(xs);
  });

  it("mulberry32(seed) draws uniformly in [0, 1): mean near 1/2, every decile hit about 10 %", () => {
    const r = mulberry32(7);
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      bins[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const b of bins) expect(Math.abs(b / n - 0.1)).toBeLessThan(0.005);
  });

  it("mulberry32(seed) throws on a non-integer seed", () => {
    expect(() => mulberry32(1.5)).toThrow(/seed must be an integer, got 1.5/);
  });
});

describe("shuffle and randomInt", () => {
  it("shuffle(items, random) is a reproducible permutation", () => {
    const items = Array.from({length: 20}, (_, i) => i);
    const s1 = shuffle([...items], mulberry32(1));
    const s2 = shuffle([...items], mulberry32(1));
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
  });

  it("randomInt(random, n) stays in [0, n) and throws on n = 0", () => {
    const r = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(r, 6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
    expect(() => randomInt(r, 0)).toThrow(RangeError);
  });
});
