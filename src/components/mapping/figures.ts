/**
 * The charts of the mapping page (section 2), each drawn from its live figure's rows and the
 * reader's inputs through the models of lib/mapping: the maps of Figures 3, 4a, 4b, S7 and S8, the
 * data-gap matrix of Figure 7 and its check, and the Table 3 explorer. The maps key their dots by
 * country, so that choosing a country is highlightCountry on the drawn map, not a redraw.
 */
import type {CountryCodes} from "../../lib/mapping/country-codes.js";
import type {CountryValue} from "../../lib/mapping/country-production.js";
import {ALL, filterRows, type ExplorerFilter, type ExplorerRow} from "../../lib/mapping/explorer.js";
import {gapDifferences, gapMatrixFromCounts, type GapField, type GapMatrix as Matrix} from "../../lib/mapping/gap-matrix.js";
import {allSitesShown, lithiumMap, nickelMineMap, outsideSites, shadingValues, type LithiumSize, type MapLayerRow} from "../../lib/mapping/maps.js";
import {COMMODITY_GROUP_COLORS, FLAG_COLORS, LITHIUM_TYPE_COLORS, NICKEL_ROLE_COLORS, PROCESSING_COLORS} from "../../lib/mapping/palettes.js";
import {LITHIUM_REGIONS, WORLD, inRegion, regionOf} from "../../lib/mapping/regions.js";
import {figureCsv} from "../reader/figure-export.js";
import {formatKt} from "../reader/format.js";
import {GapMatrix} from "./gap-matrix.js";
import {WorldMap, highlightCountry, type CountryFeature, type MapShading} from "./world-map.js";

type Row = Record<string, unknown>;
type Site = MapLayerRow & {longitude: number | null; latitude: number | null};

/** What every map of the page shares: the outline, the country codes, the click, the chosen country. */
export interface MapContext {
  countries: readonly CountryFeature[];
  codes: CountryCodes;
  onSelect: (id: string | null) => void;
  /** The chosen country: its feature id and ISO3 code, null for none. */
  selection: {id: string | null; key: string | null};
  width: number;
  document?: Document;
}

export const ICMM_TYPE = "ICMM site (type not given)";
export const ICMM_STATUS = "not given (ICMM)";
export const LI_TYPES = ["Brine", "Hard Rock", "Volcano-Sedimentary", "Other (Oilfield)", "Other (Geothermal)", "Other (In Situ)", "Other (Volcanic Rock)", ICMM_TYPE];
const LI_COLORS = LITHIUM_TYPE_COLORS;
/** Figure 3's regions by label, for the page's selector; the values are the URL's. */
export const LI_REGIONS = new Map(LITHIUM_REGIONS.map((r) => [r.label, r.id]));
export const LI_STATUS = ["Producing", "Construction", "Evaluation", "No info", ICMM_STATUS];
export const LI_SIZES = new Map<string, LithiumSize>([["Resources (kt Li)", "resources_kt"], ["Reserves (kt Li)", "reserves_kt"], ["Production 2022, modelled (kt Li/yr)", "production_kt"]]);
const SIZE_TICKS: Record<LithiumSize, number[]> = {resources_kt: [100, 1000, 10000], reserves_kt: [100, 1000, 5000], production_kt: [1, 10, 25]};
const SIZE_LABEL: Record<LithiumSize, string> = {resources_kt: "resources (kt Li)", reserves_kt: "reserves (kt Li)", production_kt: "production 2022, modelled (kt Li/yr)"};
export const ROLES = ["primary commodity", "secondary commodity", "other commodity"];
export const CONFIDENCE = ["High", "Moderate", "Very Low"];
const PROCESSING = ["smelter", "refinery", "smelter and refinery", "plant"];
export const COMMODITY_GROUPS = ["coal", "copper", "gold", "iron ore", "lithium or nickel", "other"];

