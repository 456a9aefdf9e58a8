import type {Crosswalk} from "./crosswalk.js";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";

/**
 * The USGS Mineral Commodity Summaries (MCS) world tables: mine production by country, as
 * published in the MCS data releases (MCS 2023: doi:10.5066/P9WCYUI6).
 */

/** USGS commodity codes used in the data release file names. */
export const COMMODITIES = {
  lithi: "lithium",
  nicke: "nickel",
  cobal: "cobalt",
  graph: "graphite",
  raree: "rare earths",
  coppe: "copper",
  manga: "manganese"
} as const;

export type Commodity = (typeof COMMODITIES)[keyof typeof COMMODITIES];

/** The unit of each commodity's mine production values once read (kt columns are scaled to t). */
export const PRODUCTION_UNITS: Record<Commodity, string> = {
  lithium: "t Li content",
  nickel: "t Ni content",
  cobalt: "t Co content",
  graphite: "t natural graphite",
  "rare earths": "t rare-earth-oxide equivalent",
  copper: "t Cu content",
  manganese: "t Mn content"
};

/** How a value stands in the source: USGS "W" is withheld, "NA" not available. */
export type ValueStatus = "reported" | "estimated" | "withheld" | "not available" | "blank";

export interface UsgsValue {
  value: number | null;
  status: Exclude<ValueStatus, "estimated">;
}

/**
 * Reads one USGS cell: "W" (withheld), "NA" and blanks stay missing (value null) with their
 * status; numbers may carry thousands separators ("1,700") and stray spaces, including
 * non-breaking ones. Anything else throws SourceError.
 */
export function parseUsgsValue(raw: string, file: string, line: number, column: string): UsgsValue {
  const text = raw.replace(/[\s\u00a0]+/g, " ").trim();
  if (text === "") return {value: null, status: "blank"};
  if (text === "W") return {value: null, status: "withheld"};
  if (text === "NA") return {value: null, status: "not available"};
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) {
    throw new SourceError(file, line, column, raw, 'not a number, "W", "NA" or blank');
  }
  const value = Number(text.replace(/,/g, ""));
  if (value < 0) throw new SourceError(file, line, column, raw, "a tonnage cannot be negative");
  return {value, status: "reported"};
}

/** One country (or aggregate) x year of mine production, in metric tons of contained metal. */
export interface ProductionRow {
  edition: string;
  commodity: Commodity;
  country: string;
  iso3: string | null;
  kind: "country" | "other" | "world";
  year: number;
  value_t: number | null;
  status: ValueStatus;
  unit: string;
  stage: string;
  note: string;
  source_file: string;
  source_line: number;
}

const PRODUCTION_COLUMN = /^Prod_(t|kt)_(est_)?(\d{4})$/i;

/** The commodity code and edition of a data release file name, e.g. mcs2023-lithi_world.csv. */
export function parseMcsFileName(file: string): {edition: string; commodity: Commodity} {
  const match = /mcs(\d{4})-([a-z]{5})_world\.csv$/.exec(file);
  const code = match?.[2] as keyof typeof COMMODITIES | undefined;
  if (!match || !code || !(code in COMMODITIES)) {
    throw new SourceError(file, 0, "(file name)", file, `expected mcsYYYY-<code>_world.csv with code one of ${Object.keys(COMMODITIES).join(", ")}`);
  }
  return {edition: `MCS${match[1]}`, commodity: COMMODITIES[code]};
}

/**
 * Tidies an MCS world table into one row per place and year of mine production. Names are
 * mapped with the crosswalk (an unknown name throws: a new spelling must be mapped on purpose);
 * "Other countries" and world totals are kept, marked as aggregates. A value is "estimated" when
 * its column says so (Prod_t_est_2022) or the row's note says the year is estimated.
 * Rows of other stages (copper's refinery production) are left out.
 */
export function tidyMcsWorld(text: string, file: string, crosswalk: Crosswalk): ProductionRow[] {
  const {edition, commodity} = parseMcsFileName(file);
  const table = parseCsv(text, file, {required: ["Source", "Country", "Type"]});
  const columns = table.header.filter((name) => PRODUCTION_COLUMN.test(name));
  if (columns.length === 0) throw new SourceError(file, 1, "Prod_t_YYYY", null, "no production column in the header");
  const places = crosswalk.get("usgs_mcs") ?? new Map();
  const rows: ProductionRow[] = [];
  const keys = new Map<string, number>();
  for (const {line, values} of table.records) {
    const stage = (values.Type ?? "").trim();
    if (!/^mine production/i.test(stage)) continue;
    if (values.Source !== edition) throw new SourceError(file, line, "Source", values.Source, `expected ${edition}, the edition in the file name`);
    const name = values.Country ?? "";
    const place = places.get(name);
    if (!place) throw new SourceError(file, line, "Country", name, "country name not in the crosswalk (dataset usgs_mcs); add it to reference/country_name_iso3_crosswalk.csv");
    const country = name.replace(/\u00a0/g, " ").replace(/\d+$/, "").trim();
    const kind = place.kind === "country" ? "country" : /^world/i.test(country) ? "world" : "other";
    const key = country;
    if (keys.has(key)) throw new SourceError(file, line, "Country", name, `duplicate: ${key} already stands on line ${keys.get(key)}`);
    keys.set(key, line);
    const note = (values.Prod_notes ?? "").trim();
    for (const column of columns) {
      const [, unit, est, yearText] = PRODUCTION_COLUMN.exec(column)!;
      const year = Number(yearText);
      const parsed = parseUsgsValue(values[column] ?? "", file, line, column);
      const value_t = parsed.value === null ? null : parsed.value * (unit!.toLowerCase() === "kt" ? 1000 : 1);
      const estimated = Boolean(est) || new RegExp(`\\b${year}\\b[^.]*\\bestimated\\b`, "i").test(note);
      const status = parsed.status === "reported" && estimated ? "estimated" : parsed.status;
      rows.push({edition, commodity, country, iso3: place.iso3, kind, year, value_t, status, unit: PRODUCTION_UNITS[commodity], stage, note, source_file: file, source_line: line});
    }
  }
  return rows;
}
