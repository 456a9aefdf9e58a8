/**
 * The site's bibliography, read and formatted at build time by citation-js: the .bib is parsed by
 * @citation-js/plugin-bibtex into CSL-JSON, and every reference is formatted in APA 7 by
 * @citation-js/plugin-csl (citeproc-js). Pages receive the result as JSON
 * (src/data/references.json.ts) and parse nothing.
 *
 * What citation-js's reading leaves to us, handled here:
 * - biblatex `shortauthor` (the name the text cites a corporate author by, "USGS") is not part of
 *   CSL-JSON and is dropped; it is read from the raw entry as the name list it is and used for the
 *   in-text names, and the reference leads with it: "USGS [National Minerals Information Center]".
 * - the letters that keep two labels apart ("USGS, 2022a") are given across the whole file by the
 *   cited names (lib/reader/citation-labels.ts), which for a `shortauthor` differ from the CSL
 *   authors citeproc would compare.
 * - "and others" is read as a person named "others"; the reference says "et al.".
 * - the publisher is left out when it is the (corporate) author (APA 7, 9.25); @phdthesis and
 *   @mastersthesis are named "Doctoral dissertation" and "Master's thesis".
 * - citation-js reads leniently; a malformed file (an entry it skipped, a duplicate key, an
 *   undefined macro, an unconverted TeX command, no author or title, a year not of four digits)
 *   throws BibliographyError naming the entry, so the build stops.
 */
import {Cite, plugins} from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import {citationNames, citedYear, compareReferences, isOthers, yearSuffixes, type CslName, type ReferenceEntry} from "../../lib/reader/citation-labels.js";

export class BibliographyError extends Error {
  override name = "BibliographyError";
}

interface RawEntry {
  type: string;
  label: string;
  /** Field values as written (TeX); a bare number is read as a number. */
  properties: Record<string, string | number>;
}

type Csl = Record<string, unknown> & {id: string; author?: CslName[]; editor?: CslName[]; title?: string; issued?: {"date-parts"?: number[][]; literal?: string}};

const STYLE = {template: "apa", lang: "en-US"};
const GENRES: Record<string, string> = {phdthesis: "Doctoral dissertation", mastersthesis: "Master's thesis"};

/** biblatex fields that are lists of names, split at "and" (citation-js keeps only the first). */
const LITERAL_LISTS = ["institution", "organization", "publisher", "school", "location", "address"];

/** The value with every braced group left out: "{A and B} and C" gives " and C". */
function outsideBraces(value: string): string {
  let depth = 0;
  let out = "";
  for (const c of value) {
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

const OPENING = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s]*)/gm;

/**
 * The entry a parse error lies in: the first whose braces do not balance (the parser then reads on
 * to the end of the file), else the one holding the line the error names.
 */
function culprit(text: string, message: string): string {
  const openings = [...text.matchAll(OPENING)].filter((m) => !/^(comment|preamble|string)$/i.test(m[1]!));
  const lineOf = (at: number) => text.slice(0, at).split("\n").length;
  const spans = openings.map((m, i) => ({key: m[2]!, line: lineOf(m.index!), body: text.slice(m.index!, openings[i + 1]?.index ?? text.length)}));
  const unbalanced = spans.find(({body}) => {
    let depth = 0;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === "\\") i++;
      else if (body[i] === "{") depth++;
      else if (body[i] === "}") depth--;
    }
    return depth !== 0;
  });
  if (unbalanced) return ` (entry "${unbalanced.key}", line ${unbalanced.line}: its braces do not balance)`;
  const line = Number(/at line (\d+)/.exec(message)?.[1] ?? NaN);
  const holding = spans.filter((s) => s.line <= line).at(-1);
  return holding ? ` (entry "${holding.key}", line ${holding.line})` : "";
}

