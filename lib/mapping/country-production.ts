/**
 * Mine production by country for one commodity, edition and year, keyed by ISO3, for shading a map.
 * A country the USGS lists with a withheld (W) or unavailable (NA) value is kept with a null value
 * and its status, so that the map can draw it as missing; a country the USGS does not list at all
 * is simply absent (it may be inside "Other countries"), which is a third state, not a zero.
 */

export interface ProductionLike {
  edition: string;
  commodity: string;
  stage: string;
  year: number;
  kind: string;
  country: string;
  iso3: string | null;
  value_t: number | null;
  status: string;
}

export interface CountryValue {
  iso3: string;
  country: string;
  value_t: number | null;
  status: string;
}

/**
 * The country rows (kind "country") of one slice, by ISO3. Throws RangeError when the slice is empty
 * (a wrong edition or year would otherwise shade nothing silently), when a country row has no ISO3
 * code, or when a code occurs twice.
 */
export function countryProduction(
  rows: readonly ProductionLike[],
  {edition, commodity, stage = "mine", year}: {edition: string; commodity: string; stage?: string; year: number}
): Map<string, CountryValue> {
  const slice = rows.filter((d) => d.edition === edition && d.commodity === commodity && d.stage === stage && d.year === year);
  if (!slice.length) throw new RangeError(`countryProduction: no rows for ${commodity}, ${stage}, ${year}, ${edition}`);
  const out = new Map<string, CountryValue>();
  for (const d of slice) {
    if (d.kind !== "country") continue;
    if (!d.iso3) throw new RangeError(`countryProduction: country row "${d.country}" has no ISO3 code`);
    if (out.has(d.iso3)) throw new RangeError(`countryProduction: ${d.iso3} occurs twice in ${commodity}, ${year}, ${edition}`);
    out.set(d.iso3, {iso3: d.iso3, country: d.country, value_t: d.value_t, status: d.status});
  }
  return out;
}
