import {parseUrlState, serializeUrlState, type UrlProblem, type UrlSpec} from "../reader/url-state.js";
import {splitList} from "./vocabulary.js";

/**
 * The policy page's filters (jurisdiction, class, status, year range, technology), shared
 * by every figure and kept in the URL's query string (?jurisdiction=USA&from=2020), so that a link
 * reopens the same view. Reading a URL never throws: a value the data do not have is reported as a
 * problem and the filter stays open.
 */

/** The value of a filter that keeps every row. */
export const ALL = "all";

export interface PolicyFilter {
  /** A country code (ISO3 or EU), or ALL. */
  jurisdiction: string;
  /** A MINERS class id, or ALL. */
  type: string;
  /** An IEA status, or ALL. */
  status: string;
  /** First and last year, inclusive; null when open. */
  from: number | null;
  to: number | null;
  /** An IEA technology, or ALL. */
  technology: string;
}

export const OPEN_FILTER: PolicyFilter = {jurisdiction: ALL, type: ALL, status: ALL, from: null, to: null, technology: ALL};

/** The values each filter accepts (besides ALL). */
export interface FilterChoices {
  jurisdictions: readonly string[];
  types: readonly string[];
  statuses: readonly string[];
  technologies: readonly string[];
}

/** A part of a URL the page could not use, and why. */
export type FilterProblem = UrlProblem;

const MAX_LENGTH = 100;

/** A year bound: four digits, 1900 to 2100. */
const year = (value: string) => (/^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2100 ? null : "not a year (four digits, 1900-2100)");

/** The filter's parameters, in the order they are written. */
function filterSpec(choices: FilterChoices | null) {
  const among = (values: readonly string[] | undefined) => ({values: values ? [ALL, ...values] : null, fallback: ALL, maxLength: MAX_LENGTH});
  return {
    jurisdiction: among(choices?.jurisdictions),
    type: among(choices?.types),
    status: among(choices?.statuses),
    from: {values: null, fallback: "", maxLength: MAX_LENGTH, check: year},
    to: {values: null, fallback: "", maxLength: MAX_LENGTH, check: year},
    technology: among(choices?.technologies)
  } satisfies UrlSpec;
}

/**
 * Reads the filter from a query string ("?jurisdiction=usa&from=2020") with the site's URL state
 * (lib/reader/url-state.ts). Choices match without regard to case and come back in the data's
 * spelling; years are whole numbers from 1900 to 2100. A value that is unknown, too long, repeated
 * or a year range that ends before it starts is reported and dropped (the filter stays open).
 * Parameters that are not filters are ignored.
 */
export function parseFilter(search: string, choices: FilterChoices): {filter: PolicyFilter; problems: FilterProblem[]} {
  const {state, problems} = parseUrlState(search, filterSpec(choices));
  const filter: PolicyFilter = {
    jurisdiction: state.jurisdiction,
    type: state.type,
    status: state.status,
    from: state.from ? Number(state.from) : null,
    to: state.to ? Number(state.to) : null,
    technology: state.technology
  };
  const range = yearRangeProblem(filter);
  if (range) {
    problems.push({param: "from", value: `${filter.from}-${filter.to}`, reason: `${range}; the year range is ignored`});
    filter.from = null;
    filter.to = null;
  }
  return {filter, problems};
}

/** Why a year range cannot be used, or null. */
export function yearRangeProblem(filter: Pick<PolicyFilter, "from" | "to">): string | null {
  return filter.from !== null && filter.to !== null && filter.from > filter.to ? `the range ends (${filter.to}) before it starts (${filter.from})` : null;
}

/** The query string of a filter, open parts left out: "" or "?jurisdiction=USA&from=2020". */
export function serializeFilter(filter: PolicyFilter): string {
  return serializeUrlState({...filter, from: filter.from === null ? "" : String(filter.from), to: filter.to === null ? "" : String(filter.to)}, filterSpec(null));
}

/** The fields of a record the filters read; lists are ";"-separated. */
export interface Filterable {
  /** The countries the filter matches: the row's own country, or the record's or initiative's countries. */
  countries: string | null;
  classes: string | null;
  status: string | null;
  year: number | null;
  technologies: string | null;
}

/**
 * The rows a filter keeps. Jurisdiction: one of the row's countries; type: one of its classes;
 * status: its status is the one chosen, or among its statuses; years: its year lies within the
 * range (a row with no year is left out while a bound is set); technology: one of its
 * technologies. A year range that ends before it starts keeps no row.
 */
export function filterRecords<T extends Filterable>(rows: readonly T[], filter: PolicyFilter): T[] {
  return rows.filter((r) => {
    if (filter.jurisdiction !== ALL && !splitList(r.countries).includes(filter.jurisdiction)) return false;
    if (filter.type !== ALL && !splitList(r.classes).includes(filter.type)) return false;
    if (filter.status !== ALL && !splitList(r.status).includes(filter.status)) return false;
    if (filter.from !== null && (r.year === null || r.year < filter.from)) return false;
    if (filter.to !== null && (r.year === null || r.year > filter.to)) return false;
    if (filter.technology !== ALL && !splitList(r.technologies).includes(filter.technology)) return false;
    return true;
  });
}

/** Whether a filter keeps every row. */
export function isOpen(filter: PolicyFilter): boolean {
  return serializeFilter(filter) === "";
}