const fmt = (v: unknown, digits = 1) => (typeof v === "number" ? v.toLocaleString("en-GB", {maximumFractionDigits: digits}) : null);
const nameOf = (codes: CountryCodes, iso3: unknown) => (typeof iso3 === "string" ? codes.names.get(iso3) ?? iso3 : "the sea");

/** A site's fields and where they come from, for a map's tooltip. */
export function siteTitle(d: Row, codes: CountryCodes): string {
  const lines = [String(d.name)];
  lines.push(`${d.country}${d.coords_outside_country ? ` (stated; the coordinates lie in ${nameOf(codes, d.coords_iso3)})` : ""}`);
  lines.push([d.primary_commodity, d.secondary_commodity, d.other_commodities].filter(Boolean).join(" · "));
  const pairs: [string, string | null][] = [
    ["Asset type", (d.asset_type as string | null) ?? null], ["Confidence", (d.confidence as string | null) ?? null], ["Resource type", (d.resource_type as string | null) ?? null], ["Status", (d.status as string | null) ?? null],
    ["Resources", fmt(d.resources_kt) && `${fmt(d.resources_kt)} kt Li`], ["Reserves", fmt(d.reserves_kt) && `${fmt(d.reserves_kt)} kt Li`],
    ["Grade", fmt(d.grade_pct, 2) && `${fmt(d.grade_pct, 2)} % Li`],
    ["Production 2022 (modelled)", fmt(d.production_kt, 2) && `${fmt(d.production_kt, 2)} kt Li/yr`],
    ["Capacity (modelled)", fmt(d.capacity_kt, 2) && `${fmt(d.capacity_kt, 2)} kt Li/yr`]
  ];
  for (const [k, v] of pairs) if (v !== null && v !== undefined) lines.push(`${k}: ${v}`);
  lines.push(`Source: ${d.source_dataset}, ${d.source_id} (${d.source_file}, line ${d.source_line})`);
  return lines.join("\n");
}

/** An ICMM site's fields for a map's tooltip. */
export function icmmTitle(d: Row, codes: CountryCodes): string {
  return `${d.name}\n${d.country}${d.coords_outside_country ? ` (stated; the coordinates lie in ${nameOf(codes, d.coords_iso3)})` : ""}\n${[d.primary_commodity, d.secondary_commodity, d.other_commodities].filter(Boolean).join(" · ")}\n${d.asset_type} · confidence ${d.confidence}\nSource: ICMM GMD 2025 v1, ${d.icmm_id} (line ${d.source_line})`;
}

function shading(production: ReadonlyMap<string, CountryValue>, codes: CountryCodes, {unit, thresholds, label, missingLabel, absentLabel}: {unit: string; thresholds: number[]; label: string; missingLabel: string; absentLabel: string}): MapShading {
  return {
    values: shadingValues(production, codes.toNumeric),
    thresholds,
    label,
    describe: (id) => {
      const iso3 = codes.toIso3.get(id);
      const d = iso3 === undefined ? undefined : production.get(iso3);
      return d === undefined ? absentLabel : d.value_t === null ? `${d.status} by the USGS` : `${formatKt(d.value_t)} kt ${unit} mined in 2021 (${d.status})`;
    },
    missingLabel,
    absentLabel
  };
}

function withNote(map: HTMLElement, text: string, doc: Document): HTMLElement {
  const note = doc.createElement("p");
  note.className = "figure-count qc-note";
  note.textContent = text;
  map.append(note);
  return map;
}

/** Applies the chosen country to a map just drawn and returns it. */
function chosen(map: HTMLElement, selection: MapContext["selection"]): HTMLElement {
  if (selection.id !== null || selection.key !== null) highlightCountry(map, selection);
  return map;
}

const iso3Key = (d: Site) => (typeof d.iso3 === "string" ? d.iso3 : null);

/**
 * Figure 3. With a region other than the world, the map is re-projected on it and the sites in view
 * are listed under it (name, source, country, type, status, resources), so that no site of a
 * crowded cluster is hidden under another.
 */
