import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseDateSpan} from "../../../lib/sources/date-span.ts";
import {checkTable1Vocabulary, MEASURE_COLUMNS, parsePolicyMeasures, partyName, partyNumeric} from "../../../lib/policy/schema.ts";
import {INTERVENTION_TYPES, SHOCKS, STRATEGIES} from "../../../lib/policy/vocabulary.ts";
import {csvOf, FIXTURE, type FixtureRow} from "./fixture.ts";

const FILE = "measures.csv";
const parse = (rows: readonly FixtureRow[], columns?: readonly string[]) => () => parsePolicyMeasures(csvOf(rows, columns), FILE);
const good: FixtureRow = {measure_id: "g1", title: "Good", jurisdiction: "CAN", intervention_type: "financial_support", intervention_subtype: "tax_incentive", start_date: "2024"};
/** The error a one-row file gives, with the good row changed by `change`. */
const failing = (change: FixtureRow) => parse([{...good, ...change}]);

describe("parseDateSpan", () => {
  it("parseDateSpan(text) reads a year, a month and a day into their first and last day", () => {
    expect(parseDateSpan("2024")).toEqual({text: "2024", earliest: "2024-01-01", latest: "2024-12-31", yearMin: 2024, yearMax: 2024});
    expect(parseDateSpan("2024-02")).toMatchObject({earliest: "2024-02-01", latest: "2024-02-29"}); // leap year
    expect(parseDateSpan("2023-02")).toMatchObject({latest: "2023-02-28"});
    expect(parseDateSpan("2022-06-14")).toMatchObject({earliest: "2022-06-14", latest: "2022-06-14"});
  });

  it("parseDateSpan(\"FIRST/LAST\") reads a span across years, as the MSP gives Norway's accession", () => {
    expect(parseDateSpan("2022-06/2023-06")).toEqual({text: "2022-06/2023-06", earliest: "2022-06-01", latest: "2023-06-30", yearMin: 2022, yearMax: 2023});
  });

  it("parseDateSpan(text) is null for impossible dates, reversed spans and words", () => {
    for (const bad of ["2025-02-30", "2025-13", "2023/2022", "early 2025", "25", "1899", "2024/2025/2026", ""]) expect(parseDateSpan(bad)).toBeNull();
  });
});

