import {parseDateSpan} from "../sources/date-span.js";
import type {PolicyMeasureRow} from "./schema.js";
import {INTERVENTION_TYPES, STATUSES, VALUE_CHAIN_STAGES} from "./vocabulary.js";

/**
 * The aggregates the working paper reports for its policy dataset (counts by jurisdiction, shares
 * by type, shares adopted since a year and implemented, the share of the ten leading jurisdictions,
 * international initiatives and who takes part in them), computed from whatever rows are loaded.
 * Pure functions on rows of the policy_measures table (lib/policy/schema.ts).
 *
 * What counts: a *measure* is a row that is not an accession (part_of is null), so a party joining
 * an initiative adds participation, not a measure. An *initiative* is a measure of type
 * international_arrangement. Shares are of the measures for which the quantity is known: a measure
 * with no status, or whose start cannot be placed before or after the year asked (no date, or a
 * span across it), is counted apart, never as a no.
 */

/** The columns the aggregates read. */
export type MeasureFields = Pick<
  PolicyMeasureRow,
  "measure_id" | "title" | "jurisdiction" | "parties" | "part_of" | "is_initiative" | "intervention_type" | "intervention_subtype" | "status" | "start_date" | "start_year_min" | "start_year_max"
>;

/** Rows that are measures: every row but accessions. */
export function measuresOf<T extends Pick<MeasureFields, "part_of">>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.part_of === null);
}

/** Rows that are international initiatives (international arrangements that are not accessions). */
export function initiativesOf<T extends Pick<MeasureFields, "is_initiative">>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.is_initiative);
}

/** A count and its share of a total (null share when the total is 0). */
export interface Share {
  count: number;
  total: number;
  share: number | null;
}

const share = (count: number, total: number): Share => ({count, total, share: total > 0 ? count / total : null});

/** Measures per jurisdiction, most first, ties by code; share of all measures. */
export function countsByJurisdiction(rows: readonly MeasureFields[]): ({jurisdiction: string} & Share)[] {
  const measures = measuresOf(rows);
  const counts = new Map<string, number>();
  for (const r of measures) counts.set(r.jurisdiction, (counts.get(r.jurisdiction) ?? 0) + 1);
  return [...counts]
    .map(([jurisdiction, count]) => ({jurisdiction, ...share(count, measures.length)}))
    .sort((a, b) => b.count - a.count || (a.jurisdiction < b.jurisdiction ? -1 : 1));
}

/** Measures per intervention type, in the vocabulary's order, types with none included (count 0). */
export function sharesByType(rows: readonly MeasureFields[]): ({type: string} & Share)[] {
  const measures = measuresOf(rows);
  return INTERVENTION_TYPES.map((t) => ({type: t.id as string, ...share(measures.filter((r) => r.intervention_type === t.id).length, measures.length)}));
}

/** Share of measures that started in a year or later, with those whose start cannot be placed. */
export interface SinceShare extends Share {
  year: number;
  /** Measures that started before the year. */
  before: number;
  /** Measures with no start date, or a span across the year. */
  undetermined: number;
}

/**
 * Share of rows that started in `year` or later, of those whose start is known to fall on one side
 * of 1 January of that year: a start from 2018 onwards is since 2018; a span "2017/2019" is
 * undetermined. Takes the rows given (measures or initiatives); accessions are left out.
 */
export function shareStartedSince(rows: readonly MeasureFields[], year: number): SinceShare {
  const measures = measuresOf(rows);
  const since = measures.filter((r) => r.start_year_min !== null && r.start_year_min >= year).length;
  const before = measures.filter((r) => r.start_year_max !== null && r.start_year_max < year).length;
  return {year, ...share(since, since + before), before, undetermined: measures.length - since - before};
}

/** Share of measures with status "implemented", of those with a status; unknown counted apart. */
export function shareImplemented(rows: readonly MeasureFields[]): Share & {unknown: number} {
  const measures = measuresOf(rows);
  const known = measures.filter((r) => r.status !== null);
  return {...share(known.filter((r) => r.status === "implemented").length, known.length), unknown: measures.length - known.length};
}

