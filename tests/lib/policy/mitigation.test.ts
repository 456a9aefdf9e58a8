import {describe, expect, it} from "vitest";
import {mitigationView, type Table1Row} from "../../../lib/policy/mitigation.ts";
import {parsePolicyMeasures} from "../../../lib/policy/schema.ts";
import {csvOf, FIXTURE} from "./fixture.ts";

const rows = parsePolicyMeasures(csvOf(FIXTURE), "fixture.csv").map((r) => r.row);
// Three shocks of Table 1 as printed, the second with a strategy the vocabulary does not know.
const table1: Table1Row[] = [
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 1, strategy: "Promotion of secondary markets for secondary materials"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 2, strategy: "Remanufacturing and take back systems"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 4, strategy: "Mining technologies"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 5, strategy: "Alternative supply sources"},
  {shock_order: 2, shock: "Geopolitical stability", strategy_order: 3, strategy: "International cooperation/ alliances"},
  {shock_order: 2, shock: "Geopolitical stability", strategy_order: 9, strategy: "Friend-shoring"},
  {shock_order: 5, shock: "Economic shocks", strategy_order: 1, strategy: "Stockpiling"}
];
const ids = (ms: {measure_id: string}[]) => ms.map((m) => m.measure_id);

describe("mitigationView", () => {
  const view = mitigationView(table1, rows);

  it("mitigationView(table1, rows) lists each shock's strategies with the measures naming both", () => {
    expect(view.map((s) => [s.shock_id, s.total])).toEqual([["geological", 2], ["geopolitical", 3], ["economic", 1]]);
    const geological = view[0]!;
    expect(geological.strategies.map((s) => [s.strategy_id, ids(s.measures)])).toEqual([
      ["secondary_markets", ["m3"]],
      ["take_back", []], // no measure pursues it
      ["mining_technologies", ["m2"]],
      ["alternative_supply", ["m2"]]
    ]);
    expect(view[2]!.strategies[0]!.measures.map((m) => m.measure_id)).toEqual(["m4"]);
  });

  it("mitigationView(table1, rows) puts measures naming the shock by other strategies in 'other', and leaves accessions out", () => {
    const geopolitical = view[1]!;
    expect(ids(geopolitical.strategies[0]!.measures)).toEqual(["i1", "i2"]);
    expect(ids(geopolitical.other)).toEqual(["m1"]); // alternative supply, printed under geopolitical but not in this test's Table 1
    expect(view[0]!.other).toEqual([]);
  });

  it("mitigationView(table1, rows) marks a printed strategy the vocabulary lacks, with no measures", () => {
    expect(view[1]!.strategies[1]).toEqual({strategy_order: 9, strategy: "Friend-shoring", strategy_id: null, measures: []});
  });
});
