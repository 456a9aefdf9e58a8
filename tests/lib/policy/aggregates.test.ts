import {describe, expect, it} from "vitest";
import {
  adoptionByYear,
  countBy,
  countsByJurisdiction,
  countsByStatus,
  initiativesOf,
  measuresOf,
  paperComparison,
  participation,
  participationCounts,
  shareImplemented,
  sharesByType,
  shareStartedSince,
  topJurisdictionsShare,
  typeMatrix
} from "../../../lib/policy/aggregates.ts";
import {parsePolicyMeasures} from "../../../lib/policy/schema.ts";
import {csvOf, FIXTURE} from "./fixture.ts";

// The fixture by hand: measures m1 m2 i1 (USA), m3 m6 (AUS), m4 i2 (EU), m5 (CHN): 8 measures;
// a1 and a2 are accessions to i2 and count as participation only.
const rows = parsePolicyMeasures(csvOf(FIXTURE), "fixture.csv").map((r) => r.row);

describe("measuresOf, initiativesOf", () => {
  it("measuresOf(rows) leaves accessions out; initiativesOf(rows) keeps international arrangements", () => {
    expect(measuresOf(rows).map((r) => r.measure_id)).toEqual(["m1", "m2", "m3", "m4", "m5", "i1", "i2", "m6"]);
    expect(initiativesOf(rows).map((r) => r.measure_id)).toEqual(["i1", "i2"]);
  });
});

describe("countsByJurisdiction, topJurisdictionsShare", () => {
  it("countsByJurisdiction(rows) counts measures per jurisdiction, most first, ties by code", () => {
    expect(countsByJurisdiction(rows)).toEqual([
      {jurisdiction: "USA", count: 3, total: 8, share: 3 / 8},
      {jurisdiction: "AUS", count: 2, total: 8, share: 2 / 8},
      {jurisdiction: "EU", count: 2, total: 8, share: 2 / 8},
      {jurisdiction: "CHN", count: 1, total: 8, share: 1 / 8}
    ]);
  });

  it("topJurisdictionsShare(rows, 2) is (3 + 2) / 8 whichever of the tied AUS and EU is named", () => {
    expect(topJurisdictionsShare(rows, 2)).toEqual({count: 5, total: 8, share: 0.625, jurisdictions: ["USA", "AUS"]});
    expect(topJurisdictionsShare(rows, 10).share).toBe(1);
  });

  it("topJurisdictionsShare([]) has no share rather than 0", () => {
    expect(topJurisdictionsShare([], 10)).toEqual({count: 0, total: 0, share: null, jurisdictions: []});
  });
});

describe("sharesByType", () => {
  it("sharesByType(rows) gives every type in vocabulary order: governance 3/8, international 2/8, three of 1/8", () => {
    const shares = Object.fromEntries(sharesByType(rows).map((t) => [t.type, t.count]));
    expect(shares).toEqual({
      governance_strategy: 3,
      environmental_social: 0,
      regulatory_permitting: 0,
      financial_support: 1,
      recycling_circularity: 1,
      trade_measures: 1,
      stockpiling_security: 0,
      research_innovation: 0,
      international_arrangement: 2
    });
    expect(sharesByType(rows)[0]).toEqual({type: "governance_strategy", count: 3, total: 8, share: 0.375});
  });
});

describe("shareStartedSince", () => {
  it("shareStartedSince(rows, 2018): m2 m3 m5 i1 i2 since, m1 m6 before, m4 undated: 5/7", () => {
    expect(shareStartedSince(rows, 2018)).toEqual({year: 2018, count: 5, total: 7, share: 5 / 7, before: 2, undetermined: 1});
  });

  it("shareStartedSince(rows, 2020): m2 i1 i2 since, m1 m3 m6 before; m4 undated and m5 (2019/2021) undetermined: 3/6", () => {
    expect(shareStartedSince(rows, 2020)).toEqual({year: 2020, count: 3, total: 6, share: 0.5, before: 3, undetermined: 2});
  });

  it("shareStartedSince(initiatives, 2020) is 2/2", () => {
    expect(shareStartedSince(initiativesOf(rows), 2020).share).toBe(1);
  });
});

describe("shareImplemented, countsByStatus", () => {
  it("shareImplemented(rows): 5 implemented of 7 with a status; m6 has none", () => {
    expect(shareImplemented(rows)).toEqual({count: 5, total: 7, share: 5 / 7, unknown: 1});
  });

  it("countsByStatus(rows) lists every status in vocabulary order, then the unknown", () => {
    expect(countsByStatus(rows)).toEqual([
      {status: "announced", count: 1},
      {status: "planned", count: 0},
      {status: "implemented", count: 5},
      {status: "ended", count: 1},
      {status: "superseded", count: 0},
      {status: null, count: 1}
    ]);
  });
});

