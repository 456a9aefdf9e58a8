import type {ColumnType} from "./arrow-snapshot.js";
import type {ProductionRow} from "./usgs-mcs.js";

/** Column types of the production snapshot (src/data/production.arrow). */
export const PRODUCTION_SCHEMA: {[K in keyof ProductionRow]: ColumnType} = {
  edition: "utf8",
  commodity: "utf8",
  country: "utf8",
  iso3: "utf8",
  kind: "utf8",
  year: "int32",
  value_t: "float64",
  status: "utf8",
  unit: "utf8",
  stage: "utf8",
  note: "utf8",
  source_file: "utf8",
  source_line: "int32"
};

const KIND_ORDER = {country: 0, other: 1, world: 2} as const;

/** Stable order: edition, commodity, year, countries before aggregates, then by name. */
export function sortProduction(rows: ProductionRow[]): ProductionRow[] {
  return rows.sort(
    (a, b) =>
      a.edition.localeCompare(b.edition) ||
      a.commodity.localeCompare(b.commodity) ||
      a.year - b.year ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.country.localeCompare(b.country)
  );
}