export function LithiumMap(rows: readonly Row[], inputs: {types: readonly string[]; statuses: readonly string[]; size: LithiumSize; region?: string}, ctx: MapContext): HTMLElement {
  const doc = ctx.document ?? globalThis.document;
  const m = lithiumMap(rows as MapLayerRow[], inputs);
  const region = inputs.region === undefined ? WORLD : regionOf(inputs.region);
  const map = WorldMap(ctx.countries, m.sites as unknown as Site[], {
    width: ctx.width,
    idPrefix: "li-map",
    region,
    shading: shading(m.production, ctx.codes, {unit: "Li", thresholds: [1, 5, 20], label: "Lithium mine production 2021 (kt Li, USGS)", missingLabel: "withheld by the USGS", absentLabel: "not listed separately by the USGS"}),
    onSelect: ctx.onSelect,
    document: ctx.document,
    points: {
      fill: (d) => String(d.type_class), fillDomain: LI_TYPES, fillRange: LI_COLORS, fillLabel: "Resource type",
      symbol: (d) => String(d.status_class), symbolDomain: LI_STATUS, symbolLabel: "Status",
      r: (d) => (d[inputs.size] as number | null) ?? null, rMax: m.sizeMax, rTicks: SIZE_TICKS[inputs.size], rLabel: `Size: ${SIZE_LABEL[inputs.size]}`,
      title: (d) => siteTitle(d, ctx.codes),
      key: iso3Key
    }
  });
  map.dataset.region = region.id;
  if (region.bounds === null) return chosen(withNote(map, `${m.sites.length} of ${m.total} lithium sites shown.`, doc), ctx.selection);
  const inView = (m.sites as unknown as Site[]).filter((d) => inRegion(d, region));
  withNote(map, `${region.label}: ${inView.length} of the ${m.sites.length} lithium sites shown lie in this view (of ${m.total} in all).`, doc);
  map.append(regionList(inView as unknown as Row[], region.label, inputs.size, doc));
  return chosen(map, ctx.selection);
}

/** The sites in a region's view, largest first by the size quantity, then by name: every one findable by name. */
function regionList(sites: readonly Row[], label: string, size: LithiumSize, doc: Document): HTMLElement {
  const details = doc.createElement("details");
  details.className = "region-sites";
  details.dataset.regionSites = String(sites.length);
  const summary = doc.createElement("summary");
  summary.textContent = `The ${sites.length} sites in this view (${label}), by ${SIZE_LABEL[size]}`;
  const scroll = doc.createElement("div");
  scroll.className = "scroll";
  const table = doc.createElement("table");
  const head = table.createTHead().insertRow();
  for (const [h, num] of [["Site", false], ["Source", false], ["Country", false], ["Resource type", false], ["Status", false], [SIZE_LABEL[size].replace(/^./, (c) => c.toUpperCase()), true]] as const) head.append(Object.assign(doc.createElement("th"), {textContent: h, className: num ? "num" : ""}));
  const body = table.createTBody();
  const value = (d: Row) => (typeof d[size] === "number" ? (d[size] as number) : null);
  const sorted = [...sites].sort((a, b) => (value(b) ?? -1) - (value(a) ?? -1) || String(a.name).localeCompare(String(b.name)));
  for (const d of sorted) {
    const tr = body.insertRow();
    tr.dataset.iso3 = String(d.iso3 ?? "");
    for (const v of [d.name, d.source_dataset, d.country, d.resource_type ?? "not given", d.status ?? "not given"]) tr.insertCell().textContent = String(v);
    const td = tr.insertCell();
    td.className = "num";
    td.textContent = fmt(value(d), 1) ?? "–";
  }
  scroll.append(table);
  details.append(summary, scroll);
  return details;
}

