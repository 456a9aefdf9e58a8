import {feature, iso1A2Code, iso1N3Code} from "@rapideditor/country-coder";
import {z} from "zod";
import {parseCsv} from "../sources/csv.js";
import {isPartyCode, MINERAL_GROUPS, normaliseMineral} from "../sources/policy-sources.js";
import {
  ACCESSION_SUBTYPE,
  CAPACITIES,
  INTERNATIONAL_TYPE,
  INTERVENTION_TYPES,
  SCOPES,
  SHOCKS,
  STATUSES,
  STRATEGIES,
  THEMES,
  VALUE_CHAIN_STAGES,
  type Term
} from "./vocabulary.js";
import {parseDateSpan} from "../sources/date-span.js";
import {SourceError} from "../sources/source-error.js";
import {optionalText, text, validateRecords} from "../sources/validate.js";

/**
 * The MINERS policy schema: one row per policy measure (or per party joining an international
 * initiative), classified with the vocabularies of lib/policy/vocabulary.ts. A CSV with these
 * columns (data/sources/policies/miners_policy_measures.csv; see MEASURES.md there) is all the
 * site needs to draw the policy page, so the working paper's full dataset can replace the site's.
 * Every rule below stops the build with file, line, column, value and the rule.
 */

/** The CSV's columns, in order. Every one must be present; no other column is accepted. */
export const MEASURE_COLUMNS = [
  "measure_id",
  "title",
  "jurisdiction",
  "subdivision",
  "scope",
  "parties",
  "part_of",
  "intervention_type",
  "intervention_subtype",
  "status",
  "start_date",
  "end_date",
  "theme",
  "value_chain_stages",
  "minerals",
  "shocks",
  "strategies",
  "capacities",
  "summary",
  "source_url",
  "source_ref",
  "classified_by",
  "notes"
] as const;

/** Separator of the list-valued cells (parties, stages, minerals, shocks, strategies, capacities). */
export const LIST_SEPARATOR = ";";

/** Longest summary, in characters: a summary is a sentence or two in the classifier's own words. */
export const SUMMARY_MAX_CHARS = 400;

// ---------------------------------------------------------------- parties

/** Short forms where country-coder's English name is long for a chart label. */
const PARTY_NAMES: Readonly<Record<string, string>> = {EU: "European Union", USA: "United States", CHN: "China", COD: "DR Congo"};

/** Display name of a party code (ISO3 from country-coder's English names, or EU). */
export function partyName(code: string): string {
  return PARTY_NAMES[code] ?? feature(code)?.properties.nameEn ?? code;
}

/** ISO 3166-1 numeric code of a party, as Natural Earth ids give it ("036"); null for EU. */
export function partyNumeric(code: string): string | null {
  return code === "EU" ? null : iso1N3Code(code) ?? null;
}

// ---------------------------------------------------------------- field rules

const ids = (vocabulary: readonly Term[]) => vocabulary.map((t) => t.id);
const idList = (vocabulary: readonly Term[]) => ids(vocabulary).join(", ");

/** One id of a vocabulary; blank is missing (null) only when `optional`. */
function term(vocabulary: readonly Term[], what: string, optional: boolean) {
  return optionalText().transform((s, ctx) => {
    if (s === null) {
      if (!optional) ctx.addIssue({code: "custom", message: `${what} is required (one of: ${idList(vocabulary)})`});
      return null;
    }
    if (!ids(vocabulary).includes(s)) ctx.addIssue({code: "custom", message: `unknown ${what}: one of ${idList(vocabulary)}`});
    return s;
  });
}

/** A ";"-separated list of distinct ids of a vocabulary; blank is an empty list. */
function terms(vocabulary: readonly Term[], what: string) {
  return optionalText().transform((s, ctx) => {
    const items = splitList(s);
    const unknown = items.filter((i) => !ids(vocabulary).includes(i));
    if (unknown.length) ctx.addIssue({code: "custom", message: `unknown ${what} "${unknown[0]}": ${LIST_SEPARATOR}-separated ids of ${idList(vocabulary)}`});
    else if (new Set(items).size !== items.length) ctx.addIssue({code: "custom", message: `a ${what} is listed twice`});
    return items;
  });
}

/** Items of a list cell: split at ";", trimmed, empty items dropped. */
export function splitList(s: string | null): string[] {
  return s === null ? [] : s.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean);
}

