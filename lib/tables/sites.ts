import {parseBuschDeposits, type BuschDeposit} from "../sources/busch.js";
import {CROSSWALK_FILE, parseCrosswalk} from "../sources/crosswalk.js";
import {parseIcmmSites, type IcmmSite} from "../sources/icmm.js";
import {defineTable, type SourceRef} from "./define.js";
import {CROSSWALK_SOURCE, ICMM_LI_NI_FILE, icmmSource} from "./icmm-sites.js";

export const BUSCH_FILE = "mines/busch2024_lithium_deposits.csv";

export const ICMM_LABEL = "ICMM GMD 2025 v1";
export const BUSCH_LABEL = "Busch et al. 2024";

export const BUSCH_SOURCE: SourceRef = {
  path: BUSCH_FILE,
  title: "Lithium deposit database of the lithium supply model (Parameters/Deposit.csv)",
  citation:
    "Busch, P. et al. (2024). Effects of Demand and Recycling on Future Lithium Extraction. Replication material, GitHub repository pmbusch/Critical-Minerals-EV, file Parameters/Deposit.csv at commit 2aafd29f162c14fd1394c998dbde0f8397c4aa6d (2025-07-15); the deposit database is the article's supplementary Data S2. Costs, capacities and 2022 production rates are model parameters, not observations.",
  licence: "MIT (© 2024 Pablo Busch)",
  url: "https://github.com/pmbusch/Critical-Minerals-EV",
  edition: "2024 (repository HEAD 2025-07-15)"
};

/** One lithium or nickel site or deposit, in the fields of the paper's Table 3. */
export interface SiteRow {
  source_dataset: typeof ICMM_LABEL | typeof BUSCH_LABEL;
  source_id: string;
  confidence: string | null;
  name: string;
  group_names: string | null;
  latitude: number;
  longitude: number;
  asset_type: string | null;
  country: string;
  iso3: string | null;
  primary_commodity: string;
  secondary_commodity: string | null;
  other_commodities: string | null;
  has_lithium: boolean;
  has_nickel: boolean;
  operator: string | null;
  mine_type: string | null;
  resource_type: string | null;
  status: string | null;
  grade_pct: number | null;
  production_kt: number | null;
  capacity_kt: number | null;
  reserves_kt: number | null;
  resources_kt: number | null;
  technology: string | null;
  cost_usd_per_t: number | null;
  coords_iso3: string | null;
  coords_outside_country: boolean | null;
  name_repaired: boolean;
  modelled_fields: string;
  source_file: string;
  source_line: number;
}

/** Fields that hold model output rather than observations when they are not null, in column order. */
export const MODELLED = ["production_kt", "capacity_kt", "cost_usd_per_t"] as const;

function modelledFields(row: Omit<SiteRow, "modelled_fields">): string {
  return MODELLED.filter((field) => row[field] !== null).join(", ");
}

/** ICMM has locations and commodities only: every quantity stays null. */
export function icmmToSite(site: IcmmSite): SiteRow {
  const row: Omit<SiteRow, "modelled_fields"> = {
    source_dataset: ICMM_LABEL,
    source_id: site.icmm_id,
    confidence: site.confidence,
    name: site.name,
    group_names: site.group_names,
    latitude: site.latitude,
    longitude: site.longitude,
    asset_type: site.asset_type,
    country: site.country,
    iso3: site.iso3,
    primary_commodity: site.primary_commodity,
    secondary_commodity: site.secondary_commodity,
    other_commodities: site.other_commodities,
    has_lithium: site.has_lithium,
    has_nickel: site.has_nickel,
    operator: null,
    mine_type: null,
    resource_type: null,
    status: null,
    grade_pct: null,
    production_kt: null,
    capacity_kt: null,
    reserves_kt: null,
    resources_kt: null,
    technology: null,
    cost_usd_per_t: null,
    coords_iso3: site.coords_iso3,
    coords_outside_country: site.coords_outside_country,
    name_repaired: site.name_repaired,
    source_file: site.source_file,
    source_line: site.source_line
  };
  return {...row, modelled_fields: modelledFields(row)};
}

