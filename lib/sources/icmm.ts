import {iso1A3Code, iso1A3Codes} from "@rapideditor/country-coder";
import {z} from "zod";
import type {Crosswalk} from "./crosswalk.js";
import {parseCsv} from "./csv.js";
import {repairMojibake} from "./mojibake.js";
import {SourceError} from "./source-error.js";
import {latitude, longitude, oneOf, optionalText, required, text, validateRecords} from "./validate.js";

/**
 * The ICMM Global Mining Dataset (September 2025, V1 release, CC BY 4.0): the "External" sheet of
 * the workbook as CSV (8,508 sites), and its lithium/nickel subset with two added columns
 * (has_lithium, has_nickel; 329 sites). Also the two repairs every mine-site table needs, kept
 * here so that the Busch et al. parser shares them: the country lookups and the coordinates check.
 */

// ---------------------------------------------------------------------------------------------
// Coordinates against the stated country.

export interface CountryCheck {
  /** The most specific ISO 3166-1 alpha-3 code at the point (a territory such as NCL before its sovereign FRA); null at sea, or without coordinates. */
  coords_iso3: string | null;
  /** True when the point does not lie in the stated country; null when either is unknown. */
  coords_outside_country: boolean | null;
}

/**
 * Checks a site's coordinates against the ISO3 of its stated country with country-coder's
 * borders (which include territorial waters). The point matches when any feature containing it
 * has that code: a point in New Caledonia lies in both NCL and FRA, so a site stated as "New
 * Caledonia" (NCL) or as "France" (FRA) there is not flagged, while Pilgangoora, stated as New
 * Caledonia but in Western Australia, is. A point in no country (open sea) is flagged.
 * Missing coordinates, or a country without an ISO3 code, give null.
 */
export function checkCountryAtCoords(lat: number | null, lon: number | null, iso3: string | null): CountryCheck {
  if (lat === null || lon === null) return {coords_iso3: null, coords_outside_country: null};
  const point: [number, number] = [lon, lat];
  const coords_iso3 = iso1A3Code(point, {level: "territory"});
  if (iso3 === null) return {coords_iso3, coords_outside_country: null};
  return {coords_iso3, coords_outside_country: !iso1A3Codes(point).includes(iso3)};
}

/** The ISO3 of a country name as a dataset spells it; an unmapped name or an aggregate throws. */
export function countryIso3(crosswalk: Crosswalk, dataset: string, name: string, file: string, line: number, column: string): string | null {
  const place = crosswalk.get(dataset)?.get(name);
  if (!place) throw new SourceError(file, line, column, name, `country name not in the crosswalk (dataset ${dataset}); add it to reference/country_name_iso3_crosswalk.csv`);
  if (place.kind !== "country") throw new SourceError(file, line, column, name, `the crosswalk maps this name to an aggregate, not a country (dataset ${dataset})`);
  return place.iso3;
}

// ---------------------------------------------------------------------------------------------
// The ICMM files.

export const ICMM_DATASET = "icmm_gmd";
export const ICMM_CONFIDENCE = ["High", "Moderate", "Very Low"] as const;
export type IcmmConfidence = (typeof ICMM_CONFIDENCE)[number];

/** The columns of the "External" sheet, in order. */
export const ICMM_COLUMNS = [
  "ICMMID", "Confidence Factor", "Mine Name", "Group Names", "Latitude", "Longitude", "Asset Type",
  "Country", "Primary Commodity", "Secondary Commodity", "Other Commodities"
] as const;

/** One ICMM site, read, repaired and checked. */
export interface IcmmSite {
  icmm_id: string;
  confidence: IcmmConfidence;
  name: string;
  group_names: string | null;
  latitude: number;
  longitude: number;
  asset_type: string;
  country: string;
  iso3: string | null;
  primary_commodity: string;
  secondary_commodity: string | null;
  other_commodities: string | null;
  /** In the Li/Ni subset file these are read from the file and checked; otherwise derived from the commodities. */
  has_lithium: boolean;
  has_nickel: boolean;
  coords_iso3: string | null;
  coords_outside_country: boolean | null;
  /** Mine Name or Group Names had mojibake that was repaired. */
  name_repaired: boolean;
  source_file: string;
  source_line: number;
}

