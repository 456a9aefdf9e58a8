import {rollup, sum} from "d3-array";
import {ALL, filterRecords, type Filterable, type PolicyFilter} from "./filters.js";
import {INTERNATIONAL_CLASS, LEVELS, POLICY_CLASSES, STATUSES} from "./vocabulary.js";

/**
 * The models of the policy page's live figures (lib/figures/policy.ts): each takes the rows a
 * figure's SQL returns and the page's filter, and gives what the chart draws. Every row carries
 * the fields of its record the filters read (countries, classes, status, year, technologies); a
 * reader's edited query may leave some out, and a column left out is missing (null). A row's
 * `weight` is the share of its record it stands for (1 when absent).
 */

/** A row of a figure's result. */
export type FigureRow = Record<string, unknown>;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
const weight = (row: FigureRow): number => num(row.weight) ?? 1;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How a record with several types counts: each type once, or the record once, split over its types. */
export type Counting = "mentions" | "split";

/** The rows the filter keeps. A row's countries are its own `jurisdiction` when it has one (one country per row), else its `countries`. */
export function keepRows<T extends FigureRow>(rows: readonly T[], filter: PolicyFilter): T[] {
  const fields = rows.map(
    (row): Filterable & {row: T} => ({
      row,
      countries: text(row.jurisdiction) ?? text(row.countries),
      classes: text(row.classes) ?? text(row.intervention_type),
      status: text(row.status),
      year: num(row.year),
      technologies: text(row.technologies)
    })
  );
  return filterRecords(fields, filter).map((f) => f.row);
}

/** Sums by a key over the kept rows; keys in first-seen order. */
function sumBy(rows: readonly FigureRow[], key: (row: FigureRow) => string, amount: (row: FigureRow) => number = weight): Map<string, number> {
  return rollup(
    rows,
    (group) => sum(group, amount),
    key
  );
}

/** The vocabulary's classes, then any other class the rows hold, by name. */
function classesOf(rows: readonly FigureRow[]): string[] {
  const known = POLICY_CLASSES.map((t) => t.id as string);
  return [...known, ...[...new Set(rows.map((r) => text(r.intervention_type) ?? ""))].filter((t) => !known.includes(t)).sort()];
}

/** One cell of the jurisdiction x class figures (Figure 10 (a), the gap matrix). */
export interface JurisdictionTypeCell {
  jurisdiction: string;
  name: string;
  type: string;
  count: number;
}

/**
 * Records per country and class of the rows the filter keeps (each record split over its types,
 * so a country's cells add up to the records naming it): the `limit` countries with most records
 * (ties by code), every class, 0 where there is none.
 */
export function jurisdictionTypeCells(rows: readonly FigureRow[], filter: PolicyFilter, {limit = Infinity}: {limit?: number} = {}): JurisdictionTypeCell[] {
  const kept = keepRows(rows, filter);
  const totals = sumBy(kept, (r) => text(r.jurisdiction) ?? "");
  const cells = sumBy(kept, (r) => `${text(r.jurisdiction) ?? ""}\n${text(r.intervention_type) ?? ""}`);
  const names = new Map(kept.map((r) => [text(r.jurisdiction) ?? "", text(r.jurisdiction_name) ?? text(r.jurisdiction) ?? ""]));
  const top = [...totals]
    .filter(([, n]) => n > 1e-9)
    .sort(([a, m], [b, n]) => n - m || compare(a, b))
    .slice(0, limit)
    .map(([j]) => j);
  const types = classesOf(kept);
  return top.flatMap((jurisdiction) => types.map((type) => ({jurisdiction, name: names.get(jurisdiction)!, type, count: cells.get(`${jurisdiction}\n${type}`) ?? 0})));
}

/** Records per IEA policy type of the rows the filter keeps (Figure 10 (b)), with the type's class; most first. */
export function policyTypeCounts(rows: readonly FigureRow[], filter: PolicyFilter, counting: Counting): {policy_type: string; type: string; count: number}[] {
  const kept = keepRows(rows, filter);
  // Keyed by type and class: a type name classed twice (under two topics) is two bars.
  const sums = sumBy(kept, (r) => `${text(r.policy_type) ?? ""}\n${text(r.intervention_type) ?? ""}`, counting === "split" ? weight : () => 1);
  return [...sums]
    .map(([key, count]) => {
      const [policy_type, type] = key.split("\n") as [string, string];
      return {policy_type, type, count};
    })
    .sort((a, b) => b.count - a.count || compare(a.policy_type, b.policy_type));
}