const date = () =>
  optionalText().transform((s, ctx) => {
    if (s === null) return null;
    const span = parseDateSpan(s);
    if (!span) ctx.addIssue({code: "custom", message: "a date: YYYY, YYYY-MM or YYYY-MM-DD, or a span FIRST/LAST of these; blank when not known"});
    return span;
  });

const partyCode = () => text().pipe(z.string().refine(isPartyCode, "a party code: ISO 3166-1 alpha-3 code of a country, or EU"));

const measureSchema = z.object({
  measure_id: text().pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a measure id: lower-case letters, digits and single hyphens")),
  title: text(),
  jurisdiction: partyCode(),
  subdivision: optionalText().refine((s) => s === null || /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(s), "an ISO 3166-2 subdivision code such as CA-ON, or blank"),
  scope: term(SCOPES, "scope", false),
  parties: optionalText(),
  part_of: optionalText(),
  intervention_type: term(INTERVENTION_TYPES, "intervention type", false),
  intervention_subtype: text(),
  status: term(STATUSES, "status", true),
  start_date: date(),
  end_date: date(),
  theme: term(THEMES, "theme", true),
  value_chain_stages: terms(VALUE_CHAIN_STAGES, "value-chain stage"),
  minerals: optionalText(),
  shocks: terms(SHOCKS, "shock"),
  strategies: terms(STRATEGIES, "strategy"),
  capacities: terms(CAPACITIES, "capacity"),
  summary: text().refine((s) => s.length <= SUMMARY_MAX_CHARS, `a summary has at most ${SUMMARY_MAX_CHARS} characters`),
  source_url: text().pipe(z.string().regex(/^https?:\/\/\S+$/, "a URL (http or https)")),
  source_ref: optionalText(),
  classified_by: text(),
  notes: optionalText()
});

// ---------------------------------------------------------------- the row

/** One row of the policy_measures table. List-valued columns are joined with ";". */
export interface PolicyMeasureRow {
  measure_id: string;
  title: string;
  jurisdiction: string;
  jurisdiction_name: string;
  subdivision: string | null;
  scope: string;
  parties: string;
  party_count: number;
  part_of: string | null;
  is_initiative: boolean;
  intervention_type: string;
  intervention_subtype: string;
  status: string | null;
  start_date: string | null;
  start_year: number | null;
  start_year_min: number | null;
  start_year_max: number | null;
  end_date: string | null;
  end_year: number | null;
  theme: string | null;
  value_chain_stages: string | null;
  minerals: string | null;
  mineral_groups: string | null;
  shocks: string | null;
  strategies: string | null;
  capacities: string | null;
  summary: string;
  source_url: string;
  source_ref: string | null;
  classified_by: string;
  notes: string | null;
  source_line: number;
}

const joined = (items: readonly string[]) => (items.length ? items.join(LIST_SEPARATOR) : null);

/**
 * Parses a CSV in the MINERS policy schema. Beyond each field's vocabulary:
 * - measure_id is unique; part_of names another row, an international arrangement that is not
 *   itself part of one; a row has part_of exactly when its sub-type is "accession";
 * - the sub-type belongs to the type; an international arrangement has international scope;
 * - a subnational measure gives its subdivision (ISO 3166-2, in the jurisdiction's country) and
 *   no other measure does; a regional measure is the EU's, and an EU measure is regional or
 *   international;
 * - parties: an international row lists its parties (two or more, or the joining party for an
 *   accession), the jurisdiction among them; any other row lists none or only its jurisdiction;
 * - the end date does not come before the start date;
 * - minerals are names the mineral normalisation table knows (lib/sources/policy-sources.ts), listed once;
 * - every strategy is printed in the paper's Table 1 under one of the row's shocks.
 * Rows come back in file order, with their line.
 */