/**
 * Share of all measures held by the `n` jurisdictions with the most measures. Ties at the cut do
 * not change the share (tied jurisdictions hold the same number), only which are named: they are
 * taken in code order.
 */
export function topJurisdictionsShare(rows: readonly MeasureFields[], n = 10): Share & {jurisdictions: string[]} {
  const counts = countsByJurisdiction(rows);
  const top = counts.slice(0, n);
  return {...share(top.reduce((s, c) => s + c.count, 0), measuresOf(rows).length), jurisdictions: top.map((c) => c.jurisdiction)};
}

/** One party taking part in one initiative. */
export interface ParticipationRow {
  initiative_id: string;
  initiative_title: string;
  initiative_subtype: string;
  party: string;
  /** The row that records it: the initiative itself, or the party's accession. */
  via_measure_id: string;
  /** When the party joined, as written there; null when not known. */
  joined: string | null;
  joined_year_min: number | null;
  joined_year_max: number | null;
}

const dateKey = (d: string | null) => (d === null ? "9999" : parseDateSpan(d)?.earliest ?? "9999");

/**
 * Who takes part in each initiative: its own parties, joined at its start, and the party of each
 * accession row that is part of it, joined at the accession's start. A party recorded both ways is
 * kept once, with the earlier date (an unknown date is later than any known one; on a tie the
 * initiative's own row). Ordered by initiative (start, then id), then by date joined and party.
 */
export function participation(rows: readonly MeasureFields[]): ParticipationRow[] {
  const initiatives = initiativesOf(rows);
  const out: ParticipationRow[] = [];
  for (const initiative of initiatives) {
    const byParty = new Map<string, ParticipationRow>();
    const add = (party: string, via: MeasureFields) => {
      const candidate: ParticipationRow = {
        initiative_id: initiative.measure_id,
        initiative_title: initiative.title,
        initiative_subtype: initiative.intervention_subtype,
        party,
        via_measure_id: via.measure_id,
        joined: via.start_date,
        joined_year_min: via.start_year_min,
        joined_year_max: via.start_year_max
      };
      const known = byParty.get(party);
      if (!known || dateKey(candidate.joined) < dateKey(known.joined)) byParty.set(party, candidate);
    };
    for (const party of initiative.parties.split(";")) add(party, initiative);
    for (const r of rows) if (r.part_of === initiative.measure_id) for (const party of r.parties.split(";")) add(party, r);
    out.push(...[...byParty.values()].sort((a, b) => (dateKey(a.joined) < dateKey(b.joined) ? -1 : dateKey(a.joined) > dateKey(b.joined) ? 1 : a.party < b.party ? -1 : 1)));
  }
  const order = new Map(initiatives.map((r) => [r.measure_id, `${dateKey(r.start_date)}\n${r.measure_id}`]));
  return out.sort((a, b) => (order.get(a.initiative_id)! < order.get(b.initiative_id)! ? -1 : order.get(a.initiative_id)! > order.get(b.initiative_id)! ? 1 : 0));
}

/** Initiatives per party, most first, ties by code. */
export function participationCounts(rows: readonly Pick<ParticipationRow, "party" | "initiative_id">[]): {party: string; initiatives: number}[] {
  const counts = new Map<string, Set<string>>();
  for (const r of rows) counts.set(r.party, (counts.get(r.party) ?? new Set()).add(r.initiative_id));
  return [...counts].map(([party, set]) => ({party, initiatives: set.size})).sort((a, b) => b.initiatives - a.initiatives || (a.party < b.party ? -1 : 1));
}

/** Count of rows per value of a key, most first, ties by value (null last). */
export function countBy<T>(rows: readonly T[], key: (row: T) => string | null): {value: string | null; count: number}[] {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({value, count})).sort((a, b) => b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : 1));
}

