import {IEA_SCENARIOS, REPORTED, parseIeaDemand} from "../sources/iea-demand.js";
import {defineTable, type SourceRef} from "./define.js";
import {IEA_SUPPLY_FILE} from "./iea-supply.js";

/** The same file as iea_supply: the Data Explorer's JSON, whose demand part this table reads. */
export const IEA_DEMAND_FILE = IEA_SUPPLY_FILE;

export const IEA_DEMAND_SOURCE: SourceRef = {
  path: IEA_DEMAND_FILE,
  title: "IEA Critical Minerals Data Explorer (Global Critical Minerals Outlook 2025): total demand for key minerals, by scenario",
  citation:
    "International Energy Agency (2025). Critical Minerals Data Explorer, Global Critical Minerals Outlook 2025: total demand by " +
    "clean-energy technology and other uses, 2024 and the STEPS, APS and NZE scenarios to 2050. Converted from the IEA's " +
    "CM_Data_Explorer.xlsx to JSON by the repository barrytho/uk-critical-minerals-dashboard (data/iea.json, commit fc0f6435); " +
    "copied byte for byte.",
  licence: "CC BY 4.0 (IEA)",
  url: "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer",
  edition: "Global Critical Minerals Outlook 2025 (May 2025)"
};

/** The basis of a row's value: the IEA's value for 2024, or a scenario's projection. */
export const demandBasisOf = (scenario: string) => (scenario === REPORTED ? "IEA value for 2024 (all scenarios)" : `IEA ${scenario} scenario (projection)`);

export interface IeaDemandRow {
  mineral: string;
  scenario: string;
  year: number;
  sector: string;
  part: string;
  value_kt: number | null;
  unit: string;
  basis: string;
  listed: number;
  source_path: string;
  source_file: string;
  source_line: number;
}

const SCENARIO_ORDER: readonly string[] = [REPORTED, ...IEA_SCENARIOS];

/**
 * Demand for lithium and nickel by use from the IEA's Data Explorer: every value the file gives for
 * the two minerals, as published (no interpolated year, no value computed here).
 */
export const ieaDemandTable = defineTable<IeaDemandRow>({
  name: "iea_demand",
  title: "Demand for lithium and nickel by use, 2024 and the IEA's scenarios to 2050",
  description:
    "Demand for lithium and nickel in thousand tonnes of contained metal, by clean-energy technology (electric vehicles, grid battery " +
    "storage, and for nickel also solar PV, wind, other low-emissions power generation and hydrogen technologies), with the IEA's total " +
    "of the clean technologies, other uses and total demand, from the IEA Critical Minerals Data Explorer 2025. 2024 is the IEA's value " +
    "for the year (scenario 'reported', the same in every scenario); 2030, 2035, 2040, 2045 and 2050 are projections in the Stated " +
    "Policies (STEPS), Announced Pledges (APS) and Net Zero Emissions by 2050 (NZE) scenarios. Only the IEA's own years: no year " +
    "between them is filled in. The sectors are given to six significant figures, so they add up to the stated clean-technology total " +
    "within 0.01 kt; the clean total plus other uses is total demand exactly. The file's clean-energy share (clean total over total " +
    "demand) is checked and not repeated.",
  sources: [IEA_DEMAND_SOURCE],
  key: ["mineral", "scenario", "sector", "year"],
  minRows: 224,
  columns: {
    mineral: {type: "utf8", description: "lithium or nickel"},
    scenario: {type: "utf8", description: "reported (2024, the IEA's value for the year), or STEPS, APS, NZE (the IEA's scenarios)"},
    year: {type: "int32", description: "2024, or a year of the scenarios: 2030, 2035, 2040, 2045, 2050"},
    sector: {type: "utf8", description: "The IEA's clean-energy technology (e.g. Electric vehicles), or Total clean technologies, Other uses, Total demand"},
    part: {type: "utf8", description: "clean technology, clean technologies, total, other uses, or total demand"},
    value_kt: {type: "float64", unit: "kt contained (see unit)", description: "Demand in the year; null when the source gives none"},
    unit: {type: "utf8", description: "What the tonnage counts: kt Li or kt Ni"},
    basis: {type: "utf8", description: "IEA value for 2024 (all scenarios), or IEA <scenario> scenario (projection)"},
    listed: {type: "int32", description: "Position of the sector in the mineral's block in the source (1 = first; the three totals last)"},
    source_path: {type: "utf8", description: "JSON path of the value in the source file"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the sector's (or total's) key in the source file"}
  },
  build(read) {
    const {values} = parseIeaDemand(read(IEA_DEMAND_FILE), IEA_DEMAND_FILE);
    const rows: IeaDemandRow[] = values.map((v) => ({
      mineral: v.mineral,
      scenario: v.scenario,
      year: v.year,
      sector: v.sector,
      part: v.part,
      value_kt: v.value,
      unit: v.unit,
      basis: demandBasisOf(v.scenario),
      listed: v.listed,
      source_path: v.path,
      source_file: IEA_DEMAND_FILE,
      source_line: v.line
    }));
    return rows.sort((a, b) => cmp(a.mineral, b.mineral) || a.listed - b.listed || SCENARIO_ORDER.indexOf(a.scenario) - SCENARIO_ORDER.indexOf(b.scenario) || a.year - b.year);
  }
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
