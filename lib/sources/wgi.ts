import {iso1A3Code} from "@rapideditor/country-coder";
import {z} from "zod";
import type {Crosswalk, Place} from "./crosswalk.js";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {number, oneOf, text, validateRecords, year} from "./validate.js";

/**
 * The World Bank's Worldwide Governance Indicators (WGI), 2024 update (Kaufmann & Kraay, revised
 * methodology), in the long form of one row per economy x year x indicator. ".." is the source's
 * mark for a missing value and stays null; codes that are not ISO 3166-1 (ZAR, ROM, ADO, TMP, WBG,
 * KSV, ANT) are mapped through the crosswalk's wgi_code entries, all others must be ISO codes.
 */

/** The six WGI dimensions, by the source's two-letter code. */
export const WGI_INDICATORS = {
  va: "Voice and accountability",
  pv: "Political stability and absence of violence/terrorism",
  ge: "Government effectiveness",
  rq: "Regulatory quality",
  rl: "Rule of law",
  cc: "Control of corruption"
} as const;

export type WgiIndicator = keyof typeof WGI_INDICATORS;

const INDICATOR_CODES = Object.keys(WGI_INDICATORS) as [WgiIndicator, ...WgiIndicator[]];

export const WGI_COLUMNS = ["codeindyr", "code", "countryname", "year", "indicator", "estimate", "stddev", "nsource", "pctrank", "pctranklower", "pctrankupper"] as const;

/** A WGI number, or null for the source's "..". Anything else that is not a number in range throws. */
export function wgiValue(options: {min: number; max: number; integer?: boolean; what: string}) {
  const inner = number({min: options.min, max: options.max, what: options.what});
  return z.string().transform((s, ctx) => {
    if (s.trim() === "..") return null;
    const parsed = inner.safeParse(s);
    if (!parsed.success) {
      ctx.addIssue({code: "custom", message: parsed.error.issues[0]?.message ?? `not ${options.what}`});
      return z.NEVER;
    }
    if (options.integer && !Number.isInteger(parsed.data)) {
      ctx.addIssue({code: "custom", message: `${options.what} is a whole number`});
      return z.NEVER;
    }
    return parsed.data;
  });
}

const wgiSchema = z.object({
  codeindyr: text(),
  code: text().pipe(z.string().regex(/^[A-Z]{3}$/, "a WGI country code is three capital letters")),
  countryname: text(),
  year: year(),
  indicator: oneOf(INDICATOR_CODES),
  // Estimates are standard-normal units, about -2.5 to 2.5; beyond +-5 the column is not a WGI estimate.
  estimate: wgiValue({min: -5, max: 5, what: "a governance estimate (standard-normal units, within -5..5)"}),
  stddev: wgiValue({min: 0, max: 5, what: "a standard error (0..5)"}),
  nsource: wgiValue({min: 0, max: 100, integer: true, what: "a count of data sources"}),
  pctrank: wgiValue({min: 0, max: 100, what: "a percentile rank (0..100)"}),
  pctranklower: wgiValue({min: 0, max: 100, what: "a percentile rank (0..100)"}),
  pctrankupper: wgiValue({min: 0, max: 100, what: "a percentile rank (0..100)"})
});

/** One economy x year x indicator of the WGI. */
export interface WgiRow {
  iso3: string | null;
  wgi_code: string;
  country: string;
  year: number;
  indicator: WgiIndicator;
  indicator_name: string;
  estimate: number | null;
  stddev: number | null;
  nsource: number | null;
  pctrank: number | null;
  pctrank_lower: number | null;
  pctrank_upper: number | null;
}

/**
 * The ISO3 code of a WGI code. The crosswalk's wgi_code entries are named "CODE (Country name)";
 * a code listed there is mapped (ZAR -> COD; ANT, the former Netherlands Antilles, has none and
 * gives null), and its country name must match; any other code must itself be a current ISO 3166-1
 * alpha-3 code. Anything else throws: a new code must be mapped on purpose.
 */
export function wgiIso3(code: string, country: string, crosswalk: Crosswalk, file: string, line: number): string | null {
  const entries = wgiCodeEntries(crosswalk);
  const entry = entries.get(code);
  if (entry) {
    if (entry.name !== country) throw new SourceError(file, line, "countryname", country, `WGI code ${code} is mapped in the crosswalk for "${entry.name}", not this name`);
    return entry.place.iso3;
  }
  if (iso1A3Code(code) !== code) throw new SourceError(file, line, "code", code, "unknown country code: neither an ISO 3166-1 alpha-3 code nor a WGI code in the crosswalk (dataset wgi_code)");
  return code;
}

const entryCache = new WeakMap<Crosswalk, Map<string, {name: string; place: Place}>>();

function wgiCodeEntries(crosswalk: Crosswalk): Map<string, {name: string; place: Place}> {
  let entries = entryCache.get(crosswalk);
  if (!entries) {
    entries = new Map();
    for (const [nameInSource, place] of crosswalk.get("wgi_code") ?? []) {
      const match = /^([A-Z]{3}) \((.*)\)$/.exec(nameInSource);
      if (match) entries.set(match[1]!, {name: match[2]!, place});
    }
    entryCache.set(crosswalk, entries);
  }
  return entries;
}

/**
 * Parses the WGI long file into validated rows with their source line. Checks, beyond each value:
 * the key codeindyr is code + indicator + year, an economy keeps one name, and no key repeats.
 */
export function parseWgi(csvText: string, file: string, crosswalk: Crosswalk): {line: number; row: WgiRow}[] {
  const table = parseCsv(csvText, file, {required: WGI_COLUMNS});
  const records = validateRecords(table, wgiSchema);
  const names = new Map<string, {name: string; line: number}>();
  const keys = new Map<string, number>();
  return records.map(({line, row: r}) => {
    const expectedKey = `${r.code}${r.indicator}${r.year}`;
    if (r.codeindyr !== expectedKey) throw new SourceError(file, line, "codeindyr", r.codeindyr, `the key must be code + indicator + year (${expectedKey})`);
    if (keys.has(expectedKey)) throw new SourceError(file, line, "codeindyr", r.codeindyr, `duplicate key: already on line ${keys.get(expectedKey)}`);
    keys.set(expectedKey, line);
    const known = names.get(r.code);
    if (known && known.name !== r.countryname) throw new SourceError(file, line, "countryname", r.countryname, `code ${r.code} is "${known.name}" on line ${known.line}`);
    if (!known) names.set(r.code, {name: r.countryname, line});
    const row: WgiRow = {
      iso3: wgiIso3(r.code, r.countryname, crosswalk, file, line),
      wgi_code: r.code,
      country: r.countryname,
      year: r.year as number,
      indicator: r.indicator,
      indicator_name: WGI_INDICATORS[r.indicator],
      estimate: r.estimate,
      stddev: r.stddev,
      nsource: r.nsource,
      pctrank: r.pctrank,
      pctrank_lower: r.pctranklower,
      pctrank_upper: r.pctrankupper
    };
    return {line, row};
  });
}