describe("participation, participationCounts", () => {
  it("participation(rows): i2's own parties at its start, Japan by accession; Australia keeps its earlier, founding date", () => {
    expect(participation(rows).map((p) => [p.initiative_id, p.party, p.via_measure_id, p.joined])).toEqual([
      ["i2", "AUS", "i2", "2022-06-14"],
      ["i2", "CAN", "i2", "2022-06-14"],
      ["i2", "EU", "i2", "2022-06-14"],
      ["i2", "JPN", "a1", "2024-03"],
      ["i1", "JPN", "i1", "2023-03-28"],
      ["i1", "USA", "i1", "2023-03-28"]
    ]);
  });

  it("participation(rows) keeps an accession that comes before the initiative's own date for a party", () => {
    const early = rows.map((r) => (r.measure_id === "a2" ? {...r, start_date: "2021", start_year_min: 2021, start_year_max: 2021} : r));
    expect(participation(early).find((p) => p.initiative_id === "i2" && p.party === "AUS")).toMatchObject({via_measure_id: "a2", joined: "2021"});
  });

  it("participationCounts(participation) counts initiatives per party: Japan 2, the others 1", () => {
    expect(participationCounts(participation(rows))).toEqual([
      {party: "JPN", initiatives: 2},
      {party: "AUS", initiatives: 1},
      {party: "CAN", initiatives: 1},
      {party: "EU", initiatives: 1},
      {party: "USA", initiatives: 1}
    ]);
  });
});

describe("typeMatrix, adoptionByYear, countBy", () => {
  it("typeMatrix(rows) has a cell for each jurisdiction and type, 0 where there is none", () => {
    const cells = typeMatrix(rows);
    expect(cells).toHaveLength(4 * 9);
    expect(cells.filter((c) => c.count > 0).map((c) => [c.jurisdiction, c.type, c.count])).toEqual([
      ["USA", "governance_strategy", 1],
      ["USA", "financial_support", 1],
      ["USA", "international_arrangement", 1],
      ["AUS", "governance_strategy", 1],
      ["AUS", "recycling_circularity", 1],
      ["EU", "governance_strategy", 1],
      ["EU", "international_arrangement", 1],
      ["CHN", "trade_measures", 1]
    ]);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(8);
  });

  it("typeMatrix(rows, jurisdictions) keeps the order given", () => {
    expect([...new Set(typeMatrix(rows, ["CHN", "FRA"]).map((c) => c.jurisdiction))]).toEqual(["CHN", "FRA"]);
  });

  it("adoptionByYear(rows) puts each measure in its start year; undated and multi-year spans apart (year null)", () => {
    expect(adoptionByYear(rows)).toEqual([
      {year: 2015, status: null, count: 1},
      {year: 2017, status: "implemented", count: 1},
      {year: 2019, status: "announced", count: 1},
      {year: 2021, status: "implemented", count: 1},
      {year: 2022, status: "implemented", count: 1},
      {year: 2023, status: "implemented", count: 1},
      {year: null, status: "ended", count: 1},
      {year: null, status: "implemented", count: 1}
    ]);
  });

  it("countBy(rows, key) sorts by count, then value, null last", () => {
    expect(countBy(["b", "a", null, "b"], (d) => d)).toEqual([{value: "b", count: 2}, {value: "a", count: 1}, {value: null, count: 1}]);
  });
});

describe("paperComparison", () => {
  const byId = new Map(paperComparison(rows).map((c) => [c.paper_id, c]));

  it("paperComparison(rows) gives every pol_* and coop_* figure the paper states", () => {
    expect([...byId.keys()]).toEqual([
      "pol_measures_total", "pol_share_since_2018", "pol_share_since_2020", "pol_share_implemented",
      "pol_count_usa", "pol_count_aus", "pol_count_eu", "pol_count_can", "pol_count_chn", "pol_top10_share",
      "pol_type_governance_share", "pol_type_env_social_share", "pol_type_regulatory_share", "pol_type_financial_share", "pol_type_recycling_share",
      "coop_initiatives_total", "coop_share_since_2020", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"
    ]);
  });

  it("paperComparison(rows) computes the hand-worked values, and 0 for a jurisdiction with none", () => {
    const ours = (id: string) => byId.get(id)!.ours;
    expect([ours("pol_measures_total"), ours("pol_share_since_2018"), ours("pol_share_since_2020"), ours("pol_share_implemented")]).toEqual([8, 5 / 7, 0.5, 5 / 7]);
    expect([ours("pol_count_usa"), ours("pol_count_aus"), ours("pol_count_eu"), ours("pol_count_can"), ours("pol_count_chn")]).toEqual([3, 2, 2, 0, 1]);
    expect([ours("pol_top10_share"), ours("pol_type_governance_share"), ours("pol_type_env_social_share")]).toEqual([1, 0.375, 0]);
    expect([ours("coop_initiatives_total"), ours("coop_share_since_2020"), ours("coop_count_usa"), ours("coop_count_eu"), ours("coop_count_can"), ours("coop_count_aus"), ours("coop_count_jpn")]).toEqual([2, 1, 1, 1, 1, 1, 2]);
  });

  it("paperComparison(rows) says what each value is made of", () => {
    expect(byId.get("pol_measures_total")!.basis).toBe("rows that are not accessions (2 accessions apart)");
    expect(byId.get("pol_share_since_2020")!.basis).toBe("3 of 6 measures whose start falls before or after 1 January 2020; 2 with no date, or a span across it, left out");
    expect(byId.get("pol_share_implemented")!.basis).toBe("5 of 7 measures with a status; 1 without one, left out");
    expect(byId.get("pol_top10_share")!.basis).toBe("8 of 8 measures, held by USA, AUS, EU, CHN");
  });

  it("paperComparison([]) gives counts of 0 and no shares", () => {
    const empty = paperComparison([]);
    expect(empty.find((c) => c.paper_id === "pol_measures_total")!.ours).toBe(0);
    expect(empty.filter((c) => c.unit === "share").every((c) => c.ours === null)).toBe(true);
  });
});
