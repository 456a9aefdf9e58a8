import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {measuresOf, paperComparison, participationCounts} from "../../lib/policy/aggregates.ts";
import {CAPACITIES, INTERVENTION_TYPES, SCOPES, SHOCKS, STATUSES, STRATEGIES, THEMES, VALUE_CHAIN_STAGES} from "../../lib/policy/vocabulary.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {agreementsTable} from "../../lib/tables/agreements.ts";
import {criticalListsTable} from "../../lib/tables/critical-lists.ts";
import {mspMembersTable} from "../../lib/tables/msp-members.ts";
import {policiesTable} from "../../lib/tables/policies.ts";
import {MEASURES_FILE, policyMeasuresTable} from "../../lib/tables/policy-measures.ts";
import {policyParticipationTable} from "../../lib/tables/policy-participation.ts";
import {syntheticMeasuresCsv, SYNTHETIC_FILE} from "../fixtures/generate-policy-measures.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
/** The sources, with the policy CSV replaced by another file, as an author would replace it. */
const readWith = (file: string) => (p: string) => (p === MEASURES_FILE ? readFileSync(file, "utf-8") : read(p));

const rows = buildTable(policyMeasuresTable, read);
const byRef = new Map(rows.filter((r) => r.source_ref).map((r) => [r.source_ref!, r]));
const participationRows = buildTable(policyParticipationTable, read);

describe("policyMeasuresTable on the shipped classification", () => {
  it("buildTable(policyMeasuresTable, read) has 52 IEA records, 11 lists, 13 agreements and 16 MSP accessions", () => {
    const count = (prefix: string) => rows.filter((r) => r.source_ref?.startsWith(prefix)).length;
    expect([rows.length, count("iea:"), count("critical_lists:"), count("agreements:"), count("msp_members:")]).toEqual([92, 52, 11, 13, 16]);
    expect(measuresOf(rows)).toHaveLength(76);
    expect(rows.filter((r) => r.is_initiative)).toHaveLength(23);
    expect(rows.every((r) => r.classified_by.startsWith("MINERS site team"))).toBe(true);
  });

  it("every IEA row keeps the IEA record's title, link, summary, status, dates, jurisdiction and parties", () => {
    const status: Record<string, string> = {"In force": "implemented", Announced: "announced", Ended: "ended"};
    const iea = buildTable(policiesTable, read);
    for (const p of iea) {
      const r = byRef.get(`iea:${p.policy_id}`);
      expect(r, p.policy_id).toBeDefined();
      const countries = p.countries.split(";");
      expect({measure_id: r!.measure_id, title: r!.title, source_url: r!.source_url, summary: r!.summary, status: r!.status, start_date: r!.start_date, end_year: r!.end_year, jurisdiction: r!.jurisdiction}).toEqual({
        measure_id: p.policy_id,
        title: p.title,
        source_url: p.learn_more,
        summary: p.summary,
        status: status[p.status],
        start_date: p.date_promulgated ?? String(p.year),
        end_year: p.year_ended,
        jurisdiction: countries[0]
      });
      expect(r!.parties.split(";").sort()).toEqual(countries.sort());
      expect(r!.scope === "subnational").toBe(p.jurisdiction === "State/Provincial");
    }
  });

  it("every list row names the list's minerals, in its order, with its date and official link", () => {
    const lists = buildTable(criticalListsTable, read);
    for (const name of new Set(lists.map((l) => l.list_name))) {
      const items = lists.filter((l) => l.list_name === name).sort((a, b) => a.order_in_source - b.order_in_source);
      const r = byRef.get(`critical_lists:${name}`)!;
      expect(r, name).toBeDefined();
      expect([r.jurisdiction, r.start_date, r.source_url, r.minerals]).toEqual([items[0]!.jurisdiction_code, items[0]!.published, items[0]!.official_url, [...new Set(items.map((i) => i.mineral))].join(";")]);
    }
  });

  it("every agreement row keeps the agreement's parties, date and link; undated stays undated", () => {
    for (const a of buildTable(agreementsTable, read)) {
      const r = byRef.get(`agreements:${a.agreement}`)!;
      expect([r.parties, r.start_date, r.source_url, r.is_initiative]).toEqual([a.party_codes, a.date, a.source_url, true]);
    }
    expect(rows.filter((r) => r.source_ref?.startsWith("agreements:") && r.start_date === null)).toHaveLength(8);
  });

  it("the Minerals Security Partnership's participants are the 16 members of msp_members, joined when it says", () => {
    const members = buildTable(mspMembersTable, read);
    const msp = participationRows.filter((p) => p.initiative_id === "agreement-minerals-security-partnership");
    expect(msp.map((p) => [p.party, p.joined]).sort()).toEqual(members.map((m) => [m.party_code, m.joined]).sort());
    expect(msp.find((p) => p.party === "NOR")).toMatchObject({joined: "2022-06/2023-06", joined_year_min: 2022, joined_year_max: 2023, party_name: "Norway", party_numeric: "578"});
  });

  it("participation counts of the shipped data: EU 12, United States 11, Argentina 4, Australia and Japan 3", () => {
    expect(participationCounts(participationRows).slice(0, 5)).toEqual([
      {party: "EU", initiatives: 12},
      {party: "USA", initiatives: 11},
      {party: "ARG", initiatives: 4},
      {party: "AUS", initiatives: 3},
      {party: "JPN", initiatives: 3}
    ]);
  });

  it("paperComparison(shipped) gives 76 measures, 23 initiatives and 67 of 76 implemented", () => {
    const ours = new Map(paperComparison(rows).map((c) => [c.paper_id, c.ours]));
    expect([ours.get("pol_measures_total"), ours.get("coop_initiatives_total"), ours.get("pol_share_implemented")]).toEqual([76, 23, 67 / 76]);
    expect([ours.get("pol_count_usa"), ours.get("pol_count_eu"), ours.get("pol_count_chn")]).toEqual([13, 20, 3]);
  });
});

