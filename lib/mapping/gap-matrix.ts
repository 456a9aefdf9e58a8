/**
 * Data gaps of a site table (the question of the paper's Figure 7): for each field and each group
 * of sites (a country), how many sites have a value. A value is present unless it is null or
 * undefined, which is what SQL's count(column) counts, so the matrix can be checked with a query.
 * Zero is a value (a deposit recorded as not producing), and so is an empty string.
 */

/** A field of the matrix: the column it reads and the name it is shown under. */
export interface GapField {
  /** Column of the rows. */
  column: string;
  label: string;
}

export interface GapGroup {
  group: string;
  sites: number;
}

export interface GapCell {
  group: string;
  column: string;
  sites: number;
  withValue: number;
  /** withValue / sites, in [0, 1]. */
  share: number;
}

export interface GapMatrix {
  /** The total group first (if asked for), then groups by number of sites, largest first, ties by name. */
  groups: GapGroup[];
  /** One cell per group and field, in the order of groups, then fields. */
  cells: GapCell[];
}

export function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/**
 * Counts, per group and field, the rows with a value. Rows whose group is null are counted in the
 * total only. Throws RangeError when a field names no column of the first row, or when `total`
 * names a group that also occurs in the data.
 */
export function gapMatrix<Row extends object>(
  rows: readonly Row[],
  fields: readonly GapField[],
  groupOf: (row: Row) => string | null,
  {total}: {total?: string} = {}
): GapMatrix {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (first) for (const {column} of fields) if (!(column in first)) throw new RangeError(`gapMatrix: no column "${column}" in the rows`);
  const counts = new Map<string, {sites: number; withValue: number[]}>();
  const add = (group: string, row: Row) => {
    let c = counts.get(group);
    if (!c) counts.set(group, (c = {sites: 0, withValue: fields.map(() => 0)}));
    c.sites += 1;
    fields.forEach(({column}, j) => {
      if (hasValue((row as Record<string, unknown>)[column])) c.withValue[j]! += 1;
    });
  };
  const totals = {sites: 0, withValue: fields.map(() => 0)};
  for (const row of rows) {
    const group = groupOf(row);
    if (group !== null) {
      if (group === total) throw new RangeError(`gapMatrix: the total's name "${total}" is also a group of the data`);
      add(group, row);
    }
    totals.sites += 1;
    fields.forEach(({column}, j) => {
      if (hasValue((row as Record<string, unknown>)[column])) totals.withValue[j]! += 1;
    });
  }
  const ordered = [...counts].sort(([a, x], [b, y]) => y.sites - x.sites || (a < b ? -1 : a > b ? 1 : 0));
  if (total !== undefined) ordered.unshift([total, totals]);
  return {
    groups: ordered.map(([group, {sites}]) => ({group, sites})),
    cells: ordered.flatMap(([group, {sites, withValue}]) =>
      fields.map(({column}, j) => ({group, column, sites, withValue: withValue[j]!, share: sites ? withValue[j]! / sites : 0}))
    )
  };
}
