import {classify, classOf} from "../policy/classification.js";
import {parseIeaPolicies, typeLabel, type IeaPolicyRecord} from "../sources/iea-policies.js";
import {parseTypeClasses, type TypeClass} from "../sources/policy-type-classes.js";
import {defineTable, type SourceRef} from "./define.js";

/** The IEA export: replace it with another export in the same columns to load another dataset. */
export const IEA_FILE = "policies/iea_policies_db_critical_minerals_export.csv";
/** The MINERS classification of the IEA's policy types. */
export const CLASSES_FILE = "policies/miners_policy_type_classes.csv";

export const IEA_SOURCE: SourceRef = {
  path: IEA_FILE,
  title: "IEA Policies and Measures Database, Critical Minerals topic: every record (export of April 2026)",
  citation:
    "International Energy Agency, Policies and Measures Database, topic Critical Minerals, https://www.iea.org/policies. Exported from the " +
    "IEA's site in April 2026 by a third party (repository calvincj/Critical-Minerals-Tracker, IEA_CM_Policies.csv, commit 61444117); the " +
    "IEA's descriptions were dropped, every other column and all 625 records kept.",
  licence: "IEA terms of use for the Policies and Measures Databases; metadata only is republished, attributed to the IEA, each record linked",
  url: "https://www.iea.org/policies",
  edition: "export of April 2026"
};

export const CLASSES_SOURCE: SourceRef = {
  path: CLASSES_FILE,
  title: "MINERS classification of the IEA policy types",
  citation:
    "MINERS live working paper (2026), miners_policy_type_classes.csv: each IEA policy type mapped to a class of the working paper and to the " +
    "mitigation strategies of its Table 1, with a note for every choice.",
  licence: "MIT (this repository)",
  edition: "reviewed 2026-12-02"
};

/** The records and the classification, parsed and checked against each other (every type of every record has a class). */
export function readPolicies(read: (path: string) => string): {records: {line: number; row: IeaPolicyRecord}[]; classes: {line: number; row: TypeClass}[]; byKey: Map<string, TypeClass>} {
  const records = parseIeaPolicies(read(IEA_FILE), IEA_FILE);
  const classes = parseTypeClasses(read(CLASSES_FILE), CLASSES_FILE);
  return {records, classes, byKey: classify(records, classes.map((c) => c.row), IEA_FILE, CLASSES_FILE)};
}

/** The distinct classes of a record's types, in the order of its types. */
export function recordClasses(record: IeaPolicyRecord, byKey: Map<string, TypeClass>): string[] {
  return [...new Set(record.types.map((t) => classOf(byKey, t).miners_class))];
}

/** One IEA critical-minerals policy record. */
export interface PolicyRow {
  policy_id: string;
  title: string;
  title_repaired: boolean;
  status: string;
  year: number;
  jurisdiction: string;
  countries: string;
  country_count: number;
  states: string | null;
  date_promulgated: string | null;
  year_ended: number | null;
  policy_types: string;
  type_count: number;
  classes: string;
  strategies: string | null;
  technologies: string | null;
  tags: string | null;
  learn_more: string | null;
  learn_more_language: string | null;
  date_modified: string;
  source_line: number;
}

const list = (values: string[], separator = ";") => (values.length ? values.join(separator) : null);

