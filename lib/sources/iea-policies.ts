import {z} from "zod";
import {parseCsv} from "./csv.js";
import {repairMojibake} from "./mojibake.js";
import {isPartyCode, parseDateText} from "./policy-sources.js";
import {SourceError} from "./source-error.js";
import {number, oneOf, optionalText, text, validateRecords, year} from "./validate.js";
import {isYear} from "./years.js";

/**
 * The IEA Policies and Measures Database, every record of its Critical Minerals topic, as the IEA's
 * site exports it (one row per record; countries, states, technologies, tags and policy types as
 * JSON arrays). The description column, the IEA's own prose, is not read: it is not republished.
 */

/** One policy type of a record, as the IEA gives it. */
export interface IeaPolicyType {
  topic: string;
  family: string;
  name: string;
  /** The IEA's qualifier of the type ("Minerals recycling"); null when none. */
  category: string | null;
}

/** One IEA record as parsed. */
export interface IeaPolicyRecord {
  policy_id: string;
  title: string;
  title_repaired: boolean;
  year: number;
  status: string;
  jurisdiction: string;
  /** ISO 3166-1 alpha-3 codes, EU for the European Union (the IEA's EUR), in the record's order. */
  countries: string[];
  states: string[];
  date_promulgated: string | null;
  year_ended: number | null;
  types: IeaPolicyType[];
  tags: string[];
  technologies: string[];
  /** The legal text or announcement the IEA links to; null when it gives none (five records). */
  learn_more: string | null;
  learn_more_language: string | null;
  date_modified: string;
}

/** The statuses and jurisdiction levels the IEA uses. */
const IEA_STATUSES = ["In force", "Announced", "Ended", "Planned", "Superseded", "Unknown"] as const;
const IEA_JURISDICTIONS = ["National", "International", "Regional", "State/Provincial", "Municipal"] as const;

/** The IEA's country codes that are not ISO 3166-1 codes, and the site's code for them. */
const IEA_COUNTRY_CODES: Readonly<Record<string, string>> = {EUR: "EU"};

/** A cell holding JSON that must match `schema`; a blank cell is an empty list. */
function jsonField<T extends z.ZodType>(schema: T, what: string) {
  return z.string().transform((s, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(s.trim() === "" ? "[]" : s);
    } catch {
      ctx.addIssue({code: "custom", message: `not JSON (${what})`});
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({code: "custom", message: `not ${what}: ${parsed.error.issues[0]?.message ?? ""}`.trim()});
      return z.NEVER;
    }
    return parsed.data as z.output<T>;
  });
}

const named = z.string().trim().min(1);

const ieaSchema = z.object({
  title: text(),
  status: oneOf(IEA_STATUSES),
  year: year(),
  jurisdiction: oneOf(IEA_JURISDICTIONS),
  source: text(),
  datePromulgated: optionalText().transform((s, ctx) => {
    if (s === null) return null;
    const date = promulgated(s);
    if (date === null) ctx.addIssue({code: "custom", message: "a date: YYYY-MM-DD, DD-MM-YYYY (as the IEA writes some) or YYYY; or blank"});
    return date;
  }),
  yearEnded: year(true),
  learnMore: optionalText().refine((s) => s === null || /^https?:\/\/\S+$/.test(s), "a URL (http or https), or blank"),
  learnMoreLanguage: optionalText(),
  dateModified: number({min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1), what: "a time in epoch milliseconds"}),
  countries: jsonField(z.array(z.object({iso3: z.string(), name: z.string()})), "a list of {iso3, name}"),
  states: jsonField(z.array(z.object({country: z.string(), code: z.string(), name: z.string()})), "a list of {country, code, name}"),
  technologies: jsonField(z.array(named), "a list of names"),
  tags: jsonField(z.array(named), "a list of tags"),
  policyType: jsonField(z.array(z.object({topic: named, family: named, name: named, category: named.nullable()})), "a list of {topic, family, name, category}")
});

/**
 * The date a record was promulgated, as ISO text: YYYY-MM-DD as given, DD-MM-YYYY (ten records of
 * the export write it so) turned round, or a year alone (one record); null when not a real date.
 */
