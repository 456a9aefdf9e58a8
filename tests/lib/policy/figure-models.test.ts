import {describe, expect, it} from "vitest";
import {OPEN_FILTER, type PolicyFilter} from "../../../lib/policy/filters.ts";
import {jurisdictionTypeCells, keepRows, keptParticipation, policyTypeCounts, recordsBehind, statusCounts, subtypeCounts, yearLevelCounts, type FigureRow} from "../../../lib/policy/figure-models.ts";
import {POLICY_CLASSES, STATUSES} from "../../../lib/policy/vocabulary.ts";

/*
 * Four records, as the figures' SQL returns them (lib/figures/policy.ts):
 *   p1  USA      2017  In force   National          Batteries           Strategic plans (governance)
 *   p2  USA;CAN  2021  In force   International     -                   Strategic plans (governance), Financing, Tax incentives (financial): 1/3 each
 *   p3  AUS      2020  Announced  State/Provincial  Batteries;Solar PV  Financing (financial), Recycling rules (recycling): 1/2 each
 *   p4  AUS;EU   2018  Ended      Regional          -                   Permitting (regulatory)
 */
const RECORDS: Record<string, {countries: string; year: number; status: string; classes: string; technologies: string | null}> = {
  p1: {countries: "USA", year: 2017, status: "In force", classes: "governance_strategy", technologies: "Batteries"},
  p2: {countries: "USA;CAN", year: 2021, status: "In force", classes: "governance_strategy;financial_support", technologies: null},
  p3: {countries: "AUS", year: 2020, status: "Announced", classes: "financial_support;recycling_circularity", technologies: "Batteries;Solar PV"},
  p4: {countries: "AUS;EU", year: 2018, status: "Ended", classes: "regulatory_permitting", technologies: null}
};
/** The record's fields the filters read, as FILTER_FIELDS selects them. */
const of = (policy_id: string) => {
  const {countries: _, ...fields} = RECORDS[policy_id]!;
  return {policy_id, ...fields};
};
const NAMES: Record<string, string> = {USA: "United States", CAN: "Canada", AUS: "Australia"}; // EU left without a name

// One row per record, country and class; weight: the record's types in the class over its types.
const countryRow = (policy_id: string, jurisdiction: string, intervention_type: string, weight: number) => ({jurisdiction, jurisdiction_name: NAMES[jurisdiction] ?? null, intervention_type, weight, ...of(policy_id)});
const COUNTRY_ROWS = [
  countryRow("p1", "USA", "governance_strategy", 1),
  countryRow("p2", "USA", "governance_strategy", 1 / 3),
  countryRow("p2", "USA", "financial_support", 2 / 3),
  countryRow("p2", "CAN", "governance_strategy", 1 / 3),
  countryRow("p2", "CAN", "financial_support", 2 / 3),
  countryRow("p3", "AUS", "financial_support", 1 / 2),
  countryRow("p3", "AUS", "recycling_circularity", 1 / 2),
  countryRow("p4", "AUS", "regulatory_permitting", 1),
  countryRow("p4", "EU", "regulatory_permitting", 1)
];

// One row per record and IEA type.
const typeRow = (policy_id: string, policy_type: string, intervention_type: string, weight: number) => ({policy_type, intervention_type, weight, countries: RECORDS[policy_id]!.countries, ...of(policy_id)});
const TYPE_ROWS = [
  typeRow("p1", "Strategic plans", "governance_strategy", 1),
  typeRow("p2", "Strategic plans", "governance_strategy", 1 / 3),
  typeRow("p2", "Financing", "financial_support", 1 / 3),
  typeRow("p2", "Tax incentives", "financial_support", 1 / 3),
  typeRow("p3", "Financing", "financial_support", 1 / 2),
  typeRow("p3", "Recycling rules", "recycling_circularity", 1 / 2),
  typeRow("p4", "Permitting", "regulatory_permitting", 1)
];

const filter = (f: Partial<PolicyFilter>): PolicyFilter => ({...OPEN_FILTER, ...f});
const rounded = <T extends {count: number}>(xs: T[]) => xs.map((x) => ({...x, count: Math.round(x.count * 1e9) / 1e9}));
const r = (n: number) => Math.round(n * 1e9) / 1e9;

