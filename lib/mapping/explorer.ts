/**
 * The mine dataset explorer (the paper's Table 3): the site table and the paper's own Table 3 rows
 * brought to one row shape, and the filters a reader applies to them. Values are carried over as
 * the sources give them; nothing is filled in. Quantities keep the source's unit, which the row's
 * `units` states, because the two sources do not share one.
 */
import {ascending, rollups} from "d3-array";
import type {PaperTable3Row} from "../sources/paper-table3.js";
import type {SiteRow} from "../tables/sites.js";

export const SETS = {icmm: "ICMM", busch: "Busch et al. 2024", paper: "Paper Table 3"} as const;
export type SetKey = keyof typeof SETS;
export type SetLabel = (typeof SETS)[SetKey];

/** Filter value meaning "no filter". */
export const ALL = "all";
/** Filter value meaning "rows where the source gives no value". */
export const NONE = "none";

export interface ExplorerRow {
  set: SetLabel;
  /** ICMMID, Busch's row number, or "row n" of the paper's table. */
  id: string;
  name: string | null;
  group_names: string | null;
  /** Country as the source states it. */
  country: string | null;
  iso3: string | null;
  latitude: number | null;
  longitude: number | null;
  asset_type: string | null;
  confidence: string | null;
  primary_commodity: string | null;
  secondary_commodity: string | null;
  other_commodities: string | null;
  has_lithium: boolean;
  has_nickel: boolean;
  operator: string | null;
  mine_type: string | null;
  resource_type: string | null;
  status: string | null;
  technology: string | null;
  grade_pct: number | null;
  production: number | null;
  capacity: number | null;
  reserves_kt: number | null;
  resources_kt: number | null;
  cost_usd_per_t: number | null;
  /** What the quantities of this row count. */
  units: string;
  /** Fields of this row that hold model output, not observations. */
  modelled: string;
  /** Quality flags and transcription notes. */
  notes: string;
  /** Where the row comes from: file and line, or the paper's table. */
  source: string;
}

/** The site fields the explorer reads (the sites table's columns). */
export type SiteFields = Pick<
  SiteRow,
  | "source_dataset" | "source_id" | "confidence" | "name" | "group_names" | "latitude" | "longitude" | "asset_type" | "country" | "iso3"
  | "primary_commodity" | "secondary_commodity" | "other_commodities" | "has_lithium" | "has_nickel" | "operator" | "mine_type"
  | "resource_type" | "status" | "grade_pct" | "production_kt" | "capacity_kt" | "reserves_kt" | "resources_kt" | "technology"
  | "cost_usd_per_t" | "coords_iso3" | "coords_outside_country" | "name_repaired" | "modelled_fields" | "source_file" | "source_line"
>;

const BUSCH_UNITS = "kt Li (reserves, resources); kt Li per year (production, capacity); USD per t Li (cost); grade % Li";