/** Busch et al. list lithium deposits: no asset type, group names, operator or technology. */
export function buschToSite(deposit: BuschDeposit): SiteRow {
  const row: Omit<SiteRow, "modelled_fields"> = {
    source_dataset: BUSCH_LABEL,
    source_id: String(deposit.d),
    confidence: null,
    name: deposit.name,
    group_names: null,
    latitude: deposit.latitude,
    longitude: deposit.longitude,
    asset_type: null,
    country: deposit.country,
    iso3: deposit.iso3,
    primary_commodity: "lithium",
    secondary_commodity: null,
    other_commodities: null,
    has_lithium: true,
    has_nickel: false,
    operator: null,
    mine_type: deposit.resource_type,
    resource_type: deposit.resource_type_orig,
    status: deposit.status,
    grade_pct: deposit.grade_pct_li_reserve,
    production_kt: deposit.prod_rate2022_kt,
    capacity_kt: deposit.max_prod_rate_kt,
    reserves_kt: deposit.reserve_kt,
    resources_kt: deposit.all_resource_kt,
    technology: null,
    cost_usd_per_t: deposit.cost1_usd_per_t,
    coords_iso3: deposit.coords_iso3,
    coords_outside_country: deposit.coords_outside_country,
    name_repaired: deposit.name_repaired,
    source_file: deposit.source_file,
    source_line: deposit.source_line
  };
  return {...row, modelled_fields: modelledFields(row)};
}

const DATASET_ORDER = [ICMM_LABEL, BUSCH_LABEL];