describe("keepRows", () => {
  it("keepRows(rows, filter) matches a row's own jurisdiction when it has one, else its record's countries", () => {
    const rows = [{id: "own", jurisdiction: "CAN", countries: "USA;CAN"}, {id: "record", countries: "USA;CAN"}];
    expect(keepRows(rows, filter({jurisdiction: "USA"})).map((x) => x.id)).toEqual(["record"]);
    expect(keepRows(rows, filter({jurisdiction: "CAN"})).map((x) => x.id)).toEqual(["own", "record"]);
  });

  it("keepRows(rows, {type}) matches the record's classes, else the row's own class", () => {
    const rows = [{id: "record", classes: "governance_strategy;financial_support", intervention_type: "governance_strategy"}, {id: "own", intervention_type: "financial_support"}, {id: "other", intervention_type: "trade_measures"}];
    expect(keepRows(rows, filter({type: "financial_support"})).map((x) => x.id)).toEqual(["record", "own"]);
  });

  it("keepRows(rows, filter) reads a year given as text or BigInt; a column a reader's query left out is missing", () => {
    const rows: FigureRow[] = [{id: "text", year: "2021"}, {id: "bigint", year: 2021n}, {id: "none"}, {id: "blank", year: ""}];
    expect(keepRows(rows, filter({from: 2021})).map((x) => x.id)).toEqual(["text", "bigint"]);
    expect(keepRows(rows, filter({status: "In force"}))).toEqual([]);
    expect(keepRows(rows, OPEN_FILTER)).toHaveLength(4);
  });
});

describe("jurisdictionTypeCells", () => {
  it("jurisdictionTypeCells(rows, open) gives every class for each country, most records first, ties by code", () => {
    // USA: p1 + p2 = 2; AUS: p3 + p4 = 2; CAN: p2 = 1; EU: p4 = 1.
    const cells = jurisdictionTypeCells(COUNTRY_ROWS, OPEN_FILTER);
    expect([...new Set(cells.map((c) => c.jurisdiction))]).toEqual(["AUS", "USA", "CAN", "EU"]);
    expect(cells).toHaveLength(4 * POLICY_CLASSES.length);
    expect(cells.map((c) => c.type).slice(0, POLICY_CLASSES.length)).toEqual(POLICY_CLASSES.map((c) => c.id));
  });

  it("jurisdictionTypeCells(rows, open) splits each record over its types: USA governance 1 + 1/3, financial 2/3; 0 where none", () => {
    const cells = jurisdictionTypeCells(COUNTRY_ROWS, OPEN_FILTER);
    const cell = (j: string, t: string) => cells.find((c) => c.jurisdiction === j && c.type === t)!;
    expect(r(cell("USA", "governance_strategy").count)).toBe(r(4 / 3));
    expect(r(cell("USA", "financial_support").count)).toBe(r(2 / 3));
    expect(cell("USA", "trade_measures").count).toBe(0);
    expect(cell("AUS", "recycling_circularity")).toEqual({jurisdiction: "AUS", name: "Australia", type: "recycling_circularity", count: 0.5});
    expect(cell("EU", "regulatory_permitting").name).toBe("EU"); // no name: the code
    expect(r(cells.reduce((s, c) => s + c.count, 0))).toBe(6); // country mentions: USA 2, AUS 2, CAN 1, EU 1
  });

  it("jurisdictionTypeCells(rows, filter, {limit}) keeps the leading countries of the rows the filter keeps", () => {
    expect([...new Set(jurisdictionTypeCells(COUNTRY_ROWS, OPEN_FILTER, {limit: 2}).map((c) => c.jurisdiction))]).toEqual(["AUS", "USA"]);
    // Records with a financial type: p2 (USA, CAN) and p3 (AUS), each with all its classes.
    const financial = jurisdictionTypeCells(COUNTRY_ROWS, filter({type: "financial_support"}));
    expect([...new Set(financial.map((c) => c.jurisdiction))]).toEqual(["AUS", "CAN", "USA"]);
    expect(r(financial.find((c) => c.jurisdiction === "USA" && c.type === "governance_strategy")!.count)).toBe(r(1 / 3));
  });

  it("jurisdictionTypeCells(rows, open) adds a class outside the vocabulary after it, and counts a row without weight as 1", () => {
    const cells = jurisdictionTypeCells([{jurisdiction: "CHL", intervention_type: "custom"}, {jurisdiction: "CHL", intervention_type: "custom"}], OPEN_FILTER);
    expect(cells).toHaveLength(POLICY_CLASSES.length + 1);
    expect(cells.at(-1)).toEqual({jurisdiction: "CHL", name: "CHL", type: "custom", count: 2});
  });
});

