/**
 * Figure S26's rows: nickel's refining stage by country from the paper (NPI and ferronickel, 2021)
 * and from the IEA (all refined nickel, 2024), each with its share of its own total. A row whose
 * value or total is missing keeps a null share, never 0.
 */

export interface RefiningRow {
  source: string;
  year: number;
  scope: string;
  country: string;
  position: number;
  value_kt: number | null;
  total_kt: number | null;
}

export interface RefiningShare extends RefiningRow {
  /** value_kt / total_kt, 0-1; null when either is missing. */
  share: number | null;
  /** "paper 2021, NPI and ferronickel" and the like, for the chart's facets. */
  group: string;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "bigint" ? Number(v) : null);

/** The figure's rows with their shares; throws RangeError on a row without source, country or year. */
export function refiningShares(rows: readonly Record<string, unknown>[]): RefiningShare[] {
  return rows.map((r, i) => {
    for (const c of ["source", "scope", "country"]) if (typeof r[c] !== "string" || !r[c]) throw new RangeError(`row ${i + 1}: ${c} must be text, got ${JSON.stringify(r[c] ?? null)}`);
    const year = num(r.year);
    if (year === null) throw new RangeError(`row ${i + 1}: year must be a number, got ${JSON.stringify(String(r.year ?? null))}`);
    const value = num(r.value_kt);
    const total = num(r.total_kt);
    const row = {source: r.source as string, year, scope: r.scope as string, country: r.country as string, position: num(r.position) ?? i + 1, value_kt: value, total_kt: total};
    return {...row, share: value !== null && total !== null && total > 0 ? value / total : null, group: `${row.source} ${year}, ${row.scope}`};
  });
}