/** Records per class and IEA type (Figure 11: the class's bar, split by the types in it), in the vocabulary's order of classes, then most first. */
export function subtypeCounts(rows: readonly FigureRow[], filter: PolicyFilter, counting: Counting): {type: string; subtype: string; count: number}[] {
  const kept = keepRows(rows, filter);
  const classes = classesOf(kept);
  const sums = sumBy(kept, (r) => `${text(r.intervention_type) ?? ""}\n${text(r.policy_type) ?? ""}`, counting === "split" ? weight : () => 1);
  return [...sums]
    .map(([key, count]) => {
      const [type, subtype] = key.split("\n") as [string, string];
      return {type, subtype, count};
    })
    .filter((c) => c.count > 0)
    .sort((a, b) => classes.indexOf(a.type) - classes.indexOf(b.type) || b.count - a.count || compare(a.subtype, b.subtype));
}

/** Records per year and jurisdiction level (Figure S12); year null when not given. Ordered by year, then the IEA's order of levels. */
export function yearLevelCounts(rows: readonly FigureRow[], filter: PolicyFilter): {year: number | null; group: string; count: number}[] {
  const order = LEVELS.map((l) => l.id as string);
  const cells = new Map<string, {year: number | null; group: string; count: number}>();
  for (const r of keepRows(rows, filter)) {
    const y = num(r.year);
    const group = text(r.level) ?? "not given";
    const cell = cells.get(`${y}\n${group}`) ?? {year: y, group, count: 0};
    cell.count += weight(r);
    cells.set(`${y}\n${group}`, cell);
  }
  const rank = (g: string) => (order.indexOf(g) + 1 || 99);
  return [...cells.values()].sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || rank(a.group) - rank(b.group) || compare(a.group, b.group));
}

/** Records per status (Figure S13): the IEA's statuses (0 when none), then any other, then those with none (null). */
export function statusCounts(rows: readonly FigureRow[], filter: PolicyFilter): {status: string | null; count: number}[] {
  const NONE = "\u0000none";
  const sums = sumBy(keepRows(rows, filter), (r) => text(r.status) ?? NONE);
  const known = STATUSES.map((s) => s.id as string);
  const other = [...sums.keys()].filter((s) => s !== NONE && !known.includes(s)).sort();
  const none = sums.get(NONE) ?? 0;
  return [...known.map((status) => ({status: status as string | null, count: sums.get(status) ?? 0})), ...other.map((status) => ({status, count: sums.get(status)!})), ...(none ? [{status: null, count: none}] : [])];
}

/** The distinct records (policy_id) behind the kept rows that `pick` selects: what a clicked bar stands for. */
export function recordsBehind(rows: readonly FigureRow[], filter: PolicyFilter, pick: (row: FigureRow) => boolean = () => true): string[] {
  return [...new Set(keepRows(rows, filter).filter(pick).map((r) => text(r.policy_id)).filter((id): id is string => id !== null))];
}

/**
 * Participation rows (one party of one initiative) of the initiatives the filter keeps: the
 * jurisdiction filter matches any party of the initiative, the type filter keeps them only for
 * the class of international arrangements, status matches any of the initiative's statuses and
 * the years its first year. The technology filter does not apply: an initiative has none of its own.
 */
export function keptParticipation<T extends FigureRow>(rows: readonly T[], filter: PolicyFilter): T[] {
  const parties = new Map<string, string[]>();
  for (const r of rows) parties.set(text(r.initiative_id) ?? "", [...(parties.get(text(r.initiative_id) ?? "") ?? []), text(r.party) ?? ""]);
  const fields = rows.map(
    (row): Filterable & {row: T} => ({
      row,
      countries: parties.get(text(row.initiative_id) ?? "")!.join(";"),
      classes: INTERNATIONAL_CLASS,
      status: text(row.statuses),
      year: num(row.first_year),
      technologies: null
    })
  );
  return filterRecords(fields, {...filter, technology: ALL}).map((f) => f.row);
}
