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

/**
 * How a value stands in the source: USGS "W" is withheld, "NA" not available, "XX" not applicable,
 * ">x" a lower bound, and "Included in World total." a value the USGS does not give separately.
 */
export type ValueStatus = "reported" | "estimated" | "withheld" | "not available" | "not applicable" | "included in world total" | "blank" | "lower bound";

export interface UsgsValue {
  value: number | null;
  status: Exclude<ValueStatus, "estimated">;
  /** For ">130,000,000": the bound, while value stays missing. */
  lowerBound: number | null;
}

/**
 * A number as the world tables write it: whole tons (or kt), with or without commas for thousands.
 * None of the 21 files has a decimal, so a dot can only be another convention's thousands
 * separator ("55.300" for 55,300) or a typo, and must not be read as 55.3.
 */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)$/;

/**
 * Reads one USGS cell: "W" (withheld), "NA" and blanks stay missing (value null) with their
 * status; ">130,000,000" is a lower bound, kept apart so that it is never summed as a value;
 * numbers may carry thousands separators ("1,700") and stray spaces, including non-breaking
 * ones. Anything else throws SourceError.
 */
export function parseUsgsValue(raw: string, file: string, line: number, column: string): UsgsValue {
  const text = raw.replace(/[\s\u00a0]+/g, " ").trim();
  if (text === "") return {value: null, status: "blank", lowerBound: null};
  if (text === "W") return {value: null, status: "withheld", lowerBound: null};
  if (text === "NA") return {value: null, status: "not available", lowerBound: null};
  if (text === "XX") return {value: null, status: "not applicable", lowerBound: null};
  if (/^included in world total\.?$/i.test(text)) return {value: null, status: "included in world total", lowerBound: null};
  const bound = /^>\s*(.+)$/.exec(text);
  const digits = bound ? bound[1]! : text;
  if (!NUMBER.test(digits)) throw new SourceError(file, line, column, raw, 'not a number, ">" number, "W", "NA", "XX", "Included in World total." or blank (numbers are whole, with commas for thousands: 1,700)');
  const value = Number(digits.replace(/,/g, ""));
  if (value < 0) throw new SourceError(file, line, column, raw, "a tonnage cannot be negative");
  return bound ? {value: null, status: "lower bound", lowerBound: value} : {value, status: "reported", lowerBound: null};
}

/** A place as a USGS world table names it, mapped to ISO 3166 (aggregates have no code). */
interface McsPlace {
  country: string;
  iso3: string | null;
  kind: "country" | "other" | "world";
}

/** One place x stage x year of production, in metric tons (kt columns are scaled). */
export interface ProductionRow extends McsPlace {
  edition: string;
  commodity: Commodity;
  stage: "mine" | "refinery";
  year: number;
  value_t: number | null;
  status: ValueStatus;
  unit: string;
  type_text: string;
  note: string;
  source_file: string;
  source_line: number;
}

/** Reserves of one place as reported in an edition, in metric tons. */
export interface ReservesRow extends McsPlace {
  edition: string;
  commodity: Commodity;
  value_t: number | null;
  lower_bound_t: number | null;
  status: Exclude<ValueStatus, "estimated">;
  unit: string;
  note: string;
  source_file: string;
  source_line: number;
}

const PRODUCTION_COLUMN = /^Prod_(t|kt)_(est_)?(\d{4})$/i;
const RESERVES_COLUMN = /^Reserves_(t|kt)$/i;

/**
 * The columns of each edition's world tables: a production column for each of two years (in t or
 * kt, "est_" when estimated) and, from MCS 2023, notes and reserves. A file without one of them
 * would silently lose that year's rows, so each is required; a column the edition does not have
 * is refused too. A new edition is read once its layout is added here.
 */
export const MCS_WORLD_LAYOUT: Readonly<Record<string, {years: readonly number[]; reserves: boolean}>> = {
  MCS2022: {years: [2020, 2021], reserves: false},
  MCS2023: {years: [2021, 2022], reserves: true},
  MCS2024: {years: [2022, 2023], reserves: true}
};

