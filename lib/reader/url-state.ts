/**
 * A page's selection kept in the query string of its URL (e.g. `?country=IDN&set=paper`), so that
 * a link reproduces the view, and a figure's Link reopens it as the reader left it. Parsing never
 * throws: a value the page does not know is reported as a problem for the page to show, and the
 * parameter falls back to its default. A list (a group of checkboxes) is written comma-separated,
 * in the spec's order, and "none" for an empty one.
 */

/** One parameter a page keeps in its URL. */
export interface UrlParam {
  /**
   * The accepted values, matched case-insensitively and returned in this spelling; null for free
   * text (a search box).
   */
  values: readonly string[] | null;
  /** The value when the parameter is absent, empty or invalid; never written to the URL. */
  fallback: string;
  /** Longest accepted free text, in characters (default 200). */
  maxLength?: number;
  /** A list of `values` (checkboxes): the state is the chosen ones comma-joined in the spec's order. */
  list?: boolean;
  /** For free text: why a value cannot be used (e.g. not a year), or null when it can. */
  check?: (value: string) => string | null;
}

export type UrlSpec = Readonly<Record<string, UrlParam>>;

export type UrlState<S extends UrlSpec> = {[K in keyof S]: string};

/** A parameter the page could not use, and why; the page shows it and goes on with the fallback. */
export interface UrlProblem {
  param: string;
  value: string;
  reason: string;
}

const DEFAULT_MAX_LENGTH = 200;
/** How an empty list is written. */
const NONE = "none";

/**
 * Reads the state from a query string (with or without its leading "?"). Parameters not in the
 * spec are ignored (they may belong to someone else); a parameter given more than once keeps its
 * first value; an empty value counts as absent.
 */
export function parseUrlState<S extends UrlSpec>(search: string, spec: S): {state: UrlState<S>; problems: UrlProblem[]} {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: UrlProblem[] = [];
  const state = {} as Record<string, string>;
  for (const [param, {values, fallback, maxLength = DEFAULT_MAX_LENGTH, check}] of Object.entries(spec)) {
    state[param] = fallback;
    const given = params.getAll(param);
    const value = given[0]?.trim() ?? "";
    if (given.length > 1) problems.push({param, value: given.join(", "), reason: "given more than once; the first value is used"});
    if (value === "") continue;
    if (value.length > maxLength) {
      problems.push({param, value: `${value.slice(0, 20)}…`, reason: `longer than ${maxLength} characters; ignored`});
      continue;
    }
    if (values === null) {
      const problem = check?.(value) ?? null;
      if (problem) problems.push({param, value, reason: `${problem}; ignored`});
      else state[param] = value;
      continue;
    }
    if (spec[param]!.list) {
      if (value.toLowerCase() === NONE) {
        state[param] = "";
        continue;
      }
      const items = value.split(",").map((v) => v.trim().toLowerCase());
      const unknown = items.filter((v) => !values.some((known) => known.toLowerCase() === v));
      if (unknown.length) problems.push({param, value: unknown.join(","), reason: "not a value this page knows; ignored"});
      const chosen = values.filter((known) => items.includes(known.toLowerCase()));
      if (chosen.length || !unknown.length) state[param] = chosen.join(",");
      continue;
    }
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (match === undefined) problems.push({param, value, reason: "not a value this page knows; ignored"});
    else state[param] = match;
  }
  return {state: state as UrlState<S>, problems};
}

/**
 * Writes the state as a query string in the spec's order, leaving out values equal to their
 * fallback: "" when everything is at its default, else "?country=IDN&set=paper". Throws RangeError
 * for a value outside a parameter's list, which is a bug in the page, not in the URL.
 */
export function serializeUrlState<S extends UrlSpec>(state: Partial<UrlState<S>>, spec: S): string {
  const params = new URLSearchParams();
  for (const [param, {values, fallback, list}] of Object.entries(spec)) {
    const value = (state as Record<string, string | undefined>)[param];
    if (value === undefined || value === fallback) continue;
    if (list && values !== null) {
      const items = value === "" ? [] : value.split(",");
      const unknown = items.filter((v) => !values.includes(v));
      if (unknown.length) throw new RangeError(`serializeUrlState: ${param} holds ${unknown.join(", ")}, not among ${values.join(", ")}`);
      params.append(param, items.length ? values.filter((v) => items.includes(v)).join(",") : NONE);
      continue;
    }
    if (value === "") continue;
    if (values !== null && !values.includes(value)) throw new RangeError(`serializeUrlState: ${param}="${value}" is not one of ${values.join(", ")}`);
    params.append(param, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
