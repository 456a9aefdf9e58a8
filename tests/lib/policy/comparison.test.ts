import {describe, expect, it} from "vitest";
import {paperComparison, PAPER_CLASS_SHARES} from "../../../lib/policy/comparison.ts";
import {COUNTRIES, PARTICIPATION, RECORDS, TYPES} from "./fixture.ts";

const tables = {records: RECORDS, countries: COUNTRIES, types: TYPES, participation: PARTICIPATION};
const rows = paperComparison(tables);
const byId = new Map(rows.map((r) => [r.paper_id, r]));
const ours = (id: string) => byId.get(id)!.ours;
const alternative = (id: string) => byId.get(id)!.alternative;

describe("paperComparison", () => {
  it("paperComparison(tables) gives every pol_* and coop_* figure the paper states, in its order", () => {
    expect(rows.map((r) => r.paper_id)).toEqual([
      "pol_measures_total", "pol_share_since_2018", "pol_share_since_2020", "pol_share_implemented",
      "pol_count_usa", "pol_count_aus", "pol_count_eu", "pol_count_can", "pol_count_chn", "pol_top10_share",
      "pol_type_governance_share", "pol_type_env_social_share", "pol_type_regulatory_share", "pol_type_financial_share", "pol_type_recycling_share",
      "coop_initiatives_total", "coop_share_since_2020", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"
    ]);
  });

  it("paperComparison(tables) gives the records' counts and shares: 5 records, 4/5 from 2018, 3/5 from 2020, 3/5 in force", () => {
    expect([ours("pol_measures_total"), ours("pol_share_since_2018"), ours("pol_share_since_2020"), ours("pol_share_implemented")]).toEqual([5, 0.8, 0.6, 0.6]);
  });

  it("paperComparison(tables) counts the records naming each country, 0 for China which none names", () => {
    expect(["usa", "aus", "eu", "can", "chn"].map((c) => ours(`pol_count_${c}`))).toEqual([4, 3, 2, 1, 0]);
  });

  it("paperComparison(tables) gives the class shares by mentions, and split over types as the alternative", () => {
    // governance 2/8 and (1 + 1/3)/5; environmental 0; regulatory 1/8 and 1/5; financial 3/8 and (1/3 + 1/3 + 1/2)/5; recycling 1/8 and (1/2)/5.
    const expected: [string, number, number][] = [
      ["pol_type_governance_share", 2 / 8, 4 / 15],
      ["pol_type_env_social_share", 0, 0],
      ["pol_type_regulatory_share", 1 / 8, 1 / 5],
      ["pol_type_financial_share", 3 / 8, 7 / 30],
      ["pol_type_recycling_share", 1 / 8, 1 / 10]
    ];
    for (const [id, mentions, split] of expected) {
      expect(ours(id), id).toBeCloseTo(mentions, 12);
      expect(alternative(id), id).toBeCloseTo(split, 12);
    }
    expect(Object.keys(PAPER_CLASS_SHARES)).toEqual(expected.map(([id]) => id));
  });

  it("paperComparison(tables) gives the cooperation counts: 5 initiatives, 4/5 from 2020, USA 4, EU 1, CAN 0, AUS 2, JPN 3", () => {
    expect(["coop_initiatives_total", "coop_share_since_2020"].map(ours)).toEqual([5, 0.8]);
    expect(["usa", "eu", "can", "aus", "jpn"].map((p) => ours(`coop_count_${p}`))).toEqual([4, 1, 0, 2, 3]);
  });

  it("paperComparison(tables) gives the top-ten share of mentions, and of records as the alternative", () => {
    // r1 and r2 name A..J, r3 names A and K: A 3, B..J 2, K 1. The ten leading are A..J:
    // they hold 21 of 22 mentions, and every one of the 3 records names one of them.
    const ten = "ABCDEFGHIJ".split("");
    const countries = [...ten.map((c) => ({policy_id: "r1", country: c})), ...ten.map((c) => ({policy_id: "r2", country: c})), {policy_id: "r3", country: "A"}, {policy_id: "r3", country: "K"}];
    const records = ["r1", "r2", "r3"].map((policy_id) => ({policy_id, year: 2020, status: "In force"}));
    const top = paperComparison({...tables, records, countries}).find((r) => r.paper_id === "pol_top10_share")!;
    expect([top.ours, top.alternative]).toEqual([21 / 22, 1]);
  });

  it("paperComparison(tables) marks counts and shares by their unit", () => {
    expect(byId.get("pol_count_usa")!.unit).toBe("count");
    expect(byId.get("pol_share_since_2020")!.unit).toBe("share");
    expect(rows.filter((r) => r.unit === "share").map((r) => r.paper_id)).toEqual(rows.filter((r) => r.paper_id.includes("share")).map((r) => r.paper_id));
  });

  it("paperComparison of empty tables gives counts of 0 and no shares", () => {
    const empty = paperComparison({records: [], countries: [], types: [], participation: []});
    expect(empty.filter((r) => r.unit === "count").every((r) => r.ours === 0)).toBe(true);
    expect(empty.filter((r) => r.unit === "share").every((r) => r.ours === null)).toBe(true);
  });
});
