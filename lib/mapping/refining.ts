/**
 * Figure S23, beside Figure 4b: where nickel is refined by the IEA's count (2024), next to how many
 * nickel processing sites ICMM lists in the same countries. The query returns the IEA's block as
 * published (its named countries, its Rest of world, its stated total); this model gives each
 * named country its share of the stated total and counts as "rest of world" only what the named
 * countries leave, since in this block Rest of world also holds one named country (Canada).
 */

/** A row of Figure S23's query. */
export interface RefiningRow {
  listed: number;
  country: string;
  iso3: string | null;
  kind: string;
  value_kt: number | null;
  unit: string;
  also_in_rest_of_world: boolean | null;
  total_kt: number;
  rest_of_world_net_kt: number | null;
  counted_twice: string | null;
  icmm_processing_sites: number;
}

export interface RefiningBar {
  label: string;
  iso3: string | null;
  kind: "country" | "rest of world";
  /** kt of contained metal: the IEA's value, or for the rest of world the stated total less every named country. */
  value_kt: number | null;
  /** Share of the stated total; null where the value is missing. */
  share: number | null;
  /** Nickel processing sites ICMM lists in the country (for the rest of world: in countries the IEA does not name). */
  icmm_sites: number;
  /** The value as the source states it, where the site draws another (Rest of world). */
  stated_kt: number | null;
}

export interface RefiningModel {
  bars: RefiningBar[];
  total_kt: number;
  unit: string;
  /** The named country the IEA's Rest of world also holds, if any. */
  countedTwice: string | null;
  /** ICMM processing sites in all. */
  icmmSites: number;
  /** Named countries and the net rest of world less the stated total: 0 up to rounding when the block is read right. */
  residual_kt: number | null;
}

/**
 * The bars of Figure S23: named countries by value, largest first, then the rest of the world.
 * Throws RangeError when the rows hold no block, more than one total, or no Rest of world.
 */
export function refiningModel(rows: readonly RefiningRow[]): RefiningModel {
  if (!rows.length) throw new RangeError("refiningModel: no rows");
  const totals = new Set(rows.map((r) => r.total_kt));
  if (totals.size !== 1) throw new RangeError(`refiningModel: the rows hold ${totals.size} totals, one block expected`);
  const total = rows[0]!.total_kt;
  const rest = rows.filter((r) => r.kind === "rest of world");
  if (rest.length !== 1) throw new RangeError(`refiningModel: ${rest.length} Rest of world rows, one expected`);
  const share = (v: number | null) => (v === null ? null : v / total);
  const countries: RefiningBar[] = rows
    .filter((r) => r.kind !== "rest of world")
    .map((r) => ({label: r.country, iso3: r.iso3, kind: "country" as const, value_kt: r.value_kt, share: share(r.value_kt), icmm_sites: r.icmm_processing_sites, stated_kt: r.value_kt}))
    .sort((a, b) => (b.value_kt ?? -1) - (a.value_kt ?? -1) || a.label.localeCompare(b.label));
  const r = rest[0]!;
  const net = r.rest_of_world_net_kt;
  const bars = [...countries, {label: "Countries the IEA does not name", iso3: null, kind: "rest of world" as const, value_kt: net, share: share(net), icmm_sites: r.icmm_processing_sites, stated_kt: r.value_kt}];
  const values = bars.map((b) => b.value_kt);
  const residual = values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0) - total;
  return {
    bars,
    total_kt: total,
    unit: rows[0]!.unit,
    countedTwice: rows[0]!.counted_twice,
    icmmSites: bars.reduce((n, b) => n + b.icmm_sites, 0),
    residual_kt: residual
  };
}
