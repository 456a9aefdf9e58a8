/**
 * The IEA Global EV Data Explorer, 2024 edition (CC BY 4.0), as data/sources/ev/ holds it: one row
 * per region, category, parameter, mode, powertrain and year. Every row is checked for its shape;
 * the rows kept are the historical electric-car sales (parameter "EV sales", mode "Cars",
 * category "Historical"), in vehicles.
 *
 * Known features of the file, handled here (data/sources/PROVENANCE.md, section 8):
 *  - Aggregates stand beside countries: "World", "Europe", "EU27" (inside Europe) and "Rest of the
 *    world" (in historical rows a small remainder; in projections everything outside the four
 *    projected regions). Summing regions double-counts: use one aggregate or countries.
 *  - Values are rounded to two significant figures, so countries do not add up to World exactly.
 *  - Small values (shares) are written with an exponent, as 7.5999996624887E-05.
 *  - Projection rows repeat the historical years; only "Historical" rows are kept.
 */

import {z} from "zod";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {anyText, number, oneOf, required, text, validateRecords, year} from "./validate.js";

export const IEA_EV_FILE = "ev/iea_global_ev_data_2024.csv";
export const EV_POWERTRAINS = ["BEV", "PHEV", "FCEV"] as const;
/** Powertrains whose traction battery is lithium-ion; fuel-cell cars carry at most a small buffer battery. */
export const LITHIUM_POWERTRAINS = ["BEV", "PHEV"] as const;

export interface EvSalesRow {
  region: string;
  powertrain: (typeof EV_POWERTRAINS)[number];
  year: number;
  vehicles: number;
}

const CATEGORIES = ["Historical", "Projection-STEPS", "Projection-APS"] as const;

/** Every row: a region, a known category, a year and a non-negative value (small ones written as 7.6E-05). */
const schema = z.object({
  region: text(),
  category: oneOf(CATEGORIES),
  parameter: anyText(),
  mode: anyText(),
  powertrain: anyText(),
  year: required(year()),
  unit: anyText(),
  value: required(number({min: 0, exponent: true, what: "a non-negative number"}))
});

/**
 * Reads the whole export, checking every row with the schema; of the historical electric-car sales
 * it returns, checks the unit, the powertrain and that no region, powertrain and year comes twice.
 * Throws SourceError naming file, line, column and value.
 */
export function parseIeaEvSales(text: string, file: string = IEA_EV_FILE): EvSalesRow[] {
  const table = parseCsv(text, file, {required: ["region", "category", "parameter", "mode", "powertrain", "year", "unit", "value"]});
  const seen = new Set<string>();
  const rows: EvSalesRow[] = [];
  for (const {line, row} of validateRecords(table, schema)) {
    if (row.category !== "Historical" || row.parameter !== "EV sales" || row.mode !== "Cars") continue;
    if (row.unit !== "Vehicles") throw new SourceError(file, line, "unit", row.unit, "Vehicles for EV sales");
    const powertrain = row.powertrain as EvSalesRow["powertrain"];
    if (!EV_POWERTRAINS.includes(powertrain)) throw new SourceError(file, line, "powertrain", row.powertrain, `one of ${EV_POWERTRAINS.join(", ")}`);
    const key = `${row.region}|${powertrain}|${row.year}`;
    if (seen.has(key)) throw new SourceError(file, line, "region", row.region, `a second row for ${row.region}, ${powertrain}, ${row.year}`);
    seen.add(key);
    rows.push({region: row.region, powertrain, year: row.year, vehicles: row.value});
  }
  if (!rows.length) throw new SourceError(file, table.records.length + 1, "parameter", null, "no historical EV sales of cars in the file");
  return rows.sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.powertrain.localeCompare(b.powertrain));
}

/** The regions the lithium system splits electric cars by, as the file names them; the rest of the world is World less these. */
export const EV_REGIONS = [
  {key: "chn", regions: ["China"], label: "China"},
  {key: "eu27", regions: ["EU27"], label: "EU27"},
  {key: "usa", regions: ["USA"], label: "United States"},
  {key: "jpn_kor", regions: ["Japan", "Korea"], label: "Japan and Korea"}
] as const;

/**
 * Each region's share (%) of the world's electric-car sales with a lithium-ion traction battery
 * (BEV + PHEV) in `year`, as figures for the flow expressions: iea_ev_share_<key>_<year>, and
 * iea_ev_share_rest_<year> = 100 - the others. Throws Error when a region or World has no row.
 */
export function evSalesShares(rows: readonly EvSalesRow[], year: number): {id: string; value: number; unit: "%"}[] {
  const total = (region: string) => {
    const found = rows.filter((r) => r.region === region && r.year === year && (LITHIUM_POWERTRAINS as readonly string[]).includes(r.powertrain));
    if (found.length !== LITHIUM_POWERTRAINS.length) throw new Error(`${IEA_EV_FILE}: no BEV and PHEV car sales for ${region} in ${year}`);
    return found.reduce((s, r) => s + r.vehicles, 0);
  };
  const world = total("World");
  const shares = EV_REGIONS.map((g) => ({id: `iea_ev_share_${g.key}_${year}`, value: (100 * g.regions.reduce((s, r) => s + total(r), 0)) / world, unit: "%" as const}));
  return [...shares, {id: `iea_ev_share_rest_${year}`, value: 100 - shares.reduce((s, x) => s + x.value, 0), unit: "%" as const}];
}
