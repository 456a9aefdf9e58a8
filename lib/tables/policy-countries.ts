import {partyName, partyNumeric} from "../policy/parties.js";
import {defineTable} from "./define.js";
import {IEA_SOURCE, readPolicies} from "./policies.js";

/** One country named by one IEA record. */
export interface PolicyCountryRow {
  policy_id: string;
  country: string;
  country_name: string;
  country_numeric: string | null;
  position: number;
  country_count: number;
}

/** The countries of each record, one row each: counting rows per country gives the paper's counts by jurisdiction. */
export const policyCountriesTable = defineTable<PolicyCountryRow>({
  name: "policy_countries",
  title: "Critical-minerals policies by country: one row per IEA record and country it names",
  description:
    "One row per record of the policies table and country it names (most name one; a cooperation arrangement names its parties, the " +
    "EITI Standard 57). Counting the rows of a country counts the records that name it, which is how the working paper counts policies " +
    "by jurisdiction (United States 69, Australia 64, ...). Countries are ISO 3166-1 alpha-3 codes, EU for the European Union.",
  sources: [IEA_SOURCE],
  key: ["policy_id", "country"],
  // An author may load a smaller export in place of the IEA's (CLASSIFICATION.md): no floor beyond one record; a cut file is caught by the CSV reader.
  minRows: 1,
  columns: {
    policy_id: {type: "utf8", description: "The record (policies.policy_id)"},
    country: {type: "utf8", description: "ISO 3166-1 alpha-3 code, or EU"},
    country_name: {type: "utf8", description: "Name of the country (English, from country-coder)"},
    country_numeric: {type: "utf8", description: "ISO 3166-1 numeric code, as Natural Earth ids give it (036); null for the EU"},
    position: {type: "int32", description: "Position of the country in the record's list, from 1"},
    country_count: {type: "int32", description: "Number of countries the record names", unit: "count"}
  },
  build(read) {
    return readPolicies(read)
      .records.flatMap(({row: p}) =>
        p.countries.map((country, i) => ({
          policy_id: p.policy_id,
          country,
          country_name: partyName(country),
          country_numeric: partyNumeric(country),
          position: i + 1,
          country_count: p.countries.length
        }))
      )
      .sort((a, b) => (a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : a.position - b.position));
  }
});
