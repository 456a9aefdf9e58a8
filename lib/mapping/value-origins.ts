/**
 * Where the values of a site table come from: observed (reported by the source), modelled (output
 * of a model, listed in the row's modelled_fields, such as Busch et al.'s 2022 production, capacity
 * and cost), or missing (null). A data-quality flag of the sites table, counted per column.
 */

export interface OriginCount {
  column: string;
  observed: number;
  modelled: number;
  missing: number;
}

/** Splits "production_kt, capacity_kt" into its column names; "" is none. */
export function modelledColumns(list: string): string[] {
  return list.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * Counts, for each column, the rows whose value is observed, modelled or missing; the three add up
 * to the number of rows. Throws RangeError when a column is not in the rows.
 */
export function valueOrigins(rows: readonly (Readonly<Record<string, unknown>> & {modelled_fields: string})[], columns: readonly string[]): OriginCount[] {
  const counts = columns.map((column) => ({column, observed: 0, modelled: 0, missing: 0}));
  for (const row of rows) {
    const modelled = new Set(modelledColumns(row.modelled_fields));
    counts.forEach((c) => {
      if (!(c.column in row)) throw new RangeError(`valueOrigins: no column "${c.column}" in the rows`);
      const value = row[c.column];
      if (value === null || value === undefined) c.missing += 1;
      else if (modelled.has(c.column)) c.modelled += 1;
      else c.observed += 1;
    });
  }
  return counts;
}