/** Every record of the IEA's Critical Minerals topic, metadata only, with its MINERS classes. */
export const policiesTable = defineTable<PolicyRow>({
  name: "policies",
  title: "Critical-minerals policies: the IEA Policies and Measures Database, every record of its Critical Minerals topic",
  description:
    "One row per record of the IEA Policies and Measures Database under its Critical Minerals topic (625 in the export of April 2026, " +
    "adopted 1970 to 2026): title, status, year, jurisdiction level, countries, states, policy types, technologies, tags and the link the " +
    "IEA gives to the legal text or announcement; the IEA's descriptions are not republished. Countries are ISO 3166-1 alpha-3 codes, EU " +
    "for the European Union (the IEA's EUR); the IEA files a cooperation arrangement once for each party that reports it, so a title can " +
    "recur with other countries. classes lists the MINERS classes of the record's policy types (table policy_type_classes). One row per " +
    "record and country is in policy_countries, one per record and type in policy_types. This is very probably the dataset behind the " +
    "working paper's Figures 10 to 12 ('600+ measures').",
  sources: [IEA_SOURCE, CLASSES_SOURCE],
  key: ["policy_id"],
  // An author may load a smaller export in place of the IEA's (CLASSIFICATION.md): no floor beyond one record; a cut file is caught by the CSV reader.
  minRows: 1,
  columns: {
    policy_id: {type: "utf8", description: "The site's id of the record: a slug of its title, with its countries appended when the title recurs"},
    title: {type: "utf8", description: "Title as the IEA gives it, trimmed, with encoding damage repaired"},
    title_repaired: {type: "bool", description: "True when the title's encoding damage (UTF-8 read as cp1252) was repaired"},
    status: {type: "utf8", description: "In force, Announced or Ended, as the IEA records it"},
    year: {type: "int32", description: "Year the IEA assigns the record (for a few, the year of the last amendment)"},
    jurisdiction: {type: "utf8", description: "The IEA's jurisdiction level: National, International, Regional or State/Provincial"},
    countries: {type: "utf8", description: "Countries the record names, ISO 3166-1 alpha-3 codes or EU, separated by \";\", in the IEA's order"},
    country_count: {type: "int32", description: "Number of countries named", unit: "count"},
    states: {type: "utf8", description: "States or provinces, e.g. Ontario (CAN-ON), separated by \";\"; null if none"},
    date_promulgated: {type: "utf8", description: "Date promulgated, YYYY-MM-DD (a year alone when that is all the IEA gives; the IEA's DD-MM-YYYY turned round); null when the IEA gives none"},
    year_ended: {type: "int32", description: "Year the policy ended or ends; null when open-ended or not given"},
    policy_types: {type: "utf8", description: "IEA policy types as family: type (category), separated by \"; \""},
    type_count: {type: "int32", description: "Number of policy types", unit: "count"},
    classes: {type: "utf8", description: "MINERS classes of its types (policy_type_classes), distinct, separated by \";\""},
    strategies: {type: "utf8", description: "Mitigation strategies of the paper's Table 1 its types pursue (policy_type_classes.strategies), distinct, separated by \";\"; null for none"},
    technologies: {type: "utf8", description: "IEA technologies, separated by \";\"; null if none"},
    tags: {type: "utf8", description: "IEA tags, separated by \";\"; null if none"},
    learn_more: {type: "utf8", description: "URL of the legal text or announcement the IEA links to; null when it gives none (the record is then found in the IEA database by its title)"},
    learn_more_language: {type: "utf8", description: "Language of the linked text, as the IEA gives it; null when not given"},
    date_modified: {type: "utf8", description: "Date the IEA last modified the record, YYYY-MM-DD (UTC)"},
    source_line: {type: "int32", description: "Line of the record in the IEA export"}
  },
  build(read) {
    const {records, byKey} = readPolicies(read);
    return records
      .map(({line, row: p}) => ({
        policy_id: p.policy_id,
        title: p.title,
        title_repaired: p.title_repaired,
        status: p.status,
        year: p.year,
        jurisdiction: p.jurisdiction,
        countries: p.countries.join(";"),
        country_count: p.countries.length,
        states: list(p.states),
        date_promulgated: p.date_promulgated,
        year_ended: p.year_ended,
        policy_types: p.types.map(typeLabel).join("; "),
        type_count: p.types.length,
        classes: recordClasses(p, byKey).join(";"),
        strategies: list([...new Set(p.types.flatMap((t) => classOf(byKey, t).strategies))]),
        technologies: list(p.technologies),
        tags: list(p.tags),
        learn_more: p.learn_more,
        learn_more_language: p.learn_more_language,
        date_modified: p.date_modified,
        source_line: line
      }))
      .sort((a, b) => a.year - b.year || (a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : 0));
  }
});
