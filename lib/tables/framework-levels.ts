import {FRAMEWORK_LEVELS_FILE, parseFrameworkLevels, type FrameworkLevelRow} from "../sources/framework-levels.js";
import {defineTable} from "./define.js";
import {PAPER_SOURCE} from "./framework-shocks.js";

/**
 * The working paper's resilience framework, its three levels (source of shock, exposure,
 * vulnerability) with their items, as listed above Table 1 (data/sources/paper/TABLES_1_2.md), as
 * lib/sources/framework-levels.ts reads them from paper/framework_levels.csv. framework-shocks.ts
 * reads the file too, to check Table 1's shocks against level 1.
 */
export const frameworkLevelsTable = defineTable<FrameworkLevelRow>({
  name: "framework_levels",
  title: "The working paper's resilience framework: sources of shock, exposure and vulnerability",
  description:
    "The three levels of the paper's framework for assessing resilience along the value chain, as listed above its Table 1: the source of shock (seven items), the level of exposure (three) and the degree of vulnerability (three), one row per item, worded as printed.",
  sources: [{...PAPER_SOURCE, path: FRAMEWORK_LEVELS_FILE, title: "MINERS: Key Summary of Initial Results, the framework's levels (list above Table 1)"}],
  key: ["level_order", "item_order"],
  minRows: 13,
  columns: {
    level_order: {type: "int32", description: "Level of the framework: 1 source of shock, 2 exposure, 3 vulnerability"},
    level: {type: "utf8", description: "The level as printed, e.g. The source of Shock"},
    item_order: {type: "int32", description: "Position of the item within its level"},
    numeral: {type: "utf8", description: "The item's roman numeral as printed (i, ii, ...)"},
    item: {type: "utf8", description: "The item as printed"}
  },
  build(read) {
    return parseFrameworkLevels(read(FRAMEWORK_LEVELS_FILE), FRAMEWORK_LEVELS_FILE).sort((a, b) => a.level_order - b.level_order || a.item_order - b.item_order);
  }
});