/** Figure 4a. */
export function NickelMineMap(rows: readonly Row[], inputs: {roles: readonly string[]; confidence: readonly string[]}, ctx: MapContext): HTMLElement {
  const doc = ctx.document ?? globalThis.document;
  const m = nickelMineMap(rows as MapLayerRow[], inputs);
  const map = WorldMap(ctx.countries, m.sites as unknown as Site[], {
    width: ctx.width,
    idPrefix: "ni-map",
    shading: shading(m.production, ctx.codes, {unit: "Ni", thresholds: [50, 150, 300, 1000], label: "Nickel mine production 2021 (kt Ni, USGS)", missingLabel: "withheld or not available (USGS)", absentLabel: 'not listed separately by the USGS (in "other countries" or none)'}),
    onSelect: ctx.onSelect,
    document: ctx.document,
    points: {
      fill: (d) => String(d.role), fillDomain: ROLES, fillRange: NICKEL_ROLE_COLORS, fillLabel: "Nickel is the site's",
      symbol: (d) => String(d.confidence), symbolDomain: CONFIDENCE, symbolLabel: "ICMM confidence",
      radius: 3.5,
      title: (d) => siteTitle(d, ctx.codes),
      key: iso3Key
    }
  });
  const other = m.other?.value_t;
  return chosen(withNote(map, `${m.sites.length} of ${m.total} nickel mines shown. The USGS lists ${m.production.size} countries and puts the rest in "other countries"${other === undefined || other === null ? "" : ` (${formatKt(other)} kt)`}.`, doc), ctx.selection);
}

/** Figure 4b. */
export function ProcessingMap(rows: readonly Row[], ctx: MapContext): HTMLElement {
  const doc = ctx.document ?? globalThis.document;
  const map = WorldMap(ctx.countries, rows as unknown as Site[], {
    width: ctx.width,
    idPrefix: "ni-refining-map",
    onSelect: ctx.onSelect,
    document: ctx.document,
    points: {
      fill: (d) => String(d.processing), fillDomain: PROCESSING, fillRange: PROCESSING_COLORS, fillLabel: "Asset type",
      symbol: (d) => String(d.site_kind), symbolDomain: ["with a mine", "no mine at the site"], symbolLabel: "Site",
      radius: 4,
      title: (d) => siteTitle(d, ctx.codes),
      key: iso3Key
    }
  });
  return chosen(withNote(map, `${rows.length} nickel processing sites.`, doc), ctx.selection);
}

/** Figure S7. */
export function AllSitesMap(rows: readonly Row[], inputs: {group: string; asset: string}, ctx: MapContext): HTMLElement {
  const doc = ctx.document ?? globalThis.document;
  const shown = allSitesShown(rows as unknown as (Row & {commodity_group: string; is_mine: boolean | null; is_processing: boolean | null})[], inputs);
  const map = WorldMap(ctx.countries, shown as unknown as Site[], {
    width: ctx.width,
    idPrefix: "all-map",
    onSelect: ctx.onSelect,
    document: ctx.document,
    points: {
      fill: (d) => String(d.commodity_group), fillDomain: COMMODITY_GROUPS, fillRange: COMMODITY_GROUP_COLORS, fillLabel: "Primary commodity",
      radius: 1.6,
      dense: true,
      title: (d) => icmmTitle(d, ctx.codes),
      key: iso3Key
    }
  });
  return chosen(withNote(map, `${shown.length.toLocaleString("en-GB")} of ${rows.length.toLocaleString("en-GB")} sites shown.`, doc), ctx.selection);
}

