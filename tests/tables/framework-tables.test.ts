import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {toArrowTable} from "../../lib/tables/arrow.ts";
import {arrowSchema, buildTable} from "../../lib/tables/define.ts";
import {frameworkLevelsTable} from "../../lib/tables/framework-levels.ts";
import {FRAMEWORK_LEVELS_FILE, parseFrameworkLevels} from "../../lib/sources/framework-levels.ts";
import {FRAMEWORK_TABLE1_FILE, parseFrameworkTable1} from "../../lib/sources/framework-table1.ts";
import {frameworkShocksTable} from "../../lib/tables/framework-shocks.ts";
import {METRICS_TABLE2_FILE, parseMetricsTable2} from "../../lib/sources/metrics-table2.ts";
import {resilienceMetricsTable} from "../../lib/tables/resilience-metrics.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const levels = buildTable(frameworkLevelsTable, read);
const shocks = buildTable(frameworkShocksTable, read);
const metrics = buildTable(resilienceMetricsTable, read);

describe("frameworkLevelsTable", () => {
  it("buildTable(frameworkLevelsTable, read) holds the three levels: 7 sources of shock, 3 exposures, 3 vulnerabilities", () => {
    const count = (level: number) => levels.filter((l) => l.level_order === level).length;
    expect([count(1), count(2), count(3)]).toEqual([7, 3, 3]);
    expect(levels[0]).toEqual({level_order: 1, level: "The source of Shock", item_order: 1, numeral: "i", item: "Geological concentration/ reserve level"});
    expect(levels.at(-1)!.item).toBe("% of value added depended on a specific CM/ CMs");
    expect(() => toArrowTable(levels, arrowSchema(frameworkLevelsTable))).not.toThrow();
  });

  it("parseFrameworkLevels(text) throws on a numeral that does not match the item's position", () => {
    const bad = read(FRAMEWORK_LEVELS_FILE).replace("1,The source of Shock,2,ii,", "1,The source of Shock,2,iii,");
    expect(() => parseFrameworkLevels(bad, FRAMEWORK_LEVELS_FILE)).toThrow(`${FRAMEWORK_LEVELS_FILE}:3: column "numeral", value "iii": item 2 is numbered ii`);
  });
});

describe("frameworkShocksTable", () => {
  it("buildTable(frameworkShocksTable, read) has 22 shock x strategy rows over 8 shocks, in the printed order", () => {
    expect(shocks).toHaveLength(22);
    expect([...new Set(shocks.map((r) => r.shock))]).toEqual([
      "Geological concentration/ reserve level",
      "Geopolitical stability",
      "Sudden changes in demand/ supply",
      "Social licence to operate",
      "Economic shocks",
      "Natural disasters, env hazards",
      "Logistics and distribution",
      "Policy induced supply/ demand changes"
    ]);
    expect(shocks.filter((r) => r.shock === "Economic shocks").map((r) => r.strategy)).toEqual([
      "Stockpiling",
      "Supply agreements",
      "Secondary materials can help to smooth price shocks of primary production",
      "ESG as value creation"
    ]);
    expect(() => toArrowTable(shocks, arrowSchema(frameworkShocksTable))).not.toThrow();
  });

  it("buildTable(frameworkShocksTable, read) keeps the policy-induced row, which is not among the seven sources of shock", () => {
    const policy = shocks.filter((r) => r.shock_order === 8);
    expect(policy.map((r) => r.strategy)).toEqual(["Secondary markets act as buffers", "Policies highlight important of maintaining some domestic capacity"]);
    expect(policy.every((r) => !r.in_source_list)).toBe(true);
    expect(shocks.filter((r) => r.in_source_list).every((r) => r.shock_order <= 7)).toBe(true);
  });

  it("parseFrameworkTable1(text, file, levels) throws when a strategy is out of order, naming file, line, column and value", () => {
    const bad = read(FRAMEWORK_TABLE1_FILE).replace("1,Geological concentration/ reserve level,3,", "1,Geological concentration/ reserve level,4,");
    expect(() => parseFrameworkTable1(bad, FRAMEWORK_TABLE1_FILE, levels)).toThrow(`${FRAMEWORK_TABLE1_FILE}:4: column "strategy_order", value "4": numbered 1..n within each shock; expected 3`);
  });

  it("parseFrameworkTable1(text, file, levels) throws when a flagged shock is not a source of shock of the levels", () => {
    const bad = read(FRAMEWORK_TABLE1_FILE).replace(/,false,/g, ",true,");
    expect(() => parseFrameworkTable1(bad, FRAMEWORK_TABLE1_FILE, levels)).toThrow(/:22: column "in_source_list", value "true": "Policy induced supply\/ demand changes" is not one of the sources of shock/);
  });

  it("parseFrameworkTable1(text) throws when one shock's rows disagree on in_source_list", () => {
    const lines = read(FRAMEWORK_TABLE1_FILE).split("\n");
    lines[2] = lines[2]!.replace(",true,", ",false,");
    expect(() => parseFrameworkTable1(lines.join("\n"), FRAMEWORK_TABLE1_FILE)).toThrow(/:3: column "in_source_list", value "false": .* is flagged true on an earlier row/);
  });
});

describe("resilienceMetricsTable", () => {
  it("buildTable(resilienceMetricsTable, read) has Table 2's 12 metrics under 5 capacities, the capacity on every row", () => {
    expect(metrics).toHaveLength(12);
    expect(metrics.map((m) => m.row_in_table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(metrics.filter((m) => m.capacity === "Recovery (bounce-back)").map((m) => m.metric)).toEqual(["Time to Recovery (TTR)", "Time to Survive (TTS)", "Economic loss / disruption cost"]);
    expect(metrics[0]).toEqual({
      row_in_table: 1,
      id: "supply_concentration",
      capacity: "Anticipation (risk exposure)",
      metric: "Supply concentration / diversification",
      definition: "Dependence on few suppliers or countries",
      indicators: "HHI, % top-3 suppliers",
      literature: "Helbig et al. (2016); OECD (2021)"
    });
    expect(() => toArrowTable(metrics, arrowSchema(resilienceMetricsTable))).not.toThrow();
  });

  it("parseMetricsTable2(text) throws on an unknown capacity, a duplicate id, or capacities out of order", () => {
    const text = read(METRICS_TABLE2_FILE);
    expect(() => parseMetricsTable2(text.replace("1,supply_concentration,Anticipation (risk exposure)", "1,supply_concentration,Anticipation"), METRICS_TABLE2_FILE)).toThrow(
      /:2: column "capacity", value "Anticipation": must be one of/
    );
    expect(() => parseMetricsTable2(text.replace("2,multi_sourcing,", "2,supply_concentration,"), METRICS_TABLE2_FILE)).toThrow(/:3: column "id", value "supply_concentration": duplicate id/);
    expect(() => parseMetricsTable2(text.replace("3,stockpile_coverage,Absorption (robustness)", "3,stockpile_coverage,System-level resilience"), METRICS_TABLE2_FILE)).toThrow(/:5: column "capacity", value "Absorption \(robustness\)": capacities follow the printed order/);
  });
});
