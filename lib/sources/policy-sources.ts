import {iso1A3Code} from "@rapideditor/country-coder";
import {z} from "zod";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {number, oneOf, optionalText, text, validateRecords, year} from "./validate.js";
import {isYear} from "./years.js";

/**
 * The policy landscape sources under policies/: the national critical-mineral lists, the members of
 * the Minerals Security Partnership (MSP) and the cooperation agreements, all three compiled by hand
 * from official texts. The IEA's policy records are read by lib/sources/iea-policies.ts.
 */

// ---------------------------------------------------------------- shared field rules

/** An ISO 3166-1 alpha-3 code of a current country (checked against country-coder), or "EU" for the European Union. */
export function isPartyCode(code: string): boolean {
  return code === "EU" || (/^[A-Z]{3}$/.test(code) && iso1A3Code(code) === code);
}

const partyCode = () => text().pipe(z.string().refine(isPartyCode, "unknown country code: an ISO 3166-1 alpha-3 code of a country, or EU"));

function isCalendarDate(y: number, m: number, d = 1): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The first year of a policy date or join: the lists and memberships read here start in the 20th century. */
const DATES_FROM = 1900;

/** "YYYY-MM-DD" or "YYYY-MM", a real calendar date in a year from DATES_FROM to 2100. */
export function parseDateText(s: string): {date: string; precision: "day" | "month"} | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  if (!isYear(y) || y < DATES_FROM || !isCalendarDate(y, m, d)) return null;
  return {date: s, precision: d === undefined ? "month" : "day"};
}

const dateText = (what = "a date, YYYY-MM-DD or YYYY-MM") => text().pipe(z.string().refine((s) => parseDateText(s) !== null, what));
const optionalDay = () => optionalText().refine((s) => s === null || parseDateText(s)?.precision === "day", "a date, YYYY-MM-DD, or blank");
const whole = (what: string, min: number, max: number) => number({min, max, what}).refine((n) => n === null || Number.isInteger(n), `${what} is a whole number`);

