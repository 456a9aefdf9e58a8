/**
 * The chart a query result obviously calls for, or none. A query cell draws it under the result
 * table; a result without an obvious chart gets the table alone, since a wrong chart misleads more
 * than no chart.
 *
 * - a year column, a number, and at most one label column with at most 12 values: a line per label;
 * - a label column with unique values (the first such text column) and a number, at most 60 rows:
 *   horizontal bars of the first number, in the result's order (the query's ORDER BY ranks them);
 * - exactly two numeric columns and nothing else: a scatter plot.
 * Missing numbers are left out of the chart (the table still shows them as missing).
 */
import type {ValueKind} from "./sql-values.js";

export interface ResultColumn {
  name: string;
  kind: ValueKind;
}

export type ChartSpec =
  | {mark: "line"; x: string; y: string; z: string | null}
  | {mark: "barX"; x: string; y: string}
  | {mark: "dot"; x: string; y: string};

export const MAX_BARS = 60;
export const MAX_SERIES = 12;
export const MAX_POINTS = 5_000;

/** Column names read as years: drawn on a time axis and written without a thousands separator. */
export const YEAR = /(^|_)year$|^yr$/i;

export function chooseChart(columns: readonly ResultColumn[], rows: readonly Record<string, unknown>[]): ChartSpec | null {
  if (rows.length < 2) return null;
  const numbers = columns.filter((c) => c.kind === "number");
  const labels = columns.filter((c) => c.kind === "string");
  const distinct = (name: string) => new Set(rows.map((r) => r[name])).size;
  const year = numbers.find((c) => YEAR.test(c.name) && rows.every((r) => r[c.name] === null || Number.isInteger(r[c.name])));
  if (year && numbers.length >= 2 && labels.length <= 1 && rows.length <= MAX_POINTS) {
    const y = numbers.find((c) => c !== year)!;
    const z = labels[0]?.name ?? null;
    if (z === null || distinct(z) <= MAX_SERIES) {
      if (distinct(year.name) >= 2) return {mark: "line", x: year.name, y: y.name, z};
    }
  }
  const label = labels.find((c) => distinct(c.name) === rows.length);
  if (label && numbers.length >= 1 && rows.length <= MAX_BARS) return {mark: "barX", x: numbers[0]!.name, y: label.name};
  if (numbers.length === 2 && columns.length === 2 && rows.length <= MAX_POINTS) return {mark: "dot", x: numbers[0]!.name, y: numbers[1]!.name};
  return null;
}
