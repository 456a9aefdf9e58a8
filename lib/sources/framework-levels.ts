import {z} from "zod";
import {parseCsv} from "./csv.js";
import {checkOrder, position} from "./paper-rows.js";
import {SourceError} from "./source-error.js";
import {oneOf, text, validateRecords} from "./validate.js";

/**
 * The working paper's resilience framework, its three levels (source of shock, exposure,
 * vulnerability) with their items as listed above Table 1, as data/sources/paper/framework_levels.csv
 * transcribes them (see paper/TABLES_1_2.md).
 */

export const FRAMEWORK_LEVELS_FILE = "paper/framework_levels.csv";

/** One item of one level of the framework, as listed above Table 1. */
export interface FrameworkLevelRow {
  level_order: number;
  level: string;
  item_order: number;
  numeral: string;
  item: string;
}

const NUMERALS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"] as const;

const levelSchema = z.object({
  level_order: position("a level number"),
  level: text(),
  item_order: position("an item number"),
  numeral: oneOf(NUMERALS),
  item: text()
});

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
