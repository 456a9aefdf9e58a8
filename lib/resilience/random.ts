/**
 * Seeded pseudo-random numbers for the Monte Carlo metrics (percolation, weight sensitivity), so
 * that every figure in the paper is reproducible from its seed.
 *
 * mulberry32 (Tommy Ettinger, 2017, public domain): a 32-bit state generator with period 2^32,
 * fast and good enough for simulation (it passes gjrand's tests; it is not cryptographic).
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A mulberry32 generator seeded with `seed`, an integer (taken modulo 2^32). The same seed gives
 * the same sequence on every platform. Throws RangeError when the seed is not an integer.
 */
export function mulberry32(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`mulberry32: seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A uniform integer in [0, n). Throws RangeError unless n is a positive integer. */
export function randomInt(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`randomInt: n must be a positive integer, got ${n}`);
  return Math.floor(random() * n);
}

/** Shuffles `items` in place (Fisher-Yates) and returns it. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** Shuffles a typed array of indices in place (Fisher-Yates) and returns it. */
export function shuffleIndices(items: Int32Array, random: Random): Int32Array {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i]!;
    items[i] = items[j]!;
    items[j] = a;
  }
  return items;
}