/** Figure S8: the map with arrows from the stated country (centroid: d3.geoCentroid, the page's copy of d3), and the sites as a table. */
export function OutsideMap(rows: readonly Row[], country: string, ctx: MapContext & {centroid: (feature: CountryFeature) => [number, number]}): HTMLElement {
  const doc = ctx.document ?? globalThis.document;
  const shown = outsideSites(rows as unknown as (Row & {iso3: string | null; coords_iso3: string | null})[], country);
  const centroidOf = (iso3: string | null) => {
    const id = iso3 === null ? undefined : ctx.codes.toNumeric.get(iso3);
    const f = ctx.countries.find((c) => String(c.id) === id);
    return f ? ctx.centroid(f) : null;
  };
  const links = shown
    .map((d) => ({from: centroidOf(d.iso3), to: [d.longitude as number, d.latitude as number] as [number, number], title: `${d.name}: stated ${nameOf(ctx.codes, d.iso3)}, coordinates in ${nameOf(ctx.codes, d.coords_iso3)}`}))
    .filter((l): l is {from: [number, number]; to: [number, number]; title: string} => l.from !== null);
  const map = WorldMap(ctx.countries, shown as unknown as Site[], {
    width: ctx.width,
    idPrefix: "flag-map",
    selected: ctx.selection.id,
    onSelect: ctx.onSelect,
    links,
    document: ctx.document,
    points: {fill: (d) => String(d.site_class), fillDomain: ["lithium or nickel site", "other site"], fillRange: FLAG_COLORS, fillLabel: "Site", radius: 3.5, title: (d) => icmmTitle(d, ctx.codes)}
  });
  withNote(map, `${shown.length} of ${rows.length} sites${country === ALL ? "" : ` involving ${nameOf(ctx.codes, country)}`}.`, doc);
  const table = doc.createElement("table");
  table.className = "flags";
  table.dataset.flags = String(shown.length);
  const head = table.createTHead().insertRow();
  for (const h of ["ICMM id", "Site", "Primary commodity", "Stated country", "Coordinates in"]) head.append(Object.assign(doc.createElement("th"), {textContent: h}));
  const body = table.createTBody();
  for (const d of shown) {
    const tr = body.insertRow();
    for (const v of [d.icmm_id, d.name, d.primary_commodity, d.country, nameOf(ctx.codes, d.coords_iso3)]) tr.insertCell().textContent = String(v ?? "");
  }
  map.append(table);
  return map;
}

/** Figure 7: the matrix of the query's counts, the chosen country outlined. */
export function GapFigure(rows: readonly Row[], {fields, width, selected, groupLabel, document}: {fields: readonly GapField[]; width: number; selected: string | null; groupLabel: (g: string, n: number) => string; document?: Document}) {
  return GapMatrix(gapMatrixFromCounts(rows, fields), {fields, width: Math.max(width, 760), groupLabel, selected, document});
}

/** Whether the counts of Figure 7's query agree with a matrix counted otherwise (in the browser, by lib), and the query's counts as a table. */
export function GapCheck(rows: readonly Row[], counted: Matrix, {fields, nameOf, document}: {fields: readonly GapField[]; nameOf: (iso3: string) => string; document?: Document}): HTMLElement {
  const doc = document ?? globalThis.document;
  const sites = rows.filter((r) => r.grp !== "TABLE3");
  const fromSql = gapMatrixFromCounts(sites, fields);
  const {cells, sameGroups} = gapDifferences(counted, fromSql);
  const agree = cells.length === 0 && sameGroups;
  const root = doc.createElement("div");
  const p = doc.createElement("p");
  p.dataset.gapAgreement = agree ? "agree" : "differ";
  const b = doc.createElement("b");
  b.textContent = agree ? "The matrix counted in your browser and the figure's SQL result agree" : "The matrix counted in your browser and the figure's SQL result differ";
  p.append(b, agree ? ` in all ${counted.cells.length.toLocaleString("en-GB")} counts of ${sites.length} groups.` : ` in ${cells.length} counts${sameGroups ? "" : " and in their groups"}: ${cells.slice(0, 5).map((c) => `${c.group}/${c.column}`).join(", ")}.`);
  const details = doc.createElement("details");
  details.className = "sql-result";
  const summary = doc.createElement("summary");
  summary.textContent = `The SQL result, ${rows.length} rows`;
  const scroll = doc.createElement("div");
  scroll.className = "scroll";
  const table = doc.createElement("table");
  table.className = "sql-gaps";
  const head = table.createTHead().insertRow();
  for (const [text, num] of [["Group", false], ["Sites", true], ...fields.map((f) => [f.label, true] as const)] as const) head.append(Object.assign(doc.createElement("th"), {textContent: text, className: num ? "num" : ""}));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.sqlGroup = String(r.grp);
    tr.insertCell().textContent = r.grp === "ALL" ? "All sites" : r.grp === "TABLE3" ? "Paper's Table 3" : nameOf(String(r.grp));
    for (const column of ["sites", ...fields.map((f) => f.column)]) {
      const td = tr.insertCell();
      td.className = "num";
      td.dataset.column = column;
      td.textContent = String(r[column] ?? "");
    }
  }
  scroll.append(table);
  details.append(summary, scroll);
  root.append(p, details);
  return root;
}

