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

/**
 * The matrix from count rows such as the Figure 7 query returns: one row per group (`grp`) with its
 * number of sites (`sites`) and, per field, the count of sites with a value, in the rows' order.
 * Throws RangeError when a row lacks a field's count.
 */
export function gapMatrixFromCounts(rows: readonly Readonly<Record<string, unknown>>[], fields: readonly GapField[]): GapMatrix {
  const groups = rows.map((r) => ({group: String(r.grp), sites: Number(r.sites)}));
  const cells = rows.flatMap((r, i) =>
    fields.map(({column}) => {
      const value = r[column];
      if (typeof value !== "number") throw new RangeError(`gapMatrixFromCounts: no count for "${column}" in group "${String(r.grp)}"`);
      const sites = groups[i]!.sites;
      return {group: groups[i]!.group, column, sites, withValue: value, share: sites ? value / sites : 0};
    })
  );
  return {groups, cells};
}

/** The cells of `a` whose count or number of sites differs in `b` (or is missing there), and whether both list the same groups in the same order. */
export function gapDifferences(a: GapMatrix, b: GapMatrix): {cells: GapCell[]; sameGroups: boolean} {
  const other = new Map(b.cells.map((c) => [`${c.group}\u0000${c.column}`, c]));
  const cells = a.cells.filter((c) => {
    const d = other.get(`${c.group}\u0000${c.column}`);
    return d === undefined || d.withValue !== c.withValue || d.sites !== c.sites;
  });
  const sameGroups = a.groups.length === b.groups.length && a.groups.every((g, i) => g.group === b.groups[i]!.group && g.sites === b.groups[i]!.sites);
  return {cells, sameGroups};
}
