import {PAPER_PARTY_VALUES} from "./cooperation.js";
import {classShares, countsByCountry, initiativesSince, participationCounts, shareSince, shareWithStatus, topCountriesShare, type ParticipationFields, type RecordFields} from "./aggregates.js";

/**
 * The paper's stated policy figures (ids of paper_values) beside the same quantities computed from
 * the loaded records, each with what the computed value counts. Shares are fractions.
 */
export interface ComparisonRow {
  paper_id: string;
  ours: number | null;
  /** A second reading where the paper's wording allows two (the class shares under the other counting rule). */
  alternative: number | null;
  unit: "count" | "share";
  basis: string;
}

/** The class each paper share is about. */
export const PAPER_CLASS_SHARES: Readonly<Record<string, string>> = {
  pol_type_governance_share: "governance_strategy",
  pol_type_env_social_share: "environmental_social",
  pol_type_regulatory_share: "regulatory_permitting",
  pol_type_financial_share: "financial_support",
  pol_type_recycling_share: "recycling_circularity"
};

const PAPER_COUNTRIES: Readonly<Record<string, string>> = {pol_count_usa: "USA", pol_count_aus: "AUS", pol_count_eu: "EU", pol_count_can: "CAN", pol_count_chn: "CHN"};

/** Every row of the comparison, in the paper's order. */
export function paperComparison(tables: {
  records: readonly RecordFields[];
  countries: readonly {policy_id: string; country: string}[];
  types: readonly {policy_id: string; miners_class: string; weight: number}[];
  participation: readonly ParticipationFields[];
}): ComparisonRow[] {
  const n = tables.records.length;
  const byCountry = new Map(countsByCountry(tables.countries, n).map((c) => [c.country, c.count]));
  const top = topCountriesShare(tables.countries, n);
  const shares = classShares(tables.types);
  const coop = new Map(participationCounts(tables.participation).map((c) => [c.party, c.count]));
  const since = initiativesSince(tables.participation);
  return [
    {paper_id: "pol_measures_total", ours: n, alternative: null, unit: "count", basis: "records of the IEA export"},
    {paper_id: "pol_share_since_2018", ours: shareSince(tables.records, 2018).share, alternative: null, unit: "share", basis: "records whose IEA year is 2018 or later"},
    {paper_id: "pol_share_since_2020", ours: shareSince(tables.records, 2020).share, alternative: null, unit: "share", basis: "records whose IEA year is 2020 or later"},
    {paper_id: "pol_share_implemented", ours: shareWithStatus(tables.records).share, alternative: null, unit: "share", basis: 'records "In force"'},
    ...Object.entries(PAPER_COUNTRIES).map(([paper_id, c]): ComparisonRow => ({paper_id, ours: byCountry.get(c) ?? 0, alternative: null, unit: "count", basis: "records naming the country"})),
    {paper_id: "pol_top10_share", ours: top.ofMentions.share, alternative: top.ofRecords.share, unit: "share", basis: "country mentions held by the ten leading countries (then: records naming one of them)"},
    ...Object.entries(PAPER_CLASS_SHARES).map(([paper_id, c]): ComparisonRow => {
      const s = shares.find((x) => x.miners_class === c);
      return {paper_id, ours: s?.mentions.share ?? null, alternative: s?.split.share ?? null, unit: "share", basis: "types in the class, of all types (then: each record split over its types)"};
    }),
    {paper_id: "coop_initiatives_total", ours: since.total, alternative: null, unit: "count", basis: "initiatives by the rule of table cooperation_rules"},
    {paper_id: "coop_share_since_2020", ours: since.share, alternative: null, unit: "share", basis: "initiatives whose earliest record is of 2020 or later"},
    ...Object.entries(PAPER_PARTY_VALUES).map(([c, paper_id]): ComparisonRow => ({paper_id, ours: coop.get(c) ?? 0, alternative: null, unit: "count", basis: "initiatives the party takes part in"}))
  ];
}
