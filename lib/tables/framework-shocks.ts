import {FRAMEWORK_LEVELS_FILE, parseFrameworkLevels} from "../sources/framework-levels.js";
import {FRAMEWORK_TABLE1_FILE, parseFrameworkTable1, type FrameworkShockRow} from "../sources/framework-table1.js";
import {defineTable, type SourceRef} from "./define.js";

/**
 * Table 1 of the working paper (data/sources/paper/TABLES_1_2.md), each main type of shock with its
 * mitigation strategies, one row per shock x strategy, as lib/sources/framework-table1.ts reads it
 * from paper/framework_table1.csv, checked against the framework's levels that
 * lib/sources/framework-levels.ts reads from paper/framework_levels.csv. The levels' table,
 * framework_levels, is defined in framework-levels.ts. PAPER_SOURCE, the working paper as a
 * source, is shared by the tables transcribed from it.
 */

export const PAPER_SOURCE: SourceRef = {
  path: FRAMEWORK_TABLE1_FILE,
  title: "MINERS: Key Summary of Initial Results, Table 1 (The proposed framework for assessing resilience)",
  citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper for discussion, University College London. Not for citation.",
  licence: "Working paper, not for citation; the table transcribed as printed (see paper/TABLES_1_2.md)",
  edition: "January 2026"
};

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