describe("parsePolicyMeasures", () => {
  const rows = parsePolicyMeasures(csvOf(FIXTURE), FILE);
  const byId = new Map(rows.map((r) => [r.row.measure_id, r.row]));

  it("parsePolicyMeasures(text) keeps file order and each row's line", () => {
    expect(rows.map((r) => [r.line, r.row.measure_id])).toEqual(FIXTURE.map((f, i) => [i + 2, f.measure_id]));
  });

  it("parsePolicyMeasures(text) derives parties, initiative flag, years and mineral families", () => {
    expect(byId.get("m1")).toMatchObject({jurisdiction_name: "United States", parties: "USA", party_count: 1, is_initiative: false, start_year: 2017, start_year_min: 2017, start_year_max: 2017});
    expect(byId.get("m2")).toMatchObject({minerals: "dysprosium;cobalt", mineral_groups: "rare earth elements;cobalt"});
    expect(byId.get("m4")).toMatchObject({status: "implemented", start_date: null, start_year: null, start_year_min: null});
    expect(byId.get("m5")).toMatchObject({start_date: "2019/2021", start_year: null, start_year_min: 2019, start_year_max: 2021, end_year: 2022});
    expect(byId.get("m6")).toMatchObject({status: null, minerals: "lithium;neodymium", mineral_groups: "lithium;rare earth elements"});
    expect(byId.get("i2")).toMatchObject({parties: "EU;AUS;CAN", party_count: 3, is_initiative: true});
    expect(byId.get("a1")).toMatchObject({part_of: "i2", is_initiative: false, parties: "JPN"});
  });

  it("parsePolicyMeasures(text) normalises mineral names as the critical lists do", () => {
    const [r] = parsePolicyMeasures(csvOf([{...good, minerals: "Aluminum; PGMs ;Lithium (Li)"}]), FILE);
    expect(r!.row.minerals).toBe("aluminium;platinum group metals;lithium");
  });

  it("parsePolicyMeasures(text) accepts the columns in any order", () => {
    const reversed = [...MEASURE_COLUMNS].reverse();
    expect(parse([good], reversed)()[0]!.row.measure_id).toBe("g1");
  });

  it("parsePolicyMeasures(text) names the file, line and column of a missing or unknown column", () => {
    expect(parse([good], MEASURE_COLUMNS.filter((c) => c !== "theme"))).toThrow('measures.csv:1: column "theme", value null: required column is missing');
    expect(parse([good], [...MEASURE_COLUMNS, "intervention_subtyp"])).toThrow('measures.csv:1: column "intervention_subtyp", value "intervention_subtyp": not a column of the MINERS policy schema');
  });

  it("parsePolicyMeasures(text) throws on a duplicate measure id, naming the first line", () => {
    expect(parse([good, good])).toThrow('measures.csv:3: column "measure_id", value "g1": duplicate key: already on line 2');
  });

  it.each([
    [{measure_id: "G 1"}, "measure_id", "a measure id: lower-case letters, digits and single hyphens"],
    [{title: " "}, "title", "must not be empty"],
    [{jurisdiction: "XXX"}, "jurisdiction", "a party code: ISO 3166-1 alpha-3 code of a country, or EU"],
    [{scope: "local"}, "scope", "unknown scope: one of national, subnational, regional, international"],
    [{intervention_type: "subsidy"}, "intervention_type", "unknown intervention type"],
    [{intervention_subtype: "export_ban"}, "intervention_subtype", "not a sub-type of financial_support: one of public_investment, loans_grants, tax_incentive, production_incentive"],
    [{status: "in force"}, "status", "unknown status: one of announced, planned, implemented, ended, superseded"],
    [{start_date: "2025-02-30"}, "start_date", "a date: YYYY, YYYY-MM or YYYY-MM-DD, or a span FIRST/LAST of these"],
    [{end_date: "2023"}, "end_date", "ends before it starts (2024)"],
    [{theme: "security"}, "theme", "unknown theme"],
    [{value_chain_stages: "mining"}, "value_chain_stages", 'unknown value-chain stage "mining"'],
    [{capacities: "absorption;absorption"}, "capacities", "a capacity is listed twice"],
    [{minerals: "gold"}, "minerals", "mineral name not in the normalisation table"],
    [{minerals: "aluminium;bauxite"}, "minerals", '"aluminium" is listed twice'],
    [{shocks: "war"}, "shocks", 'unknown shock "war"'],
    [{shocks: "economic", strategies: "alternative_supply"}, "strategies", 'Table 1 lists "Alternative supply sources" under geological, geopolitical, natural_hazards'],
    [{strategies: "stockpiling"}, "strategies", "name one of these shocks in shocks"],
    [{summary: "x".repeat(401)}, "summary", "a summary has at most 400 characters"],
    [{source_url: "www.example.org"}, "source_url", "a URL (http or https)"],
    [{classified_by: ""}, "classified_by", "must not be empty"]
  ] as [FixtureRow, string, string][])("parsePolicyMeasures(text) throws on a bad field: %o in column %s", (change, column, rule) => {
    expect(failing(change)).toThrow(`measures.csv:2: column "${column}"`);
    expect(failing(change)).toThrow(rule);
  });

  it.each([
    [{scope: "subnational"}, "subdivision", "a subnational measure gives its subdivision"],
    [{scope: "subnational", subdivision: "US-NV"}, "subdivision", "not a subdivision of CAN (CA-...)"],
    [{subdivision: "CA-ON"}, "subdivision", "only a subnational measure has a subdivision"],
    [{scope: "regional"}, "scope", "a regional measure is the European Union's"],
    [{jurisdiction: "EU"}, "scope", "an EU measure is regional or international"],
    [{intervention_type: "international_arrangement", intervention_subtype: "bilateral_mou"}, "scope", "an international arrangement has international scope"],
    [{scope: "international", parties: "CAN"}, "parties", "an international measure has two or more parties"],
    [{scope: "international", parties: "USA;JPN"}, "parties", "the parties include the jurisdiction, CAN"],
    [{scope: "international", parties: "CAN;USA;CAN"}, "parties", "a party is listed twice"],
    [{parties: "CAN;USA"}, "parties", "a national measure has no parties but its jurisdiction"],
    [{scope: "international", parties: "CAN;XYZ"}, "parties", 'unknown party code "XYZ"'],
    [{part_of: "g0"}, "part_of", "only an accession (sub-type accession) is part of another measure"],
    [{scope: "international", parties: "CAN", intervention_type: "international_arrangement", intervention_subtype: "accession"}, "part_of", "an accession names the initiative it joins"]
  ] as [FixtureRow, string, string][])("parsePolicyMeasures(text) throws when fields disagree: %o in column %s", (change, column, rule) => {
    expect(failing(change)).toThrow(`measures.csv:2: column "${column}"`);
    expect(failing(change)).toThrow(rule);
  });

  it("parsePolicyMeasures(text) throws on an accession joining nothing, or joining an accession", () => {
    const accession: FixtureRow = {measure_id: "a9", title: "Joins", jurisdiction: "NOR", scope: "international", parties: "NOR", intervention_type: "international_arrangement", intervention_subtype: "accession"};
    expect(parse([...FIXTURE, {...accession, part_of: "i9"}])).toThrow('measures.csv:12: column "part_of", value "i9": no measure has this measure_id');
    expect(parse([...FIXTURE, {...accession, part_of: "a1"}])).toThrow('measures.csv:12: column "part_of", value "a1": an accession joins an international arrangement that is not itself an accession');
    expect(parse([...FIXTURE, {...accession, part_of: "m1"}])).toThrow("an accession joins an international arrangement");
  });

  it("parsePolicyMeasures(text) accepts a subnational measure in its country's subdivision", () => {
    expect(parse([{...good, scope: "subnational", subdivision: "CA-ON"}])()[0]!.row).toMatchObject({subdivision: "CA-ON", parties: "CAN"});
  });
});

