import {readFileSync} from "node:fs";
import {csvFormat, csvParse} from "d3-dsv";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parseIeaPolicies, promulgated} from "../../lib/sources/iea-policies.ts";
import {SourceError} from "../../lib/sources/source-error.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {cooperationRulesTable} from "../../lib/tables/cooperation-rules.ts";
import {CLASSES_FILE, IEA_FILE, policiesTable, readPolicies} from "../../lib/tables/policies.ts";
import {policyCountriesTable} from "../../lib/tables/policy-countries.ts";
import {policyParticipationTable} from "../../lib/tables/policy-participation.ts";
import {policyTypeClassesTable} from "../../lib/tables/policy-type-classes.ts";
import {policyTypesTable} from "../../lib/tables/policy-types.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const exportText = read(IEA_FILE);
const raw = csvParse(exportText);
const policies = buildTable(policiesTable, read);
const countries = buildTable(policyCountriesTable, read);
const types = buildTable(policyTypesTable, read);

/** A reader that serves `replacement` for the IEA export and the real file for everything else. */
const withExport = (replacement: string) => (p: string) => (p === IEA_FILE ? replacement : read(p));

describe("the IEA export as published", () => {
  it("policies holds every one of the 625 records, metadata only, with 545 in force, 48 announced and 32 ended", () => {
    expect(raw).toHaveLength(625);
    expect(policies).toHaveLength(625);
    expect(Object.keys(policies[0]!)).not.toContain("description");
    const status = (s: string) => policies.filter((p) => p.status === s).length;
    expect([status("In force"), status("Announced"), status("Ended")]).toEqual([545, 48, 32]);
    expect(new Set(policies.map((p) => p.policy_id)).size).toBe(625);
  });

  it("policy_countries counts the records naming each country as PROVENANCE.md states: USA 70, AUS 64, EU 51, CAN 46, CHN 31", () => {
    const count = (c: string) => countries.filter((r) => r.country === c).length;
    expect(["USA", "AUS", "EU", "CAN", "CHN"].map(count)).toEqual([70, 64, 51, 46, 31]);
    // Hand count from the source: each record names at least one country; 14 name several.
    const names = raw.map((d) => (JSON.parse(d.countries!) as unknown[]).length);
    expect(countries).toHaveLength(names.reduce((a, b) => a + b, 0));
    expect(names.filter((n) => n > 1)).toHaveLength(14);
    expect(countries.every((r) => r.country_count === policies.find((p) => p.policy_id === r.policy_id)!.country_count)).toBe(true);
  });

  it("a title the IEA files once per party gets one id per record: the Canada-US Joint Action Plan twice, with the second's countries appended", () => {
    const plan = policies.filter((p) => p.title === "Canada-US Joint Action Plan on Critical Minerals Collaboration");
    expect(plan).toHaveLength(2);
    expect(plan.map((p) => p.policy_id).sort()).toEqual(["canada-us-joint-action-plan-on-critical-minerals-collaboration", `canada-us-joint-action-plan-on-critical-minerals-collaboration-${plan.find((p) => p.policy_id.length > 63)!.countries.toLowerCase()}`].sort());
  });

  it("policy_types weights each record's types to 1, and every type has a class of the classification", () => {
    expect(types).toHaveLength(raw.reduce((n, d) => n + new Set((JSON.parse(d.policyType!) as object[]).map((t) => JSON.stringify(t))).size, 0));
    const sums = new Map<string, number>();
    for (const t of types) sums.set(t.policy_id, (sums.get(t.policy_id) ?? 0) + t.weight);
    expect(sums.size).toBe(625);
    for (const [id, w] of sums) expect(w, id).toBeCloseTo(1, 12);
    const classes = buildTable(policyTypeClassesTable, read);
    expect(classes.reduce((n, c) => n + c.records, 0)).toBe(types.length);
    expect(classes.filter((c) => c.records === 0)).toEqual([]);
    expect(classes.find((c) => c.type === "Stockpiling mechanisms")).toMatchObject({miners_class: "stockpiling_security", strategies: "stockpiling", records: 8});
  });

  it("the DD-MM-YYYY dates of ten records are turned round, the year-only one kept, the five records without a link have none", () => {
    const ddmmyyyy = raw.filter((d) => /^\d{2}-\d{2}-\d{4}$/.test(d.datePromulgated!));
    expect(ddmmyyyy).toHaveLength(10);
    expect(promulgated("29-12-2009")).toBe("2009-12-29");
    expect(promulgated("31-02-2020")).toBeNull();
    expect(promulgated("2021")).toBe("2021");
    expect(policies.filter((p) => p.date_promulgated !== null && !/^\d{4}(-\d{2}-\d{2})?$/.test(p.date_promulgated))).toEqual([]);
    expect(policies.filter((p) => p.learn_more === null)).toHaveLength(5);
  });

  it("policy_participation and cooperation_rules: the rule used finds 40 initiatives (paper 41) with the United States in 15 and the EU in 13", () => {
    const participation = buildTable(policyParticipationTable, read);
    expect(new Set(participation.map((p) => p.initiative_id)).size).toBe(40);
    const of = (party: string) => participation.filter((p) => p.party === party).length;
    expect(["USA", "EU", "CAN", "AUS", "JPN"].map(of)).toEqual([15, 13, 7, 10, 7]);
    const rules = buildTable(cooperationRulesTable, read);
    expect(rules).toHaveLength(8);
    const used = rules.filter((r) => r.is_used);
    expect(used.map((r) => [r.rule_id, r.initiatives, r.distance])).toEqual([["type-by-title", 40, 5]]);
    expect(Math.min(...rules.map((r) => r.distance))).toBe(5);
  });

  it("the same sources build the same rows", () => {
    expect(buildTable(policiesTable, read)).toEqual(policies);
    expect(buildTable(policyTypesTable, read)).toEqual(types);
  });
});

