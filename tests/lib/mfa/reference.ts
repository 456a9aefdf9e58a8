// Independent reference computations for the MFA tests: plain numerical integration, sharing no
// code with lib/mfa, so that a test compares the library against a different method.

/** Composite Simpson's rule of f on [a, b] with `intervals` (even) subintervals. */
export function simpson(f: (x: number) => number, a: number, b: number, intervals = 4000): number {
  const h = (b - a) / intervals;
  let s = f(a) + f(b);
  for (let i = 1; i < intervals; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

const standardPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** P(Z > z) for a standard normal Z: 1/2 minus the integral of the pdf from 0 to z (Simpson). */
export function normalTail(z: number): number {
  const half = simpson(standardPdf, 0, Math.abs(z), 4000);
  return z >= 0 ? 0.5 - half : 0.5 + half;
}

/** P(X > x) for X ~ Normal(mean, sd). */
export function normalSurvival(x: number, mean: number, sd: number): number {
  return normalTail((x - mean) / sd);
}
