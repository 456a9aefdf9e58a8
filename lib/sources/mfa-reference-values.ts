/**
 * Figures from other publications that the material-flow page sets beside the paper's, to find out
 * why a check fails (data/sources/mfa/reference_values.csv): each typed as printed, with its
 * publication, the place in it and its address.
 */

import {z} from "zod";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {anyText, oneOf, required, snakeCase, text, tonnage, validateRecords, year} from "./validate.js";

export interface ReferenceValue {
  id: string;
  system: string;
  quantity: string;
  value: number;
  unit: string;
  year: number;
  source: string;
  location: string;
  url: string;
  note: string;
}

const UNITS = ["kt Li", "kt Ni", "%"] as const;

const schema = z.object({
  id: snakeCase(),
  system: oneOf(["lithium", "nickel"]),
  quantity: anyText(),
  value: required(tonnage(false)),
  unit: oneOf(UNITS),
  year: required(year()),
  source: text(),
  location: anyText(),
  url: text().pipe(z.string().regex(/^https:\/\//, "an https address")),
  note: anyText()
});

/**
 * Reads reference_values.csv: snake_case ids, each once; non-negative values, a percentage at most
 * 100; known units, a year, a source and an https address. Throws SourceError naming file, line,
 * column and value.
 */
export function parseReferenceValues(text: string, file: string): ReferenceValue[] {
  const table = parseCsv(text, file, {required: ["id", "system", "quantity", "value", "unit", "year", "source", "location", "url", "note"]});
  const ids = new Set<string>();
  return validateRecords(table, schema).map(({line, row}, i) => {
    if (ids.has(row.id)) throw new SourceError(file, line, "id", row.id, "duplicate id");
    ids.add(row.id);
    if (row.unit === "%" && row.value > 100) throw new SourceError(file, line, "value", table.records[i]!.values.value, "a percentage above 100");
    return row;
  });
}
