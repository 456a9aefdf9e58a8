import {z} from "zod";
import {parseCsv} from "../sources/csv.js";
import type {IeaPolicyRecord, IeaPolicyType} from "../sources/iea-policies.js";
import {SourceError} from "../sources/source-error.js";
import {optionalText, text, validateRecords} from "../sources/validate.js";
import {POLICY_CLASSES, splitList, STRATEGIES, type Term} from "./vocabulary.js";

/**
 * The MINERS classification as data: each IEA policy type (topic, family, name, category) mapped
 * to one class of the paper (lib/policy/vocabulary.ts: governance and strategy, environmental and
 * social standards, ...) and to the mitigation strategies of its Table 1, with a note saying why.
 * A record of the IEA export whose type has no line here stops the build: the classification is
 * decided on purpose, never by default.
 */

/** One line of the classification. */
export interface TypeClass {
  topic: string;
  family: string;
  type: string;
  category: string | null;
  miners_class: string;
  strategies: string[];
  note: string;
}

const ids = (vocabulary: readonly Term[]) => vocabulary.map((t) => t.id as string);

const classSchema = z.object({
  topic: text(),
  family: text(),
  type: text(),
  category: optionalText(),
  miners_class: text().refine((s) => ids(POLICY_CLASSES).includes(s), `a class, one of: ${ids(POLICY_CLASSES).join(", ")}`),
  strategies: optionalText().transform((s, ctx) => {
    // Written by hand: spaces around an id and an empty item (a trailing ";") are let go.
    const items = splitList(s).map((x) => x.trim()).filter(Boolean);
    const unknown = items.find((i) => !ids(STRATEGIES).includes(i));
    if (unknown !== undefined) ctx.addIssue({code: "custom", message: `unknown strategy "${unknown}": ";"-separated ids of ${ids(STRATEGIES).join(", ")}`});
    else if (new Set(items).size !== items.length) ctx.addIssue({code: "custom", message: "a strategy is listed twice"});
    return items;
  }),
  note: text()
});

/** The key of a type: its four fields, the category blank when none. */
export const typeKey = (t: {topic: string; family: string; name?: string; type?: string; category: string | null}) => [t.topic, t.family, t.name ?? t.type, t.category ?? ""].join("\u001f");

/** Parses the classification CSV; a type classified twice is an error naming both lines. */
export function parseTypeClasses(csvText: string, file: string): {line: number; row: TypeClass}[] {
  const table = parseCsv(csvText, file, {required: Object.keys(classSchema.shape)});
  const seen = new Map<string, number>();
  return validateRecords(table, classSchema).map(({line, row}) => {
    const key = typeKey(row);
    if (seen.has(key)) throw new SourceError(file, line, "type", row.type, `duplicate key: this topic, family, type and category are classified on line ${seen.get(key)}`);
    seen.set(key, line);
    return {line, row};
  });
}

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