export function promulgated(s: string): string | null {
  if (/^\d{4}$/.test(s)) return isYear(Number(s)) ? s : null;
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : s;
  return parseDateText(iso)?.precision === "day" ? iso : null;
}

/** The columns the export must have (others, such as description, are ignored). */
export const IEA_COLUMNS = Object.keys(ieaSchema.shape);

/** A slug of a title: lower-case ASCII letters and digits joined by hyphens, at most 72 characters, cut at a hyphen. */
export function slug(title: string): string {
  const s = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s.length <= 72) return s;
  const cut = s.slice(0, 73);
  return cut.slice(0, cut.lastIndexOf("-"));
}

const distinct = <T>(values: T[]) => [...new Set(values)];

/**
 * Parses the export. Titles are trimmed and their mojibake repaired (flagged). The id of a record
 * is the slug of its title; the IEA files a cooperation arrangement once per party, so a title met
 * again gets the slug of its countries appended ("canada-us-joint-action-plan-...-usa"), and a
 * record that repeats both title and countries is a duplicate. Country codes must be ISO 3166-1
 * alpha-3 codes of countries, or the IEA's EUR for the European Union (written EU). Each record
 * names at least one country and one policy type; the year ended is not before the year.
 */
export function parseIeaPolicies(csvText: string, file: string): {line: number; row: IeaPolicyRecord}[] {
  const table = parseCsv(csvText, file, {required: IEA_COLUMNS});
  for (const {line, values} of table.records) {
    const bad = IEA_COLUMNS.find((c) => values[c]?.includes("\uFFFD"));
    if (bad) throw new SourceError(file, line, bad, values[bad]!, "holds U+FFFD, the mark of bytes that were not UTF-8: the file was saved in another encoding; save it as UTF-8");
  }
  const ids = new Map<string, number>();
  return validateRecords(table, ieaSchema).map(({line, row: r}) => {
    const {value: title, repaired} = repairMojibake(r.title);
    const countries = distinct(
      r.countries.map((c) => {
        const code = IEA_COUNTRY_CODES[c.iso3] ?? c.iso3;
        if (!isPartyCode(code)) throw new SourceError(file, line, "countries", c.iso3, "unknown country code: an ISO 3166-1 alpha-3 code of a country, or EUR for the European Union");
        return code;
      })
    );
    if (countries.length === 0) throw new SourceError(file, line, "countries", "[]", "a record names at least one country");
    if (r.policyType.length === 0) throw new SourceError(file, line, "policyType", "[]", "a record has at least one policy type");
    if (r.yearEnded !== null && r.yearEnded < (r.year as number)) throw new SourceError(file, line, "yearEnded", String(r.yearEnded), `ends before its year, ${r.year}`);
    let id = slug(title);
    if (ids.has(id)) id = `${id}-${countries.join("-").toLowerCase()}`;
    if (ids.has(id)) throw new SourceError(file, line, "title", r.title, `duplicate key: the same title and countries as line ${ids.get(id)} (id "${id}")`);
    ids.set(id, line);
    const types = distinct(r.policyType.map((t) => JSON.stringify([t.topic, t.family, t.name, t.category ?? null]))).map((s) => {
      const [topic, family, name, category] = JSON.parse(s) as [string, string, string, string | null];
      return {topic, family, name, category};
    });
    const row: IeaPolicyRecord = {
      policy_id: id,
      title,
      title_repaired: repaired,
      year: r.year as number,
      status: r.status,
      jurisdiction: r.jurisdiction,
      countries,
      states: r.states.map((s) => `${s.name} (${s.country}-${s.code})`),
      date_promulgated: r.datePromulgated,
      year_ended: r.yearEnded,
      types,
      tags: distinct(r.tags),
      technologies: distinct(r.technologies),
      learn_more: r.learnMore,
      learn_more_language: r.learnMoreLanguage,
      date_modified: new Date(r.dateModified as number).toISOString().slice(0, 10)
    };
    return {line, row};
  });
}

/** How a policy type is written in a table cell: "family: name (category)". */
export function typeLabel(t: IeaPolicyType): string {
  return `${t.family}: ${t.name}${t.category ? ` (${t.category})` : ""}`;
}
