import {readFileSync} from "node:fs";
import {csvFormat, csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {repairMojibake} from "../../lib/sources/mojibake.ts";
import {joinSummaries, parseIeaPolicies, parseSummaries} from "../../lib/sources/policy-sources.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {policiesTable} from "../../lib/tables/policies.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const ieaFile = "policies/iea_policies_db_critical_minerals_subset.csv";
const summaryFile = "policies/iea_policy_summaries.csv";
const rows = buildTable(policiesTable, read);
const raw = csvParse(read(ieaFile));

/** Words for the copy check, independent of the library: tags out, lower case, letters and digits only. */
const words = (s: string) => s.replace(/<[^>]*>/g, " ").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
/** The first run of n consecutive words the summary shares with the description, or null. */
function sharedRun(summary: string, description: string, n = 8): string | null {
  const d = words(description);
  const grams = new Set(d.slice(0, Math.max(0, d.length - n + 1)).map((_, i) => d.slice(i, i + n).join(" ")));
  const s = words(summary);
  for (let i = 0; i + n <= s.length; i++) if (grams.has(s.slice(i, i + n).join(" "))) return s.slice(i, i + n).join(" ");
  return null;
}

describe("policiesTable", () => {
  it("buildTable(policiesTable, read) gives the 52 IEA records, metadata only: no description column", () => {
    expect(raw).toHaveLength(52);
    expect(rows).toHaveLength(52);
    expect(Object.keys(policiesTable.columns)).not.toContain("description");
    expect(Object.keys(rows[0]!)).not.toContain("description");
  });

  it("buildTable(policiesTable, read) gives every policy a summary of one sentence and at most 30 words", () => {
    for (const r of rows) {
      expect(r.summary, r.policy_id).toMatch(/^[A-Z0-9].*\.$/);
      expect(r.summary.split(/\s+/).length, r.policy_id).toBeLessThanOrEqual(30);
      expect(r.summary, r.policy_id).not.toMatch(/[.!?]\s+\S/);
    }
    expect(new Set(rows.map((r) => r.summary)).size).toBe(52);
  });

  it("sharedRun(summary, description) finds no run of 8 consecutive words that a summary shares with its IEA description", () => {
    const byTitle = new Map(raw.map((d) => [repairMojibake(d.title!).value.trim(), d.description!]));
    // The check can fail: a sentence lifted from a description is caught.
    const first = byTitle.get("Future Made in Australia Act 2025")!;
    expect(sharedRun("It introduced tax incentives for renewable hydrogen and critical minerals production, aiming high.", first)).toBe("introduced tax incentives for renewable hydrogen and critical");
    for (const r of rows) {
      const description = byTitle.get(r.title);
      expect(description, r.title).toBeDefined();
      expect(sharedRun(r.summary, description!), r.policy_id).toBeNull();
    }
  });

  it("buildTable(policiesTable, read) repairs the double-encoded title and flags it; no mojibake is left in published text", () => {
    const repaired = rows.filter((r) => r.title_repaired);
    expect(repaired.map((r) => r.title)).toEqual(["DRC ARECOMS Decision No. 004/2025 \u2013 Cobalt Quota System"]);
    const text = rows.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === "string"));
    expect(text.filter((s) => /\u00c3|\u00c2|\u00e2[\u0080-\u00bf\u20ac]/.test(s))).toEqual([]);
    expect(repairMojibake("Australia\u00e2\u0080\u0099s and \u00c2\u00a3 and \u00e2\u20ac\u201c")).toEqual({value: "Australia\u2019s and \u00a3 and \u2013", repaired: true});
    expect(repairMojibake("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale")).toEqual({value: "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", repaired: false});
  });

  it("buildTable(policiesTable, read) reads countries as ISO3 codes (EU for the IEA's EUR), dates and flattened policy types", () => {
    const get = (id: string) => rows.find((r) => r.policy_id === id)!;
    expect(get("future-made-in-australia-act-2025")).toMatchObject({
      year: 2025, status: "In force", jurisdiction: "National", countries: "AUS", country_count: 1, date_promulgated: null, year_ended: null,
      policy_families: "Economic", policy_instruments: "Tax incentives", policy_categories: "Capital control/commercial operation/investment rules; Minerals recycling",
      learn_more: "https://www.legislation.gov.au/C2025A00009/asmade/text", date_modified: "2025-05-05", source_line: 2
    });
    expect(get("us-australia-framework-for-securing-of-supply-in-the-mining-and")).toMatchObject({countries: "USA;AUS", country_count: 2, jurisdiction: "International", date_promulgated: "2025-10-20"});
    expect(get("strategic-projects-of-the-crma").countries).toBe("EU");
    expect(get("temporary-suspension-of-cobalt-export-from-the-democratic-republic-of")).toMatchObject({status: "Ended", year_ended: 2025, countries: "COD"});
    expect(get("ontario-recovery-of-minerals-regulation").states).toBe("Ontario (CA-ON)");
    expect(rows.filter((r) => r.date_promulgated === null)).toHaveLength(12);
    expect(rows.filter((r) => r.technologies === null)).toHaveLength(52);
    expect(rows.filter((r) => r.tags === "Minerals Recycling")).toHaveLength(2);
    expect(new Set(rows.flatMap((r) => r.countries.split(";"))).size).toBe(24);
    expect(buildTable(policiesTable, read)).toEqual(rows);
  });
});