describe("policyTypeCounts", () => {
  it("policyTypeCounts(rows, open, 'mentions') counts each type of each record once, most first, ties by name", () => {
    expect(policyTypeCounts(TYPE_ROWS, OPEN_FILTER, "mentions")).toEqual([
      {policy_type: "Financing", type: "financial_support", count: 2},
      {policy_type: "Strategic plans", type: "governance_strategy", count: 2},
      {policy_type: "Permitting", type: "regulatory_permitting", count: 1},
      {policy_type: "Recycling rules", type: "recycling_circularity", count: 1},
      {policy_type: "Tax incentives", type: "financial_support", count: 1}
    ]);
  });

  it("policyTypeCounts(rows, open, 'split') sums the weights: Strategic plans 1 + 1/3, Financing 1/3 + 1/2", () => {
    expect(rounded(policyTypeCounts(TYPE_ROWS, OPEN_FILTER, "split")).map((c) => [c.policy_type, c.count])).toEqual([
      ["Strategic plans", r(4 / 3)],
      ["Permitting", 1],
      ["Financing", r(5 / 6)],
      ["Recycling rules", 0.5],
      ["Tax incentives", r(1 / 3)]
    ]);
  });

  it("policyTypeCounts(rows, filter, counting) counts only the kept records: Batteries are p1 and p3", () => {
    expect(policyTypeCounts(TYPE_ROWS, filter({technology: "Batteries"}), "mentions").map((c) => [c.policy_type, c.count])).toEqual([
      ["Financing", 1],
      ["Recycling rules", 1],
      ["Strategic plans", 1]
    ]);
  });
});

describe("subtypeCounts", () => {
  it("subtypeCounts(rows, open, 'split') groups the types by class, in the vocabulary's order, most first within a class", () => {
    expect(rounded(subtypeCounts(TYPE_ROWS, OPEN_FILTER, "split"))).toEqual([
      {type: "governance_strategy", subtype: "Strategic plans", count: r(4 / 3)},
      {type: "regulatory_permitting", subtype: "Permitting", count: 1},
      {type: "financial_support", subtype: "Financing", count: r(5 / 6)},
      {type: "financial_support", subtype: "Tax incentives", count: r(1 / 3)},
      {type: "recycling_circularity", subtype: "Recycling rules", count: 0.5}
    ]);
  });

  it("subtypeCounts(rows, filter, 'mentions') counts rows of the kept records; a type of no weight is left out", () => {
    expect(subtypeCounts(TYPE_ROWS, filter({jurisdiction: "USA"}), "mentions")).toEqual([
      {type: "governance_strategy", subtype: "Strategic plans", count: 2},
      {type: "financial_support", subtype: "Financing", count: 1},
      {type: "financial_support", subtype: "Tax incentives", count: 1}
    ]);
    expect(subtypeCounts([{policy_type: "Nothing", intervention_type: "trade_measures", weight: 0}], OPEN_FILTER, "split")).toEqual([]);
  });
});