describe("bad input to the IEA export stops the build, naming file, line, column and value", () => {
  const header = Object.keys(raw[0]!);
  const records = raw.map((d) => ({...d}));
  const rewrite = (rows: Record<string, string | undefined>[], columns = header) => csvFormat(rows as Record<string, string>[], columns) + "\n";
  const parse = (text: string) => () => readPolicies(withExport(text));

  it("a cell of bad JSON names the record's line and the column", () => {
    const rows = records.map((d) => ({...d}));
    rows[4]!.countries = '[{"iso3":"AUS","name":"Australia"}';
    expect(parse(rewrite(rows))).toThrow(`${IEA_FILE}:6: column "countries", value "[{\\"iso3\\":\\"AUS\\",\\"name\\":\\"Australia\\"}": not JSON`);
  });

  it("an unknown country code, an empty list of types, a year ended before the year and a bad date each name their cell", () => {
    const change = (i: number, column: string, value: string) => rewrite(records.map((d, j) => (j === i ? {...d, [column]: value} : d)));
    expect(parse(change(0, "countries", '[{"iso3":"XXX","name":"Nowhere"}]'))).toThrow(`${IEA_FILE}:2: column "countries", value "XXX": unknown country code`);
    expect(parse(change(1, "policyType", "[]"))).toThrow(`${IEA_FILE}:3: column "policyType", value "[]": a record has at least one policy type`);
    expect(parse(change(2, "yearEnded", "1900"))).toThrow(`${IEA_FILE}:4: column "yearEnded", value "1900": ends before its year`);
    expect(parse(change(3, "datePromulgated", "2021-13-01"))).toThrow(`${IEA_FILE}:5: column "datePromulgated", value "2021-13-01": a date`);
    expect(parse(change(0, "status", "Maybe"))).toThrow(`${IEA_FILE}:2: column "status", value "Maybe": must be one of`);
  });

  it("a policy type with no class names the record and asks for a line in the classification", () => {
    const rows = records.map((d, j) => (j === 7 ? {...d, policyType: '[{"topic":"Critical Minerals","family":"Economic","name":"Lottery","category":null}]'} : d));
    expect(parse(rewrite(rows))).toThrow(`${IEA_FILE}:9: column "policyType", value "{\\"topic\\":\\"Critical Minerals\\",\\"family\\":\\"Economic\\",\\"name\\":\\"Lottery\\",\\"category\\":null}": this policy type has no class in ${CLASSES_FILE}`);
  });

  it("the same record twice is a duplicate key", () => {
    expect(parse(rewrite([...records, records[10]!, records[10]!]))).toThrow(/:62[78]: column "title", value ".*": duplicate key/);
  });

  it("a dropped column stops the build, naming the column (every column it reads, property)", () => {
    const needed = ["title", "status", "year", "jurisdiction", "source", "datePromulgated", "yearEnded", "learnMore", "learnMoreLanguage", "dateModified", "countries", "states", "technologies", "tags", "policyType"];
    fc.assert(
      fc.property(fc.constantFrom(...needed), (column) => {
        expect(parse(rewrite(records, header.filter((h) => h !== column)))).toThrow(`${IEA_FILE}:1: column "${column}", value null: required column is missing`);
      }),
      {numRuns: 30}
    );
  });

  it("a file cut anywhere either parses as the records before the cut or stops with an error naming the file (property)", () => {
    const lines = exportText.length;
    fc.assert(
      fc.property(fc.integer({min: 1, max: lines - 1}), (at) => {
        let parsed: ReturnType<typeof parseIeaPolicies> | null = null;
        try {
          parsed = parseIeaPolicies(exportText.slice(0, at), IEA_FILE);
        } catch (e) {
          expect(e).toBeInstanceOf(SourceError);
          expect(String((e as Error).message)).toMatch(new RegExp(`^${IEA_FILE.replace(/[./]/g, "\\$&")}:\\d+: column "`));
          return;
        }
        // A cut that leaves whole records keeps them as they were; a cut title is not a valid record of another.
        const whole = parseIeaPolicies(exportText, IEA_FILE);
        for (const r of parsed.slice(0, -1)) expect(r).toEqual(whole.find((w) => w.line === r.line));
      }),
      {numRuns: 60}
    );
  });

  it("a file re-encoded as Latin-1 and read as UTF-8 stops at the first damaged cell", () => {
    const latin1 = new TextDecoder("utf-8").decode(Buffer.from(exportText, "latin1"));
    expect(latin1).toContain("\uFFFD");
    expect(parse(latin1)).toThrow(/holds U\+FFFD, the mark of bytes that were not UTF-8/);
  });
});
