import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {classify, classOf} from "../../../lib/policy/classification.ts";
import {parseTypeClasses, typeKey} from "../../../lib/sources/policy-type-classes.ts";
import {POLICY_CLASSES, STRATEGIES} from "../../../lib/policy/vocabulary.ts";
import type {IeaPolicyRecord, IeaPolicyType} from "../../../lib/sources/iea-policies.ts";
import {SourceError} from "../../../lib/sources/source-error.ts";
import {readPolicies} from "../../../lib/tables/policies.ts";

const HEADER = "topic,family,type,category,miners_class,strategies,note";
const LINES = [
  "Critical Minerals,Economic,Financing,,financial_support,alternative_supply,Public money.",
  'Critical Minerals,Economic,Financing,Minerals recycling,financial_support," secondary_markets ; alternative_supply ",Money for recycling.',
  "Critical Minerals,General legal framework,Strategic plans,,governance_strategy,,Sets direction."
];
const csv = (lines: readonly string[], header = HEADER) => [header, ...lines].join("\n") + "\n";
const parse = (lines: readonly string[], header = HEADER) => () => parseTypeClasses(csv(lines, header), "classes.csv");
/** The three lines with line 3 (the second data line) replaced. */
const withLine3 = (line: string) => parse([LINES[0]!, line, LINES[2]!]);

describe("parseTypeClasses", () => {
  const parsed = parseTypeClasses(csv(LINES), "classes.csv");

  it("parseTypeClasses(text) reads each line with its line number; a blank category is null", () => {
    expect(parsed[0]).toEqual({
      line: 2,
      row: {topic: "Critical Minerals", family: "Economic", type: "Financing", category: null, miners_class: "financial_support", strategies: ["alternative_supply"], note: "Public money."}
    });
    expect(parsed.map((c) => [c.line, c.row.category])).toEqual([[2, null], [3, "Minerals recycling"], [4, null]]);
  });

  it("parseTypeClasses(text) splits the strategies on ';' and trims them; a blank cell is none", () => {
    expect(parsed.map((c) => c.row.strategies)).toEqual([["alternative_supply"], ["secondary_markets", "alternative_supply"], []]);
  });

  it("parseTypeClasses(text) names the file, line, column and value of a missing column", () => {
    expect(parse(LINES, "topic,family,type,category,miners_class,strategies")).toThrow('classes.csv:1: column "note", value null: required column is missing');
  });

  it.each([
    ["Critical Minerals,Economic,Financing,Minerals recycling,subsidy,,x", 'column "miners_class", value "subsidy": a class, one of: ' + POLICY_CLASSES.map((c) => c.id).join(", ")],
    ["Critical Minerals,Economic,Financing,Minerals recycling,financial_support,stockpiling;hoarding,x", `column "strategies", value "stockpiling;hoarding": unknown strategy "hoarding": ";"-separated ids of ${STRATEGIES.map((s) => s.id).join(", ")}`],
    ["Critical Minerals,Economic,Financing,Minerals recycling,financial_support,stockpiling; stockpiling,x", 'column "strategies", value "stockpiling; stockpiling": a strategy is listed twice'],
    ["Critical Minerals,Economic,Financing,Minerals recycling,financial_support,,", 'column "note", value "": must not be empty'],
    ["Critical Minerals, ,Financing,Minerals recycling,financial_support,,x", 'column "family", value " ": must not be empty']
  ])("parseTypeClasses(text) throws on a bad value on line 3: %s", (line, message) => {
    expect(withLine3(line)).toThrow(SourceError);
    expect(withLine3(line)).toThrow(`classes.csv:3: ${message}`);
  });

  it("parseTypeClasses(text) throws on a type classified twice (spaces aside), naming both lines", () => {
    expect(parse([...LINES, "Critical Minerals,Economic, Financing ,,trade_measures,,Again."])).toThrow(
      'classes.csv:5: column "type", value "Financing": duplicate key: this topic, family, type and category are classified on line 2'
    );
  });
});

describe("typeKey", () => {
  it("typeKey(t) is the same for a record's type (name) and a class line (type), a null and a blank category", () => {
    expect(typeKey({topic: "T", family: "F", name: "N", category: null})).toBe(typeKey({topic: "T", family: "F", type: "N", category: ""}));
  });

  it("typeKey(t) differs when any of the four fields differs", () => {
    const base = {topic: "T", family: "F", name: "N", category: "C"};
    const keys = [base, {...base, topic: "U"}, {...base, family: "G"}, {...base, name: "M"}, {...base, category: null}].map(typeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("typeKey(t) keeps fields apart: words moved from the type to the family give another key", () => {
    // Joined with spaces, both would read "T F N C ".
    expect(typeKey({topic: "T", family: "F", name: "N C", category: null})).not.toBe(typeKey({topic: "T", family: "F N", name: "C", category: null}));
  });
});

describe("classify, classOf", () => {
  const classes = parseTypeClasses(csv(LINES), "classes.csv").map((c) => c.row);
  const type = (family: string, name: string, category: string | null = null): IeaPolicyType => ({topic: "Critical Minerals", family, name, category});
  const record = (policy_id: string, types: IeaPolicyType[]): IeaPolicyRecord => ({
    policy_id,
    title: policy_id,
    title_repaired: false,
    year: 2020,
    status: "In force",
    jurisdiction: "National",
    countries: ["USA"],
    states: [],
    date_promulgated: null,
    year_ended: null,
    types,
    tags: [],
    technologies: [],
    learn_more: null,
    learn_more_language: null,
    date_modified: "2026-04-01"
  });

  it("classify(records, classes) gives the class line of each type; classOf looks one up", () => {
    const recycling = type("Economic", "Financing", "Minerals recycling");
    const byKey = classify([{line: 2, row: record("p1", [type("Economic", "Financing"), recycling])}], classes, "iea.csv", "classes.csv");
    expect(classOf(byKey, recycling)).toBe(classes[1]);
    expect(classOf(byKey, type("General legal framework", "Strategic plans")).miners_class).toBe("governance_strategy");
  });

  it("classify(records, classes) throws on a type with no line, naming the record's file and line, the column and the type", () => {
    const missing = type("General legal framework", "Strategic plans", "Minerals recycling"); // classified only without the category
    const records = [{line: 2, row: record("p1", [type("Economic", "Financing")])}, {line: 7, row: record("p2", [type("Economic", "Financing"), missing])}];
    const run = () => classify(records, classes, "iea.csv", "classes.csv");
    expect(run).toThrow(SourceError);
    expect(run).toThrow(`iea.csv:7: column "policyType", value ${JSON.stringify(JSON.stringify(missing))}: this policy type has no class in classes.csv`);
  });
});

describe("the classification of the IEA export", () => {
  const {records, classes, byKey} = readPolicies((p) => readFileSync("data/sources/" + p, "utf-8"));
  const used = new Set(records.flatMap(({row}) => row.types.map(typeKey)));

  it("every type of every record of the export has a line of miners_policy_type_classes.csv", () => {
    const missing = records.flatMap(({line, row}) => row.types.filter((t) => !byKey.has(typeKey(t))).map((t) => `line ${line}: ${JSON.stringify(t)}`));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it("no line of miners_policy_type_classes.csv is unused by the export", () => {
    expect(classes.filter((c) => !used.has(typeKey(c.row))).map((c) => `line ${c.line}: ${c.row.type}`)).toEqual([]);
    expect(classes.length).toBe(used.size);
  });
});