const boolText = oneOf(["true", "false"]);

/** validate.ts's `required`, also exported here for the modules that import it from this one. */
export {required};

const icmmSchema = z.object({
  ICMMID: text().pipe(z.string().regex(/^ICMM\d{5}$/, "an ICMM id: ICMM and five digits")),
  "Confidence Factor": oneOf(ICMM_CONFIDENCE),
  "Mine Name": text(),
  "Group Names": optionalText(),
  Latitude: required(latitude()),
  Longitude: required(longitude()),
  "Asset Type": text(),
  Country: text(),
  "Primary Commodity": text(),
  "Secondary Commodity": optionalText(),
  "Other Commodities": optionalText()
});

const subsetSchema = icmmSchema.extend({has_lithium: boolText, has_nickel: boolText});

/** Whether a site's commodities mention lithium, and nickel (ferronickel included), as the subset's filter did. */
export function commodityFlags(...commodities: (string | null)[]): {has_lithium: boolean; has_nickel: boolean} {
  const all = commodities.filter((c) => c !== null).join(";").toLowerCase();
  return {has_lithium: all.includes("lithium"), has_nickel: all.includes("nickel")};
}

/**
 * Reads an ICMM file: the full "External" sheet, or the Li/Ni subset when it has the has_lithium
 * and has_nickel columns (their values are checked against the commodities). Country names are
 * mapped with the crosswalk (dataset icmm_gmd; an unknown name throws), names repaired for
 * mojibake, and coordinates checked against the country. ICMM ids must be unique. Rows come back
 * in file order.
 */
export function parseIcmmSites(text: string, file: string, crosswalk: Crosswalk): IcmmSite[] {
  const table = parseCsv(text, file, {required: ICMM_COLUMNS});
  const subset = table.header.includes("has_lithium") || table.header.includes("has_nickel");
  if (subset) {
    for (const name of ["has_lithium", "has_nickel"]) {
      if (!table.header.includes(name)) throw new SourceError(file, 1, name, null, "the Li/Ni subset needs both has_lithium and has_nickel");
    }
  }
  const records = subset ? validateRecords(table, subsetSchema) : validateRecords(table, icmmSchema);
  const seen = new Map<string, number>();
  return records.map(({line, row}) => {
    const id = row.ICMMID;
    if (seen.has(id)) throw new SourceError(file, line, "ICMMID", id, `duplicate id: already on line ${seen.get(id)}`);
    seen.set(id, line);
    const iso3 = countryIso3(crosswalk, ICMM_DATASET, row.Country, file, line, "Country");
    const name = repairMojibake(row["Mine Name"]);
    const group = row["Group Names"] === null ? null : repairMojibake(row["Group Names"]);
    const flags = commodityFlags(row["Primary Commodity"], row["Secondary Commodity"], row["Other Commodities"]);
    if ("has_lithium" in row) {
      for (const key of ["has_lithium", "has_nickel"] as const) {
        const stated = (row as z.output<typeof subsetSchema>)[key] === "true";
        if (stated !== flags[key]) throw new SourceError(file, line, key, String(stated), `disagrees with the commodities (${flags[key] ? "they mention" : "they do not mention"} ${key.slice(4)})`);
      }
      if (!flags.has_lithium && !flags.has_nickel) throw new SourceError(file, line, "has_lithium", "false", "a site of the Li/Ni subset must have lithium or nickel");
    }
    return {
      icmm_id: id,
      confidence: row["Confidence Factor"],
      name: name.value,
      group_names: group?.value ?? null,
      latitude: row.Latitude,
      longitude: row.Longitude,
      asset_type: row["Asset Type"],
      country: row.Country,
      iso3,
      primary_commodity: row["Primary Commodity"],
      secondary_commodity: row["Secondary Commodity"],
      other_commodities: row["Other Commodities"],
      ...flags,
      ...checkCountryAtCoords(row.Latitude, row.Longitude, iso3),
      name_repaired: name.repaired || (group?.repaired ?? false),
      source_file: file,
      source_line: line
    };
  });
}
