import type {PolicyMeasureRow} from "./schema.js";
import {parseUrlState, serializeUrlState, type UrlProblem, type UrlSpec} from "../reader/url-state.js";

/**
 * The policy page's filters (jurisdiction, intervention type, status, year range, mineral), shared
 * by every figure and kept in the URL's query string (?jurisdiction=USA&from=2020), so that a link
 * reopens the same view. Reading a URL never throws: a value the data do not have is reported as a
 * problem and the filter stays open.
 */

/** The value of a filter that keeps every row. */
export const ALL = "all";
/** The status filter's value for measures whose status is not given. */
export const UNKNOWN = "unknown";

export interface PolicyFilter {
  /** A party code (ISO3 or EU), or ALL. */
  jurisdiction: string;
  /** An intervention type id, or ALL. */
  type: string;
  /** A status id, UNKNOWN, or ALL. */
  status: string;
  /** First and last year of start, inclusive; null when open. */
  from: number | null;
  to: number | null;
  /** A normalised mineral or mineral family, or ALL. */
  mineral: string;
}

export const OPEN_FILTER: PolicyFilter = {jurisdiction: ALL, type: ALL, status: ALL, from: null, to: null, mineral: ALL};

/** The values each filter accepts (besides ALL). */
export interface FilterChoices {
  jurisdictions: readonly string[];
  types: readonly string[];
  statuses: readonly string[];
  minerals: readonly string[];
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
    status: among(choices ? [...choices.statuses, UNKNOWN] : undefined),
    from: {values: null, fallback: "", maxLength: MAX_LENGTH, check: year},
    to: {values: null, fallback: "", maxLength: MAX_LENGTH, check: year},
    mineral: among(choices?.minerals)
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
    mineral: state.mineral
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

type Filterable = Pick<PolicyMeasureRow, "jurisdiction" | "parties" | "intervention_type" | "status" | "start_year_min" | "start_year_max" | "minerals" | "mineral_groups">;

const list = (s: string | null) => (s === null ? [] : s.split(";"));

/**
 * The rows a filter keeps. Jurisdiction: the row's jurisdiction, or with `asParty` any of its
 * parties (for cooperation). Years: the start lies surely within the range (a row with no start
 * date, or a span reaching outside, is left out while a year bound is set). Mineral: the row names
 * the mineral or its family. A year range that ends before it starts keeps no row.
 */
export function filterMeasures<T extends Filterable>(rows: readonly T[], filter: PolicyFilter, {asParty = false}: {asParty?: boolean} = {}): T[] {
  return rows.filter((r) => {
    if (filter.jurisdiction !== ALL && !(asParty ? list(r.parties).includes(filter.jurisdiction) : r.jurisdiction === filter.jurisdiction)) return false;
    if (filter.type !== ALL && r.intervention_type !== filter.type) return false;
    if (filter.status !== ALL && (filter.status === UNKNOWN ? r.status !== null : r.status !== filter.status)) return false;
    if (filter.from !== null && (r.start_year_min === null || r.start_year_min < filter.from)) return false;
    if (filter.to !== null && (r.start_year_max === null || r.start_year_max > filter.to)) return false;
    if (filter.mineral !== ALL && !list(r.minerals).includes(filter.mineral) && !list(r.mineral_groups).includes(filter.mineral)) return false;
    return true;
  });
}

/** Whether a filter keeps every row. */
export function isOpen(filter: PolicyFilter): boolean {
  return serializeFilter(filter) === "";
}
