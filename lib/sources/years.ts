/**
 * The years a source may give: whole numbers from 1800 to 2100. One definition for validate.ts's
 * `year` column type and for the readers that check a year or a date's year themselves
 * (iea-policies.ts, policy-sources.ts, which starts its dates later).
 */

export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;

/** Whether n is a year a source may give: a whole number from YEAR_MIN to YEAR_MAX. */
export const isYear = (n: number): boolean => Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX;
