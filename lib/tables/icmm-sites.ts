import {CROSSWALK_FILE, parseCrosswalk} from "../sources/crosswalk.js";
import {parseIcmmSites, type IcmmSite} from "../sources/icmm.js";
import {defineTable, type SourceRef} from "./define.js";

export const ICMM_FILE = "mines/icmm_global_mining_dataset_2025v1.csv";
export const ICMM_LI_NI_FILE = "mines/icmm_lithium_nickel_sites.csv";

/** How ICMM asks to be cited, for the full sheet or the Li/Ni subset of it. */
export function icmmSource(path: string): SourceRef {
  const subset = path === ICMM_LI_NI_FILE;
  return {
    path,
    title: subset
      ? "ICMM Global Mining Dataset, lithium and nickel sites (filtered from the External sheet)"
      : "ICMM Global Mining Dataset, External sheet",
    citation:
      "ICMM Global Mining Dataset, September 2025 (V1) release. International Council on Mining and Metals. Workbook global-mining-dataset.xlsx as stored in GitHub repository tth4vb/global_mining_prototype (commit 1b81b5898733659181ba13f2f91565df6a22db7a)" +
      (subset ? "; rows whose commodities mention lithium or nickel (ferronickel included), with has_lithium and has_nickel added." : "; the External sheet converted to CSV."),
    licence: "CC BY 4.0 (attribution to ICMM required)",
    url: "https://www.icmm.com/",
    edition: "September 2025 (V1)"
  };
}

export const CROSSWALK_SOURCE: SourceRef = {
  path: CROSSWALK_FILE,
  title: "Country name to ISO 3166-1 crosswalk",
  citation: "Compiled for this project from Debian iso-codes 4.15.0 with manual mappings flagged (data/sources/PROVENANCE.md, section 6).",
  licence: "Facts (ISO 3166-1 codes); compilation MIT"
};

/** The icmm_sites table: an ICMM site without the source_file column (there is one file). */
export type IcmmSiteRow = Omit<IcmmSite, "source_file">;

export const icmmSitesTable = defineTable<IcmmSiteRow>({
  name: "icmm_sites",
  title: "Mining and metals sites of the ICMM Global Mining Dataset",
  description:
    "All 8,508 sites of the public ICMM Global Mining Dataset (September 2025 release): mines, smelters, refineries and plants of every commodity, with their location, country and commodities, for the all-sites layer of the map. The dataset gives no tonnages, status or owners. Two repairs are made and flagged: names garbled by a wrong text encoding in the source (\"CaraÃ­ba\") are restored (name_repaired), and each site's coordinates are checked against its stated country (coords_outside_country), because the source has errors such as Australian mines listed under New Caledonia. The stated country is kept as published.",
  sources: [icmmSource(ICMM_FILE), CROSSWALK_SOURCE],
  key: ["icmm_id"],
  minRows: 8508, // every site of the September 2025 release
  columns: {
    icmm_id: {type: "utf8", description: "ICMM site identifier (ICMMID)"},
    confidence: {type: "utf8", description: "ICMM Confidence Factor: High, Moderate or Very Low (a single source, WAPHA)"},
    name: {type: "utf8", description: "Mine Name, with encoding damage repaired"},
    group_names: {type: "utf8", description: "Group Names: names of the sites ICMM merged into this one, separated by ';', with encoding damage repaired; null if none"},
    latitude: {type: "float64", unit: "degrees (WGS84)", description: "Latitude; for merged sites the centroid"},
    longitude: {type: "float64", unit: "degrees (WGS84)", description: "Longitude; for merged sites the centroid"},
    asset_type: {type: "utf8", description: "Asset Type: Mine, Smelter, Refinery, Plant or Steel Plant, several joined with ';'"},
    country: {type: "utf8", description: "Country as stated by ICMM (not corrected, see coords_outside_country)"},
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the stated country (XKX for Kosovo, a user-assigned code)"},
    primary_commodity: {type: "utf8", description: "Primary Commodity"},
    secondary_commodity: {type: "utf8", description: "Secondary Commodity; null if none"},
    other_commodities: {type: "utf8", description: "Other Commodities, joined with ';'; null if none"},
    has_lithium: {type: "bool", description: "Some commodity of the site mentions lithium (the sites of the sites table)"},
    has_nickel: {type: "bool", description: "Some commodity of the site mentions nickel, ferronickel included"},
    coords_iso3: {
      type: "utf8",
      description: "ISO3 code at the coordinates according to @rapideditor/country-coder (the most specific territory, e.g. NCL rather than FRA); null at sea"
    },
    coords_outside_country: {
      type: "bool",
      description:
        "True when no country-coder feature containing the coordinates has the stated country's ISO3 (a territory counts as in its sovereign too: a point in New Caledonia matches both NCL and FRA); null when there is nothing to compare"
    },
    name_repaired: {type: "bool", description: "True when mojibake in Mine Name or Group Names was repaired"},
    source_line: {type: "int32", description: "Line in mines/icmm_global_mining_dataset_2025v1.csv"}
  },
  build(read) {
    const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
    return parseIcmmSites(read(ICMM_FILE), ICMM_FILE, crosswalk)
      .map(({source_file: _file, ...row}) => row)
      .sort((a, b) => (a.icmm_id < b.icmm_id ? -1 : a.icmm_id > b.icmm_id ? 1 : 0));
  }
});
