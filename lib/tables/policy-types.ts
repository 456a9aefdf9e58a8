import {classOf} from "../policy/classification.js";
import {defineTable} from "./define.js";
import {CLASSES_SOURCE, IEA_SOURCE, readPolicies} from "./policies.js";

/** One policy type of one IEA record, with its MINERS class. */
export interface PolicyTypeRow {
  policy_id: string;
  topic: string;
  family: string;
  type: string;
  category: string | null;
  miners_class: string;
  type_count: number;
  weight: number;
}

/** The policy types of each record, classified: the two ways of counting a record with several types. */
export const policyTypesTable = defineTable<PolicyTypeRow>({
  name: "policy_types",
  title: "Critical-minerals policies by type: one row per IEA record and policy type, with its MINERS class",
  description:
    "One row per record of the policies table and IEA policy type it has (topic, family, type, category), with the MINERS class of the " +
    "type (policy_type_classes). A record has one to seven types, so there are two ways to count: each type once (count the rows), or " +
    "each record once, split equally over its types (sum weight = 1 / type_count). Shares by class differ between the two; the policy page " +
    "shows both beside the working paper's.",
  sources: [IEA_SOURCE, CLASSES_SOURCE],
  key: ["policy_id", "topic", "family", "type", "category"],
  // An author may load a smaller export in place of the IEA's (CLASSIFICATION.md): no floor beyond one record; a cut file is caught by the CSV reader.
  minRows: 1,
  columns: {
    policy_id: {type: "utf8", description: "The record (policies.policy_id)"},
    topic: {type: "utf8", description: "IEA topic of the type (Critical Minerals for most; a record can also carry types of other topics)"},
    family: {type: "utf8", description: "IEA policy family: Economic, Prescriptive, General legal framework, Trade, ..."},
    type: {type: "utf8", description: "IEA policy type: Strategic plans, Permitting regimes, Financing, ..."},
    category: {type: "utf8", description: "IEA category qualifying the type (e.g. Minerals recycling); null when none"},
    miners_class: {type: "utf8", description: "MINERS class of the type (policy_type_classes.miners_class)"},
    type_count: {type: "int32", description: "Number of types of the record", unit: "count"},
    weight: {type: "float64", description: "1 / type_count: the share of the record this type stands for when each record counts once"}
  },
  build(read) {
    const {records, byKey} = readPolicies(read);
    return records
      .flatMap(({row: p}) =>
        p.types.map((t) => ({
          policy_id: p.policy_id,
          topic: t.topic,
          family: t.family,
          type: t.name,
          category: t.category,
          miners_class: classOf(byKey, t).miners_class,
          type_count: p.types.length,
          weight: 1 / p.types.length
        }))
      )
      .sort((a, b) => (a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : 0) || `${a.topic}|${a.family}|${a.type}|${a.category}`.localeCompare(`${b.topic}|${b.family}|${b.type}|${b.category}`));
  }
});
