import {checkTable1Vocabulary, parsePolicyMeasures, SUMMARY_MAX_CHARS, type PolicyMeasureRow} from "../policy/schema.js";
import {CAPACITIES, INTERVENTION_TYPES, SCOPES, SHOCKS, STATUSES, STRATEGIES, THEMES, VALUE_CHAIN_STAGES, type Term} from "../policy/vocabulary.js";
import {defineTable, type SourceRef} from "./define.js";
import {AGREEMENTS_FILE} from "./agreements.js";
import {LISTS_FILE} from "./critical-lists.js";
import {MSP_FILE} from "./msp-members.js";
import {IEA_FILE, SUMMARIES_FILE} from "./policies.js";

/** The policy dataset in the MINERS policy schema: replace this file to load another dataset. */
export const MEASURES_FILE = "policies/miners_policy_measures.csv";
/** The paper's Table 1, against which the shock and strategy vocabularies are checked. */
export const TABLE1_FILE = "paper/framework_table1.csv";

const ids = (vocabulary: readonly Term[]) => vocabulary.map((t) => t.id).join(", ");

/** The sources the shipped classification was read from; an author's dataset cites its own. */
export const MEASURE_SOURCES: SourceRef[] = [
  {
    path: MEASURES_FILE,
    title: "MINERS policy measures: classification of the site's policy sources in the MINERS policy schema",
    citation:
      "MINERS live working paper (2026), miners_policy_measures.csv: each IEA record, critical-mineral list, cooperation agreement " +
      "and Minerals Security Partnership membership held by the site, classified by the site team (see policies/MEASURES.md). " +
      "The classification is a judgement; each row names who made it and the source record it traces to.",
    licence: "MIT (this repository); facts from the sources below",
    edition: "the site's classification of the sources it holds"
  },
  {
    path: IEA_FILE,
    title: "IEA Policies and Measures Database, critical-minerals entries (subset), read for the classification",
    citation: "International Energy Agency, Policies and Measures Database, https://www.iea.org/policies (subset of 52 entries; see the policies table).",
    licence: "IEA terms of use; metadata only",
    url: "https://www.iea.org/policies"
  },
  {path: SUMMARIES_FILE, title: "The site's one-sentence summaries of the IEA entries", citation: "MINERS live working paper (2026), iea_policy_summaries.csv.", licence: "MIT (this repository)"},
  {path: LISTS_FILE, title: "Critical mineral lists, compiled from official sources", citation: "MINERS live working paper (2026), critical_mineral_lists.csv (see the critical_lists table).", licence: "Facts; compilation MIT"},
  {path: AGREEMENTS_FILE, title: "Critical-minerals cooperation agreements, compiled", citation: "MINERS live working paper (2026), critical_minerals_agreements.csv (see the agreements table).", licence: "Facts; compilation MIT"},
  {path: MSP_FILE, title: "Minerals Security Partnership members, compiled", citation: "MINERS live working paper (2026), minerals_security_partnership_members.csv (see the msp_members table).", licence: "Facts; compilation MIT"},
  {
    path: TABLE1_FILE,
    title: "MINERS: Key Summary of Initial Results, Table 1 (shocks and mitigation strategies), for the vocabularies",
    citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper for discussion, University College London. Not for citation.",
    licence: "Working paper, not for citation; transcribed as printed",
    edition: "January 2026"
  }
];

