import {z} from "zod";
import {POLICY_CLASSES, splitList, STRATEGIES, type Term} from "../policy/vocabulary.js";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {optionalText, text, validateRecords} from "./validate.js";

/**
 * The MINERS classification of the IEA's policy types, as
 * data/sources/policies/miners_policy_type_classes.csv holds it (see policies/CLASSIFICATION.md):
 * one line per type (topic, family, type, category) with its class of the paper, the mitigation
 * strategies of its Table 1 (ids of lib/policy/vocabulary.ts) and a note saying why.
 * lib/policy/classification.ts applies it to the IEA records.
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
