import {describe, expect, it} from "vitest";
import {mitigationView, type Table1Row} from "../../../lib/policy/mitigation.ts";

const GEOLOGICAL = "Geological concentration/ reserve level";
const GEOPOLITICAL = "Geopolitical stability";
// Part of Table 1 as printed, out of order; one strategy the vocabulary lacks ("Friend-shoring"),
// one printed under a shock the vocabulary does not list it under (Stockpiling, geopolitical).
const table1: Table1Row[] = [
  {shock_order: 5, shock: "Economic shocks", strategy_order: 1, strategy: "Stockpiling"},
  {shock_order: 2, shock: GEOPOLITICAL, strategy_order: 9, strategy: "Friend-shoring"},
  {shock_order: 2, shock: GEOPOLITICAL, strategy_order: 3, strategy: "International cooperation/ alliances"},
  {shock_order: 2, shock: GEOPOLITICAL, strategy_order: 10, strategy: "Stockpiling"},
  {shock_order: 1, shock: GEOLOGICAL, strategy_order: 5, strategy: "Alternative supply sources"},
  {shock_order: 1, shock: GEOLOGICAL, strategy_order: 1, strategy: "Promotion of secondary markets for secondary materials"},
  {shock_order: 1, shock: GEOLOGICAL, strategy_order: 2, strategy: "Remanufacturing and take back systems"},
  {shock_order: 1, shock: GEOLOGICAL, strategy_order: 4, strategy: "Mining technologies"}
];
const records = [
  {id: "r1", strategies: "alternative_supply;mining_technologies"},
  {id: "r2", strategies: "secondary_markets"},
  {id: "r3", strategies: "international_cooperation;alternative_supply"},
  {id: "r4", strategies: "stockpiling"},
  {id: "r5", strategies: null}
];
const view = mitigationView(table1, records);
const strategies = (shock: number) => view[shock]!.strategies.map((s) => [s.strategy_order, s.strategy_id, s.measures.map((m) => m.id).join(" ")]);

describe("mitigationView", () => {
  it("mitigationView(table1, records) follows Table 1's order of shocks and strategies, with the vocabulary's ids", () => {
    expect(view.map((s) => [s.shock_order, s.shock_id])).toEqual([[1, "geological"], [2, "geopolitical"], [5, "economic"]]);
    expect(strategies(0)).toEqual([
      [1, "secondary_markets", "r2"],
      [2, "take_back", ""], // no record pursues it
      [4, "mining_technologies", "r1"],
      [5, "alternative_supply", "r1 r3"]
    ]);
  });

  it("mitigationView(table1, records) counts each record once per shock: r1 r2 r3 under geological, r3 under geopolitical", () => {
    expect(view.map((s) => s.total)).toEqual([3, 1, 1]);
  });

  it("mitigationView(table1, records) gives no id and no records to a strategy the vocabulary lacks, or does not list under the shock", () => {
    expect(strategies(1)).toEqual([
      [3, "international_cooperation", "r3"],
      [9, null, ""],
      [10, null, ""] // r4 pursues stockpiling, listed under economic shocks only
    ]);
    expect(view[1]!.strategies[1]).toEqual({strategy_order: 9, strategy: "Friend-shoring", strategy_id: null, measures: []});
  });

  it("mitigationView(table1, records) gives a shock the vocabulary does not know no id, and its strategies none", () => {
    const [shock] = mitigationView([{shock_order: 9, shock: "Pandemics", strategy_order: 1, strategy: "Stockpiling"}], records);
    expect(shock).toEqual({shock_order: 9, shock: "Pandemics", shock_id: null, strategies: [{strategy_order: 1, strategy: "Stockpiling", strategy_id: null, measures: []}], total: 0});
  });

  it("mitigationView(table1, records) returns the records themselves, so that a page can show their fields", () => {
    expect(view[2]!.strategies[0]!.measures[0]).toBe(records[3]);
  });
});
