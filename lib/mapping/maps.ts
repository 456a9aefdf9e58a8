/**
 * The models of the mapping page's maps: each map figure's query returns its sites (layer "site")
 * and, for the shaded maps, the USGS production rows of one commodity (layer "country"); these
 * functions split the layers and apply the reader's inputs (types, statuses, roles, groups, the
 * chosen country), so that the query stays the data and the inputs stay out of it.
 */
import type {CountryValue} from "./country-production.js";

/** A row of a map figure's result: a site, or a production row of the shading layer. */
export interface MapLayerRow {
  layer?: string | null;
  iso3: string | null;
  [column: string]: unknown;
}

/** A production row of the shading layer (kind "country", "other" or "world"). */
export interface ProductionLayerRow {
  iso3: string | null;
  country: string;
  kind: string;
  value_t: number | null;
  value_status: string;
}

export interface MapLayers<Site> {
  sites: Site[];
  /** Country rows by ISO3: a null value is listed but withheld or not available. */
  production: Map<string, CountryValue>;
  /** The USGS "other countries" row, if the query returned one. */
  other: ProductionLayerRow | null;
  /** The USGS world row, if the query returned one. */
  world: ProductionLayerRow | null;
}

/**
 * Splits a map figure's rows into sites (layer "site", or no layer column) and the production layer
 * (layer "country"). Throws RangeError when a country row has no ISO3 code or occurs twice.
 */
export function mapLayers<Site extends MapLayerRow = MapLayerRow>(rows: readonly MapLayerRow[]): MapLayers<Site> {
  const sites: Site[] = [];
  const production = new Map<string, CountryValue>();
  let other: ProductionLayerRow | null = null;
  let world: ProductionLayerRow | null = null;
  for (const row of rows) {
    if (row.layer === undefined || row.layer === null || row.layer === "site") {
      sites.push(row as Site);
      continue;
    }
    if (row.layer !== "country") continue;
    const p = row as unknown as ProductionLayerRow;
    if (p.kind === "world") world = p;
    else if (p.kind === "other") other = p;
    else {
      if (!p.iso3) throw new RangeError(`mapLayers: country row "${p.country}" has no ISO3 code`);
      if (production.has(p.iso3)) throw new RangeError(`mapLayers: ${p.iso3} occurs twice`);
      production.set(p.iso3, {iso3: p.iso3, country: p.country, value_t: p.value_t, status: p.value_status});
    }
  }
  return {sites, production, other, world};
}

/** Production in kt by map feature id (ISO numeric), null where withheld; countries without a numeric code are left out. */
export function shadingValues(production: ReadonlyMap<string, CountryValue>, toNumeric: ReadonlyMap<string, string>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const d of production.values()) {
    const id = toNumeric.get(d.iso3);
    if (id !== undefined) out.set(id, d.value_t === null ? null : d.value_t / 1000);
  }
  return out;
}

export type LithiumSize = "resources_kt" | "reserves_kt" | "production_kt";

export interface LithiumSite extends MapLayerRow {
  type_class: string;
  status_class: string;
  resources_kt: number | null;
  reserves_kt: number | null;
  production_kt: number | null;
}

/**
 * Figure 3: the lithium sites of the chosen resource types and statuses, the production layer, and
 * the largest value of the size quantity over all sites (so that a dot keeps its size when others are
 * filtered out). `total` is the number of sites before filtering.
 */
export function lithiumMap<Site extends LithiumSite = LithiumSite>(rows: readonly MapLayerRow[], {types, statuses, size}: {types: readonly string[]; statuses: readonly string[]; size: LithiumSize}) {
  const layers = mapLayers<Site>(rows);
  const sizeMax = Math.max(0, ...layers.sites.map((d) => d[size] ?? 0));
  return {...layers, total: layers.sites.length, sites: layers.sites.filter((d) => types.includes(d.type_class) && statuses.includes(d.status_class)), sizeMax};
}

export interface NickelSite extends MapLayerRow {
  role: string;
  confidence: string | null;
}

/** Figure 4a: the nickel mines whose nickel role and ICMM confidence are chosen, and the production layer; `total` counts all mines. */
export function nickelMineMap<Site extends NickelSite = NickelSite>(rows: readonly MapLayerRow[], {roles, confidence}: {roles: readonly string[]; confidence: readonly string[]}) {
  const layers = mapLayers<Site>(rows);
  return {...layers, total: layers.sites.length, sites: layers.sites.filter((d) => roles.includes(d.role) && d.confidence !== null && confidence.includes(d.confidence))};
}

export interface IcmmMapSite {
  commodity_group: string;
  is_mine: boolean | null;
  is_processing: boolean | null;
}

/** Figure S7: the ICMM sites of one commodity group ("all" for every one) and asset kind ("all", "mine" or "processing"). */
export function allSitesShown<Site extends IcmmMapSite>(rows: readonly Site[], {group, asset}: {group: string; asset: "all" | "mine" | "processing" | string}): Site[] {
  return rows.filter((d) => (group === "all" || d.commodity_group === group) && (asset === "all" || (asset === "mine" ? d.is_mine === true : asset === "processing" ? d.is_processing === true : false)));
}

/** Figure S8: the sites stated in the country or lying in it ("all": every row). */
export function outsideSites<Site extends {iso3: string | null; coords_iso3: string | null}>(rows: readonly Site[], country: string): Site[] {
  return country === "all" ? [...rows] : rows.filter((d) => d.iso3 === country || d.coords_iso3 === country);
}
