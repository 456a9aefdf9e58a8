/**
 * International cooperation in the IEA records: which records are international initiatives, and
 * who takes part in each. The IEA files a cooperation arrangement once per party that reports it
 * (the Canada-US Joint Action Plan twice, once for each), so counting records over-counts
 * initiatives; records with the same title are one initiative, whose parties are all the
 * countries its records name. The paper counts "41 international initiatives classified as
 * international arrangements"; the candidate rules below are the readings of that phrase the
 * export allows, and RULE is the one that comes closest (see cooperation_rules).
 */

/** The fields of a record the rules read. */
export interface CooperationRecord {
  policy_id: string;
  title: string;
  year: number;
  status: string;
  jurisdiction: string;
  countries: readonly string[];
  type_names: readonly string[];
}

/** Which records are international initiatives. */
export type Selection = "type" | "jurisdiction" | "both" | "either";
/** Whether each record is an initiative, or records with the same title are one. */
export type Grouping = "record" | "title";

export interface Rule {
  id: string;
  selection: Selection;
  grouping: Grouping;
  description: string;
}

/** The IEA type that marks international arrangements. */
export const ARRANGEMENT_TYPE = "International arrangements";

const SELECTIONS: Record<Selection, {text: string; keep: (r: CooperationRecord) => boolean}> = {
  type: {text: `records with the type "${ARRANGEMENT_TYPE}"`, keep: (r) => r.type_names.includes(ARRANGEMENT_TYPE)},
  jurisdiction: {text: 'records of jurisdiction "International"', keep: (r) => r.jurisdiction === "International"},
  both: {text: `records with the type "${ARRANGEMENT_TYPE}" and of jurisdiction "International"`, keep: (r) => r.type_names.includes(ARRANGEMENT_TYPE) && r.jurisdiction === "International"},
  either: {text: `records with the type "${ARRANGEMENT_TYPE}" or of jurisdiction "International"`, keep: (r) => r.type_names.includes(ARRANGEMENT_TYPE) || r.jurisdiction === "International"}
};

/** Every candidate rule: each selection, grouped by record or by title. */
export const RULES: readonly Rule[] = (Object.keys(SELECTIONS) as Selection[]).flatMap((selection) =>
  (["title", "record"] as Grouping[]).map((grouping) => ({
    id: `${selection}-by-${grouping}`,
    selection,
    grouping,
    description: `${SELECTIONS[selection].text}, ${grouping === "title" ? "records with the same title counted as one initiative" : "each record one initiative"}`
  }))
);

/** The rule the site uses: the closest to the paper's counts on the IEA export (tests/lib/policy/cooperation.test.ts checks it). */
export const RULE: Rule = RULES.find((r) => r.id === "type-by-title")!;

/** One initiative and its parties. */
export interface Initiative {
  initiative_id: string;
  title: string;
  first_year: number;
  /** The statuses of its records, distinct, in the order In force, Announced, Ended, others. */
  statuses: string[];
  records: string[];
  parties: string[];
}

/** A title as compared: trimmed, spaces collapsed, lower case. */
export const titleKey = (title: string) => title.replace(/\s+/g, " ").trim().toLowerCase();

const STATUS_ORDER = ["In force", "Announced", "Ended"];
const byStatus = (a: string, b: string) => (STATUS_ORDER.indexOf(a) + 1 || 99) - (STATUS_ORDER.indexOf(b) + 1 || 99) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The initiatives a rule finds: their id is the id of their earliest record (by year, then id);
 * parties are the union of the records' countries, in first-seen order. Ordered by first year, then id.
 */
export function initiatives(records: readonly CooperationRecord[], rule: Rule): Initiative[] {
  const groups = new Map<string, CooperationRecord[]>();
  for (const r of records.filter(SELECTIONS[rule.selection].keep)) {
    const key = rule.grouping === "title" ? titleKey(r.title) : r.policy_id;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.year - b.year || (a.policy_id < b.policy_id ? -1 : 1));
      const first = sorted[0]!;
      return {
        initiative_id: first.policy_id,
        title: first.title.trim(),
        first_year: first.year,
        statuses: [...new Set(sorted.map((r) => r.status))].sort(byStatus),
        records: sorted.map((r) => r.policy_id),
        parties: [...new Set(sorted.flatMap((r) => r.countries))]
      };
    })
    .sort((a, b) => a.first_year - b.first_year || (a.initiative_id < b.initiative_id ? -1 : 1));
}

/** The parties whose initiatives the paper counts, with the id of that count in paper_values. */
export const PAPER_PARTY_VALUES: Readonly<Record<string, string>> = {USA: "coop_count_usa", EU: "coop_count_eu", CAN: "coop_count_can", AUS: "coop_count_aus", JPN: "coop_count_jpn"};

/** What the paper states about cooperation, to compare a rule with. */
export interface PaperCooperation {
  initiatives: number;
  /** Share launched in 2020 or later, as a fraction. */
  since2020: number;
  /** Initiatives per party (USA 14, EU 13, ...). */
  parties: Readonly<Record<string, number>>;
}

/** A rule's counts beside the paper's, and how far they are. */
export interface RuleResult {
  rule: Rule;
  initiatives: number;
  since2020: number | null;
  parties: Record<string, number>;
  /** |initiatives − paper| plus the sum of |party count − paper| over the parties the paper names. */
  distance: number;
}

/** Evaluates a rule against the paper's counts. */
export function evaluateRule(records: readonly CooperationRecord[], rule: Rule, paper: PaperCooperation): RuleResult {
  const found = initiatives(records, rule);
  const parties = Object.fromEntries(Object.keys(paper.parties).map((p) => [p, found.filter((i) => i.parties.includes(p)).length]));
  const distance = Math.abs(found.length - paper.initiatives) + Object.entries(paper.parties).reduce((s, [p, n]) => s + Math.abs(parties[p]! - n), 0);
  return {rule, initiatives: found.length, since2020: found.length ? found.filter((i) => i.first_year >= 2020).length / found.length : null, parties, distance};
}
