import type {IeaPolicyRecord, IeaPolicyType} from "../sources/iea-policies.js";
import {typeKey, type TypeClass} from "../sources/policy-type-classes.js";
import {SourceError} from "../sources/source-error.js";

/**
 * The MINERS classification applied: each IEA policy type (topic, family, name, category) mapped
 * to one class of the paper (lib/policy/vocabulary.ts: governance and strategy, environmental and
 * social standards, ...) and to the mitigation strategies of its Table 1, by the lines that
 * lib/sources/policy-type-classes.ts reads from data/sources/policies/miners_policy_type_classes.csv.
 * A record of the IEA export whose type has no line there stops the build: the classification is
 * decided on purpose, never by default.
 */

/** The class line of every type of every record; a type with none stops the build, naming the record's line and the type. */
export function classify(records: {line: number; row: IeaPolicyRecord}[], classes: TypeClass[], recordFile: string, classFile: string): Map<string, TypeClass> {
  const byKey = new Map(classes.map((c) => [typeKey(c), c]));
  for (const {line, row} of records) {
    for (const t of row.types) {
      if (!byKey.has(typeKey(t))) {
        throw new SourceError(recordFile, line, "policyType", JSON.stringify(t), `this policy type has no class in ${classFile}: add a line for it (topic, family, type, category, miners_class, strategies, note)`);
      }
    }
  }
  return byKey;
}

/** The class of a type, once `classify` has checked that every type has one. */
export function classOf(byKey: Map<string, TypeClass>, t: IeaPolicyType): TypeClass {
  return byKey.get(typeKey(t))!;
}