describe("replacing the policy CSV", () => {
  it("the synthetic fixture is what its seeded generator writes", () => {
    expect(readFileSync(SYNTHETIC_FILE, "utf-8")).toBe(syntheticMeasuresCsv());
  });

  it("buildTable(policyMeasuresTable) on 640 synthetic rows builds both tables and every aggregate", () => {
    const synthetic = buildTable(policyMeasuresTable, readWith(SYNTHETIC_FILE));
    expect(synthetic).toHaveLength(640);
    expect(synthetic.every((r) => r.classified_by.startsWith("synthetic test fixture"))).toBe(true);
    const measures = measuresOf(synthetic).length;
    const accessions = synthetic.length - measures;
    expect(accessions).toBeGreaterThan(0);
    const comparison = new Map(paperComparison(synthetic).map((c) => [c.paper_id, c]));
    expect(comparison.get("pol_measures_total")!.ours).toBe(measures);
    expect(comparison.get("pol_count_usa")!.ours).toBe(synthetic.filter((r) => r.part_of === null && r.jurisdiction === "USA").length);
    const participation = buildTable(policyParticipationTable, readWith(SYNTHETIC_FILE));
    expect(new Set(participation.map((p) => p.initiative_id)).size).toBe(comparison.get("coop_initiatives_total")!.ours);
  });

  it("buildTable(policyMeasuresTable) on a file with a bad row stops with the file, line and column", () => {
    expect(() => buildTable(policyMeasuresTable, readWith("tests/fixtures/policy_measures_bad.csv"))).toThrow(
      'policies/miners_policy_measures.csv:5: column "intervention_subtype", value "export_ban": not a sub-type of financial_support'
    );
  });
});

describe("policies/MEASURES.md", () => {
  it("documents every term of every vocabulary", () => {
    const doc = readFileSync("data/sources/policies/MEASURES.md", "utf-8");
    const terms = [INTERVENTION_TYPES, ...INTERVENTION_TYPES.map((t) => t.subtypes), SCOPES, STATUSES, THEMES, VALUE_CHAIN_STAGES, SHOCKS, STRATEGIES, CAPACITIES].flatMap((v) => v.map((t) => t.id));
    expect(terms.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });
});