/** Measures per status, in the vocabulary's order, then those with none (status null). */
export function countsByStatus(rows: readonly MeasureFields[]): {status: string | null; count: number}[] {
  const measures = measuresOf(rows);
  return [...STATUSES.map((s) => s.id as string | null), null].map((status) => ({status, count: measures.filter((r) => r.status === status).length}));
}

/** One cell of the jurisdiction x type matrix. */
export interface TypeCell {
  jurisdiction: string;
  type: string;
  count: number;
}

/**
 * Measures per jurisdiction and intervention type: one cell for every jurisdiction given (default:
 * all with a measure, most first) and every type, 0 where a jurisdiction has no measure of a type.
 */
export function typeMatrix(rows: readonly MeasureFields[], jurisdictions = countsByJurisdiction(rows).map((c) => c.jurisdiction)): TypeCell[] {
  const measures = measuresOf(rows);
  return jurisdictions.flatMap((jurisdiction) =>
    INTERVENTION_TYPES.map((t) => ({jurisdiction, type: t.id as string, count: measures.filter((r) => r.jurisdiction === jurisdiction && r.intervention_type === t.id).length}))
  );
}

/**
 * Measures per year of start and status. A measure whose start is not one year (no date, or a span
 * across years) has year null: it is shown apart, not placed in a guessed year.
 */
export function adoptionByYear(rows: readonly MeasureFields[]): {year: number | null; status: string | null; count: number}[] {
  const counts = new Map<string, {year: number | null; status: string | null; count: number}>();
  for (const r of measuresOf(rows)) {
    const year = r.start_year_min !== null && r.start_year_min === r.start_year_max ? r.start_year_min : null;
    const key = `${year}\n${r.status}`;
    const cell = counts.get(key) ?? {year, status: r.status, count: 0};
    cell.count++;
    counts.set(key, cell);
  }
  return [...counts.values()].sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || String(a.status).localeCompare(String(b.status)));
}

/** One figure of the paper beside the same quantity computed from the loaded rows. */
export interface PaperComparison {
  /** The id of the paper's figure in paper_values. */
  paper_id: string;
  /** The paper's figure the quantity is compared with. */
  quantity: string;
  /** Our value: a count, or a share in [0, 1]; null when the rows cannot give it. */
  ours: number | null;
  unit: "count" | "share";
  /** What our value is made of, e.g. "12 of 75 measures with a status". */
  basis: string;
}

const basisOf = (s: Share, what: string, apart = "") => `${s.count} of ${s.total} ${what}${apart}`;

/**
 * The paper's policy figures (paper_values ids pol_* and coop_*) computed from the rows: total
 * measures, shares adopted since 2018 and 2020, share implemented, counts of the United States,
 * Australia, the EU, Canada and China, the share of the ten leading jurisdictions, the shares of
 * five types, international initiatives, their share launched since 2020, and the initiatives
 * with United States, EU, Canadian, Australian and Japanese participation.
 */
