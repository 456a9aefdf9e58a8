import type {PolicyMeasureRow} from "./schema.js";

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
export interface FilterProblem {
  param: string;
  value: string;
  reason: string;
}

const PARAMS = ["jurisdiction", "type", "status", "from", "to", "mineral"] as const;
const MAX_LENGTH = 100;

/**
 * Reads the filter from a query string ("?jurisdiction=usa&from=2020"). Choices match without
 * regard to case and come back in the data's spelling; years are whole numbers from 1900 to 2100.
 * A value that is unknown, too long, repeated or a year range that ends before it starts is
 * reported and dropped (the filter stays open). Parameters that are not filters are ignored.
 */
export function parseFilter(search: string, choices: FilterChoices): {filter: PolicyFilter; problems: FilterProblem[]} {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const filter: PolicyFilter = {...OPEN_FILTER};
  const problems: FilterProblem[] = [];
  const lists: Record<"jurisdiction" | "type" | "status" | "mineral", readonly string[]> = {
    jurisdiction: choices.jurisdictions,
    type: choices.types,
    status: [...choices.statuses, UNKNOWN],
    mineral: choices.minerals
  };
  for (const param of PARAMS) {
    const given = params.getAll(param);
    const value = given[0]?.trim() ?? "";
    if (given.length > 1) problems.push({param, value: given.join(", "), reason: "given more than once; the first value is used"});
    if (value === "" || value.toLowerCase() === ALL) continue;
    if (value.length > MAX_LENGTH) {
      problems.push({param, value: `${value.slice(0, 20)}…`, reason: `longer than ${MAX_LENGTH} characters; ignored`});
      continue;
    }
    if (param === "from" || param === "to") {
      const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
      if (!(year >= 1900 && year <= 2100)) problems.push({param, value, reason: "not a year (four digits, 1900-2100); ignored"});
      else filter[param] = year;
      continue;
    }
    const match = lists[param].find((v) => v.toLowerCase() === value.toLowerCase());
    if (match === undefined) problems.push({param, value, reason: "not a value in these data; ignored"});
    else filter[param] = match;
  }
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
  const params = new URLSearchParams();
  for (const param of PARAMS) {
    const value = filter[param];
    if (value !== null && value !== ALL && value !== "") params.append(param, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
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
