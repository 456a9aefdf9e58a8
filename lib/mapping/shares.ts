/**
 * Shares of a quantity by group, e.g. the share of lithium brine resources in South America: the
 * paper's statement that South America and China hold about 65 % and 30 % of brine resources can
 * be set against the deposits an open source lists.
 */

export interface GroupShare {
  group: string;
  value: number;
  /** value / total of the rows with a value, in [0, 1]. */
  share: number;
  /** Rows counted in this group. */
  rows: number;
}

/**
 * Sums valueOf by group and divides by the total over all groups. Rows with a null value are left
 * out and counted in `missing`, never read as zero. Groups come largest first (ties by name).
 * Throws RangeError on a negative or non-finite value, or when no row has a positive value.
 */
export function sharesBy<Row>(rows: readonly Row[], groupOf: (row: Row) => string, valueOf: (row: Row) => number | null): {shares: GroupShare[]; total: number; missing: number} {
  const sums = new Map<string, {value: number; rows: number}>();
  let total = 0;
  let missing = 0;
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null) {
      missing += 1;
      continue;
    }
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`sharesBy: invalid value ${value} in group "${groupOf(row)}"`);
    const group = groupOf(row);
    const s = sums.get(group) ?? {value: 0, rows: 0};
    s.value += value;
    s.rows += 1;
    sums.set(group, s);
    total += value;
  }
  if (!(total > 0)) throw new RangeError("sharesBy: no row has a positive value");
  const shares = [...sums]
    .map(([group, {value, rows}]) => ({group, value, share: value / total, rows}))
    .sort((a, b) => b.value - a.value || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return {shares, total, missing};
}