/** The entries as citation-js reads them, fields still in TeX; throws on what it would pass over. */
function readEntries(text: string): RawEntry[] {
  let entries: unknown;
  try {
    entries = plugins.input.chain(text, {target: "@biblatex/entries+list", generateGraph: false});
  } catch (error) {
    throw new BibliographyError(`references.bib does not parse${culprit(text, (error as Error).message)}: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new BibliographyError("references.bib does not parse as BibTeX");
  const raw = entries as RawEntry[];
  // citation-js passes over an entry it cannot read; every "@type{" that opens a line must give one.
  const opened = [...text.matchAll(OPENING)].filter((m) => !/^(comment|preamble|string)$/i.test(m[1]!));
  const read = new Set(raw.map((e) => e.label));
  const skipped = opened.filter((m) => !read.has(m[2]!));
  if (skipped.length || opened.length !== raw.length) {
    const line = (m: RegExpMatchArray) => text.slice(0, m.index).split("\n").length;
    throw new BibliographyError(`references.bib: ${opened.length} entries open but ${raw.length} were read${skipped.length ? `; not read: ${skipped.map((m) => `"${m[2]}" (line ${line(m)})`).join(", ")}` : ""}`);
  }
  const seen = new Set<string>();
  for (const entry of raw) {
    const where = `references.bib, entry "${entry.label}"`;
    if (seen.has(entry.label)) throw new BibliographyError(`${where}: duplicate key`);
    seen.add(entry.label);
    for (const [field, value] of Object.entries(entry.properties)) {
      if (String(value).trim() === "") throw new BibliographyError(`${where}: field ${field} is empty (an undefined macro?)`);
    }
    if (!entry.properties.author && !entry.properties.editor) throw new BibliographyError(`${where}: no author or editor`);
    if (!entry.properties.title) throw new BibliographyError(`${where}: no title`);
    for (const field of LITERAL_LISTS) {
      const value = entry.properties[field];
      if (value !== undefined && /\sand\s/i.test(outsideBraces(String(value)))) throw new BibliographyError(`${where}: ${field} {${value}} is a list in biblatex, split at "and"; brace a name that holds "and": ${field} = {{${value}}}`);
    }
    const year = entry.properties.year;
    if (year !== undefined && !/^\d{4}$/.test(String(year))) throw new BibliographyError(`${where}: year ${JSON.stringify(year)} is not four digits`);
  }
  return raw;
}

/** Throws when a string of the CSL item still holds TeX (a command or a brace citation-js left). */
function checkConverted(item: Csl): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (/[\\{}]/.test(value)) throw new BibliographyError(`references.bib, entry "${item.id}": ${path} keeps TeX markup citation-js did not convert: ${JSON.stringify(value)}`);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
  };
  visit(item, "");
}

const toCsl = (entries: readonly RawEntry[]): Csl[] => new Cite(entries).format("data", {format: "object"}) as Csl[];

/** An institution's name, or "" for a person. */
const institution = (name: CslName): string => (name.literal ?? (!name.given && !isOthers(name) ? name.family ?? "" : ""));

/** The item citeproc formats: the CSL item with the adjustments listed at the top of this file. */
function displayItem(item: Csl, short: string, year: string): Csl {
  const out: Csl = structuredClone(item);
  const authors = out.author ?? out.editor ?? [];
  const institutions = authors.map(institution).filter(Boolean);
  if (typeof out.publisher === "string" && institutions.includes(out.publisher)) delete out.publisher;
  if (typeof out.genre === "string" && out.genre in GENRES) out.genre = GENRES[out.genre];
  if (short && out.author?.length === 1 && institutions.length === 1 && institutions[0] !== short) out.author = [{literal: `${short} [${institutions[0]}]`}];
  if (/[a-z]$/.test(year)) out.issued = {literal: year};
  return out;
}

/** One reference, formatted alone (no state shared between entries): [html, text]. */
function format(item: Csl): [string, string] {
  const cite = new Cite([item]);
  const [[, html] = ["", ""]] = cite.format("bibliography", {...STYLE, format: "html", hyperlinks: true, asEntryArray: true}) as [string, string][];
  const entry = /^<div [^>]*class="csl-entry">([\s\S]*)<\/div>$/.exec(html.trim());
  if (!entry) throw new BibliographyError(`references.bib, entry "${item.id}": citeproc gave no reference`);
  const text = String(cite.format("bibliography", {...STYLE, format: "text"})).trim();
  return [entry[1]!.trim(), text];
}

/** APA writes "and others" as a last author named "others"; the reference says "et al.". */
function othersAsEtAl(key: string, html: string, text: string): [string, string] {
  const fix = (s: string, marker: string) => {
    const at = s.indexOf(marker);
    if (at < 0) throw new BibliographyError(`references.bib, entry "${key}": "and others" not found in the formatted reference ${JSON.stringify(s)}`);
    return `${s.slice(0, at)}et al.${s.slice(at + marker.length)}`;
  };
  return [fix(html, "&#38; others."), fix(text, "& others.")];
}

/** Every entry of the .bib, formatted, in reference-list order. */
export function formatReferences(bibtex: string): ReferenceEntry[] {
  const raw = readEntries(bibtex);
  const items = toCsl(raw);
  if (items.length !== raw.length) throw new BibliographyError(`references.bib: ${raw.length} entries read but ${items.length} converted`);
  // shortauthor is a name list in biblatex ({{DOJ \& FTC}}); citation-js reads it as one when it is an author.
  const shortRaw = raw.filter((e) => e.properties.shortauthor).map((e) => ({type: "misc", label: e.label, properties: {author: String(e.properties.shortauthor)}}));
  const shortNames = new Map(toCsl(shortRaw).map((s) => [s.id, s.author ?? []]));
  for (const [key, names] of shortNames) {
    const person = names.find((n) => n.given);
    if (person) {
      const value = raw.find((e) => e.label === key)!.properties.shortauthor;
      throw new BibliographyError(`references.bib, entry "${key}": shortauthor {${value}} reads as a person (${person.given} ${person.family}); brace a corporate short name: shortauthor = {{${value}}}`);
    }
  }

  const labelled = items.map((item) => {
    checkConverted(item);
    const short = shortNames.get(item.id);
    const names = short ?? item.author ?? item.editor ?? [];
    const parenthetical = citationNames(names, "parenthetical") || (item.title ?? item.id);
    const narrative = citationNames(names, "narrative") || (item.title ?? item.id);
    const parts = item.issued?.["date-parts"]?.[0];
    if (item.issued && !parts) throw new BibliographyError(`references.bib, entry "${item.id}": a date citation-js cannot read: ${JSON.stringify(item.issued)}`);
    return {item, short: short ? citationNames(short) : "", parenthetical, narrative, year: parts?.[0] !== undefined ? String(parts[0]) : ""};
  });
  const suffixes = yearSuffixes(labelled.map((l) => ({key: l.item.id, names: l.parenthetical, year: l.year, title: l.item.title ?? ""})));

  const entries = labelled.map(({item, short, parenthetical, narrative, year}): ReferenceEntry => {
    const cited = citedYear(year, suffixes.get(item.id) ?? "");
    let [html, text] = format(displayItem(item, short, cited));
    if ((item.author ?? item.editor ?? []).some(isOthers)) [html, text] = othersAsEtAl(item.id, html, text);
    return {
      key: item.id,
      csl: item,
      names: parenthetical,
      year: cited,
      parenthetical: `${parenthetical}, ${cited}`,
      narrative: `${narrative} (${cited})`,
      html,
      text,
      note: typeof item.note === "string" ? item.note : ""
    };
  });
  return entries.sort(compareReferences);
}

/** The bibliography's JSON as the site publishes it (/data/references.json). */
export const referencesJson = (entries: readonly ReferenceEntry[]): string => JSON.stringify({entries}, null, 1) + "\n";
