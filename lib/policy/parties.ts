import {feature, iso1N3Code} from "@rapideditor/country-coder";

/** Short forms where country-coder's English name is long for a chart label. */
const PARTY_NAMES: Readonly<Record<string, string>> = {EU: "European Union", USA: "United States", CHN: "China", COD: "DR Congo", KOR: "Korea", GBR: "United Kingdom"};

/** Display name of a party code (ISO3 from country-coder's English names, or EU). */
export function partyName(code: string): string {
  return PARTY_NAMES[code] ?? feature(code)?.properties.nameEn ?? code;
}

/** ISO 3166-1 numeric code of a party, as Natural Earth ids give it ("036"); null for EU. */
export function partyNumeric(code: string): string | null {
  return code === "EU" ? null : iso1N3Code(code) ?? null;
}
