/**
 * Special functions the MFA engine needs: the normal distribution (lifetime survival curves) and
 * the chi-square tail (reconciliation test). Written here, not imported, so that lib/mfa stays
 * dependency-free in Node and the browser.
 *
 * Everything goes through the regularized incomplete gamma function, computed by its power series
 * or its continued fraction (Press et al., Numerical Recipes, 3rd ed., 2007, sect. 6.2), which
 * keeps relative accuracy in the tails (about 1e-14) where 1 - CDF would cancel.
 */

/** Convergence threshold of the series and continued fraction: a little above double epsilon. */
const EPS = 1e-16;
/** Guard against division by zero in the modified Lentz continued fraction. */
const TINY = 1e-300;
const MAX_ITERATIONS = 1000;

// Lanczos coefficients for g = 7, n = 9 (Godfrey's set); about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Gamma(x) for x > 0 (Lanczos approximation, about 1e-15 relative). Throws RangeError for x <= 0. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma: x must be finite and > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // reflection keeps accuracy near 0
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function checkGammaArgs(name: string, a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`${name}: a must be finite and > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`${name}: x must be >= 0, got ${x}`);
}

// Series for P(a, x), good for x < a + 1.
function gammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

// Continued fraction for Q(a, x) (modified Lentz), good for x >= a + 1.
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a), in [0, 1]. Throws RangeError for a <= 0 or x < 0. */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArgs("regularizedGammaP", a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in relative terms for large x. Throws as regularizedGammaP. */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArgs("regularizedGammaQ", a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/** Complementary error function erfc(x) = 1 - erf(x) = Q(1/2, x^2) for x >= 0, 2 - erfc(-x) below. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x >= 0 ? regularizedGammaQ(0.5, x * x) : 2 - regularizedGammaQ(0.5, x * x);
}

/** Error function erf(x) = 1 - erfc(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const p = regularizedGammaP(0.5, x * x);
  return x >= 0 ? p : -p;
}

/** Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal survival function 1 - Phi(z) = erfc(z / sqrt 2) / 2, without cancellation for large z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Upper tail of the chi-square distribution with k degrees of freedom, P(X >= x) = Q(k/2, x/2)
 * (the p-value of a chi-square test). k = 0 returns 1: with no redundancy there is nothing to test.
 * Throws RangeError for a negative or non-integer k or a negative x.
 */
export function chiSquareSf(x: number, k: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`chiSquareSf: degrees of freedom must be an integer >= 0, got ${k}`);
  if (!(x >= 0)) throw new RangeError(`chiSquareSf: statistic must be >= 0, got ${x}`);
  if (k === 0) return 1;
  return regularizedGammaQ(k / 2, x / 2);
}