export function paperComparison(rows: readonly MeasureFields[]): PaperComparison[] {
  const measures = measuresOf(rows);
  const byJurisdiction = new Map(countsByJurisdiction(rows).map((c) => [c.jurisdiction, c.count]));
  const types = new Map(sharesByType(rows).map((t) => [t.type, t]));
  const since = (year: number, set: readonly MeasureFields[], what: string): PaperComparison["basis"] => {
    const s = shareStartedSince(set, year);
    return basisOf(s, `${what} whose start falls before or after 1 January ${year}`, s.undetermined ? `; ${s.undetermined} with no date, or a span across it, left out` : "");
  };
  const implemented = shareImplemented(rows);
  const top10 = topJurisdictionsShare(rows, 10);
  const initiatives = initiativesOf(rows);
  const parties = new Map(participationCounts(participation(rows)).map((p) => [p.party, p.initiatives]));
  const count = (paper_id: string, quantity: string, code: string): PaperComparison => ({paper_id, quantity, ours: byJurisdiction.get(code) ?? 0, unit: "count", basis: `measures with jurisdiction ${code}`});
  const typeShare = (paper_id: string, quantity: string, type: string): PaperComparison => {
    const t = types.get(type)!;
    return {paper_id, quantity, ours: t.share, unit: "share", basis: basisOf(t, "measures")};
  };
  const coop = (paper_id: string, quantity: string, code: string): PaperComparison => ({paper_id, quantity, ours: parties.get(code) ?? 0, unit: "count", basis: `initiatives with ${code} among the parties`});
  return [
    {paper_id: "pol_measures_total", quantity: "Policy measures in the dataset", ours: measures.length, unit: "count", basis: `rows that are not accessions (${rows.length - measures.length} accessions apart)`},
    {paper_id: "pol_share_since_2018", quantity: "Share adopted from 2018 onwards", ours: shareStartedSince(rows, 2018).share, unit: "share", basis: since(2018, rows, "measures")},
    {paper_id: "pol_share_since_2020", quantity: "Share adopted since 2020", ours: shareStartedSince(rows, 2020).share, unit: "share", basis: since(2020, rows, "measures")},
    {paper_id: "pol_share_implemented", quantity: "Share implemented", ours: implemented.share, unit: "share", basis: basisOf(implemented, "measures with a status", implemented.unknown ? `; ${implemented.unknown} without one, left out` : "")},
    count("pol_count_usa", "Measures of the United States", "USA"),
    count("pol_count_aus", "Measures of Australia", "AUS"),
    count("pol_count_eu", "Measures of the European Union", "EU"),
    count("pol_count_can", "Measures of Canada", "CAN"),
    count("pol_count_chn", "Measures of China", "CHN"),
    {paper_id: "pol_top10_share", quantity: "Share held by the ten leading jurisdictions", ours: top10.share, unit: "share", basis: `${basisOf(top10, "measures")}, held by ${top10.jurisdictions.join(", ")}`},
    typeShare("pol_type_governance_share", "Governance and strategy", "governance_strategy"),
    typeShare("pol_type_env_social_share", "Environmental and social standards", "environmental_social"),
    typeShare("pol_type_regulatory_share", "Regulatory and permitting reforms", "regulatory_permitting"),
    typeShare("pol_type_financial_share", "Financial support", "financial_support"),
    typeShare("pol_type_recycling_share", "Recycling and circularity", "recycling_circularity"),
    {paper_id: "coop_initiatives_total", quantity: "International initiatives", ours: initiatives.length, unit: "count", basis: "international arrangements that are not accessions"},
    {paper_id: "coop_share_since_2020", quantity: "Share of initiatives launched in 2020 or later", ours: shareStartedSince(initiatives, 2020).share, unit: "share", basis: since(2020, initiatives, "initiatives")},
    coop("coop_count_usa", "Initiatives with the United States", "USA"),
    coop("coop_count_eu", "Initiatives with the European Union", "EU"),
    coop("coop_count_can", "Initiatives with Canada", "CAN"),
    coop("coop_count_aus", "Initiatives with Australia", "AUS"),
    coop("coop_count_jpn", "Initiatives with Japan", "JPN")
  ];
}

/**
 * Measures naming each value-chain stage, in the vocabulary's order (a measure may name several),
 * and the measures that name none (value_chain_stages null). Accessions are left out.
 */
export function stageCounts(rows: readonly Pick<PolicyMeasureRow, "part_of" | "value_chain_stages">[]): {stages: {stage: string; count: number}[]; unclassified: number} {
  const measures = measuresOf(rows);
  const named = measures.map((r) => (r.value_chain_stages === null ? [] : r.value_chain_stages.split(";")));
  return {
    stages: VALUE_CHAIN_STAGES.map((s) => ({stage: s.id as string, count: named.filter((list) => list.includes(s.id)).length})),
    unclassified: measures.filter((r) => r.value_chain_stages === null).length
  };
}
