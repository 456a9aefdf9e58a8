import {participation} from "../policy/aggregates.js";
import {parsePolicyMeasures, partyName, partyNumeric} from "../policy/schema.js";
import {defineTable} from "./define.js";
import {MEASURE_SOURCES, MEASURES_FILE} from "./policy-measures.js";

/** One party in one international initiative. */
export interface PolicyParticipationRow {
  initiative_id: string;
  initiative_title: string;
  initiative_subtype: string;
  party: string;
  party_name: string;
  party_numeric: string | null;
  via_measure_id: string;
  joined: string | null;
  joined_year_min: number | null;
  joined_year_max: number | null;
}

/** Who takes part in each international initiative of policy_measures, and since when. */
export const policyParticipationTable = defineTable<PolicyParticipationRow>({
  name: "policy_participation",
  title: "Participation in international critical-minerals initiatives",
  description:
    "One row per international initiative and party, derived from policy_measures by lib/policy/aggregates.ts: the parties of each " +
    "international arrangement, joined at its start, and every party that joined it later (an accession row with part_of), joined at " +
    "the accession's date. A party recorded both ways is kept once, with the earlier date. Counting initiatives per party gives the " +
    "participation counts the working paper reports (United States 14, EU 13, ...); the parties' numeric ISO codes place them on a map.",
  sources: MEASURE_SOURCES.slice(0, 1),
  key: ["initiative_id", "party"],
  columns: {
    initiative_id: {type: "utf8", description: "measure_id of the initiative in policy_measures"},
    initiative_title: {type: "utf8", description: "Title of the initiative"},
    initiative_subtype: {type: "utf8", description: "Sub-type of the initiative (plurilateral_partnership, bilateral_agreement, bilateral_mou, joint_statement, joint_project)"},
    party: {type: "utf8", description: "The party: ISO 3166-1 alpha-3 code, or EU"},
    party_name: {type: "utf8", description: "Name of the party (English, from country-coder)"},
    party_numeric: {type: "utf8", description: "ISO 3166-1 numeric code of the party, as Natural Earth ids give it (036); null for the EU"},
    via_measure_id: {type: "utf8", description: "The row that records the participation: the initiative itself or the party's accession"},
    joined: {type: "utf8", description: "When the party joined, as that row gives it (YYYY, YYYY-MM, YYYY-MM-DD or FIRST/LAST); null when not known"},
    joined_year_min: {type: "int32", description: "Earliest year the party can have joined; null when not known"},
    joined_year_max: {type: "int32", description: "Latest year the party can have joined; null when not known"}
  },
  build(read) {
    const rows = parsePolicyMeasures(read(MEASURES_FILE), MEASURES_FILE).map((r) => r.row);
    return participation(rows).map((p) => ({
      initiative_id: p.initiative_id,
      initiative_title: p.initiative_title,
      initiative_subtype: p.initiative_subtype,
      party: p.party,
      party_name: partyName(p.party),
      party_numeric: partyNumeric(p.party),
      via_measure_id: p.via_measure_id,
      joined: p.joined,
      joined_year_min: p.joined_year_min,
      joined_year_max: p.joined_year_max
    }));
  }
});