/** Policy measures in the MINERS policy schema, classified by type, scope, status, theme, stage, shock, strategy and capacity. */
export const policyMeasuresTable = defineTable<PolicyMeasureRow>({
  name: "policy_measures",
  title: "Critical-minerals policy measures in the MINERS policy schema",
  description:
    "Policy measures on critical minerals, one row each, classified in the MINERS policy schema (lib/policy/schema.ts): intervention type " +
    "and sub-type, jurisdiction (ISO 3166-1 alpha-3 or EU, with an ISO 3166-2 subdivision for subnational measures), scope, parties, " +
    "status, start and end, thematic orientation, value-chain stages, minerals, the shocks and mitigation strategies of the working " +
    "paper's Table 1 it addresses, and the resilience capacities of its Table 2, with a summary and a link to the source. Rows with " +
    "part_of record a party joining an international initiative (an accession): they add participation, not a measure. The shipped " +
    "dataset classifies the site's own sources (52 IEA records, 11 official critical-mineral lists, 13 cooperation agreements and the " +
    "16 memberships of the Minerals Security Partnership); the working paper's dataset has more than 600 measures. An author replaces " +
    "data/sources/policies/miners_policy_measures.csv with a CSV in the same schema and every figure of the policy page follows.",
  sources: MEASURE_SOURCES,
  key: ["measure_id"],
  columns: {
    measure_id: {type: "utf8", description: "Id of the measure: lower-case letters, digits and hyphens; IEA rows keep the IEA policy id of the policies table"},
    title: {type: "utf8", description: "Title of the measure"},
    jurisdiction: {type: "utf8", description: "Who adopted it: ISO 3166-1 alpha-3 code, or EU; for an international arrangement, the party it is filed under"},
    jurisdiction_name: {type: "utf8", description: "Name of the jurisdiction (English, from country-coder)"},
    subdivision: {type: "utf8", description: "ISO 3166-2 code of the state or province of a subnational measure (e.g. CA-ON); null otherwise"},
    scope: {type: "utf8", description: `Scope, one of: ${ids(SCOPES)}`},
    parties: {type: "utf8", description: "Parties, codes separated by \";\": all governments of an international arrangement; the jurisdiction otherwise"},
    party_count: {type: "int32", description: "Number of parties", unit: "count"},
    part_of: {type: "utf8", description: "For an accession, the measure_id of the initiative joined; null otherwise"},
    is_initiative: {type: "bool", description: "True for an international initiative: an international arrangement that is not an accession"},
    intervention_type: {type: "utf8", description: `Intervention type, one of: ${ids(INTERVENTION_TYPES)}`},
    intervention_subtype: {type: "utf8", description: `Sub-type of the intervention type: ${INTERVENTION_TYPES.map((t) => `${t.id} (${t.subtypes.map((s) => s.id).join(", ")})`).join("; ")}`},
    status: {type: "utf8", description: `Implementation status, one of: ${ids(STATUSES)}; null when not known`},
    start_date: {type: "utf8", description: "Start (adoption, signature, publication or joining) as known: YYYY, YYYY-MM, YYYY-MM-DD, or a span FIRST/LAST; null when not known"},
    start_year: {type: "int32", description: "Year of the start; null when not known or when the span covers several years"},
    start_year_min: {type: "int32", description: "Earliest year the start can fall in; null when not known"},
    start_year_max: {type: "int32", description: "Latest year the start can fall in; null when not known"},
    end_date: {type: "utf8", description: "End or expiry as known, in the same forms; null when open-ended or not known"},
    end_year: {type: "int32", description: "Year of the end; null when not known or spanning several years"},
    theme: {type: "utf8", description: `Thematic orientation, one of: ${ids(THEMES)}; null when not classified`},
    value_chain_stages: {type: "utf8", description: `Value-chain stages, separated by ";": ${ids(VALUE_CHAIN_STAGES)}; null when not classified`},
    minerals: {type: "utf8", description: "Minerals the measure names, normalised as in critical_lists, separated by \";\"; null when it names none (all critical minerals, or not specific)"},
    mineral_groups: {type: "utf8", description: "Families of those minerals (single rare earths as rare earth elements), separated by \";\"; null when none"},
    shocks: {type: "utf8", description: `Main types of shock of the paper's Table 1 the measure addresses, separated by ";": ${ids(SHOCKS)}; null when none`},
    strategies: {type: "utf8", description: `Mitigation strategies of Table 1 it pursues, separated by ";": ${ids(STRATEGIES)}; each printed under one of its shocks; null when none`},
    capacities: {type: "utf8", description: `Resilience capacities of the paper's Table 2 it strengthens, separated by ";": ${ids(CAPACITIES)}; null when none`},
    summary: {type: "utf8", description: `What the measure does, in the classifier's own words (at most ${SUMMARY_MAX_CHARS} characters)`},
    source_url: {type: "utf8", description: "Link to the source: the official text the IEA links to, the list's official URL, or the page read"},
    source_ref: {type: "utf8", description: "The source record it traces to, as dataset:id (iea:<policy id>, critical_lists:<list name>, agreements:<name>, msp_members:<code>); null if none"},
    classified_by: {type: "utf8", description: "Who classified the measure"},
    notes: {type: "utf8", description: "Classifier's notes: judgements, caveats; null if none"},
    source_line: {type: "int32", description: "Line of the measure in the policy CSV"}
  },
  build(read) {
    checkTable1Vocabulary(read(TABLE1_FILE), TABLE1_FILE);
    return parsePolicyMeasures(read(MEASURES_FILE), MEASURES_FILE)
      .map((r) => r.row)
      .sort((a, b) => (a.measure_id < b.measure_id ? -1 : a.measure_id > b.measure_id ? 1 : 0));
  }
});