describe("partyName, partyNumeric", () => {
  it("partyName(code) and partyNumeric(code) give the names and Natural Earth ids of parties", () => {
    expect([partyName("AUS"), partyNumeric("AUS")]).toEqual(["Australia", "036"]);
    expect([partyName("EU"), partyNumeric("EU")]).toEqual(["European Union", null]);
    expect([partyName("USA"), partyNumeric("USA")]).toEqual(["United States", "840"]);
  });
});

describe("the vocabularies", () => {
  const table1 = readFileSync("data/sources/paper/framework_table1.csv", "utf-8");

  it("checkTable1Vocabulary(text) accepts the paper's Table 1 as transcribed", () => {
    expect(() => checkTable1Vocabulary(table1, "paper/framework_table1.csv")).not.toThrow();
    expect(SHOCKS).toHaveLength(8);
    expect(STRATEGIES.reduce((n, s) => n + s.shocks.length, 0)).toBe(22); // Table 1 has 22 shock x strategy rows
  });

  it("checkTable1Vocabulary(text) names the Table 1 line whose wording the vocabulary lacks", () => {
    const changed = table1.replace("7,Logistics and distribution,1,Industrial clusters", "7,Logistics and distribution,1,Industrial parks");
    expect(() => checkTable1Vocabulary(changed, "t1.csv")).toThrow('t1.csv:20: column "strategy", value "Industrial parks": no strategy of STRATEGIES');
    const reordered = table1.replace(/^3,Sudden/m, "9,Sudden");
    expect(() => checkTable1Vocabulary(reordered, "t1.csv")).toThrow('t1.csv:11: column "shock_order", value "9": lib/policy/vocabulary.ts puts demand_supply at position 3');
  });

  it("has unique ids: types, and sub-types across all types", () => {
    const subtypes = INTERVENTION_TYPES.flatMap((t) => t.subtypes.map((s) => s.id));
    expect(new Set(subtypes).size).toBe(subtypes.length);
    expect(new Set(INTERVENTION_TYPES.map((t) => t.id)).size).toBe(INTERVENTION_TYPES.length);
  });
});
