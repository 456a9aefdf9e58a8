import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";

/** A figure stated in the working paper, with where it stands (data/sources/paper/). */
export interface PaperValue {
  id: string;
  section: string;
  location: string;
  quantity: string;
  value: number;
  unit: string;
  year: number | null;
  qualifier: string;
  note: string;
}

const UNITS = ["kt Li", "kt Ni", "%", "count"];

/** Reads and checks paper_values.csv: unique ids, numeric values, known units, percentages <= 100. */
export function parsePaperValues(text: string, file: string): PaperValue[] {
  const required = ["id", "section", "location", "quantity", "value", "unit", "year", "qualifier", "note"];
  const {records} = parseCsv(text, file, {required});
  const ids = new Set<string>();
  return records.map(({line, values: v}) => {
    const id = v.id ?? "";
    if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new SourceError(file, line, "id", id, "ids are lower-case snake_case");
    if (ids.has(id)) throw new SourceError(file, line, "id", id, "duplicate id");
    ids.add(id);
    const value = Number(v.value);
    if (v.value === "" || !Number.isFinite(value) || value < 0) throw new SourceError(file, line, "value", v.value, "a non-negative number");
    const unit = v.unit ?? "";
    if (!UNITS.includes(unit)) throw new SourceError(file, line, "unit", unit, `unit must be one of ${UNITS.join(", ")}`);
    if (unit === "%" && value > 100) throw new SourceError(file, line, "value", v.value, "a percentage above 100");
    const year = v.year ? Number(v.year) : null;
    if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) throw new SourceError(file, line, "year", v.year, "a four-digit year or blank");
    return {id, section: v.section ?? "", location: v.location ?? "", quantity: v.quantity ?? "", value, unit, year, qualifier: v.qualifier ?? "", note: v.note ?? ""};
  });
}
