import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {ARRANGEMENT_TYPE, evaluateRule, initiatives, RULE, RULES, titleKey, type CooperationRecord, type Rule} from "../../../lib/policy/cooperation.ts";
import {readPolicies} from "../../../lib/tables/policies.ts";
import {cooperationRecord} from "../../../lib/tables/policy-participation.ts";

const record = (policy_id: string, title: string, year: number, status: string, jurisdiction: string, countries: string[], type_names: string[]): CooperationRecord => ({
  policy_id,
  title,
  year,
  status,
  jurisdiction,
  countries,
  type_names
});
const ARR = ARRANGEMENT_TYPE;
// a1 and a2: one plan filed once per party, titles differing in case and spaces; b1 and b2: one
// partnership, b2 national; c1: international but not of the arrangement type; d1: neither.
const records = [
  record("a2", "canada-US  Joint action plan", 2020, "In force", "National", ["USA"], [ARR, "Strategic plans"]),
  record("a1", "Canada-US Joint Action Plan ", 2020, "Announced", "National", ["CAN"], [ARR]),
  record("b2", "Minerals Security Partnership", 2023, "Ended", "National", ["AUS", "USA"], [ARR]),
  record("b1", "Minerals Security Partnership", 2022, "In force", "International", ["USA", "JPN", "EU"], [ARR]),
  record("c1", "EU-Chile memorandum", 2019, "In force", "International", ["EU", "CHL"], ["Strategic plans"]),
  record("d1", "National strategy", 2021, "In force", "National", ["USA"], ["Strategic plans"])
];
const rule = (id: string): Rule => RULES.find((r) => r.id === id)!;
const found = (id: string) => initiatives(records, rule(id)).map((i) => i.records.join("+"));

describe("RULES, RULE", () => {
  it("RULES holds each selection grouped by title and by record; RULE is type-by-title", () => {
    expect(RULES.map((r) => r.id)).toEqual([
      "type-by-title", "type-by-record", "jurisdiction-by-title", "jurisdiction-by-record",
      "both-by-title", "both-by-record", "either-by-title", "either-by-record"
    ]);
    expect(RULE).toBe(rule("type-by-title"));
    expect(RULE.description).toBe('records with the type "International arrangements", records with the same title counted as one initiative');
  });
});

describe("titleKey", () => {
  it("titleKey(title) trims, collapses spaces and lower-cases", () => {
    expect(titleKey("  Minerals \t Security\nPartnership ")).toBe("minerals security partnership");
    expect(titleKey("Canada-US Joint Action Plan")).not.toBe(titleKey("Canada-US Joint Action Plans"));
  });
});

describe("initiatives", () => {
  it("initiatives(records, type-by-title) joins records with the same title: ids, years, statuses and parties", () => {
    expect(initiatives(records, RULE)).toEqual([
      // a1 and a2 are both of 2020: the id is the smaller; statuses in the order In force, Announced, Ended.
      {initiative_id: "a1", title: "Canada-US Joint Action Plan", first_year: 2020, statuses: ["In force", "Announced"], records: ["a1", "a2"], parties: ["CAN", "USA"]},
      // b1 (2022) comes before b2 (2023); parties in first-seen order, USA once.
      {initiative_id: "b1", title: "Minerals Security Partnership", first_year: 2022, statuses: ["In force", "Ended"], records: ["b1", "b2"], parties: ["USA", "JPN", "EU", "AUS"]}
    ]);
  });

  it("initiatives(records, rule) selects by type, jurisdiction, both or either, and groups by title or record", () => {
    expect(found("type-by-record")).toEqual(["a1", "a2", "b1", "b2"]);
    expect(found("jurisdiction-by-title")).toEqual(["c1", "b1"]); // b2 is national, so not in b1's group
    expect(found("both-by-record")).toEqual(["b1"]);
    expect(found("either-by-title")).toEqual(["c1", "a1+a2", "b1+b2"]);
    expect(found("either-by-record")).toEqual(["c1", "a1", "a2", "b1", "b2"]);
  });

  it("initiatives(records, rule) puts a status outside the IEA's usual three after them", () => {
    // x1 comes first (same year, smaller id), but its status Planned goes after x2's Ended.
    const planned = [record("x2", "Pact", 2024, "Ended", "International", ["USA"], [ARR]), record("x1", "Pact", 2024, "Planned", "International", ["JPN"], [ARR])];
    expect(initiatives(planned, RULE)[0]!.statuses).toEqual(["Ended", "Planned"]);
  });
});

describe("evaluateRule", () => {
  const paper = {initiatives: 3, since2020: 1, parties: {USA: 2, JPN: 0, CHL: 1}};

  it("evaluateRule(records, type-by-title, paper): 2 initiatives, USA 2, JPN 1, CHL 0; distance |2-3| + 0 + 1 + 1 = 3", () => {
    expect(evaluateRule(records, RULE, paper)).toEqual({rule: RULE, initiatives: 2, since2020: 1, parties: {USA: 2, JPN: 1, CHL: 0}, distance: 3});
  });

  it("evaluateRule(records, jurisdiction-by-record, paper): c1 (2019) and b1, half from 2020; distance 1 + 1 + 1 + 0 = 3", () => {
    expect(evaluateRule(records, rule("jurisdiction-by-record"), paper)).toMatchObject({initiatives: 2, since2020: 0.5, parties: {USA: 1, JPN: 1, CHL: 1}, distance: 3});
  });

  it("evaluateRule with no records finds none and no share; the distance is the paper's counts", () => {
    expect(evaluateRule([], RULE, paper)).toMatchObject({initiatives: 0, since2020: null, distance: 3 + 2 + 0 + 1});
  });
});

describe("RULE on the IEA export", () => {
  const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
  const real = readPolicies(read).records.map(({row}) => cooperationRecord(row));
  const paper = {initiatives: 41, since2020: 0.98, parties: {USA: 14, EU: 13, CAN: 8, AUS: 8, JPN: 7}};

  it("evaluateRule(export, RULE, paper) finds 40 initiatives, USA 15, EU 13, CAN 7, AUS 10, JPN 7: distance 1 + 1 + 0 + 1 + 2 + 0 = 5", () => {
    expect(evaluateRule(real, RULE, paper)).toMatchObject({initiatives: 40, parties: {USA: 15, EU: 13, CAN: 7, AUS: 10, JPN: 7}, distance: 5});
  });

  it("RULE has a smaller distance to the paper's counts than every other rule of RULES", () => {
    const distance = (r: Rule) => evaluateRule(real, r, paper).distance;
    for (const other of RULES.filter((r) => r !== RULE)) expect(distance(other), other.id).toBeGreaterThan(distance(RULE));
  });
});