/** The stages of production each commodity's world table gives; each ends with its World total row. */
const STAGES: Record<Commodity, readonly ("mine" | "refinery")[]> = {
  lithium: ["mine"],
  nickel: ["mine"],
  cobalt: ["mine"],
  graphite: ["mine"],
  "rare earths": ["mine"],
  copper: ["mine", "refinery"],
  manganese: ["mine"]
};

/** The commodity code and edition of a data release file name, e.g. mcs2023-lithi_world.csv. */
export function parseMcsFileName(file: string): {edition: string; commodity: Commodity} {
  const match = /mcs(\d{4})-([a-z]{5})_world\.csv$/.exec(file);
  const code = match?.[2] as keyof typeof COMMODITIES | undefined;
  if (!match || !code || !(code in COMMODITIES)) {
    throw new SourceError(file, 0, "(file name)", file, `expected mcsYYYY-<code>_world.csv with code one of ${Object.keys(COMMODITIES).join(", ")}`);
  }
  return {edition: `MCS${match[1]}`, commodity: COMMODITIES[code]};
}

/** True when a sentence of the note says the year's value is estimated ("Estimated in 2021 also."). */
function noteEstimates(note: string, year: number): boolean {
  return note.split(/(?<=\.)\s+/).some((sentence) => sentence.includes(String(year)) && /estimat/i.test(sentence));
}

/**
 * Tidies an MCS world table into production and reserves rows. Names are mapped with the
 * crosswalk (an unknown name throws: a new spelling must be mapped on purpose); "Other countries"
 * and world totals are kept, marked as aggregates. A value is "estimated" when its column says so
 * (Prod_t_est_2022) or a sentence of the row's note estimates that year. Rows of mine and refinery
 * production are read; reserves come from mine-production rows of editions that report them.
 */
export function tidyMcsWorld(text: string, file: string, crosswalk: Crosswalk): {production: ProductionRow[]; reserves: ReservesRow[]} {
  const {edition, commodity} = parseMcsFileName(file);
  const layout = MCS_WORLD_LAYOUT[edition];
  if (!layout) throw new SourceError(file, 0, "(file name)", file, `no column layout for ${edition}: add it to MCS_WORLD_LAYOUT in lib/sources/usgs-mcs.ts`);
  const table = parseCsv(text, file, {required: ["Source", "Country", "Type", ...(layout.reserves ? ["Prod_notes", "Reserves_notes"] : [])]});
  // The edition first: a file of another edition is named as such, not as missing columns.
  for (const {line, values} of table.records) {
    if (values.Source !== edition) throw new SourceError(file, line, "Source", values.Source, `expected ${edition}, the edition in the file name`);
  }
  const {columns, reservesColumn} = valueColumns(table.header, layout, edition, file);
  const places = crosswalk.get("usgs_mcs") ?? new Map();
  const production: ProductionRow[] = [];
  const reserves: ReservesRow[] = [];
  const keys = new Map<string, number>();
  const sections = new Map<string, {last: number; country: string; world: number | null}>();
  const unit = PRODUCTION_UNITS[commodity];
  for (const {line, values} of table.records) {
    const type_text = (values.Type ?? "").trim();
    const stage = /mine production/i.test(type_text) ? "mine" : /refinery production/i.test(type_text) ? "refinery" : null;
    if (!stage) throw new SourceError(file, line, "Type", values.Type, "expected a mine or refinery production row");
    if (!STAGES[commodity].includes(stage)) throw new SourceError(file, line, "Type", values.Type, `the ${commodity} world table has ${STAGES[commodity].join(" and ")} production only`);
    const name = values.Country ?? "";
    const place = places.get(name);
    if (!place) throw new SourceError(file, line, "Country", name, "country name not in the crosswalk (dataset usgs_mcs); add it to reference/country_name_iso3_crosswalk.csv");
    const country = name.replace(/\u00a0/g, " ").replace(/\d+$/, "").trim();
    const kind = place.kind === "country" ? "country" : /^world/i.test(country) ? "world" : "other";
    const key = `${stage} ${country}`;
    if (keys.has(key)) throw new SourceError(file, line, "Country", name, `duplicate: ${stage} production of ${country} already stands on line ${keys.get(key)}`);
    keys.set(key, line);
    sections.set(stage, {last: line, country: name, world: kind === "world" ? line : (sections.get(stage)?.world ?? null)});
    const where = {country, iso3: place.iso3, kind, edition, commodity, unit, source_file: file, source_line: line} as const;
    const note = (values.Prod_notes ?? "").trim();
    for (const column of columns) {
      const [, scale, est, yearText] = PRODUCTION_COLUMN.exec(column)!;
      const year = Number(yearText);
      const parsed = parseUsgsValue(values[column] ?? "", file, line, column);
      if (parsed.status === "lower bound") throw new SourceError(file, line, column, values[column], "a production value cannot be a lower bound");
      const value_t = parsed.value === null ? null : parsed.value * (scale!.toLowerCase() === "kt" ? 1000 : 1);
      const estimated = Boolean(est) || noteEstimates(note, year);
      const status = parsed.status === "reported" && estimated ? "estimated" : parsed.status;
      production.push({...where, stage, year, value_t, status, type_text, note});
    }
    if (reservesColumn && stage === "mine") {
      const factor = /kt/i.test(reservesColumn) ? 1000 : 1;
      const parsed = parseUsgsValue(values[reservesColumn] ?? "", file, line, reservesColumn);
      reserves.push({
        ...where,
        value_t: parsed.value === null ? null : parsed.value * factor,
        lower_bound_t: parsed.lowerBound === null ? null : parsed.lowerBound * factor,
        status: parsed.status,
        note: (values.Reserves_notes ?? "").trim()
      });
    }
  }
  // Each stage ends with its World total row, so a file that lost its end (whole rows, which parse
  // cleanly) stops here instead of publishing fewer countries.
  const lastLine = table.records[table.records.length - 1]?.line ?? 1;
  for (const stage of STAGES[commodity]) {
    const section = sections.get(stage);
    if (!section) throw new SourceError(file, lastLine, "Type", null, `no ${stage} production rows: the ${commodity} world table gives ${STAGES[commodity].join(" and ")} production (has the file lost its end?)`);
    if (section.world !== section.last) {
      throw new SourceError(file, section.last, "Country", section.country, `the ${stage} production rows must end with the World total row${section.world === null ? ", and there is none (has the file lost its end?)" : ` (it stands on line ${section.world})`}`);
    }
  }
  return {production, reserves};
}

