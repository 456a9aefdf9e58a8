import {z} from "zod";
import {parseCsv} from "../sources/csv.js";
import {SourceError} from "../sources/source-error.js";
import {defineTable, type SourceRef} from "./define.js";
import {number, oneOf, optionalText, text, validateRecords} from "../sources/validate.js";

/**
 * The working paper's resilience framework as data (data/sources/paper/TABLES_1_2.md): its
 * three levels (source of shock, exposure, vulnerability) with their items, and Table 1, each main
 * type of shock with its mitigation strategies, one row per shock x strategy. The levels' table,
 * framework_levels, is defined in framework-levels.ts; this file reads both files.
 */

export const FRAMEWORK_LEVELS_FILE = "paper/framework_levels.csv";
export const FRAMEWORK_TABLE1_FILE = "paper/framework_table1.csv";

export const PAPER_SOURCE: SourceRef = {
  path: FRAMEWORK_TABLE1_FILE,
  title: "MINERS: Key Summary of Initial Results, Table 1 (The proposed framework for assessing resilience)",
  citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper for discussion, University College London. Not for citation.",
  licence: "Working paper, not for citation; the table transcribed as printed (see paper/TABLES_1_2.md)",
  edition: "January 2026"
};

/** One item of one level of the framework, as listed above Table 1. */
export interface FrameworkLevelRow {
  level_order: number;
  level: string;
  item_order: number;
  numeral: string;
  item: string;
}

/** One mitigation strategy of one main type of shock in Table 1. */
export interface FrameworkShockRow {
  shock_order: number;
  shock: string;
  strategy_order: number;
  strategy: string;
  in_source_list: boolean;
  note: string | null;
}

/** A position, 1 to 99; `number` without `optional` never gives null, which the cast tells TypeScript. */
export const position = (what: string) =>
  number({min: 1, max: 99, what})
    .refine((n) => Number.isInteger(n), `${what} is a whole number`)
    .transform((n) => n as number);

const NUMERALS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"] as const;

const levelSchema = z.object({
  level_order: position("a level number"),
  level: text(),
  item_order: position("an item number"),
  numeral: oneOf(NUMERALS),
  item: text()
});

const shockSchema = z.object({
  shock_order: position("a shock number"),
  shock: text(),
  strategy_order: position("a strategy number"),
  strategy: text(),
  in_source_list: oneOf(["true", "false"]).transform((s) => s === "true"),
  note: optionalText()
});

/**
 * Checks that rows are numbered in file order: the group number (`outer`) starts at 1 and goes up
 * by one when its name changes, a name keeps its number, and the inner number runs 1, 2, ... within
 * each group. Throws SourceError at the first row that breaks the order.
 */
function checkOrder<R>(
  rows: {line: number; row: R}[],
  file: string,
  [outer, name, inner]: [keyof R & string, keyof R & string, keyof R & string]
): void {
  let group = 0;
  let groupName = "";
  let expectedInner = 0;
  for (const {line, row} of rows) {
    const o = row[outer] as number;
    const n = row[name] as string;
    if (o === group && n === groupName) expectedInner++;
    else if (o === group + 1 && n !== groupName) {
      group = o;
      groupName = n;
      expectedInner = 1;
    } else throw new SourceError(file, line, outer, String(o), `rows are grouped in order: expected ${group} ("${groupName}") or ${group + 1} for a new ${name}`);
    if (row[inner] !== expectedInner) throw new SourceError(file, line, inner, String(row[inner]), `numbered 1..n within each ${name}; expected ${expectedInner}`);
  }
}

/** Reads framework_levels.csv: levels 1-3 in order, items numbered within each level, numerals matching. */
export function parseFrameworkLevels(content: string, file: string): FrameworkLevelRow[] {
  const table = parseCsv(content, file, {required: ["level_order", "level", "item_order", "numeral", "item"]});
  const rows = validateRecords(table, levelSchema);
  checkOrder(rows, file, ["level_order", "level", "item_order"]);
  for (const {line, row} of rows) {
    if (row.numeral !== NUMERALS[row.item_order - 1]) throw new SourceError(file, line, "numeral", row.numeral, `item ${row.item_order} is numbered ${NUMERALS[row.item_order - 1]}`);
  }
  return rows.map(({row}) => ({...row}));
}

