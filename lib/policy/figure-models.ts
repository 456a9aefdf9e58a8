import {filterMeasures, type PolicyFilter} from "./filters.js";
import {INTERVENTION_TYPES, STATUSES} from "./vocabulary.js";

/**
 * The models of the policy page's live figures (lib/figures/policy.ts): each takes the rows a
 * figure's SQL returns (measures counted at the grain the page's filters need, or one party of one
 * initiative) and the page's filter, and gives what the chart draws. A reader's edited query may
 * return fewer columns: a column it leaves out counts as missing (null), and a row without a
 * `measures` count counts as one measure.
 */

/** A row of a figure's result: the columns the filters read, each possibly absent. */
export type FigureRow = Record<string, unknown>;

/** The columns filterMeasures reads, with their values as a figure row gives them (null when absent). */
interface Filterable {
  jurisdiction: string;
  parties: string;
  intervention_type: string;
  status: string | null;
  start_year_min: number | null;
  start_year_max: number | null;
  minerals: string | null;
  mineral_groups: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const year = (v: unknown): number | null => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
/** How many measures a row stands for: its `measures` column, or 1. */
const weight = (row: FigureRow): number => (row.measures === null || row.measures === undefined ? 1 : Number(row.measures));

/** The rows of a figure's result the page's filter keeps, by the page's own rule (lib/policy/filters.ts). */
export function keepRows<T extends FigureRow>(rows: readonly T[], filter: PolicyFilter, {asParty = false}: {asParty?: boolean} = {}): T[] {
  const fields = rows.map(
    (row): Filterable & {row: T} => ({
      row,
      jurisdiction: text(row.jurisdiction) ?? "",
      parties: text(row.parties) ?? text(row.jurisdiction) ?? "",
      intervention_type: text(row.intervention_type) ?? "",
      status: text(row.status),
      start_year_min: year(row.start_year_min),
      start_year_max: year(row.start_year_max),
      minerals: text(row.minerals),
      mineral_groups: text(row.mineral_groups)
    })
  );
  return filterMeasures(fields, filter, {asParty}).map((f) => f.row);
}

/** Sums the measures of the kept rows by a key; keys in first-seen order. */
function sumBy(rows: readonly FigureRow[], key: (row: FigureRow) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + weight(row));
  return sums;
}

/** The vocabulary's intervention types, then any other type the rows hold, by name. */
function typesOf(rows: readonly FigureRow[]): string[] {
  const known = INTERVENTION_TYPES.map((t) => t.id as string);
  const other = [...new Set(rows.map((r) => text(r.intervention_type) ?? "").filter((t) => !known.includes(t)))].sort();
  return [...known, ...other];
}

/** One cell of the jurisdiction x type figures (Figure 10 (a), the gap matrix). */
export interface JurisdictionTypeCell {
  jurisdiction: string;
  name: string;
  type: string;
  count: number;
}

/**
 * Measures per jurisdiction and intervention type of the rows the filter keeps: one cell for each
 * of the `limit` jurisdictions with most measures (ties by code) and each type, 0 where there is
 * none. The name is the row's jurisdiction_name, else the code.
 */
export function jurisdictionTypeCells(rows: readonly FigureRow[], filter: PolicyFilter, {limit = Infinity}: {limit?: number} = {}): JurisdictionTypeCell[] {
  const kept = keepRows(rows, filter);
  const totals = sumBy(kept, (r) => text(r.jurisdiction) ?? "");
  const cells = sumBy(kept, (r) => `${text(r.jurisdiction) ?? ""}\n${text(r.intervention_type) ?? ""}`);
  const names = new Map(kept.map((r) => [text(r.jurisdiction) ?? "", text(r.jurisdiction_name) ?? text(r.jurisdiction) ?? ""]));
  const jurisdictions = [...totals]
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([j]) => j);
  const types = typesOf(kept);
  return jurisdictions.flatMap((jurisdiction) => types.map((type) => ({jurisdiction, name: names.get(jurisdiction)!, type, count: cells.get(`${jurisdiction}\n${type}`) ?? 0})));
}

/** Measures per intervention type and sub-type of the rows the filter keeps, most first within the vocabulary's order of types, then by sub-type. */
export function subtypeCounts(rows: readonly FigureRow[], filter: PolicyFilter): {type: string; subtype: string; count: number}[] {
  const kept = keepRows(rows, filter);
  const types = typesOf(kept);
  const sums = sumBy(kept, (r) => `${text(r.intervention_type) ?? ""}\n${text(r.intervention_subtype) ?? ""}`);
  return [...sums]
    .map(([key, count]) => {
      const [type, subtype] = key.split("\n") as [string, string];
      return {type, subtype, count};
    })
    .filter((c) => c.count > 0)
    .sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || b.count - a.count || (a.subtype < b.subtype ? -1 : a.subtype > b.subtype ? 1 : 0));
}

/**
 * Measures per year of start and status of the rows the filter keeps. A start that is not one year
 * (no date, or a span across years) has year null, shown apart. Ordered by year (null last), then status.
 */
export function yearStatusCounts(rows: readonly FigureRow[], filter: PolicyFilter): {year: number | null; status: string | null; count: number}[] {
  const cells = new Map<string, {year: number | null; status: string | null; count: number}>();
  for (const r of keepRows(rows, filter)) {
    const min = year(r.start_year_min);
    const y = min !== null && min === year(r.start_year_max) ? min : null;
    const status = text(r.status);
    const key = `${y}\n${status}`;
    const cell = cells.get(key) ?? {year: y, status, count: 0};
    cell.count += weight(r);
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || String(a.status).localeCompare(String(b.status)));
}

/** Measures per status of the rows the filter keeps: the vocabulary's statuses (0 when none), then those with none (null), then any other status. */
export function statusCounts(rows: readonly FigureRow[], filter: PolicyFilter): {status: string | null; count: number}[] {
  const sums = sumBy(keepRows(rows, filter), (r) => text(r.status) ?? "\u0000none");
  const known = STATUSES.map((s) => s.id as string);
  const other = [...sums.keys()].filter((s) => s !== "\u0000none" && !known.includes(s)).sort();
  return [...known.map((status) => ({status: status as string | null, count: sums.get(status) ?? 0})), {status: null, count: sums.get("\u0000none") ?? 0}, ...other.map((status) => ({status, count: sums.get(status)!}))];
}

/**
 * Participation rows (one party of one initiative, with the initiative's own columns) of the
 * initiatives the filter keeps: the jurisdiction filter matches any of the initiative's parties.
 */
export function keptParticipation<T extends FigureRow>(rows: readonly T[], filter: PolicyFilter): T[] {
  return keepRows(rows, filter, {asParty: true});
}