export function parsePolicyMeasures(csvText: string, file: string): {line: number; row: PolicyMeasureRow}[] {
  const table = parseCsv(csvText, file, {required: MEASURE_COLUMNS});
  const extra = table.header.find((h) => !(MEASURE_COLUMNS as readonly string[]).includes(h));
  if (extra !== undefined) throw new SourceError(file, 1, extra, extra, `not a column of the MINERS policy schema (columns: ${MEASURE_COLUMNS.join(", ")})`);
  const records = validateRecords(table, measureSchema);
  const lines = new Map<string, number>();
  const fail = (line: number, column: string, value: unknown, rule: string): never => {
    throw new SourceError(file, line, column, value, rule);
  };

  const rows = records.map(({line, row: r}) => {
    if (lines.has(r.measure_id)) fail(line, "measure_id", r.measure_id, `duplicate key: already on line ${lines.get(r.measure_id)}`);
    lines.set(r.measure_id, line);

    const type = INTERVENTION_TYPES.find((t) => t.id === r.intervention_type)!;
    if (!type.subtypes.some((s) => s.id === r.intervention_subtype)) {
      fail(line, "intervention_subtype", r.intervention_subtype, `not a sub-type of ${type.id}: one of ${type.subtypes.map((s) => s.id).join(", ")}`);
    }
    if (r.intervention_type === INTERNATIONAL_TYPE && r.scope !== "international") fail(line, "scope", r.scope, "an international arrangement has international scope");
    const accession = r.intervention_subtype === ACCESSION_SUBTYPE;
    if (accession && r.part_of === null) fail(line, "part_of", null, "an accession names the initiative it joins (its measure_id)");
    if (!accession && r.part_of !== null) fail(line, "part_of", r.part_of, `only an accession (sub-type ${ACCESSION_SUBTYPE}) is part of another measure`);

    if (r.scope === "subnational") {
      if (r.subdivision === null) fail(line, "subdivision", null, "a subnational measure gives its subdivision (ISO 3166-2, e.g. CA-ON)");
      const country = r.jurisdiction === "EU" ? null : iso1A2Code(r.jurisdiction);
      if (!r.subdivision!.startsWith(`${country}-`)) fail(line, "subdivision", r.subdivision, `not a subdivision of ${r.jurisdiction} (${country}-...)`);
    } else if (r.subdivision !== null) fail(line, "subdivision", r.subdivision, "only a subnational measure has a subdivision");
    if (r.scope === "regional" && r.jurisdiction !== "EU") fail(line, "scope", r.scope, "a regional measure is the European Union's (jurisdiction EU)");
    if (r.jurisdiction === "EU" && r.scope !== "regional" && r.scope !== "international") fail(line, "scope", r.scope, "an EU measure is regional or international");

    const parties = splitList(r.parties);
    for (const code of parties) if (!isPartyCode(code)) fail(line, "parties", r.parties, `unknown party code "${code}": ISO 3166-1 alpha-3 code of a country, or EU`);
    if (new Set(parties).size !== parties.length) fail(line, "parties", r.parties, "a party is listed twice");
    if (r.scope === "international") {
      if (!parties.includes(r.jurisdiction)) fail(line, "parties", r.parties, `the parties include the jurisdiction, ${r.jurisdiction}`);
      if (!accession && parties.length < 2) fail(line, "parties", r.parties, "an international measure has two or more parties");
    } else if (parties.length > 1 || (parties.length === 1 && parties[0] !== r.jurisdiction)) {
      fail(line, "parties", r.parties, `a ${r.scope} measure has no parties but its jurisdiction; use scope international for an arrangement between governments`);
    }

    if (r.start_date && r.end_date && r.end_date.latest < r.start_date.earliest) fail(line, "end_date", r.end_date.text, `ends before it starts (${r.start_date.text})`);

    const minerals: string[] = [];
    for (const name of splitList(r.minerals)) {
      const mineral = normaliseMineral(name);
      if (mineral === null) fail(line, "minerals", name, "mineral name not in the normalisation table (MINERAL_ALIASES in lib/sources/policy-sources.ts)");
      if (minerals.includes(mineral!)) fail(line, "minerals", name, `"${mineral}" is listed twice`);
      minerals.push(mineral!);
    }
    const groups = [...new Set(minerals.map((m) => MINERAL_GROUPS[m] ?? m))];

    for (const id of r.strategies) {
      const strategy = STRATEGIES.find((s) => s.id === id)!;
      if (!strategy.shocks.some((s) => (r.shocks as string[]).includes(s))) {
        fail(line, "strategies", id, `Table 1 lists "${strategy.label}" under ${strategy.shocks.join(", ")}; name one of these shocks in shocks`);
      }
    }

    const start = r.start_date;
    const end = r.end_date;
    const row: PolicyMeasureRow = {
      measure_id: r.measure_id,
      title: r.title,
      jurisdiction: r.jurisdiction,
      jurisdiction_name: partyName(r.jurisdiction),
      subdivision: r.subdivision,
      scope: r.scope!,
      parties: (parties.length ? parties : [r.jurisdiction]).join(LIST_SEPARATOR),
      party_count: parties.length || 1,
      part_of: r.part_of,
      is_initiative: r.intervention_type === INTERNATIONAL_TYPE && r.part_of === null,
      intervention_type: r.intervention_type!,
      intervention_subtype: r.intervention_subtype,
      status: r.status,
      start_date: start?.text ?? null,
      start_year: start && start.yearMin === start.yearMax ? start.yearMin : null,
      start_year_min: start?.yearMin ?? null,
      start_year_max: start?.yearMax ?? null,
      end_date: end?.text ?? null,
      end_year: end && end.yearMin === end.yearMax ? end.yearMin : null,
      theme: r.theme,
      value_chain_stages: joined(r.value_chain_stages),
      minerals: joined(minerals),
      mineral_groups: joined(groups),
      shocks: joined(r.shocks),
      strategies: joined(r.strategies),
      capacities: joined(r.capacities),
      summary: r.summary,
      source_url: r.source_url,
      source_ref: r.source_ref,
      classified_by: r.classified_by,
      notes: r.notes,
      source_line: line
    };
    return {line, row};
  });

  const byId = new Map(rows.map((r) => [r.row.measure_id, r.row]));
  for (const {line, row} of rows) {
    if (row.part_of === null) continue;
    const parent = byId.get(row.part_of);
    if (!parent) fail(line, "part_of", row.part_of, "no measure has this measure_id");
    if (parent!.intervention_type !== INTERNATIONAL_TYPE || parent!.part_of !== null) fail(line, "part_of", row.part_of, "an accession joins an international arrangement that is not itself an accession");
  }
  return rows;
}

