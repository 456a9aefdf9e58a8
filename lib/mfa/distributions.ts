/**
 * Samplers for uncertain parameters of the MFA (normal, lognormal, uniform, triangular), drawn from
 * the site's seeded generator (lib/random.ts), so that a Monte Carlo run is reproduced by its seed.
 */
import type {Rng} from "../random.js";

export type Distribution =
  | {kind: "fixed"; value: number}
  /** Normal with mean and standard deviation; unbounded, so it can give negative values. */
  | {kind: "normal"; mean: number; sd: number}
  /** Lognormal with the mean and sd of the variable itself (not of its logarithm); always > 0. */
  | {kind: "lognormal"; mean: number; sd: number}
  | {kind: "uniform"; min: number; max: number}
  | {kind: "triangular"; min: number; mode: number; max: number};

/**
 * Checks a distribution's parameters: all finite; sd >= 0 (normal), mean > 0 and sd >= 0
 * (lognormal), min <= max (uniform), min <= mode <= max (triangular). Throws TypeError on an
 * unknown kind and RangeError otherwise; `where` prefixes the message (e.g. a parameter name).
 */
export function validateDistribution(d: Distribution, where = "distribution"): void {
  const fail = (rule: string) => new RangeError(`${where}: ${d.kind} distribution ${JSON.stringify(d)}: ${rule}`);
  const finite = (...vs: unknown[]) => vs.every((v) => typeof v === "number" && Number.isFinite(v));
  switch (d?.kind) {
    case "fixed":
      if (!finite(d.value)) throw fail("value must be finite");
      return;
    case "normal":
      if (!finite(d.mean, d.sd) || d.sd < 0) throw fail("mean and sd must be finite, sd >= 0");
      return;
    case "lognormal":
      if (!finite(d.mean, d.sd) || !(d.mean > 0) || d.sd < 0) throw fail("mean must be finite and > 0, sd finite and >= 0");
      return;
    case "uniform":
      if (!finite(d.min, d.max) || d.min > d.max) throw fail("min and max must be finite, min <= max");
      return;
    case "triangular":
      if (!finite(d.min, d.mode, d.max) || d.min > d.mode || d.mode > d.max) throw fail("min <= mode <= max, all finite");
      return;
    default:
      throw new TypeError(`${where}: unknown distribution kind ${JSON.stringify((d as {kind?: unknown} | undefined)?.kind)}`);
  }
}

/** A standard normal variate by the Marsaglia polar method (Marsaglia & Bray 1964), from two or more uniforms. */
export function standardNormal(rng: Rng): number {
  // Both variates of a pair are valid; using one keeps the stream a plain function of the seed.
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * One draw from a distribution. Lognormal: X = exp(mu + sigma Z) with sigma^2 = ln(1 + sd^2/mean^2)
 * and mu = ln(mean) - sigma^2/2, so E[X] = mean and SD[X] = sd. Triangular and uniform by inverse
 * CDF. Does not validate (call validateDistribution once, not per draw).
 */
export function sample(rng: Rng, d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "normal":
      return d.mean + d.sd * standardNormal(rng);
    case "lognormal": {
      const sigma2 = Math.log1p((d.sd / d.mean) ** 2);
      return Math.exp(Math.log(d.mean) - sigma2 / 2 + Math.sqrt(sigma2) * standardNormal(rng));
    }
    case "uniform":
      return d.min + (d.max - d.min) * rng.next();
    case "triangular": {
      const u = rng.next();
      const width = d.max - d.min;
      if (width === 0) return d.min;
      const f = (d.mode - d.min) / width;
      return u < f ? d.min + Math.sqrt(u * width * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * width * (d.max - d.mode));
    }
  }
}
