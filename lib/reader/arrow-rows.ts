/**
 * The rows of an Arrow table as plain objects, built column by column: several times faster than
 * Arrow's row proxies (`table.toArray().map((d) => d.toJSON())`, about 60 ms for the 8,508 ICMM
 * sites), with the same values: nulls stay null (missing is never zero), numbers are numbers,
 * strings are strings, booleans are booleans.
 */

/** The part of an Arrow table (apache-arrow's Table) this reads. */
export interface ArrowTableLike {
  numRows: number;
  schema: {fields: {name: string}[]};
  getChildAt(index: number): {length: number; nullCount: number; toArray(): ArrayLike<unknown>; isValid(index: number): boolean} | null;
}

export function arrowRows(table: ArrowTableLike): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const n = table.numRows;
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = {};
  names.forEach((name, j) => {
    const column = table.getChildAt(j);
    if (!column) return;
    const values = column.toArray();
    const nullable = column.nullCount > 0;
    for (let i = 0; i < n; i++) {
      const value = nullable && !column.isValid(i) ? null : values[i];
      rows[i]![name] = typeof value === "bigint" ? Number(value) : value ?? null;
    }
  });
  return rows;
}