/** A row of the sites table in the explorer's shape. Throws RangeError for an unknown source. */
export function siteToExplorer(site: SiteFields): ExplorerRow {
  const set = site.source_dataset.startsWith("ICMM") ? SETS.icmm : site.source_dataset.startsWith("Busch") ? SETS.busch : null;
  if (set === null) throw new RangeError(`siteToExplorer: unknown source_dataset "${site.source_dataset}"`);
  const notes: string[] = [];
  if (site.coords_outside_country) notes.push(`coordinates lie in ${site.coords_iso3 ?? "the sea"}, not in the stated country`);
  if (site.name_repaired) notes.push("name repaired (text encoding)");
  return {
    set,
    id: site.source_id,
    name: site.name,
    group_names: site.group_names,
    country: site.country,
    iso3: site.iso3,
    latitude: site.latitude,
    longitude: site.longitude,
    asset_type: site.asset_type,
    confidence: site.confidence,
    primary_commodity: site.primary_commodity,
    secondary_commodity: site.secondary_commodity,
    other_commodities: site.other_commodities,
    has_lithium: site.has_lithium,
    has_nickel: site.has_nickel,
    operator: site.operator,
    mine_type: site.mine_type,
    resource_type: site.resource_type,
    status: site.status,
    technology: site.technology,
    grade_pct: site.grade_pct,
    production: site.production_kt,
    capacity: site.capacity_kt,
    reserves_kt: site.reserves_kt,
    resources_kt: site.resources_kt,
    cost_usd_per_t: site.cost_usd_per_t,
    units: set === SETS.busch ? BUSCH_UNITS : "",
    modelled: site.modelled_fields,
    notes: notes.join("; "),
    source: `${site.source_file}:${site.source_line}`
  };
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/**
 * A row of the paper's Table 3 in the explorer's shape. A grade printed as one number is read as a
 * number; a range ("1.23-1.48") and the cost ("14.4k$/t") stay text in `notes`, as printed.
 * Production and capacity are copied as printed: the paper gives them no unit. `iso3Of` maps the
 * printed country name to its code (null if unknown).
 */
export function paperToExplorer(row: PaperTable3Row, iso3Of: (country: string) => string | null): ExplorerRow {
  const commodities = [row.primary_commodity, row.secondary_commodity, row.other_commodities].filter((c): c is string => c !== null).join(";");
  const printed: string[] = [];
  if (row.ni_grade_pct !== null && !PLAIN_NUMBER.test(row.ni_grade_pct)) printed.push(`Ni grade printed as ${row.ni_grade_pct} %`);
  if (row.cost !== null) printed.push(`cost printed as ${row.cost}`);
  if (row.note !== null) printed.push(row.note);
  return {
    set: SETS.paper,
    id: `row ${row.row_in_table}`,
    name: row.mine_name,
    group_names: row.group_name,
    country: row.country,
    iso3: row.country === null ? null : iso3Of(row.country),
    latitude: row.latitude,
    longitude: row.longitude,
    asset_type: row.asset_type,
    confidence: row.confidence,
    primary_commodity: row.primary_commodity,
    secondary_commodity: row.secondary_commodity,
    other_commodities: row.other_commodities,
    has_lithium: /lithium/i.test(commodities),
    // "ferro" is the printed, cut-off "ferronickel"
    has_nickel: /nickel|ferro/i.test(commodities),
    operator: row.operating_company,
    mine_type: row.mine_type,
    resource_type: null,
    status: null,
    technology: row.technology,
    grade_pct: row.ni_grade_pct !== null && PLAIN_NUMBER.test(row.ni_grade_pct) ? Number(row.ni_grade_pct) : null,
    production: row.production_2022,
    capacity: row.production_capacity,
    reserves_kt: row.reserves_kt_ni,
    resources_kt: null,
    cost_usd_per_t: null,
    units: "kt Ni (reserves); production and capacity as printed, the paper gives no unit; grade % Ni",
    modelled: "",
    notes: printed.join(" "),
    source: "Working paper, Table 3"
  };
}

/** What a reader filters the explorer by; ALL for no filter, NONE for "not given". */
export interface ExplorerFilter {
  /** ISO3 code or ALL. */
  country: string;
  commodity: typeof ALL | "lithium" | "nickel";
  set: typeof ALL | SetKey;
  confidence: string;
  technology: string;
  status: string;
  /** Free text, matched in names, country, commodities, operator and id; "" for none. */
  q: string;
}

export const NO_FILTER: ExplorerFilter = {country: ALL, commodity: ALL, set: ALL, confidence: ALL, technology: ALL, status: ALL, q: ""};

/** Lower case without accents, so that "caraiba" finds "Caraíba". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function matchesValue(value: string | null, wanted: string): boolean {
  if (wanted === ALL) return true;
  if (wanted === NONE) return value === null;
  return value === wanted;
}

/** True when every word of q occurs in one of the row's text fields (case and accents ignored). */
export function matchesSearch(row: ExplorerRow, q: string): boolean {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = fold(
    [row.name, row.group_names, row.country, row.iso3, row.operator, row.primary_commodity, row.secondary_commodity, row.other_commodities, row.id]
      .filter((v) => v !== null)
      .join(" | ")
  );
  return words.every((w) => text.includes(w));
}

/** The rows that pass every filter, in their order. */
export function filterRows(rows: readonly ExplorerRow[], filter: ExplorerFilter): ExplorerRow[] {
  const set = filter.set === ALL ? null : SETS[filter.set];
  return rows.filter(
    (row) =>
      (filter.country === ALL || row.iso3 === filter.country) &&
      (filter.commodity === ALL || (filter.commodity === "lithium" ? row.has_lithium : row.has_nickel)) &&
      (set === null || row.set === set) &&
      matchesValue(row.confidence, filter.confidence) &&
      matchesValue(row.technology, filter.technology) &&
      matchesValue(row.status, filter.status) &&
      matchesSearch(row, filter.q)
  );
}

/** The distinct non-null values of a text column, sorted, each with its number of rows. */
export function distinctValues<K extends keyof ExplorerRow>(rows: readonly ExplorerRow[], key: K): {value: string; count: number}[] {
  const counts = rollups(
    rows.filter((row) => typeof row[key] === "string"),
    (group) => group.length,
    (row) => row[key] as string
  );
  return counts.map(([value, count]) => ({value, count})).sort((a, b) => ascending(a.value, b.value));
}

/**
 * The explorer's rows from the Table 3 figure's result, which stacks the sites table (origin "site")
 * and the paper's Table 3 (origin "paper") under one set of columns. A paper row's country is coded
 * with the ISO3 code the site rows give the same country name (null if no site row names it).
 * Throws RangeError on any other origin.
 */
export function explorerRows(rows: readonly Readonly<Record<string, unknown>>[]): ExplorerRow[] {
  const iso3ByName = new Map<string, string>();
  for (const r of rows) if (r.origin === "site" && typeof r.country === "string" && typeof r.iso3 === "string" && !iso3ByName.has(r.country)) iso3ByName.set(r.country, r.iso3);
  return rows.map((r) => {
    if (r.origin === "site") return siteToExplorer(r as unknown as SiteFields);
    if (r.origin === "paper") return paperToExplorer(r as unknown as PaperTable3Row, (name) => iso3ByName.get(name) ?? null);
    throw new RangeError(`explorerRows: unknown origin ${JSON.stringify(r.origin)}`);
  });
}
