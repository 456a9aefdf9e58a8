import {rollup} from "d3-array";
import {typeKey} from "../sources/policy-type-classes.js";
import {POLICY_CLASSES, labelOf} from "../policy/vocabulary.js";
import {defineTable} from "./define.js";
import {CLASSES_SOURCE, readPolicies} from "./policies.js";

/** One IEA policy type and the MINERS class it is given. */
export interface PolicyTypeClassRow {
  topic: string;
  family: string;
  type: string;
  category: string | null;
  miners_class: string;
  class_label: string;
  strategies: string | null;
  note: string;
  records: number;
  source_line: number;
}

/** The classification itself, published so that every class on the site can be traced to a decision and its reason. */
export const policyTypeClassesTable = defineTable<PolicyTypeClassRow>({
  name: "policy_type_classes",
  title: "The MINERS classification of the IEA policy types",
  description:
    "Each IEA policy type (topic, family, type, category) met in the IEA export, with the class of the working paper it is counted in " +
    "(governance and strategy; environmental and social standards; regulatory and permitting reforms; financial support; recycling and " +
    "circularity; trade measures; stockpiling and supply security; research, innovation and skills; international arrangements), the " +
    "mitigation strategies of the paper's Table 1 it pursues, and a note giving the reason. The paper names its classes but does not " +
    "publish its mapping; this is the site's, reviewed line by line.",
  sources: [CLASSES_SOURCE],
  key: ["topic", "family", "type", "category"],
  minRows: 52,
  columns: {
    topic: {type: "utf8", description: "IEA topic"},
    family: {type: "utf8", description: "IEA policy family"},
    type: {type: "utf8", description: "IEA policy type"},
    category: {type: "utf8", description: "IEA category; null when none"},
    miners_class: {type: "utf8", description: `MINERS class id: ${POLICY_CLASSES.map((t) => t.id).join(", ")}`},
    class_label: {type: "utf8", description: "The class as the page names it"},
    strategies: {type: "utf8", description: "Mitigation strategies of Table 1 the type pursues (ids of lib/policy/vocabulary.ts), separated by \";\"; null for none"},
    note: {type: "utf8", description: "Why the type is given this class"},
    records: {type: "int32", description: "Records of the export with this type", unit: "count"},
    source_line: {type: "int32", description: "Line in the classification CSV"}
  },
  build(read) {
    const {records, classes} = readPolicies(read);
    const counts = rollup(
      records.flatMap(({row}) => row.types),
      (group) => group.length,
      typeKey
    );
    return classes.map(({line, row: c}) => ({
      topic: c.topic,
      family: c.family,
      type: c.type,
      category: c.category,
      miners_class: c.miners_class,
      class_label: labelOf(POLICY_CLASSES, c.miners_class),
      strategies: c.strategies.length ? c.strategies.join(";") : null,
      note: c.note,
      records: counts.get(typeKey(c)) ?? 0,
      source_line: line
    }));
  }
});
