import {joinSummaries, parseIeaPolicies, parseSummaries} from "../sources/policy-sources.js";
import {defineTable} from "./define.js";

export const IEA_FILE = "policies/iea_policies_db_critical_minerals_subset.csv";
export const SUMMARIES_FILE = "policies/iea_policy_summaries.csv";

/** One IEA critical-minerals policy: its metadata and the site's one-sentence summary. */
export interface PolicyRow {
  policy_id: string;
  title: string;
  title_repaired: boolean;
  summary: string;
  year: number;
  status: string;
  jurisdiction: string;
  countries: string;
  country_count: number;
  states: string | null;
  date_promulgated: string | null;
  year_ended: number | null;
  policy_types: string;
  policy_topics: string;
  policy_families: string;
  policy_instruments: string;
  policy_categories: string | null;
  tags: string | null;
  technologies: string | null;
  learn_more: string;
  learn_more_language: string | null;
  date_modified: string;
  source_line: number;
}

const list = (values: string[]) => (values.length ? values.join("; ") : null);

/** Critical-minerals policies from the IEA Policies and Measures Database (a 52-entry subset), metadata only. */
export const policiesTable = defineTable<PolicyRow>({
  name: "policies",
  title: "Critical-minerals policies, IEA Policies and Measures Database (subset of 52)",
  description:
    "Fifty-two critical-minerals policies recorded by the IEA, all dated 2025 or 2026 by the IEA: national strategies and lists, export " +
    "controls, tax incentives, public finance, recycling rules and bilateral agreements, from 23 countries and the EU. For each, the " +
    "IEA's metadata (title, status, year, jurisdiction, countries, dates, policy types, link to the official text) and a one-sentence " +
    "summary written for this site; the IEA's own description is not republished. It is a small subset of the IEA tracker, filtered by " +
    "year by a third party's scrape, and does not describe the policy landscape of 2021 nor the working paper's 600-measure dataset. " +
    "Countries are ISO3 codes, EU for the European Union. Titles damaged by a double UTF-8 encoding are repaired and flagged.",
  sources: [
    {
      path: IEA_FILE,
      title: "IEA Policies and Measures Database, critical-minerals entries (subset)",
      citation:
        "International Energy Agency, Policies and Measures Database and Critical Minerals Policy Tracker, https://www.iea.org/policies. " +
        "Third-party API scrape of mid-2026 in the repository leowang83-byte/CATL-dashboard (reports/iea_critical_minerals_policies_raw.csv, " +
        "commit c90bd470), filtered to the 52 entries whose policy type or tags include Critical Minerals.",
      licence: "IEA terms of use; metadata only is republished, with attribution to the IEA",
      url: "https://www.iea.org/policies",
      edition: "scrape of mid-2026"
    },
    {
      path: SUMMARIES_FILE,
      title: "One-sentence summaries of the IEA entries, written for this site",
      citation: "MINERS live working paper (2026), iea_policy_summaries.csv: the site's own summaries (see SUMMARIES.md).",
      licence: "MIT (this repository)"
    }
  ],
  key: ["policy_id"],
  columns: {
    policy_id: {type: "utf8", description: "The site's id of the policy, a slug of its title"},
    title: {type: "utf8", description: "Title as the IEA gives it, trimmed, with encoding damage repaired"},
    title_repaired: {type: "bool", description: "True when the title's encoding damage (UTF-8 read as cp1252) was repaired"},
    summary: {type: "utf8", description: "One sentence written for this site from the IEA entry (not IEA text)"},
    year: {type: "int32", description: "Year the IEA assigns the policy"},
    status: {type: "utf8", description: "In force, Announced or Ended, as the IEA records it"},
    jurisdiction: {type: "utf8", description: "National, Regional (EU), International or State/Provincial"},
    countries: {type: "utf8", description: "Countries concerned, ISO 3166-1 alpha-3 codes or EU, separated by \";\""},
    country_count: {type: "int32", description: "Number of countries concerned", unit: "count"},
    states: {type: "utf8", description: "States or provinces concerned, e.g. Ontario (CA-ON); null if none"},
    date_promulgated: {type: "utf8", description: "Date promulgated, YYYY-MM-DD; null when the IEA gives none"},
    year_ended: {type: "int32", description: "Year the policy ended or ends; null when open-ended or not given"},
    policy_types: {type: "utf8", description: "IEA policy types as family: instrument (category), separated by \"; \""},
    policy_topics: {type: "utf8", description: "Distinct IEA topics, separated by \"; \""},
    policy_families: {type: "utf8", description: "Distinct IEA policy families (Economic, Trade, Prescriptive, ...), separated by \"; \""},
    policy_instruments: {type: "utf8", description: "Distinct IEA instruments (Tax incentives, Export controls and restrictions, ...), separated by \"; \""},
    policy_categories: {type: "utf8", description: "Distinct IEA categories, separated by \"; \"; null when none is given"},
    tags: {type: "utf8", description: "IEA tags, separated by \"; \"; null if none"},
    technologies: {type: "utf8", description: "IEA technologies, separated by \"; \"; null if none"},
    learn_more: {type: "utf8", description: "URL of the official text the IEA links to"},
    learn_more_language: {type: "utf8", description: "Language of the linked text when not English; null otherwise"},
    date_modified: {type: "utf8", description: "Date the IEA last modified the entry, YYYY-MM-DD (UTC)"},
    source_line: {type: "int32", description: "Line of the entry in the IEA source file"}
  },
  build(read) {
    const policies = parseIeaPolicies(read(IEA_FILE), IEA_FILE);
    const summaries = joinSummaries(policies, parseSummaries(read(SUMMARIES_FILE), SUMMARIES_FILE), IEA_FILE, SUMMARIES_FILE);
    const rows: PolicyRow[] = policies.map(({line, row: p}) => ({
      policy_id: p.policy_id,
      title: p.title,
      title_repaired: p.title_repaired,
      summary: summaries.get(p.policy_id)!,
      year: p.year,
      status: p.status,
      jurisdiction: p.jurisdiction,
      countries: p.countries.join(";"),
      country_count: p.countries.length,
      states: list(p.states),
      date_promulgated: p.date_promulgated,
      year_ended: p.year_ended,
      policy_types: p.policy_types.join("; "),
      policy_topics: p.policy_topics.join("; "),
      policy_families: p.policy_families.join("; "),
      policy_instruments: p.policy_instruments.join("; "),
      policy_categories: list(p.policy_categories),
      tags: list(p.tags),
      technologies: list(p.technologies),
      learn_more: p.learn_more,
      learn_more_language: p.learn_more_language,
      date_modified: p.date_modified,
      source_line: line
    }));
    return rows.sort((a, b) => a.year - b.year || (a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : 0));
  }
});
