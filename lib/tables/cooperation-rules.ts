import {evaluateRule, PAPER_PARTY_VALUES, RULE, RULES} from "../policy/cooperation.js";
import {parsePaperValues} from "../sources/paper-values.js";
import {defineTable} from "./define.js";
import {PAPER_VALUES_FILE} from "./paper-values.js";
import {IEA_SOURCE, readPolicies} from "./policies.js";
import {cooperationRecord} from "./policy-participation.js";

/** One reading of "international initiatives" and what it counts. */
export interface CooperationRuleRow {
  rule_id: string;
  description: string;
  initiatives: number;
  share_since_2020: number | null;
  usa: number;
  eu: number;
  can: number;
  aus: number;
  jpn: number;
  distance: number;
  is_used: boolean;
}


/** The candidate rules for the paper's 41 initiatives, each evaluated on the IEA records beside the paper's counts. */
export const cooperationRulesTable = defineTable<CooperationRuleRow>({
  name: "cooperation_rules",
  title: "Which IEA records are the paper's international initiatives: the candidate rules compared",
  description:
    "The working paper counts 41 international initiatives 'classified as international arrangements', 98 % launched from 2020, with the " +
    "United States in 14, the EU in 13, Canada and Australia in 8 and Japan in 7. Each row is one reading of that over the IEA records " +
    "(which records: the IEA type International arrangements, the jurisdiction International, both or either; and whether records with " +
    "the same title are one initiative), with what it counts. distance is |initiatives - 41| plus the sum of the five parties' differences; " +
    "is_used marks the rule the site uses (policy_participation), the one with the smallest distance.",
  sources: [IEA_SOURCE, {path: PAPER_VALUES_FILE, title: "The working paper's stated values", citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper, not for citation.", licence: "Working paper, not for citation; values transcribed as printed"}],
  key: ["rule_id"],
  minRows: 8,
  columns: {
    rule_id: {type: "utf8", description: "Id of the rule: selection-by-grouping"},
    description: {type: "utf8", description: "The rule in words"},
    initiatives: {type: "int32", description: "Initiatives it finds (paper: 41)", unit: "count"},
    share_since_2020: {type: "float64", description: "Share whose earliest record is of 2020 or later (paper: 0.98); null when none found", unit: "fraction"},
    usa: {type: "int32", description: "Initiatives with the United States (paper: 14)", unit: "count"},
    eu: {type: "int32", description: "Initiatives with the European Union (paper: 13)", unit: "count"},
    can: {type: "int32", description: "Initiatives with Canada (paper: 8)", unit: "count"},
    aus: {type: "int32", description: "Initiatives with Australia (paper: 8)", unit: "count"},
    jpn: {type: "int32", description: "Initiatives with Japan (paper: 7)", unit: "count"},
    distance: {type: "int32", description: "|initiatives - 41| + sum over the five parties of |count - paper|", unit: "count"},
    is_used: {type: "bool", description: "True for the rule the site uses"}
  },
  build(read) {
    const paper = new Map(parsePaperValues(read(PAPER_VALUES_FILE), PAPER_VALUES_FILE).map((v) => [v.id, v.value]));
    const value = (id: string) => {
      const v = paper.get(id);
      if (v === undefined) throw new Error(`${PAPER_VALUES_FILE}: no value "${id}", which the cooperation rules are compared with`);
      return v;
    };
    const target = {initiatives: value("coop_initiatives_total"), since2020: value("coop_share_since_2020") / 100, parties: Object.fromEntries(Object.entries(PAPER_PARTY_VALUES).map(([p, id]) => [p, value(id)]))};
    const records = readPolicies(read).records.map(({row}) => cooperationRecord(row));
    return RULES.map((rule) => {
      const r = evaluateRule(records, rule, target);
      return {rule_id: rule.id, description: rule.description, initiatives: r.initiatives, share_since_2020: r.since2020, usa: r.parties.USA!, eu: r.parties.EU!, can: r.parties.CAN!, aus: r.parties.AUS!, jpn: r.parties.JPN!, distance: r.distance, is_used: rule.id === RULE.id};
    });
  }
});
