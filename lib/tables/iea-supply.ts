import {IEA_BASE_YEAR, parseIeaSupply, checkBlock} from "../sources/iea-explorer.js";
import {defineTable, type SourceRef} from "./define.js";

export const IEA_SUPPLY_FILE = "supply/iea_critical_minerals_data_explorer_2025.json";

export const IEA_SUPPLY_SOURCE: SourceRef = {
  path: IEA_SUPPLY_FILE,
  title: "IEA Critical Minerals Data Explorer (Global Critical Minerals Outlook 2025): total supply for key minerals",
  citation:
    "International Energy Agency (2025). Critical Minerals Data Explorer, Global Critical Minerals Outlook 2025, sheet 2 " +
    '"Total supply for key minerals". Converted from the IEA\'s CM_Data_Explorer.xlsx to JSON by the repository ' +
    "barrytho/uk-critical-minerals-dashboard (data/iea.json, commit fc0f6435); copied byte for byte.",
  licence: "CC BY 4.0 (IEA)",
  url: "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer",
  edition: "Global Critical Minerals Outlook 2025 (May 2025)"
};

/** The basis of a year's values: the IEA's 2024 estimate, or its base case. */
export const basisOf = (year: number) => (year === IEA_BASE_YEAR ? "IEA estimate for 2024" : "IEA base case (projection)");

export interface IeaSupplyRow {
  mineral: string;
  tier: string;
  year: number;
  basis: string;
  country: string;
  iso3: string | null;
  kind: string;
  value_kt: number | null;
  unit: string;
  also_in_rest_of_world: boolean;
  listed: number;
  source_path: string;
  source_file: string;
  source_line: number;
}

/** Mining and refining by country from the IEA's Data Explorer, every value of the supply sheet as published. */
export const ieaSupplyTable = defineTable<IeaSupplyRow>({
  name: "iea_supply",
  title: "Mining and refining by country, 2024 and the IEA's base case to 2040",
  description:
    "Mine and refined supply of copper, cobalt, lithium, nickel, graphite and magnet rare earths by country, in thousand tonnes of " +
    "contained metal, for 2024 (the IEA's estimate) and the IEA's base case for 2030, 2035 and 2040, from the IEA Critical Minerals " +
    "Data Explorer 2025. Each block names the top five to seven countries and a Rest of world; its stated total and top-3 share are " +
    "in iea_supply_checks. The values are the source's. In four blocks one named country is also inside Rest of world " +
    "(also_in_rest_of_world): adding up the rows counts it twice; iea_supply_checks shows the difference and how the site treats it. " +
    "Graphite is natural graphite at the mining tier and battery-grade graphite (natural and synthetic) at the refining tier; magnet " +
    "rare earths are the IEA's 'magnet rare earth elements'. Two lines of the sheet's notes that the file holds as countries are left out.",
  sources: [IEA_SUPPLY_SOURCE],
  key: ["mineral", "tier", "year", "country"],
  minRows: 292,
  columns: {
    mineral: {type: "utf8", description: "copper, cobalt, lithium, nickel, graphite or magnet rare earths"},
    tier: {type: "utf8", description: "mining or refining"},
    year: {type: "int32", description: "2024, or a year of the IEA's base case (2030, 2035, 2040)"},
    basis: {type: "utf8", description: "IEA estimate for 2024, or IEA base case (projection)"},
    country: {type: "utf8", description: "Country as the IEA names it, or Rest of world"},
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code; null for Rest of world"},
    kind: {type: "utf8", description: "country or rest of world"},
    value_kt: {type: "float64", unit: "kt contained (see unit)", description: "Supply in the year; null when the source gives none"},
    unit: {type: "utf8", description: "What the tonnage counts, e.g. kt Li"},
    also_in_rest_of_world: {type: "bool", description: "True for the named country whose tonnage the block's Rest of world also holds (see iea_supply_checks)"},
    listed: {type: "int32", description: "Position of the row in its block in the source (1 = first)"},
    source_path: {type: "utf8", description: "JSON path of the value in the source file"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the country's key in the source file"}
  },
  build(read) {
    const {blocks} = parseIeaSupply(read(IEA_SUPPLY_FILE), IEA_SUPPLY_FILE);
    const rows: IeaSupplyRow[] = [];
    for (const block of blocks) {
      const {countedTwice} = checkBlock(block, IEA_SUPPLY_FILE);
      for (const v of block.values) {
        rows.push({
          mineral: block.mineral,
          tier: block.tier,
          year: block.year,
          basis: basisOf(block.year),
          country: v.country,
          iso3: v.iso3,
          kind: v.kind,
          value_kt: v.value,
          unit: block.unit,
          also_in_rest_of_world: v.country === countedTwice,
          listed: v.listed,
          source_path: v.path,
          source_file: IEA_SUPPLY_FILE,
          source_line: v.line
        });
      }
    }
    return rows.sort((a, b) => cmp(a.mineral, b.mineral) || cmp(a.tier, b.tier) || a.year - b.year || a.listed - b.listed);
  }
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
