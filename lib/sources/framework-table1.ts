import {z} from "zod";
import {parseCsv} from "./csv.js";
import {FRAMEWORK_LEVELS_FILE, type FrameworkLevelRow} from "./framework-levels.js";
import {checkOrder, position} from "./paper-rows.js";
import {SourceError} from "./source-error.js";
import {oneOf, optionalText, text, validateRecords} from "./validate.js";

/**
 * Table 1 of the working paper, each main type of shock with its mitigation strategies, as
 * data/sources/paper/framework_table1.csv transcribes it (see paper/TABLES_1_2.md): one row per
 * shock x strategy, checked against the framework's levels (framework-levels.ts) when given them.
 */

export const FRAMEWORK_TABLE1_FILE = "paper/framework_table1.csv";

/** One mitigation strategy of one main type of shock in Table 1. */
export interface FrameworkShockRow {
  shock_order: number;
  shock: string;
  strategy_order: number;
  strategy: string;
  in_source_list: boolean;
  note: string | null;
}

const shockSchema = z.object({
  shock_order: position("a shock number"),
  shock: text(),
  strategy_order: position("a strategy number"),
  strategy: text(),
  in_source_list: oneOf(["true", "false"]).transform((s) => s === "true"),
  note: optionalText()
});

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
