import {CROSSWALK_FILE, parseCrosswalk} from "../sources/crosswalk.js";
import {SourceError} from "../sources/source-error.js";
import {defineTable} from "./define.js";

export interface CountryRow {
  iso3: string;
  iso_numeric: string | null;
  iso_name: string;
}

/** Every country the sources name, once: its ISO 3166-1 codes and short name (maps pair them). */
export const countriesTable = defineTable<CountryRow>({
  name: "countries",
  title: "Countries: ISO 3166-1 codes and names",
  description:
    "Every country named by one of the sources, once, with its ISO 3166-1 alpha-3 code, its numeric code (which the world map's " +
    "Natural Earth shapes carry) and its ISO short name, from the project's crosswalk of the names each source uses. Codes assigned " +
    "by users rather than ISO (such as XKX for Kosovo) have no numeric code.",
  sources: [
    {
      path: CROSSWALK_FILE,
      title: "Country name to ISO 3166-1 crosswalk, compiled for this project",
      citation: "MINERS live working paper (2026), country_name_iso3_crosswalk.csv: each source's country names matched to ISO 3166-1 codes with Debian's iso-codes 4.15.",
      licence: "Facts (codes and names); compilation MIT (this repository)",
      edition: "compiled 2026-11-27"
    }
  ],
  key: ["iso3"],
  minRows: 135,
  columns: {
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code"},
    iso_numeric: {type: "utf8", description: "ISO 3166-1 numeric code, three digits; null for codes ISO does not assign"},
    iso_name: {type: "utf8", description: "ISO 3166-1 short name"}
  },
  build(read) {
    const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE); // validates codes, kinds, duplicate names
    // In file order, so that a conflict names the later of its two lines.
    const places = [...crosswalk.values()].flatMap((names) => [...names.values()]).sort((a, b) => a.line - b.line);
    const byIso3 = new Map<string, CountryRow>();
    for (const place of places) {
      if (place.kind !== "country" || !place.iso3) continue;
      const row = {iso3: place.iso3, iso_numeric: place.isoNumeric ? place.isoNumeric.padStart(3, "0") : null, iso_name: place.isoName || place.iso3};
      const seen = byIso3.get(row.iso3);
      // One code, one pairing: two sources naming a country must agree on its codes and name.
      if (seen && seen.iso_numeric !== row.iso_numeric) throw new SourceError(CROSSWALK_FILE, place.line, "iso_numeric", place.isoNumeric ?? "", `${row.iso3} is paired with ${seen.iso_numeric} on an earlier line`);
      if (seen && seen.iso_name !== row.iso_name) throw new SourceError(CROSSWALK_FILE, place.line, "iso_name", place.isoName ?? "", `${row.iso3} is named ${seen.iso_name} on an earlier line`);
      byIso3.set(row.iso3, row);
    }
    return [...byIso3.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
  }
});
