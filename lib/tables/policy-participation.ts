import {initiatives, RULE, type CooperationRecord} from "../policy/cooperation.js";
import {partyName, partyNumeric} from "../policy/parties.js";
import type {IeaPolicyRecord} from "../sources/iea-policies.js";
import {defineTable} from "./define.js";
import {IEA_SOURCE, readPolicies} from "./policies.js";

/** One party in one international initiative. */
export interface PolicyParticipationRow {
  initiative_id: string;
  initiative_title: string;
  first_year: number;
  statuses: string;
  record_count: number;
  party: string;
  party_name: string;
  party_numeric: string | null;
  party_count: number;
}

/** The fields the cooperation rules read, from a parsed record. */
export const cooperationRecord = (p: IeaPolicyRecord): CooperationRecord => ({
  policy_id: p.policy_id,
  title: p.title,
  year: p.year,
  status: p.status,
  jurisdiction: p.jurisdiction,
  countries: p.countries,
  type_names: p.types.map((t) => t.name)
});

/** Who takes part in each international initiative of the IEA records, by the rule of lib/policy/cooperation.ts. */
export const policyParticipationTable = defineTable<PolicyParticipationRow>({
  name: "policy_participation",
  title: "International critical-minerals initiatives and their parties",
  description:
    `One row per international initiative and party. An initiative is what lib/policy/cooperation.ts makes of the IEA records by its rule: ${RULE.description}. ` +
    "Its id and title are those of its earliest record; its parties are every country its records name. Counting initiatives per party " +
    "gives the participation counts the working paper reports (United States 14, EU 13, ...); table cooperation_rules sets this rule beside " +
    "the other readings of the paper's '41 international initiatives classified as international arrangements'.",
  sources: [IEA_SOURCE],
  key: ["initiative_id", "party"],
  // An author may load a smaller export in place of the IEA's (CLASSIFICATION.md): no floor beyond one record; a cut file is caught by the CSV reader.
  minRows: 0,
  columns: {
    initiative_id: {type: "utf8", description: "policy_id of the initiative's earliest record"},
    initiative_title: {type: "utf8", description: "Title of the initiative"},
    first_year: {type: "int32", description: "Year of its earliest record"},
    statuses: {type: "utf8", description: "Statuses of its records, distinct, separated by \";\""},
    record_count: {type: "int32", description: "Records of the IEA export that make up the initiative", unit: "count"},
    party: {type: "utf8", description: "The party: ISO 3166-1 alpha-3 code, or EU"},
    party_name: {type: "utf8", description: "Name of the party (English, from country-coder)"},
    party_numeric: {type: "utf8", description: "ISO 3166-1 numeric code of the party, as Natural Earth ids give it (036); null for the EU"},
    party_count: {type: "int32", description: "Number of parties of the initiative", unit: "count"}
  },
  build(read) {
    const records = readPolicies(read).records.map(({row}) => cooperationRecord(row));
    return initiatives(records, RULE).flatMap((i) =>
      i.parties.map((party) => ({
        initiative_id: i.initiative_id,
        initiative_title: i.title,
        first_year: i.first_year,
        statuses: i.statuses.join(";"),
        record_count: i.records.length,
        party,
        party_name: partyName(party),
        party_numeric: partyNumeric(party),
        party_count: i.parties.length
      }))
    );
  }
});