describe("yearLevelCounts, statusCounts", () => {
  // One row per record; p5 to p7 add a second national record of 2021, one with no year, level or status, and one of another level.
  const level = {p1: "National", p2: "International", p3: "State/Provincial", p4: "Regional"};
  const recordRows: FigureRow[] = [
    ...Object.entries(level).map(([id, l]) => ({level: l, countries: RECORDS[id]!.countries, ...of(id)})),
    {policy_id: "p5", level: "National", countries: "JPN", year: 2021, status: "In force"},
    {policy_id: "p6", level: null, countries: "JPN", year: null, status: null},
    {policy_id: "p7", level: "Municipal", countries: "JPN", year: 2021, status: "Planned"}
  ];

  it("yearLevelCounts(rows, open) counts records by year and level, levels in the IEA's order, no year last", () => {
    expect(yearLevelCounts(recordRows, OPEN_FILTER)).toEqual([
      {year: 2017, group: "National", count: 1},
      {year: 2018, group: "Regional", count: 1},
      {year: 2020, group: "State/Provincial", count: 1},
      {year: 2021, group: "National", count: 1},
      {year: 2021, group: "International", count: 1},
      {year: 2021, group: "Municipal", count: 1},
      {year: null, group: "not given", count: 1}
    ]);
  });

  it("yearLevelCounts(rows, filter) counts the kept records only", () => {
    expect(yearLevelCounts(recordRows, filter({jurisdiction: "USA"}))).toEqual([
      {year: 2017, group: "National", count: 1},
      {year: 2021, group: "International", count: 1}
    ]);
  });

  it("statusCounts(rows, open) gives the IEA's statuses, then any other, then the records with none", () => {
    expect(statusCounts(recordRows, OPEN_FILTER)).toEqual([
      {status: "In force", count: 3},
      {status: "Announced", count: 1},
      {status: "Ended", count: 1},
      {status: "Planned", count: 1},
      {status: null, count: 1}
    ]);
  });

  it("statusCounts(rows, filter) keeps every IEA status at 0 and leaves out 'none' when every record has one", () => {
    expect(statusCounts(recordRows, filter({jurisdiction: "AUS"}))).toEqual([
      {status: "In force", count: 0},
      {status: "Announced", count: 1},
      {status: "Ended", count: 1}
    ]);
    expect(statusCounts([], OPEN_FILTER).map((c) => c.status)).toEqual(STATUSES.map((s) => s.id));
  });
});

describe("recordsBehind", () => {
  it("recordsBehind(rows, filter, pick) gives each record behind the picked rows once", () => {
    const financial = (row: FigureRow) => row.intervention_type === "financial_support";
    expect(recordsBehind(TYPE_ROWS, OPEN_FILTER, financial)).toEqual(["p2", "p3"]);
    expect(recordsBehind(TYPE_ROWS, filter({jurisdiction: "AUS"}), financial)).toEqual(["p3"]);
    expect(recordsBehind(TYPE_ROWS, OPEN_FILTER)).toEqual(["p1", "p2", "p3", "p4"]);
    expect(recordsBehind([{intervention_type: "trade_measures"}], OPEN_FILTER)).toEqual([]); // no policy_id column
  });
});

describe("keptParticipation", () => {
  const party = (initiative_id: string, first_year: number, statuses: string, parties: string[]) => parties.map((p) => ({initiative_id, first_year, statuses, party: p}));
  const rows = [...party("i1", 2022, "In force", ["USA", "JPN", "AUS"]), ...party("i2", 2019, "In force;Ended", ["EU", "AUS"]), ...party("i3", 2023, "Announced", ["USA", "JPN"])];
  const kept = (f: Partial<PolicyFilter>) => keptParticipation(rows, filter(f)).map((x) => `${x.initiative_id} ${x.party}`);

  it("keptParticipation(rows, {jurisdiction}) keeps every party of the initiatives the country takes part in", () => {
    expect(kept({jurisdiction: "JPN"})).toEqual(["i1 USA", "i1 JPN", "i1 AUS", "i3 USA", "i3 JPN"]);
    expect(kept({jurisdiction: "EU"})).toEqual(["i2 EU", "i2 AUS"]);
  });

  it("keptParticipation(rows, filter) matches any of the statuses and the first year; the type only as international arrangements", () => {
    expect(kept({status: "Ended"})).toEqual(["i2 EU", "i2 AUS"]);
    expect(kept({from: 2020, to: 2022})).toEqual(["i1 USA", "i1 JPN", "i1 AUS"]);
    expect(kept({type: "international_arrangement"})).toHaveLength(7);
    expect(kept({type: "financial_support"})).toEqual([]);
  });

  it("keptParticipation(rows, {technology}) keeps every initiative: an initiative has no technology", () => {
    expect(kept({technology: "Batteries"})).toHaveLength(7);
  });
});
