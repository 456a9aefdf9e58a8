/**
 * The site's one seeded pseudo-random number generator, so that every Monte Carlo result (MFA
 * uncertainty, percolation, weight sensitivity, test fixtures) can be reproduced exactly from its
 * seed, in Node and in the browser.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna 2021, ACM TOMS 47(4), art. 36; period 2^128 - 1),
 * its 128-bit state filled from a 32-bit seed by SplitMix32 (a 32-bit variant of Steele, Lea &
 * Flood's SplitMix, as the xoshiro authors recommend for seeding) so that nearby seeds give
 * unrelated streams. Uniforms have 53 random bits, from two 32-bit outputs.
 */

/** A seeded generator of uniform numbers in [0, 1). */
export interface Rng {
  /** The seed it was created with. */
  readonly seed: number;
  /** Next uniform number in [0, 1), 53-bit resolution. */
  next(): number;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
}

/**
 * An xoshiro128** generator seeded with a 32-bit integer (seeds are taken modulo 2^32). Same seed,
 * same sequence, on every platform. Throws RangeError if the seed is not an integer.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`createRng: seed must be an integer, got ${seed}`);
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    seed,
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992 // (a * 2^26 + b) / 2^53
  };
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}

/** A generator of uniform numbers in [0, 1), as a function. */
export type Random = () => number;

/** createRng(seed) as a function of no arguments, for code that only draws uniforms. Throws RangeError for a non-integer seed. */
export function seededRandom(seed: number): Random {
  const rng = createRng(seed);
  return () => rng.next();
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