/**
 * The production columns of an edition's layout (one per year) and its reserves column, checked:
 * a year without a column, a year with two, and any column the layout does not have throw.
 */
function valueColumns(header: readonly string[], layout: {years: readonly number[]; reserves: boolean}, edition: string, file: string): {columns: string[]; reservesColumn: string | undefined} {
  const scale = header.map((name) => PRODUCTION_COLUMN.exec(name)?.[1]).find(Boolean) ?? "t";
  const columns = layout.years.map((year) => {
    const found = header.filter((name) => PRODUCTION_COLUMN.exec(name)?.[3] === String(year));
    if (found.length === 0) throw new SourceError(file, 1, `Prod_${scale}_${year}`, null, `required column is missing: ${edition} gives production for ${layout.years.join(" and ")} (Prod_t_YYYY or Prod_kt_YYYY, with est_ when estimated)`);
    if (found.length > 1) throw new SourceError(file, 1, found[1]!, found[1], `a second production column for ${year} (after ${found[0]})`);
    return found[0]!;
  });
  const reserves = header.filter((name) => RESERVES_COLUMN.test(name));
  if (layout.reserves && reserves.length !== 1) {
    throw new SourceError(file, 1, reserves[1] ?? `Reserves_${scale}`, reserves[1] ?? null, reserves.length ? "a second reserves column" : `required column is missing: ${edition} gives reserves (Reserves_t or Reserves_kt)`);
  }
  const known = new Set(["Source", "Country", "Type", ...columns, ...(layout.reserves ? ["Prod_notes", reserves[0]!, "Reserves_notes"] : [])]);
  const unknown = header.find((name) => !known.has(name));
  if (unknown !== undefined) throw new SourceError(file, 1, unknown, unknown, `not a column of the ${edition} world tables (${[...known].join(", ")}): see MCS_WORLD_LAYOUT in lib/sources/usgs-mcs.ts`);
  return {columns, reservesColumn: reserves[0]};
}