/** The URLs in a free-text source cell ("https://a ; https://b (note)"). */
export function urlsIn(s: string): string[] {
  return s.match(/https?:\/\/[^\s;,)"]+/g) ?? [];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- mineral names

/**
 * The normalisation table of mineral names, so that lists can be compared: each key is a name as
 * it stands once lower-cased, with a trailing parenthesis ("(Li)", "(PGMs)"), a grade qualifier
 * ("- battery grade") and a trailing "metal" removed; each value is the site's name. Spellings
 * follow IUPAC for elements (aluminium, caesium) and the IMA for minerals (baryte). Deliberate
 * groupings: every bauxite/alumina/aluminium item is "aluminium" (the U.S. "aluminum" covers
 * bauxite too); Australia's "fluorine" is "fluorspar", the ore every other list names; borate and
 * boron are "boron"; phosphates are "phosphate rock", kept apart from "phosphorus" as the EU does.
 */
export const MINERAL_ALIASES: Readonly<Record<string, string>> = {
  aluminum: "aluminium",
  bauxite: "aluminium",
  "bauxite/aluminium": "aluminium",
  "bauxite/alumina/aluminium": "aluminium",
  barite: "baryte",
  borate: "boron",
  "boron/borate": "boron",
  cesium: "caesium",
  fluorine: "fluorspar",
  "natural graphite": "graphite",
  phosphates: "phosphate rock",
  phosphate: "phosphate rock",
  phosphorous: "phosphorus",
  pge: "platinum group metals",
  pgm: "platinum group metals",
  pgms: "platinum group metals",
  "platinum-group elements": "platinum group metals",
  "platinum group elements": "platinum group metals",
  ree: "rare earth elements",
  rees: "rare earth elements",
  "rare-earth elements": "rare earth elements",
  "rare earth elements for permanent magnets": "rare earth elements",
  hree: "heavy rare earth elements",
  lree: "light rare earth elements"
};

const RARE_EARTHS = ["cerium", "dysprosium", "erbium", "europium", "gadolinium", "holmium", "lanthanum", "lutetium", "neodymium", "praseodymium", "promethium", "samarium", "terbium", "thulium", "ytterbium", "yttrium"];
const PLATINUM_GROUP = ["iridium", "osmium", "palladium", "platinum", "rhodium", "ruthenium"];
const OTHER_MINERALS = [
  "aluminium", "antimony", "arsenic", "baryte", "beryllium", "bismuth", "boron", "cadmium", "caesium", "chromium", "cobalt",
  "coking coal", "copper", "feldspar", "fluorspar", "gallium", "germanium", "graphite", "hafnium", "helium", "high purity alumina",
  "indium", "lithium", "magnesium", "manganese", "molybdenum", "natural rubber", "nickel", "niobium", "phosphate rock",
  "phosphorus", "potash", "rhenium", "rubidium", "scandium", "selenium", "silicon", "strontium", "tantalum", "tellurium", "tin",
  "titanium", "tungsten", "uranium", "vanadium", "zinc", "zirconium",
  "rare earth elements", "heavy rare earth elements", "light rare earth elements", "platinum group metals"
];

/**
 * The family a normalised mineral is compared at: individual rare earths (yttrium included, which
 * the EU counts among the heavy rare earths; scandium, listed apart by most lists, is not) and
 * heavy or light rare earths are "rare earth elements"; individual platinum-group metals are
 * "platinum group metals"; high purity alumina is "aluminium". Any other mineral is its own family.
 */
export const MINERAL_GROUPS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(RARE_EARTHS.map((m) => [m, "rare earth elements"])),
  ...Object.fromEntries(PLATINUM_GROUP.map((m) => [m, "platinum group metals"])),
  "heavy rare earth elements": "rare earth elements",
  "light rare earth elements": "rare earth elements",
  "high purity alumina": "aluminium"
};

const KNOWN_MINERALS = new Set([...OTHER_MINERALS, ...RARE_EARTHS, ...PLATINUM_GROUP]);

/** The site's name of a mineral as a list gives it, or null when the name is not in the normalisation table. */
export function normaliseMineral(asListed: string): string | null {
  const cleaned = asListed
    .normalize("NFC")
    .replace(/\u00a0/g, " ")
    .toLowerCase()
    .replace(/\s*\([^()]*\)\s*$/, "")
    .replace(/\s+-\s+[a-z ]*grade$/, "")
    .replace(/\s+metal$/, "")
    .replace(/\s+/g, " ")
    .trim();
  const name = MINERAL_ALIASES[cleaned] ?? cleaned;
  return KNOWN_MINERALS.has(name) ? name : null;
}

// ---------------------------------------------------------------- critical-mineral lists

const listSchema = z.object({
  jurisdiction: text(),
  jurisdiction_code: partyCode(),
  list_name: text(),
  list_year: year(),
  published: dateText(),
  category: oneOf(["critical", "strategic", "watchlist"]),
  order_in_source: whole("a position in the list", 1, 1000),
  mineral_as_listed: text(),
  official_source: text(),
  official_url: text().pipe(z.string().regex(/^https?:\/\/\S+$/, "a URL")),
  transcribed_from_url: optionalText(),
  notes: optionalText()
});

/** One mineral on one list. */
export interface CriticalListRow {
  jurisdiction: string;
  jurisdiction_code: string;
  list_name: string;
  list_year: number;
  published: string;
  category: "critical" | "strategic" | "watchlist";
  order_in_source: number;
  mineral_as_listed: string;
  mineral: string;
  mineral_group: string;
  official_source: string;
  official_url: string;
  transcribed_from: string | null;
  notes: string | null;
}

/**
 * Parses critical_mineral_lists.csv. Each name is normalised (an unknown name throws: add it to
 * the normalisation table on purpose); a list must keep one jurisdiction, year and category, and
 * neither a position nor a normalised mineral may repeat within a list.
 */
export function parseCriticalLists(csvText: string, file: string): {line: number; row: CriticalListRow}[] {
  const table = parseCsv(csvText, file, {required: Object.keys(listSchema.shape)});
  const lists = new Map<string, {code: string; year: number; category: string; positions: Map<number, number>; minerals: Map<string, number>}>();
  return validateRecords(table, listSchema).map(({line, row: r}) => {
    const mineral = normaliseMineral(r.mineral_as_listed);
    if (mineral === null) throw new SourceError(file, line, "mineral_as_listed", r.mineral_as_listed, "mineral name not in the normalisation table (MINERAL_ALIASES in lib/sources/policy-sources.ts); add it on purpose");
    const list = lists.get(r.list_name) ?? {code: r.jurisdiction_code, year: r.list_year as number, category: r.category, positions: new Map(), minerals: new Map()};
    lists.set(r.list_name, list);
    if (list.code !== r.jurisdiction_code) throw new SourceError(file, line, "jurisdiction_code", r.jurisdiction_code, `the list "${r.list_name}" is ${list.code}'s`);
    if (list.year !== r.list_year) throw new SourceError(file, line, "list_year", String(r.list_year), `the list "${r.list_name}" is of ${list.year}`);
    if (list.category !== r.category) throw new SourceError(file, line, "category", r.category, `the list "${r.list_name}" is ${list.category}`);
    const order = r.order_in_source as number;
    if (list.positions.has(order)) throw new SourceError(file, line, "order_in_source", String(order), `duplicate key: position ${order} of this list is already on line ${list.positions.get(order)}`);
    list.positions.set(order, line);
    if (list.minerals.has(mineral)) throw new SourceError(file, line, "mineral_as_listed", r.mineral_as_listed, `duplicate key: "${mineral}" is already on this list, line ${list.minerals.get(mineral)}`);
    list.minerals.set(mineral, line);
    const row: CriticalListRow = {
      jurisdiction: r.jurisdiction,
      jurisdiction_code: r.jurisdiction_code,
      list_name: r.list_name,
      list_year: r.list_year as number,
      published: r.published,
      category: r.category,
      order_in_source: order,
      mineral_as_listed: r.mineral_as_listed,
      mineral,
      mineral_group: MINERAL_GROUPS[mineral] ?? mineral,
      official_source: r.official_source,
      official_url: r.official_url,
      transcribed_from: r.transcribed_from_url,
      notes: r.notes
    };
    return {line, row};
  });
}

/** Stable order of list rows: jurisdiction, year, list, position. */
export function sortCriticalLists(rows: CriticalListRow[]): CriticalListRow[] {
  return rows.sort((a, b) => compare(a.jurisdiction_code, b.jurisdiction_code) || a.list_year - b.list_year || compare(a.list_name, b.list_name) || a.order_in_source - b.order_in_source);
}

// ---------------------------------------------------------------- Minerals Security Partnership

const mspSchema = z.object({
  partner: text(),
  code: partyCode(),
  joined: optionalText(),
  joined_precision: optionalText().refine((s) => s === null || ["year", "month", "day", "range"].includes(s), "one of: year, month, day, range; or blank with joined"),
  status: optionalText().refine((s) => s === null || s === "founding partner" || s === "joined later", "founding partner or joined later; or blank when no official source says"),
  source_url: text()
});

/** One MSP partner with the date it joined, as precisely as an official source gives it; null where none does. */
export interface MspMemberRow {
  partner: string;
  party_code: string;
  joined: string | null;
  joined_precision: "year" | "month" | "day" | "range" | null;
  joined_earliest: string | null;
  joined_latest: string | null;
  is_founding: boolean | null;
  source_url: string;
  sources: string;
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

/** The first and last day a join date can stand for, or null when it does not match its precision. */
function joinedSpan(joined: string, precision: "year" | "month" | "day" | "range"): [string, string] | null {
  if (precision === "year") return /^\d{4}$/.test(joined) && isYear(Number(joined)) && Number(joined) >= DATES_FROM ? [`${joined}-01-01`, `${joined}-12-31`] : null;
  const parts = precision === "range" ? joined.split("/") : [joined];
  const wanted = precision === "range" ? "month" : precision;
  const dates = parts.map((p) => parseDateText(p.trim()));
  if (dates.length !== (precision === "range" ? 2 : 1) || dates.some((d) => d === null || d.precision !== wanted)) return null;
  const first = dates[0]!.date;
  const last = dates[dates.length - 1]!.date;
  const span: [string, string] = wanted === "day" ? [first, last] : [`${first}-01`, lastDayOfMonth(last)];
  return span[0] <= span[1] ? span : null;
}

/**
 * Parses minerals_security_partnership_members.csv. "joined" must match its precision: a year, a
 * day (YYYY-MM-DD), a month (YYYY-MM) or a range of months (YYYY-MM/YYYY-MM), and is also given as
 * the earliest and latest day it can stand for; joined, its precision and the status are blank
 * where no official source gives them (never guessed). A founding partner joined in 2022. Every
 * source cell holds at least one URL, and none of a mirror of Wikipedia or a news aggregator.
 */
export function parseMspMembers(csvText: string, file: string): {line: number; row: MspMemberRow}[] {
  const table = parseCsv(csvText, file, {required: Object.keys(mspSchema.shape)});
  const codes = new Map<string, number>();
  return validateRecords(table, mspSchema).map(({line, row: r}) => {
    if (codes.has(r.code)) throw new SourceError(file, line, "code", r.code, `duplicate key: partner already on line ${codes.get(r.code)}`);
    codes.set(r.code, line);
    if ((r.joined === null) !== (r.joined_precision === null)) throw new SourceError(file, line, "joined_precision", r.joined_precision, "joined and joined_precision are both given or both blank");
    const precision = r.joined_precision as MspMemberRow["joined_precision"];
    const span = r.joined === null ? null : joinedSpan(r.joined, precision!);
    if (r.joined !== null && span === null) throw new SourceError(file, line, "joined", r.joined, `not a ${precision === "range" ? "range of months, YYYY-MM/YYYY-MM," : precision === "day" ? "day, YYYY-MM-DD," : precision === "month" ? "month, YYYY-MM," : "year, YYYY,"} as joined_precision says`);
    const is_founding = r.status === null ? null : r.status === "founding partner";
    if (is_founding && !r.joined?.startsWith("2022")) throw new SourceError(file, line, "joined", r.joined, "a founding partner joined at the launch, in 2022");
    const urls = urlsIn(r.source_url);
    if (!urls.length) throw new SourceError(file, line, "source_url", r.source_url, "no URL in the source cell");
    const mirror = urls.find((u) => /wiki|miragenews|cmio\.org|azureedge/.test(new URL(u).hostname));
    if (mirror) throw new SourceError(file, line, "source_url", mirror, "not an official source (State Department, a partner government, the IEA): a mirror or aggregator");
    const row: MspMemberRow = {partner: r.partner, party_code: r.code, joined: r.joined, joined_precision: precision, joined_earliest: span?.[0] ?? null, joined_latest: span?.[1] ?? null, is_founding, source_url: urls[0]!, sources: r.source_url};
    return {line, row};
  });
}

// ---------------------------------------------------------------- cooperation agreements

const agreementSchema = z.object({
  agreement: text(),
  parties: text(),
  party_codes: text(),
  type: text(),
  date: optionalText(),
  date_precision: text(),
  source_url: text()
});

/** One cooperation instrument. */
export interface AgreementRow {
  agreement: string;
  parties: string;
  party_codes: string;
  party_count: number;
  type: string;
  date: string | null;
  date_precision: "day" | "month" | null;
  date_note: string | null;
  source_url: string;
  source_note: string | null;
}

/**
 * Parses critical_minerals_agreements.csv. Party codes (";"-separated ISO3 or EU) must be known and
 * as many as the party names; a date is YYYY-MM-DD or YYYY-MM as its precision says, and a blank
 * date must not claim a precision. The precision cell's remark ("endorsed at ...", "not stated in
 * source read") is kept as date_note.
 */
export function parseAgreements(csvText: string, file: string): {line: number; row: AgreementRow}[] {
  const table = parseCsv(csvText, file, {required: Object.keys(agreementSchema.shape)});
  const names = new Map<string, number>();
  return validateRecords(table, agreementSchema).map(({line, row: r}) => {
    if (names.has(r.agreement)) throw new SourceError(file, line, "agreement", r.agreement, `duplicate key: already on line ${names.get(r.agreement)}`);
    names.set(r.agreement, line);
    const codes = r.party_codes.split(";").map((c) => c.trim());
    for (const code of codes) if (!isPartyCode(code)) throw new SourceError(file, line, "party_codes", r.party_codes, `unknown country code "${code}": an ISO 3166-1 alpha-3 code of a country, or EU`);
    if (new Set(codes).size !== codes.length) throw new SourceError(file, line, "party_codes", r.party_codes, "a party is listed twice");
    const partyNames = r.parties.split(";").map((p) => p.trim());
    if (partyNames.length !== codes.length) throw new SourceError(file, line, "party_codes", r.party_codes, `${codes.length} codes for ${partyNames.length} parties`);
    const precisionMatch = /^(day|month)\b\s*(?:\((.*)\))?$/.exec(r.date_precision);
    const precision = precisionMatch ? (precisionMatch[1] as "day" | "month") : null;
    const dateNote = precisionMatch ? (precisionMatch[2]?.trim() || null) : r.date_precision;
    if (r.date !== null) {
      const parsed = parseDateText(r.date);
      if (!parsed) throw new SourceError(file, line, "date", r.date, "a date, YYYY-MM-DD or YYYY-MM");
      if (parsed.precision !== precision) throw new SourceError(file, line, "date_precision", r.date_precision, `the date ${r.date} has ${parsed.precision} precision`);
    } else if (precision !== null) {
      throw new SourceError(file, line, "date_precision", r.date_precision, "a blank date cannot have a precision");
    }
    const url = urlsIn(r.source_url)[0];
    if (!url) throw new SourceError(file, line, "source_url", r.source_url, "no URL in the source cell");
    const rest = r.source_url.replace(url, "").trim().replace(/^\((.*)\)$/, "$1").trim();
    const row: AgreementRow = {
      agreement: r.agreement,
      parties: partyNames.join("; "),
      party_codes: codes.join(";"),
      party_count: codes.length,
      type: r.type,
      date: r.date,
      date_precision: precision,
      date_note: dateNote,
      source_url: url,
      source_note: rest === "" ? null : rest
    };
    return {line, row};
  });
}