/**
 * Reads framework_table1.csv: shocks numbered in order with strategies numbered within each, and
 * `in_source_list` the same for all rows of a shock. With the levels given, the shocks flagged
 * `in_source_list` must be the items of level 1 (the sources of shock), in the same order, and the
 * others must not be among them.
 */
export function parseFrameworkTable1(content: string, file: string, levels?: readonly FrameworkLevelRow[]): FrameworkShockRow[] {
  const table = parseCsv(content, file, {required: ["shock_order", "shock", "strategy_order", "strategy", "in_source_list", "note"]});
  const rows = validateRecords(table, shockSchema);
  checkOrder(rows, file, ["shock_order", "shock", "strategy_order"]);
  const flag = new Map<string, boolean>();
  for (const {line, row} of rows) {
    const known = flag.get(row.shock);
    if (known !== undefined && known !== row.in_source_list) throw new SourceError(file, line, "in_source_list", String(row.in_source_list), `"${row.shock}" is flagged ${known} on an earlier row`);
    flag.set(row.shock, row.in_source_list);
  }
  if (levels) {
    const sources = levels.filter((l) => l.level_order === 1).map((l) => l.item);
    const listed = [...flag].filter(([, f]) => f).map(([shock]) => shock);
    for (const {line, row} of rows) {
      if (row.in_source_list !== sources.includes(row.shock)) {
        throw new SourceError(file, line, "in_source_list", String(row.in_source_list), `"${row.shock}" is ${sources.includes(row.shock) ? "" : "not "}one of the sources of shock in ${FRAMEWORK_LEVELS_FILE}`);
      }
    }
    if (listed.join("\n") !== sources.join("\n")) {
      throw new SourceError(file, 1, "shock", listed.join("; "), `the flagged shocks must be the sources of shock of ${FRAMEWORK_LEVELS_FILE}, in its order`);
    }
  }
  return rows.map(({row}) => ({...row}));
}

export const frameworkShocksTable = defineTable<FrameworkShockRow>({
  name: "framework_shocks",
  title: "Table 1 of the working paper: main types of shocks and mitigation strategies",
  description:
    "The paper's Table 1, one row per main type of shock and mitigation strategy (22 rows, 8 shocks), in the printed order. The printed cells list several strategies each; they are split into one row per strategy where a new capitalised phrase begins. Seven shocks are the sources of shock of the framework's first level; the eighth, policy-induced supply and demand changes, appears in the table only (in_source_list false). Wording is kept as printed.",
  sources: [PAPER_SOURCE, {...PAPER_SOURCE, path: FRAMEWORK_LEVELS_FILE, title: "MINERS: Key Summary of Initial Results, the framework's levels (to check the sources of shock)"}],
  key: ["shock_order", "strategy_order"],
  minRows: 22,
  columns: {
    shock_order: {type: "int32", description: "Position of the shock in Table 1 (1-8)"},
    shock: {type: "utf8", description: "Main type of shock, as printed"},
    strategy_order: {type: "int32", description: "Position of the strategy within the shock's cell"},
    strategy: {type: "utf8", description: "Mitigation strategy, as printed"},
    in_source_list: {type: "bool", description: "Whether the shock is one of the seven sources of shock listed in the framework's first level"},
    note: {type: "utf8", description: "What was noticed or decided in transcription"}
  },
  build(read) {
    const levels = parseFrameworkLevels(read(FRAMEWORK_LEVELS_FILE), FRAMEWORK_LEVELS_FILE);
    return parseFrameworkTable1(read(FRAMEWORK_TABLE1_FILE), FRAMEWORK_TABLE1_FILE, levels).sort((a, b) => a.shock_order - b.shock_order || a.strategy_order - b.strategy_order);
  }
});
