/**
 * Critical-mineral lists compared across jurisdictions: which mineral each counts as critical (or
 * strategic, or on a watchlist), and since which of its lists. Pure functions on rows of the
 * critical_lists table (lib/tables/critical-lists.ts).
 */

/** The columns of critical_lists the comparison reads. */
export interface ListEntry {
  jurisdiction_code: string;
  list_name: string;
  list_year: number;
  published: string;
  category: string;
  mineral: string;
  mineral_group: string;
}

/**
 * Where a mineral stands for a jurisdiction: on its current critical list; else on its current
 * strategic list; else on its current watchlist; else only on earlier lists ("dropped").
 */
export type ListState = "critical" | "strategic" | "watchlist" | "dropped";

export const LIST_STATES: readonly ListState[] = ["critical", "strategic", "watchlist", "dropped"];

export interface ListCell {
  jurisdiction: string;
  mineral: string;
  state: ListState;
  /** Year of the earliest list held here that names the mineral. */
  since: number;
  /** The lists that name it, earliest first. */
  lists: string[];
}

export interface ListMatrix {
  /** Jurisdictions with a list, by code. */
  jurisdictions: string[];
  /** Minerals on any current list, by the number of jurisdictions listing them (most first), then name; then minerals only dropped. */
  minerals: {mineral: string; jurisdictions: number}[];
  cells: ListCell[];
}

const listKey = (r: Pick<ListEntry, "list_year" | "published" | "list_name">) => `${r.list_year}\n${r.published}\n${r.list_name}`;

/**
 * The mineral x jurisdiction matrix of the lists published up to `asOf` (a year; all when null), at
 * the level of the mineral or of its family (mineral_group: single rare earths count as rare earth
 * elements). For each jurisdiction and category, the current list is its latest (by list year,
 * then publication date); earlier lists of the same category are superseded.
 */
export function listMatrix(rows: readonly ListEntry[], {level = "mineral_group", asOf = null}: {level?: "mineral" | "mineral_group"; asOf?: number | null} = {}): ListMatrix {
  const held = rows.filter((r) => asOf === null || r.list_year <= asOf);
  const current = new Map<string, string>();
  for (const r of held) {
    const key = `${r.jurisdiction_code}\n${r.category}`;
    const best = current.get(key);
    if (best === undefined || listKey(r) > best) current.set(key, listKey(r));
  }
  const cells = new Map<string, ListCell & {states: Set<string>; keys: Map<string, string>}>();
  for (const r of held) {
    const mineral = level === "mineral" ? r.mineral : r.mineral_group;
    const key = `${r.jurisdiction_code}\n${mineral}`;
    const cell = cells.get(key) ?? {jurisdiction: r.jurisdiction_code, mineral, state: "dropped" as ListState, since: r.list_year, lists: [], states: new Set<string>(), keys: new Map<string, string>()};
    cell.since = Math.min(cell.since, r.list_year);
    cell.keys.set(r.list_name, listKey(r));
    if (current.get(`${r.jurisdiction_code}\n${r.category}`) === listKey(r)) cell.states.add(r.category);
    cells.set(key, cell);
  }
  const out: ListCell[] = [...cells.values()].map(({states, keys, ...cell}) => ({
    ...cell,
    state: (LIST_STATES.find((s) => states.has(s)) ?? "dropped") as ListState,
    lists: [...keys].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([name]) => name)
  }));
  const counts = new Map<string, {current: number; any: number}>();
  for (const c of out) {
    const n = counts.get(c.mineral) ?? {current: 0, any: 0};
    if (c.state !== "dropped") n.current++;
    n.any++;
    counts.set(c.mineral, n);
  }
  const minerals = [...counts]
    .sort(([a, x], [b, y]) => Number(y.current > 0) - Number(x.current > 0) || y.current - x.current || (a < b ? -1 : 1))
    .map(([mineral, n]) => ({mineral, jurisdictions: n.current}));
  const jurisdictions = [...new Set(held.map((r) => r.jurisdiction_code))].sort();
  return {jurisdictions, minerals, cells: out.sort((a, b) => (a.mineral < b.mineral ? -1 : a.mineral > b.mineral ? 1 : a.jurisdiction < b.jurisdiction ? -1 : 1))};
}
