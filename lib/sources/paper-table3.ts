import {z} from "zod";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {latitude, longitude, number, optionalText, required, tonnage, validateRecords} from "./validate.js";

/**
 * Table 3 of the working paper, its twelve example rows of a global mine-level dataset (Indonesian
 * nickel mines and processing parks), as data/sources/paper/paper_table3.csv transcribes them (see
 * paper/TABLE3.md): cut-off words kept as printed, blank cells null.
 */

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