/**
 * Checks the shock and strategy vocabularies against the paper's Table 1 as transcribed
 * (paper/framework_table1.csv: shock_order, shock, strategy): every shock stands there with its
 * printed wording and position, every strategy under each shock the vocabulary gives it, and every
 * printed (shock, strategy) pair has a term. Throws SourceError at the Table 1 line that differs.
 */
export function checkTable1Vocabulary(csvText: string, file: string): void {
  const table = parseCsv(csvText, file, {required: ["shock_order", "shock", "strategy"]});
  const pairs = new Set<string>();
  const shockLines = new Map<string, {order: string; line: number}>();
  for (const {line, values} of table.records) {
    const shock = values.shock!.trim();
    const strategy = values.strategy!.trim();
    pairs.add(`${shock}\n${strategy}`);
    if (!shockLines.has(shock)) shockLines.set(shock, {order: values.shock_order!.trim(), line});
    const s = SHOCKS.find((t) => t.label === shock);
    if (!s) throw new SourceError(file, line, "shock", shock, "not a shock of SHOCKS in lib/policy/vocabulary.ts; add it there with its printed wording");
    if (!STRATEGIES.some((t) => t.label === strategy && (t.shocks as readonly string[]).includes(s.id))) {
      throw new SourceError(file, line, "strategy", strategy, `no strategy of STRATEGIES in lib/policy/vocabulary.ts has this wording under the shock ${s.id}`);
    }
  }
  for (const s of SHOCKS) {
    const found = shockLines.get(s.label);
    if (!found) throw new SourceError(file, 1, "shock", s.label, `the shock ${s.id} of lib/policy/vocabulary.ts is not in Table 1`);
    if (found.order !== String(s.order)) throw new SourceError(file, found.line, "shock_order", found.order, `lib/policy/vocabulary.ts puts ${s.id} at position ${s.order}`);
  }
  for (const t of STRATEGIES) {
    for (const shockId of t.shocks) {
      const shock = SHOCKS.find((s) => s.id === shockId)!;
      if (!pairs.has(`${shock.label}\n${t.label}`)) throw new SourceError(file, shockLines.get(shock.label)!.line, "strategy", t.label, `the strategy ${t.id} of lib/policy/vocabulary.ts is not printed under "${shock.label}"`);
    }
  }
}
