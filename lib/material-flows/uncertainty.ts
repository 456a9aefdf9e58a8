/**
 * Uncertainty classes of the material-flow data (data/sources/mfa/README.md). A class stands
 * for a relative standard uncertainty, one standard deviation as a share of the value, in the
 * manner of the data-quality classes of Laner, Rechberger & Astrup (2014, J. Ind. Ecol. 18(6),
 * 859-870) and of STAN: sd = relativeSd x value.
 *
 *   A  5 %  official statistics reported as such (USGS reported values);
 *   B 15 %  official estimates (USGS "estimated") and figures the paper states plainly;
 *   C 30 %  figures the paper hedges or calls model estimates, and shares the paper says are
 *           poorly traced (first-use and end-use allocation, end of life, recycling).
 */

export type UncertaintyClass = "A" | "B" | "C";

export const UNCERTAINTY_CLASSES: Readonly<Record<UncertaintyClass, {relativeSd: number; description: string}>> = {
  A: {relativeSd: 0.05, description: "official statistics reported as such (USGS reported values)"},
  B: {relativeSd: 0.15, description: "official estimates and figures the paper states plainly"},
  C: {relativeSd: 0.3, description: "figures the paper hedges or calls model estimates, and poorly traced shares"}
};

/** True for "A", "B" or "C". */
export function isUncertaintyClass(value: unknown): value is UncertaintyClass {
  return typeof value === "string" && Object.hasOwn(UNCERTAINTY_CLASSES, value);
}

/** Relative sd of a class; throws RangeError on an unknown class. */
export function relativeSd(cls: string): number {
  if (!isUncertaintyClass(cls)) throw new RangeError(`unknown uncertainty class ${JSON.stringify(cls)}; classes are ${Object.keys(UNCERTAINTY_CLASSES).join(", ")}`);
  return UNCERTAINTY_CLASSES[cls].relativeSd;
}
