import {z} from "zod";
import {parseCsv} from "../sources/csv.js";
import {required} from "../sources/icmm.js";
import {SourceError} from "../sources/source-error.js";
import {defineTable} from "./define.js";
import {latitude, longitude, number, optionalText, tonnage, validateRecords} from "../sources/validate.js";

export const PAPER_TABLE3_FILE = "paper/paper_table3.csv";

/** One row of the paper's Table 3, as printed (cut-off words kept, blanks null). */
export interface PaperTable3Row {
  row_in_table: number;
  confidence: string | null;
  mine_name: string | null;
  group_name: string | null;
  latitude: number | null;
  longitude: number | null;
  asset_type: string | null;
  country: string | null;
  primary_commodity: string | null;
  secondary_commodity: string | null;
  other_commodities: string | null;
  operating_company: string | null;
  mine_type: string | null;
  ni_grade_pct: string | null;
  production_2022: number | null;
  production_capacity: number | null;
  reserves_kt_ni: number | null;
  technology: string | null;
  cost: string | null;
  note: string | null;
}

const COLUMNS = [
  "row_in_table", "confidence", "mine_name", "group_name", "latitude", "longitude", "asset_type", "country",
  "primary_commodity", "secondary_commodity", "other_commodities", "operating_company", "mine_type",
  "ni_grade_pct", "production_2022", "production_capacity", "reserves_kt_ni", "technology", "cost", "note"
] as const;

const CONFIDENCE = ["High", "Moderate", "Very Low"] as const;

const schema = z.object({
  row_in_table: required(number({min: 1, what: "a row number"})).refine((n) => Number.isInteger(n), "a row number is a whole number"),
  confidence: optionalText().refine((s) => s === null || (CONFIDENCE as readonly string[]).includes(s), `must be empty or one of: ${CONFIDENCE.join(", ")}`),
  mine_name: optionalText(),
  group_name: optionalText(),
  latitude: latitude(true),
  longitude: longitude(true),
  asset_type: optionalText(),
  country: optionalText(),
  primary_commodity: optionalText(),
  secondary_commodity: optionalText(),
  other_commodities: optionalText(),
  operating_company: optionalText(),
  mine_type: optionalText(),
  // printed as a number or a range, e.g. "1.23-1.48"
  ni_grade_pct: optionalText().refine((s) => s === null || /^\d+(\.\d+)?(-\d+(\.\d+)?)?$/.test(s), "a grade or a range of grades as printed, e.g. 1.68 or 1.23-1.48"),
  production_2022: tonnage(),
  production_capacity: tonnage(),
  reserves_kt_ni: tonnage(),
  technology: optionalText(),
  cost: optionalText(),
  note: optionalText()
});

/** Reads paper_table3.csv; row_in_table must run 1, 2, ... n in file order. */
export function parsePaperTable3(content: string, file: string): PaperTable3Row[] {
  const table = parseCsv(content, file, {required: COLUMNS});
  return validateRecords(table, schema).map(({line, row}, i) => {
    if (row.row_in_table !== i + 1) throw new SourceError(file, line, "row_in_table", String(row.row_in_table), `rows are numbered 1..n in order; expected ${i + 1}`);
    return {...row};
  });
}

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
