import {checkBlock, parseIeaSupply, tolerance} from "../sources/iea-explorer.js";
import {defineTable} from "./define.js";
import {basisOf, IEA_SUPPLY_FILE, IEA_SUPPLY_SOURCE} from "./iea-supply.js";

export interface IeaSupplyCheckRow {
  mineral: string;
  tier: string;
  year: number;
  basis: string;
  unit: string;
  total_kt: number;
  rows_sum_kt: number | null;
  difference_kt: number | null;
  tolerance_kt: number;
  status: string;
  counted_twice: string | null;
  rest_of_world_kt: number | null;
  rest_of_world_net_kt: number | null;
  top3_share_stated: number;
  top3_share_recomputed: number | null;
  choice: string;
  source_path: string;
  source_file: string;
  source_line: number;
}

const ADDS_UP = "The rows add up to the stated total: used as published.";

/** The choice made for a block whose rows exceed its total by one country's value. */
export function choiceFor(country: string, restOfWorld: number, net: number, total: number, unit: string): string {
  const kt = (x: number) => `${x.toLocaleString("en-GB", {maximumFractionDigits: 1})} ${unit}`;
  return (
    `Rest of world (${kt(restOfWorld)}) equals the stated total (${kt(total)}) less the other named countries, and the stated top-3 ` +
    `share leaves ${country} out: ${country} is inside Rest of world as well as on its own row. Kept as published; the site takes ` +
    `the stated total, gives ${country} its row, and counts as the rest of world only what the named countries leave, ${kt(net)}.`
  );
}

/** One row per mineral, tier and year of the IEA supply sheet: do its rows add up to its total? */
export const ieaSupplyChecksTable = defineTable<IeaSupplyCheckRow>({
  name: "iea_supply_checks",
  title: "IEA supply blocks checked against their stated totals",
  description:
    "For each mineral, tier and year of the IEA Critical Minerals Data Explorer's supply sheet: the stated total, the sum of its " +
    "rows (named countries and Rest of world), the difference, and the stated top-3 share next to the one recomputed from the rows. " +
    "Where the rows exceed the total (nickel mining and refining in every year, graphite mining in every year and graphite " +
    "refining from 2030), the difference equals one named country's value, Rest of world equals the total less the other named " +
    "countries, and the stated top-3 share is that of the other countries: the country is counted twice. The source is kept as " +
    "it is; rest_of_world_net_kt is the total less every named country, which the site uses as the part of supply whose split " +
    "by country is unknown. The build stops on a difference no single country explains.",
  sources: [IEA_SUPPLY_SOURCE],
  key: ["mineral", "tier", "year"],
  minRows: 48,
  columns: {
    mineral: {type: "utf8", description: "copper, cobalt, lithium, nickel, graphite or magnet rare earths"},
    tier: {type: "utf8", description: "mining or refining"},
    year: {type: "int32", description: "2024, 2030, 2035 or 2040"},
    basis: {type: "utf8", description: "IEA estimate for 2024, or IEA base case (projection)"},
    unit: {type: "utf8", description: "What the tonnage counts, e.g. kt Li"},
    total_kt: {type: "float64", unit: "kt", description: "The block's stated total"},
    rows_sum_kt: {type: "float64", unit: "kt", description: "Sum of the named countries and Rest of world; null when a value is missing"},
    difference_kt: {type: "float64", unit: "kt", description: "rows_sum_kt - total_kt; null when a value is missing"},
    tolerance_kt: {type: "float64", unit: "kt", description: "The largest difference that counts as rounding: 0.001 kt or a millionth of the total"},
    status: {type: "utf8", description: "adds up, one country counted twice, or not checked: a value is missing (then the sums are null)"},
    counted_twice: {type: "utf8", description: "The named country whose tonnage Rest of world also holds; null when the rows add up"},
    rest_of_world_kt: {type: "float64", unit: "kt", description: "Rest of world as stated"},
    rest_of_world_net_kt: {type: "float64", unit: "kt", description: "Stated total less every named country: supply of countries not named; null when a value is missing"},
    top3_share_stated: {type: "float64", unit: "fraction", description: "The top-3 share the source states"},
    top3_share_recomputed: {type: "float64", unit: "fraction", description: "The three largest countries inside the IEA's sums over the stated total; null when a value is missing"},
    choice: {type: "utf8", description: "What the site does with the block, in words"},
    source_path: {type: "utf8", description: "JSON path of the block in the source file"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the block's key in the source file"}
  },
  build(read) {
    const {blocks} = parseIeaSupply(read(IEA_SUPPLY_FILE), IEA_SUPPLY_FILE);
    return blocks
      .map((block): IeaSupplyCheckRow => {
        const c = checkBlock(block, IEA_SUPPLY_FILE);
        return {
          mineral: block.mineral,
          tier: block.tier,
          year: block.year,
          basis: basisOf(block.year),
          unit: block.unit,
          total_kt: block.total,
          rows_sum_kt: c.rowsSum,
          difference_kt: c.difference,
          tolerance_kt: tolerance(block.total),
          status: c.status,
          counted_twice: c.countedTwice,
          rest_of_world_kt: c.restOfWorld,
          rest_of_world_net_kt: c.restOfWorldNet,
          top3_share_stated: block.top3Share,
          top3_share_recomputed: c.top3Recomputed,
          choice:
            c.status === "adds up" ? ADDS_UP
            : c.countedTwice !== null ? choiceFor(c.countedTwice, c.restOfWorld!, c.restOfWorldNet!, block.total, block.unit)
            : `Not checked: no value for ${c.missing.join(", ")}; the block's metrics are missing too.`,
          source_path: block.path,
          source_file: IEA_SUPPLY_FILE,
          source_line: block.line
        };
      })
      .sort((a, b) => (a.mineral < b.mineral ? -1 : a.mineral > b.mineral ? 1 : 0) || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || a.year - b.year);
  }
});