type TableInput = (rows: ExplorerRow[], options: Record<string, unknown>) => HTMLElement & {value: ExplorerRow[]};

const COLUMNS = ["set", "name", "group_names", "country", "iso3", "confidence", "asset_type", "primary_commodity", "secondary_commodity", "other_commodities", "operator", "mine_type", "resource_type", "status", "technology", "grade_pct", "production", "capacity", "reserves_kt", "resources_kt", "cost_usd_per_t", "latitude", "longitude", "units", "modelled", "notes", "id", "source"];
const HEADER = {set: "Set", name: "Mine name", group_names: "Group name", country: "Country", iso3: "ISO3", confidence: "Confidence", asset_type: "Asset type", primary_commodity: "Primary commodity", secondary_commodity: "Secondary commodity", other_commodities: "Other commodities", operator: "Operating company", mine_type: "Mine type", resource_type: "Resource type", status: "Status", technology: "Technology", grade_pct: "Grade (%)", production: "Production 2022", capacity: "Production capacity", reserves_kt: "Reserves (kt)", resources_kt: "Resources (kt)", cost_usd_per_t: "Cost (USD/t)", latitude: "Latitude", longitude: "Longitude", units: "Units", modelled: "Modelled fields", notes: "Notes", id: "Id", source: "Source"};

/**
 * The Table 3 explorer: the rows that pass the reader's filters in a sortable table whose rows can
 * be ticked, their count, and a CSV download of the ticked rows (all shown rows when none is ticked).
 * `table` is Observable Inputs' table.
 */
export function ExplorerTable(rows: readonly ExplorerRow[], filter: ExplorerFilter, {table, total, countryName, document}: {table: TableInput; total: number; countryName: string | null; document?: Document}): HTMLElement {
  const doc = document ?? globalThis.document;
  const shown = filterRows(rows, filter);
  const number = (digits: number) => (v: number) => v.toLocaleString("en-GB", {maximumFractionDigits: digits});
  const format = {grade_pct: number(2), production: number(2), capacity: number(2), reserves_kt: number(2), resources_kt: number(2), cost_usd_per_t: number(0), latitude: number(4), longitude: number(4)};
  const input = table(shown, {columns: COLUMNS, header: HEADER, format, rows: 16, layout: "auto", width: {name: 200, notes: 420, units: 260, source: 260}});
  const root = doc.createElement("div");
  root.id = "explorer";
  const count = doc.createElement("p");
  count.dataset.explorerCount = String(shown.length);
  count.append(Object.assign(doc.createElement("b"), {textContent: String(shown.length)}), ` of ${total} rows shown${countryName === null ? "" : ` (${countryName})`}.`);
  const download = doc.createElement("a");
  download.className = "download";
  const link = doc.createElement("p");
  link.append(download);
  let href = "";
  const update = () => {
    const picked = input.value;
    if (href) URL.revokeObjectURL(href);
    href = URL.createObjectURL(new Blob([figureCsv(picked, COLUMNS)], {type: "text/csv"}));
    download.href = href;
    download.download = `miners-mine-sites${filter.country === ALL ? "" : `-${filter.country}`}.csv`;
    download.dataset.rows = String(picked.length);
    download.textContent = `Download ${picked.length} ${picked.length === 1 ? "row" : "rows"} (CSV)`;
  };
  input.addEventListener("input", update);
  update();
  root.append(count, input, link);
  return root;
}
