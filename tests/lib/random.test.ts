import {describe, expect, it} from "vitest";
import {createRng, randomInt, seededRandom, shuffle} from "../../lib/random.js";

describe("seededRandom", () => {
  it("seededRandom(seed) gives the same sequence for the same seed and another for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({length: 5}, a);
    expect(Array.from({length: 5}, b)).toEqual(xs);
    expect(Array.from({length: 5}, c)).not.toEqual(xs);
  });

  it("seededRandom(seed) draws uniformly in [0, 1): mean near 1/2, every decile hit about 10 %", () => {
    const r = seededRandom(7);
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

  it("seededRandom(seed) throws on a non-integer seed", () => {
    expect(() => seededRandom(1.5)).toThrow(/seed must be an integer, got 1.5/);
  });
});

describe("shuffle and randomInt", () => {
  it("shuffle(items, random) is a reproducible permutation", () => {
    const items = Array.from({length: 20}, (_, i) => i);
    const s1 = shuffle([...items], seededRandom(1));
    const s2 = shuffle([...items], seededRandom(1));
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
  });

  it("randomInt(random, n) stays in [0, n) and throws on n = 0", () => {
    const r = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(r, 6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
    expect(() => randomInt(r, 0)).toThrow(RangeError);
  });
});

describe("createRng(seed)", () => {
  it("is xoshiro128** seeded by SplitMix32: the first outputs for seed 1, computed by hand from the reference algorithm", () => {
    // An independent BigInt transcription of the reference: a change of generator shows here.
    const rng = createRng(1);
    const first = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    expect(first).toEqual(createRngReference(1, 3));
  });
});

/** xoshiro128** 1.1 with SplitMix32 seeding, written out plainly from Blackman & Vigna's C reference. */
function createRngReference(seed: number, n: number): number[] {
  let x = BigInt(seed >>> 0);
  const M = 0xffffffffn;
  const splitmix = () => {
    x = (x + 0x9e3779b9n) & M;
    let z = x;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    return (z ^ (z >> 16n)) & M;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
  const rotl = (v: bigint, k: bigint) => ((v << k) | (v >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number((rotl((s[1]! * 5n) & M, 7n) * 9n) & M));
    const t = (s[1]! << 9n) & M;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}
