/**
 * Dates as a classifier knows them: a year ("2025"), a month ("2025-02"), a day ("2025-02-04"),
 * or a span "FIRST/LAST" of these when only bounds are known ("2022-06/2023-06": joined some time
 * between June 2022 and June 2023). Each stands for a range of days, so that "since 2020" can be
 * decided where the range allows and left undecided where it does not.
 */

/** A date with the first and last day it can stand for. */
export interface DateSpan {
  /** The text as written. */
  text: string;
  /** First and last day, YYYY-MM-DD. */
  earliest: string;
  latest: string;
  yearMin: number;
  yearMax: number;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

function datePart(s: string): {earliest: string; latest: string} | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  if (y < 1900 || y > 2100) return null;
  if (match[2] === undefined) return {earliest: `${y}-01-01`, latest: `${y}-12-31`};
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  if (match[3] === undefined) return {earliest: `${y}-${pad(m)}-01`, latest: `${y}-${pad(m)}-${pad(lastDay(y, m))}`};
  const d = Number(match[3]);
  if (d < 1 || d > lastDay(y, m)) return null;
  return {earliest: `${y}-${pad(m)}-${pad(d)}`, latest: `${y}-${pad(m)}-${pad(d)}`};
}

/**
 * Reads a year, month, day or span between 1900 and 2100 into its first and last possible day
 * and years. Null when the text is not such a date (2025-02-30, 2025-13, "early 2025") or a span
 * ends before it starts.
 */
export function parseDateSpan(s: string): DateSpan | null {
  const parts = s.split("/").map((p) => p.trim());
  if (parts.length > 2) return null;
  const first = datePart(parts[0]!);
  const last = datePart(parts[parts.length - 1]!);
  if (!first || !last || first.earliest > last.latest) return null;
  return {text: s, earliest: first.earliest, latest: last.latest, yearMin: Number(first.earliest.slice(0, 4)), yearMax: Number(last.latest.slice(0, 4))};
}
