/**
 * The result of a resilience metric whose inputs may be missing.
 *
 * A missing input (an unreported stock, a country without a governance score) is not a zero: a
 * metric computed from it is missing too, and says why, so that a table can print "n/a (no stock
 * data)" instead of a number that looks measured. Structurally invalid input (a negative stock, a
 * share above 1) is a different matter and throws: see each metric's JSDoc.
 */

/** A value that could be computed. `reason` is absent. */
export interface Present<T> {
  readonly value: T;
  readonly reason?: undefined;
}

/** A value that could not be computed, with the reason in words (e.g. "stock is missing"). */
export interface Missing {
  readonly value: null;
  readonly reason: string;
}

/** Either a computed value or a missing one with its reason. */
export type Result<T = number> = Present<T> | Missing;

/** A computed value. */
export function present<T>(value: T): Present<T> {
  return {value};
}

/** A missing value. Throws TypeError when the reason is empty, since the reason is the point. */
export function missing(reason: string): Missing {
  if (typeof reason !== "string" || reason.trim() === "") throw new TypeError("missing: a reason is required");
  return {value: null, reason};
}

/** True when the result is missing. */
export function isMissing<T>(result: Result<T>): result is Missing {
  return result.value === null;
}

/** An input that is either a number, a Result of one, or absent (null / undefined). */
export type MaybeNumber = number | Result<number> | null | undefined;

/**
 * The missing result naming every absent input, or null when all are present. Inputs are given
 * by name, e.g. `missingInputs("stockpileCoverage", {stock, dailyDemand})` gives
 * `{value: null, reason: "stockpileCoverage: stock is missing"}`; a missing Result input passes
 * its own reason on ("stock is missing (no USGS figure)").
 */
export function missingInputs(metric: string, inputs: Readonly<Record<string, MaybeNumber>>): Missing | null {
  const reasons: string[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    if (input === null || input === undefined) reasons.push(`${name} is missing`);
    else if (typeof input === "object" && input.value === null) reasons.push(`${name} is missing (${input.reason})`);
  }
  return reasons.length === 0 ? null : missing(`${metric}: ${reasons.join("; ")}`);
}

/** The number in a present input; call after `missingInputs` returned null. */
export function numberOf(input: MaybeNumber): number {
  if (input === null || input === undefined) throw new TypeError("numberOf: input is missing");
  if (typeof input === "number") return input;
  if (input.value === null) throw new TypeError(`numberOf: input is missing (${input.reason})`);
  return input.value;
}