describe("parseIeaPolicies and the summaries on bad fixtures", () => {
  const columns = raw.columns;
  const record = raw[0]!;
  const fixture = (changes: Partial<Record<string, string>>[], cols: string[] = columns) => csvFormat(changes.map((c) => ({...record, ...c})), cols);
  const parse = (text: string) => () => parseIeaPolicies(text, "bad-iea.csv");

  it("parseIeaPolicies(text) accepts the good fixture", () => {
    expect(parse(fixture([{}]))()[0]!.row).toMatchObject({policy_id: "future-made-in-australia-act-2025", countries: ["AUS"]});
  });

  it("parseIeaPolicies(text) throws on a missing column, naming file, line and column", () => {
    expect(parse(fixture([{}], columns.filter((c) => c !== "status")))).toThrow('bad-iea.csv:1: column "status", value null: required column is missing');
  });

  it("parseIeaPolicies(text) throws on an unparseable number, naming file, line, column and value", () => {
    expect(parse(fixture([{}, {title: "Other", year: "2O25"}]))).toThrow('bad-iea.csv:3: column "year", value "2O25": not a four-digit year');
  });

  it("parseIeaPolicies(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse(fixture([{countries: '[{"iso3":"XAU","name":"Nowhere"}]'}]))).toThrow('bad-iea.csv:2: column "countries", value "XAU": unknown country code');
  });

  it("parseIeaPolicies(text) throws on a duplicate key (the same title twice), naming file, line, column and value", () => {
    expect(parse(fixture([{}, {title: "Future Made in Australia Act 2025 "}]))).toThrow('bad-iea.csv:3: column "title", value "Future Made in Australia Act 2025": duplicate key: policy id "future-made-in-australia-act-2025" already on line 2');
  });

  it("parseIeaPolicies(text) throws on out-of-range values and broken JSON", () => {
    expect(parse(fixture([{yearEnded: "3035"}]))).toThrow('bad-iea.csv:2: column "yearEnded", value "3035": a four-digit year must lie in [1800, 2100]');
    expect(parse(fixture([{datePromulgated: "2025-02-30"}]))).toThrow('bad-iea.csv:2: column "datePromulgated", value "2025-02-30": a date, YYYY-MM-DD, or blank');
    expect(parse(fixture([{policyType: '[{"topic":"Critical Minerals"'}]))).toThrow('bad-iea.csv:2: column "policyType", value "[{\\"topic\\":\\"Critical Minerals\\"": not JSON');
  });

  it("joinSummaries(policies, summaries) throws on a copied summary and a missing one, parseSummaries(text) on a long one, naming file, line, column and value", () => {
    const policies = parseIeaPolicies(fixture([{}]), "bad-iea.csv");
    const summaries = (summary: string, id = "future-made-in-australia-act-2025") =>
      parseSummaries(csvFormat([{policy_id: id, title: "Future Made in Australia Act 2025", summary}]), "bad-summaries.csv");
    const copied = "The Act introduced tax incentives for renewable hydrogen and critical minerals production.";
    expect(() => joinSummaries(policies, summaries(copied), "bad-iea.csv", "bad-summaries.csv")).toThrow(
      `bad-summaries.csv:2: column "summary", value ${JSON.stringify(copied)}: repeats 10 consecutive words of the IEA description`
    );
    expect(() => joinSummaries(policies, summaries("Australian production tax credits.", "another-policy"), "bad-iea.csv", "bad-summaries.csv")).toThrow(
      'bad-iea.csv:2: column "title", value "Future Made in Australia Act 2025": no summary for policy id "future-made-in-australia-act-2025"'
    );
    const long = Array.from({length: 31}, () => "word").join(" ") + ".";
    expect(() => summaries(long)).toThrow(`bad-summaries.csv:2: column "summary", value ${JSON.stringify(long)}: a summary has at most 30 words`);
    expect(() => summaries("Two sentences here. Not allowed.")).toThrow('bad-summaries.csv:2: column "summary", value "Two sentences here. Not allowed.": a summary is one sentence');
  });
});
