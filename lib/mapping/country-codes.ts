/**
 * ISO 3166-1 alpha-3 <-> numeric codes, from the project's country crosswalk
 * (reference/country_name_iso3_crosswalk.csv). Natural Earth features in the world-atlas package
 * carry the numeric code as their id ("036" for Australia), the site tables carry alpha-3.
 */

export interface CrosswalkEntry {
  iso3: string | null;
  iso_numeric: string | null;
  iso_name?: string | null;
}

export interface CountryCodes {
  toNumeric: Map<string, string>;
  toIso3: Map<string, string>;
  /** ISO short name by alpha-3 code. */
  names: Map<string, string>;
}

/**
 * Indexes crosswalk rows that have both codes (aggregates and user-assigned codes such as XKX have
 * no numeric code and are skipped). The crosswalk lists a country once per dataset, so codes repeat;
 * throws RangeError when one code is paired with two different others.
 */
export function countryCodes(rows: readonly CrosswalkEntry[]): CountryCodes {
  const toNumeric = new Map<string, string>();
  const toIso3 = new Map<string, string>();
  const names = new Map<string, string>();
  for (const {iso3, iso_numeric, iso_name} of rows) {
    if (iso3 && iso_name && !names.has(iso3)) names.set(iso3, iso_name);
    if (!iso3 || !iso_numeric) continue;
    const numeric = iso_numeric.padStart(3, "0");
    if (toNumeric.has(iso3) && toNumeric.get(iso3) !== numeric) throw new RangeError(`countryCodes: ${iso3} paired with ${toNumeric.get(iso3)} and ${numeric}`);
    if (toIso3.has(numeric) && toIso3.get(numeric) !== iso3) throw new RangeError(`countryCodes: ${numeric} paired with ${toIso3.get(numeric)} and ${iso3}`);
    toNumeric.set(iso3, numeric);
    toIso3.set(numeric, iso3);
  }
  return {toNumeric, toIso3, names};
}
