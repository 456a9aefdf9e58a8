import {rollups} from "d3-array";
import {POLICY_CLASSES} from "./vocabulary.js";

/**
 * The statistics the working paper states for its policy dataset, computed from the IEA records:
 * counts by jurisdiction, the share of the ten leading jurisdictions, shares by class, shares
 * adopted since 2018 and 2020, the share in force, and the cooperation counts. Pure functions on
 * rows of the published tables (policies, policy_countries, policy_types, policy_participation).
 */

/** A count and its share of a total (null share when the total is 0). */
export interface Share {
  count: number;
  total: number;
  share: number | null;
}

const share = (count: number, total: number): Share => ({count, total, share: total > 0 ? count / total : null});
const byCountThenKey = <T extends {count: number}>(key: (x: T) => string) => (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The fields of a record the statistics read. */
export interface RecordFields {
  policy_id: string;
  year: number;
  status: string;
}

/** Records naming each country (a record naming several counts for each), most first; share of all records. */
export function countsByCountry(countries: readonly {policy_id: string; country: string}[], records: number): ({country: string} & Share)[] {
  const counts = rollups(
    countries,
    (group) => group.length,
    (c) => c.country
  );
  return counts.map(([country, count]) => ({country, ...share(count, records)})).sort(byCountThenKey((x) => x.country));
}

/**
 * Share of the records that name one of the `n` leading countries, and, as the paper may have
 * counted, the share of all country mentions those countries hold. Countries tied at the cut are
 * taken by code: that leaves the share of mentions unchanged but can change the share of records
 * (the tied countries may be named by different records).
 */
export function topCountriesShare(countries: readonly {policy_id: string; country: string}[], records: number, n = 10): {countries: string[]; ofRecords: Share; ofMentions: Share} {
  const top = countsByCountry(countries, records).slice(0, n).map((c) => c.country);
  const inTop = countries.filter((c) => top.includes(c.country));
  return {countries: top, ofRecords: share(new Set(inTop.map((c) => c.policy_id)).size, records), ofMentions: share(inTop.length, countries.length)};
}

/** One class's weight under the two counting rules. */
export interface ClassShare {
  miners_class: string;
  /** Each type counted once: the class's types, of all types. */
  mentions: Share;
  /** Each record counted once, split equally over its types: the class's weight, of all records. */
  split: {count: number; total: number; share: number | null};
}

/** Shares of each class (in the vocabulary's order, then any other) under both counting rules. */
export function classShares(types: readonly {policy_id: string; miners_class: string; weight: number}[]): ClassShare[] {
  const records = new Set(types.map((t) => t.policy_id)).size;
  const known = POLICY_CLASSES.map((c) => c.id as string);
  const classes = [...known, ...[...new Set(types.map((t) => t.miners_class))].filter((c) => !known.includes(c)).sort()];
  return classes.map((c) => {
    const of = types.filter((t) => t.miners_class === c);
    const weight = of.reduce((s, t) => s + t.weight, 0);
    return {miners_class: c, mentions: share(of.length, types.length), split: {count: weight, total: records, share: records > 0 ? weight / records : null}};
  });
}

/** Which counting rule is closer to stated shares (fractions by class): the sum of absolute differences under each. */
export function closerRule(shares: readonly ClassShare[], paper: Readonly<Record<string, number>>): {mentions: number; split: number; closer: "mentions" | "split"} {
  const gap = (pick: (s: ClassShare) => number | null) =>
    Object.entries(paper).reduce((sum, [c, p]) => sum + Math.abs((pick(shares.find((s) => s.miners_class === c) ?? ({} as ClassShare)) ?? 0) - p), 0);
  const mentions = gap((s) => s.mentions?.share ?? 0);
  const split = gap((s) => s.split?.share ?? 0);
  return {mentions, split, closer: mentions <= split ? "mentions" : "split"};
}

/** Share of records of `year` or later. */
export function shareSince(records: readonly RecordFields[], year: number): Share {
  return share(records.filter((r) => r.year >= year).length, records.length);
}

/** Share of records with a status (the IEA's "In force", the paper's "implemented"). */
export function shareWithStatus(records: readonly RecordFields[], status = "In force"): Share {
  return share(records.filter((r) => r.status === status).length, records.length);
}

/** One party of one initiative (policy_participation). */
export interface ParticipationFields {
  initiative_id: string;
  first_year: number;
  party: string;
}

/** Initiatives per party, most first. */
export function participationCounts(rows: readonly ParticipationFields[]): {party: string; count: number}[] {
  const sets = new Map<string, Set<string>>();
  for (const r of rows) sets.set(r.party, (sets.get(r.party) ?? new Set()).add(r.initiative_id));
  return [...sets].map(([party, s]) => ({party, count: s.size})).sort(byCountThenKey((x) => x.party));
}

/** The initiatives, and the share launched in a year or later. */
export function initiativesSince(rows: readonly ParticipationFields[], year = 2020): Share {
  const first = new Map(rows.map((r) => [r.initiative_id, r.first_year]));
  return share([...first.values()].filter((y) => y >= year).length, first.size);
}
