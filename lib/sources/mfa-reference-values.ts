/**
 * Figures from other publications that the material-flow page sets beside the paper's, to find out
 * why a check fails (data/sources/mfa/reference_values.csv): each typed as printed, with its
 * publication, the place in it and its address.
 */

import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";

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

const UNITS = ["kt Li", "kt Ni", "%"];

/** Reads reference_values.csv: unique snake_case ids, non-negative values, known units, a year, a source and an https address. */
export function parseReferenceValues(text: string, file: string): ReferenceValue[] {
  const {records} = parseCsv(text, file, {required: ["id", "system", "quantity", "value", "unit", "year", "source", "location", "url", "note"]});
  const ids = new Set<string>();
  return records.map(({line, values: raw}) => {
    const v = Object.fromEntries(Object.entries(raw).map(([k, s]) => [k, s.trim()])) as Record<string, string>;
    const fail = (column: string, rule: string): never => {
      throw new SourceError(file, line, column, v[column] ?? null, rule);
    };
    if (!/^[a-z][a-z0-9_]*$/.test(v.id!)) fail("id", "ids are lower-case snake_case");
    if (ids.has(v.id!)) fail("id", "duplicate id");
    ids.add(v.id!);
    if (!["lithium", "nickel"].includes(v.system!)) fail("system", "lithium or nickel");
    const value = Number(v.value);
    if (!/^\d+(\.\d+)?$/.test(v.value!)) fail("value", "a non-negative number");
    if (!UNITS.includes(v.unit!)) fail("unit", `one of ${UNITS.join(", ")}`);
    if (v.unit === "%" && value > 100) fail("value", "a percentage above 100");
    const year = Number(v.year);
    if (!/^\d{4}$/.test(v.year!)) fail("year", "a four-digit year");
    if (!v.source) fail("source", "the publication, e.g. USGS Mineral Commodity Summaries 2022");
    if (!/^https:\/\//.test(v.url!)) fail("url", "an https address");
    return {id: v.id!, system: v.system!, quantity: v.quantity!, value, unit: v.unit!, year, source: v.source!, location: v.location!, url: v.url!, note: v.note!};
  });
}
