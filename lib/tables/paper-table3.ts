import {PAPER_TABLE3_FILE, parsePaperTable3, type PaperTable3Row} from "../sources/paper-table3.js";
import {defineTable} from "./define.js";

/**
 * Table 3 of the working paper as a published table, paper_table3: the rows that
 * lib/sources/paper-table3.ts reads from data/sources/paper/paper_table3.csv, in the printed order.
 */
export const paperTable3Table = defineTable<PaperTable3Row>({
  name: "paper_table3",
  title: "Table 3 of the working paper: example of a global mine-level dataset",
  description:
    "The twelve example rows of the working paper's Table 3, Indonesian nickel mines and processing parks, transcribed as printed so that the site's own sites table can be set beside them. The printed table is cut off at the right of many cells and in six column headers; cut-off words are kept as printed, empty cells are null, and each row's note says what is cut off or looks wrong. Grades and costs are text because the paper prints ranges and units inside the cells. The paper gives no unit for the production columns.",
  sources: [
    {
      path: PAPER_TABLE3_FILE,
      title: "MINERS: Key Summary of Initial Results, Table 3 (Example of global mine-level ore dataset)",
      citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper for discussion, University College London. Not for citation.",
      licence: "Working paper, not for citation; values transcribed as facts (see paper/TABLE3.md)",
      edition: "January 2026"
    }
  ],
  key: ["row_in_table"],
  minRows: 12,
  columns: {
    row_in_table: {type: "int32", description: "Position of the row in the printed table (1-12)"},
    confidence: {type: "utf8", description: "Printed 'Confiden[ce]' (header cut off): High, Moderate, Very Low or empty"},
    mine_name: {type: "utf8", description: "Printed 'Mine Na[me]' (header cut off), as printed"},
    group_name: {type: "utf8", description: "Printed 'Group Na[me]' (header cut off), as printed"},
    latitude: {type: "float64", unit: "degrees", description: "Latitude as printed (3 decimals)"},
    longitude: {type: "float64", unit: "degrees", description: "Longitude as printed (3 decimals)"},
    asset_type: {type: "utf8", description: "Printed 'Asset Ty[pe]' (header cut off); 'Mine/Smelte' is cut off in print"},
    country: {type: "utf8", description: "Country as printed"},
    primary_commodity: {type: "utf8", description: "Printed 'Primary C[ommodity]' (header cut off)"},
    secondary_commodity: {type: "utf8", description: "Printed 'Secondar[y Commodity]' (header cut off)"},
    other_commodities: {type: "utf8", description: "Other Commodities as printed"},
    operating_company: {type: "utf8", description: "Operating Company as printed"},
    mine_type: {type: "utf8", description: "Mine Type as printed"},
    ni_grade_pct: {type: "utf8", unit: "% Ni", description: "Ni Grade (%) as printed: a number or a range such as 1.23-1.48"},
    production_2022: {type: "float64", description: "Production 2022 as printed; the paper states no unit"},
    production_capacity: {type: "float64", description: "Production Capacity as printed; the paper states no unit"},
    reserves_kt_ni: {type: "float64", unit: "kt Ni", description: "Reserves (kt Ni) as printed"},
    technology: {type: "utf8", description: "Technology as printed (MHP, HPAL, RKEF)"},
    cost: {type: "utf8", description: "Cost as printed, with its unit, e.g. 14.4k$/t"},
    note: {type: "utf8", description: "What is cut off in print or looks wrong in this row, noted in transcription"}
  },
  build(read) {
    return parsePaperTable3(read(PAPER_TABLE3_FILE), PAPER_TABLE3_FILE).sort((a, b) => a.row_in_table - b.row_in_table);
  }
});
