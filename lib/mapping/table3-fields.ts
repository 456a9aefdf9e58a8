/**
 * The eighteen columns of the paper's Table 3 ("Example of global mine-level ore dataset"), in the
 * paper's order, with the column of the sites table and of the transcribed paper_table3 table that
 * holds each. The paper cuts six headers off in print; the labels here complete them.
 */
export interface Table3Field {
  label: string;
  /** Column of the sites table. */
  column: string;
  /** Column of the paper_table3 table. */
  paper: string;
}

export const TABLE3_FIELDS: readonly Table3Field[] = [
  {label: "Confidence", column: "confidence", paper: "confidence"},
  {label: "Mine name", column: "name", paper: "mine_name"},
  {label: "Group name", column: "group_names", paper: "group_name"},
  {label: "Latitude", column: "latitude", paper: "latitude"},
  {label: "Longitude", column: "longitude", paper: "longitude"},
  {label: "Asset type", column: "asset_type", paper: "asset_type"},
  {label: "Country", column: "country", paper: "country"},
  {label: "Primary commodity", column: "primary_commodity", paper: "primary_commodity"},
  {label: "Secondary commodity", column: "secondary_commodity", paper: "secondary_commodity"},
  {label: "Other commodities", column: "other_commodities", paper: "other_commodities"},
  {label: "Operating company", column: "operator", paper: "operating_company"},
  {label: "Mine type", column: "mine_type", paper: "mine_type"},
  {label: "Grade (%)", column: "grade_pct", paper: "ni_grade_pct"},
  {label: "Production 2022", column: "production_kt", paper: "production_2022"},
  {label: "Production capacity", column: "capacity_kt", paper: "production_capacity"},
  {label: "Reserves", column: "reserves_kt", paper: "reserves_kt_ni"},
  {label: "Technology", column: "technology", paper: "technology"},
  {label: "Cost", column: "cost_usd_per_t", paper: "cost"}
];

/** A paper_table3 row under the sites table's column names, for counting both alike. */
export function paperRowAsSite(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(TABLE3_FIELDS.map(({column, paper}) => {
    if (!(paper in row)) throw new RangeError(`paperRowAsSite: no column "${paper}" in the row`);
    return [column, row[paper]];
  }));
}
