import {describe, expect, it} from "vitest";
import {stageCounts} from "../../../lib/policy/aggregates.ts";
import {OPEN_FILTER} from "../../../lib/policy/filters.ts";
import {jurisdictionTypeCells, keepRows, keptParticipation, statusCounts, subtypeCounts, yearStatusCounts} from "../../../lib/policy/figure-models.ts";
import {INTERVENTION_TYPES, STATUSES} from "../../../lib/policy/vocabulary.ts";

// Rows as Figure 10 (a)'s query returns them: measures counted by jurisdiction, type and the filters' columns.
const row = (jurisdiction: string, intervention_type: string, measures: number, more: Record<string, unknown> = {}) => ({
  jurisdiction,
  jurisdiction_name: {USA: "United States", EU: "European Union", AUS: "Australia"}[jurisdiction] ?? null,
  intervention_type,
  intervention_subtype: null,
  status: "implemented",
  start_year_min: 2025,
  start_year_max: 2025,
  minerals: null,
  mineral_groups: null,
  measures,
  ...more
});

const rows = [
  row("USA", "financial_support", 3, {intervention_subtype: "loans_grants"}),
  row("USA", "financial_support", 1, {intervention_subtype: "public_investment", status: "announced"}),
  row("USA", "trade_measures", 2, {intervention_subtype: "import_measure", start_year_min: 2024, start_year_max: 2025}),
  row("EU", "governance_strategy", 4, {intervention_subtype: "critical_mineral_list", status: null, start_year_min: 2023, start_year_max: 2023, minerals: "lithium", mineral_groups: "lithium"}),
  row("AUS", "governance_strategy", 2, {intervention_subtype: "strategy_plan", start_year_min: null, start_year_max: null})
];

describe("keepRows", () => {
  it("keeps the rows the page's filter keeps; a column a reader's query left out counts as missing", () => {
    expect(keepRows(rows, {...OPEN_FILTER, jurisdiction: "USA"})).toHaveLength(3);
    expect(keepRows(rows, {...OPEN_FILTER, from: 2025})).toHaveLength(2); // the 2024/2025 span and the undated row are left out
    expect(keepRows(rows, {...OPEN_FILTER, mineral: "lithium"}).map((r) => r.jurisdiction)).toEqual(["EU"]);
    expect(keepRows([{jurisdiction: "USA", measures: 2}], {...OPEN_FILTER, mineral: "lithium"})).toEqual([]);
    expect(keepRows([{jurisdiction: "USA", measures: 2}], {...OPEN_FILTER, status: "unknown"})).toHaveLength(1);
  });
});

describe("jurisdictionTypeCells", () => {
  it("sums the measures by jurisdiction and type, every type for every jurisdiction, most measures first", () => {
    const cells = jurisdictionTypeCells(rows, OPEN_FILTER);
    // USA 3 + 1 + 2 = 6, EU 4, AUS 2.
    expect([...new Set(cells.map((c) => c.jurisdiction))]).toEqual(["USA", "EU", "AUS"]);
    expect(cells).toHaveLength(3 * INTERVENTION_TYPES.length);
    expect(cells.find((c) => c.jurisdiction === "USA" && c.type === "financial_support")).toEqual({jurisdiction: "USA", name: "United States", type: "financial_support", count: 4});
    expect(cells.find((c) => c.jurisdiction === "USA" && c.type === "governance_strategy")?.count).toBe(0);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(12);
  });

  it("applies the filter and the limit; ties go by code", () => {
    const implemented = jurisdictionTypeCells(rows, {...OPEN_FILTER, status: "implemented"});
    // USA 3 + 2 = 5, AUS 2; the EU's 4 have no status.
    expect(implemented.reduce((s, c) => s + c.count, 0)).toBe(7);
    expect([...new Set(jurisdictionTypeCells(rows, {...OPEN_FILTER, type: "governance_strategy"}, {limit: 1}).map((c) => c.jurisdiction))]).toEqual(["EU"]);
    const tied = [row("USA", "trade_measures", 2), row("AUS", "trade_measures", 2)];
    expect([...new Set(jurisdictionTypeCells(tied, OPEN_FILTER).map((c) => c.jurisdiction))]).toEqual(["AUS", "USA"]);
  });

  it("counts a row without a measures column as one measure, and names a jurisdiction by its code when no name is given", () => {
    const cells = jurisdictionTypeCells([{jurisdiction: "CHL", intervention_type: "trade_measures"}, {jurisdiction: "CHL", intervention_type: "trade_measures"}], OPEN_FILTER);
    expect(cells.find((c) => c.type === "trade_measures")).toEqual({jurisdiction: "CHL", name: "CHL", type: "trade_measures", count: 2});
  });
});