export const sitesTable = defineTable<SiteRow>({
  name: "sites",
  title: "Lithium and nickel mines and deposits",
  description:
    "Lithium and nickel sites in the fields of the working paper's Table 3 (example of a global mine-level dataset), from two open sources: the 329 sites of the ICMM Global Mining Dataset (September 2025) whose commodities mention lithium or nickel, with location, country and commodities only; and the 160 lithium deposits compiled by Busch et al. (2024) for a supply model, with status, reserve grade, reserves, resources, and three model parameters. The two sources overlap (a producing lithium mine can appear in both) and are not merged. Missing values stay null; no operator or technology is given by either source. The 2022 production, the capacity and the cost of a Busch deposit are model output (listed in modelled_fields), not observations: present them as such. Coordinates are checked against the stated country (coords_outside_country) and names garbled by a wrong text encoding are repaired (name_repaired).",
  sources: [icmmSource(ICMM_LI_NI_FILE), BUSCH_SOURCE, CROSSWALK_SOURCE],
  key: ["source_dataset", "source_id"],
  minRows: 489, // 329 ICMM Li/Ni sites + 160 Busch et al. deposits
  columns: {
    source_dataset: {type: "utf8", description: `Source: "${ICMM_LABEL}" or "${BUSCH_LABEL}"`},
    source_id: {type: "utf8", description: "Identifier in the source: ICMMID, or Busch's row number d"},
    confidence: {type: "utf8", description: "ICMM Confidence Factor (High, Moderate, Very Low); null for Busch"},
    name: {type: "utf8", description: "ICMM Mine Name or Busch Deposit_Name, encoding damage repaired"},
    group_names: {type: "utf8", description: "ICMM Group Names (merged sites, ';'-separated), repaired; null for Busch and where none"},
    latitude: {type: "float64", unit: "degrees (WGS84)", description: "Latitude"},
    longitude: {type: "float64", unit: "degrees (WGS84)", description: "Longitude"},
    asset_type: {type: "utf8", description: "ICMM Asset Type (Mine, Smelter, Refinery, Plant, joined with ';'); null for Busch, which lists deposits (see status)"},
    country: {type: "utf8", description: "Country as stated by the source (not corrected, see coords_outside_country)"},
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the stated country"},
    primary_commodity: {type: "utf8", description: "ICMM Primary Commodity; lithium for every Busch deposit"},
    secondary_commodity: {type: "utf8", description: "ICMM Secondary Commodity; null for Busch and where none"},
    other_commodities: {type: "utf8", description: "ICMM Other Commodities (';'-separated); null for Busch and where none"},
    has_lithium: {type: "bool", description: "Some commodity mentions lithium (true for every Busch deposit)"},
    has_nickel: {type: "bool", description: "Some commodity mentions nickel, ferronickel included (false for every Busch deposit)"},
    operator: {type: "utf8", description: "Operating company: null, neither source gives it"},
    mine_type: {type: "utf8", description: "Busch Resource_Type: Brine, Hard Rock or Volcano-Sedimentary; null for ICMM"},
    resource_type: {type: "utf8", description: "Busch Resource_Type_orig, the finer class (e.g. Other (Oilfield), Other (Geothermal)); null for ICMM"},
    status: {type: "utf8", description: "Busch Status: Producing, Construction, Evaluation or No info; null for ICMM"},
    grade_pct: {type: "float64", unit: "% Li", description: "Busch Grade_percLi_Reserve, grade of the reserve; null where not reported and for ICMM"},
    production_kt: {
      type: "float64",
      unit: "kt Li/yr",
      description:
        "Busch prod_rate2022, production in 2022 (Table 3's 'Production 2022'). MODELLED: the USGS 2022 production of the country shared among its producing deposits by their 2025 capacity. 0 for deposits not producing; null for a producing deposit that got no share (Busch wrote 0) and for ICMM"
    },
    capacity_kt: {
      type: "float64",
      unit: "kt Li/yr",
      description: "Busch max_prod_rate, the model's maximum production rate. MODELLED: total resource times a depletion rate by resource type, at least the production rates; null for ICMM"
    },
    reserves_kt: {type: "float64", unit: "kt Li", description: "Busch reserve, contained lithium in reserves; null where no reserve is reported (Busch wrote 0) and for ICMM"},
    resources_kt: {
      type: "float64",
      unit: "kt Li",
      description: "Busch all_resource: reserve plus demonstrated and inferred resources, net of each other, contained lithium; null for ICMM"
    },
    technology: {type: "utf8", description: "Processing technology: null, neither source gives it"},
    cost_usd_per_t: {
      type: "float64",
      unit: "USD/t Li",
      description:
        "Busch cost1, extraction cost of the reserve tranche including royalties and corporate tax at 20,000 USD/t LCE. MODELLED: reported, regressed on grade or drawn from a triangular distribution; never an observation. Null for ICMM"
    },
    coords_iso3: {type: "utf8", description: "ISO3 code at the coordinates according to @rapideditor/country-coder (most specific territory); null at sea"},
    coords_outside_country: {
      type: "bool",
      description: "True when the coordinates lie outside the stated country per country-coder (a territory counts as in its sovereign: NCL and FRA both match a point in New Caledonia); null when there is nothing to compare"
    },
    name_repaired: {type: "bool", description: "True when mojibake in the name or group names was repaired"},
    modelled_fields: {type: "utf8", description: "Comma-separated fields of this row that hold model output, not observations (e.g. 'production_kt, capacity_kt, cost_usd_per_t'); empty when none"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the source file"}
  },
  build(read) {
    const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
    const icmm = parseIcmmSites(read(ICMM_LI_NI_FILE), ICMM_LI_NI_FILE, crosswalk);
    const busch = parseBuschDeposits(read(BUSCH_FILE), BUSCH_FILE, crosswalk);
    const order = (id: string) => (/^\d+$/.test(id) ? id.padStart(12, "0") : id);
    return [...icmm.map(icmmToSite), ...busch.map(buschToSite)].sort((a, b) => {
      const byDataset = DATASET_ORDER.indexOf(a.source_dataset) - DATASET_ORDER.indexOf(b.source_dataset);
      if (byDataset !== 0) return byDataset;
      const x = order(a.source_id);
      const y = order(b.source_id);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
});
