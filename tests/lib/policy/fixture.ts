/**
 * A small policy dataset in the MINERS policy schema whose aggregates are worked by hand in the
 * tests: eight measures (USA 3, AUS 2, EU 2, CHN 1), two initiatives, two accessions.
 */
import {MEASURE_COLUMNS} from "../../../lib/policy/schema.ts";

export type FixtureRow = Partial<Record<(typeof MEASURE_COLUMNS)[number], string>>;

const DEFAULTS: FixtureRow = {scope: "national", status: "implemented", summary: "A test row.", source_url: "https://example.org/p", classified_by: "test"};

/** CSV text of rows in the schema; missing cells are blank, defaults fill the required ones. */
export function csvOf(rows: readonly FixtureRow[], columns: readonly string[] = MEASURE_COLUMNS): string {
  const cell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(({...DEFAULTS, ...r} as Record<string, string | undefined>)[c] ?? "")).join(","))].join("\n") + "\n";
}

export const FIXTURE: FixtureRow[] = [
  {measure_id: "m1", title: "US strategy", jurisdiction: "USA", intervention_type: "governance_strategy", intervention_subtype: "strategy_plan", start_date: "2017", shocks: "geopolitical", strategies: "alternative_supply", minerals: "lithium"},
  {measure_id: "m2", title: "US grants", jurisdiction: "USA", intervention_type: "financial_support", intervention_subtype: "loans_grants", start_date: "2021-03", shocks: "geological", strategies: "alternative_supply;mining_technologies", minerals: "dysprosium;cobalt"},
  {measure_id: "m3", title: "Australian recycling", jurisdiction: "AUS", intervention_type: "recycling_circularity", intervention_subtype: "recycling_support", status: "announced", start_date: "2019-05-01", shocks: "geological", strategies: "secondary_markets"},
  {measure_id: "m4", title: "EU plan", jurisdiction: "EU", scope: "regional", intervention_type: "governance_strategy", intervention_subtype: "strategy_plan", start_date: "", shocks: "economic", strategies: "stockpiling"},
  {measure_id: "m5", title: "Chinese export licence", jurisdiction: "CHN", intervention_type: "trade_measures", intervention_subtype: "export_licensing", status: "ended", start_date: "2019/2021", end_date: "2022", minerals: "gallium"},
  {measure_id: "i1", title: "US-Japan memorandum", jurisdiction: "USA", scope: "international", parties: "USA;JPN", intervention_type: "international_arrangement", intervention_subtype: "bilateral_mou", start_date: "2023-03-28", shocks: "geopolitical", strategies: "international_cooperation"},
  {measure_id: "i2", title: "EU partnership", jurisdiction: "EU", scope: "international", parties: "EU;AUS;CAN", intervention_type: "international_arrangement", intervention_subtype: "plurilateral_partnership", start_date: "2022-06-14", shocks: "geopolitical", strategies: "international_cooperation"},
  {measure_id: "a1", title: "Japan joins", jurisdiction: "JPN", scope: "international", parties: "JPN", part_of: "i2", intervention_type: "international_arrangement", intervention_subtype: "accession", start_date: "2024-03"},
  {measure_id: "a2", title: "Australia joins again", jurisdiction: "AUS", scope: "international", parties: "AUS", part_of: "i2", intervention_type: "international_arrangement", intervention_subtype: "accession", start_date: "2023"},
  {measure_id: "m6", title: "Australian list", jurisdiction: "AUS", intervention_type: "governance_strategy", intervention_subtype: "critical_mineral_list", status: "", start_date: "2015", minerals: "lithium;neodymium"}
];