describe("subtypeCounts", () => {
  it("sums by type and sub-type, in the vocabulary's order of types, most first within a type", () => {
    expect(subtypeCounts(rows, OPEN_FILTER)).toEqual([
      {type: "governance_strategy", subtype: "critical_mineral_list", count: 4},
      {type: "governance_strategy", subtype: "strategy_plan", count: 2},
      {type: "financial_support", subtype: "loans_grants", count: 3},
      {type: "financial_support", subtype: "public_investment", count: 1},
      {type: "trade_measures", subtype: "import_measure", count: 2}
    ]);
    expect(subtypeCounts(rows, {...OPEN_FILTER, jurisdiction: "AUS"})).toEqual([{type: "governance_strategy", subtype: "strategy_plan", count: 2}]);
  });
});

describe("yearStatusCounts", () => {
  it("places a measure in its year only when its start is one year; the rest have year null, last", () => {
    expect(yearStatusCounts(rows, OPEN_FILTER)).toEqual([
      {year: 2023, status: null, count: 4},
      {year: 2025, status: "announced", count: 1},
      {year: 2025, status: "implemented", count: 3},
      // The 2024/2025 span (2) and the undated strategy (2), both implemented.
      {year: null, status: "implemented", count: 4}
    ]);
  });
});

describe("statusCounts", () => {
  it("gives every status of the vocabulary, then the measures with none", () => {
    const counts = statusCounts(rows, OPEN_FILTER);
    expect(counts.map((c) => c.status)).toEqual([...STATUSES.map((s) => s.id), null]);
    expect(Object.fromEntries(counts.map((c) => [String(c.status), c.count]))).toMatchObject({implemented: 7, announced: 1, null: 4, ended: 0});
  });
});

describe("keptParticipation", () => {
  const link = (initiative_id: string, party: string, parties: string, start: number | null) => ({
    initiative_id,
    party,
    jurisdiction: parties.split(";")[0],
    parties,
    intervention_type: "international_arrangement",
    status: "implemented",
    start_year_min: start,
    start_year_max: start,
    minerals: null,
    mineral_groups: null
  });
  const links = [link("msp", "USA", "USA;JPN", 2022), link("msp", "JPN", "USA;JPN", 2022), link("msp", "IND", "USA;JPN", 2022), link("eu-chl", "EU", "EU;CHL", null), link("eu-chl", "CHL", "EU;CHL", null)];

  it("keeps every party of an initiative one of whose own parties the jurisdiction filter names", () => {
    expect(keptParticipation(links, {...OPEN_FILTER, jurisdiction: "JPN"}).map((l) => l.party)).toEqual(["USA", "JPN", "IND"]);
    // India joined later: it is not among the initiative's own parties.
    expect(keptParticipation(links, {...OPEN_FILTER, jurisdiction: "IND"})).toEqual([]);
    expect(keptParticipation(links, {...OPEN_FILTER, from: 2020})).toHaveLength(3);
  });
});

describe("stageCounts", () => {
  it("counts the measures naming each stage, and those naming none; accessions left out", () => {
    const counts = stageCounts([
      {part_of: null, value_chain_stages: "exploration;extraction"},
      {part_of: null, value_chain_stages: "extraction"},
      {part_of: null, value_chain_stages: null},
      {part_of: "msp", value_chain_stages: "whole_chain"}
    ]);
    expect(counts.stages.find((s) => s.stage === "extraction")?.count).toBe(2);
    expect(counts.stages.find((s) => s.stage === "exploration")?.count).toBe(1);
    expect(counts.stages.find((s) => s.stage === "whole_chain")?.count).toBe(0);
    expect(counts.unclassified).toBe(1);
  });
});
