/**
 * The site's bibliography in author-date style: in-text labels ("Helbig et al. 2016", "USGS 2023")
 * and reference-list entries, formatted from BibTeX entries (lib/reader/bibtex.ts). Works by the same
 * authors in the same year get "a", "b", ... in the order of their keys, so labels stay unique.
 */
import {type BibEntry, texToText} from "./bibtex.js";

export interface Person {
  family: string;
  given: string;
  /** "Jr." of "Rice, Jr., James B.". */
  suffix?: string;
  /** A corporate author written in braces, e.g. {U.S. Geological Survey}: never split. */
  literal: boolean;
}

/** A reference as text segments; `emphasis` marks the container (journal, book, site) and `href` a link. */
export interface Segment {
  text: string;
  emphasis?: boolean;
  href?: string;
}

export interface Reference {
  key: string;
  /** "Helbig et al. 2016"; the suffixed year ("2016a") when needed. */
  label: string;
  /** What the label is made of, e.g. for "(Helbig et al., 2016)" or "Helbig et al. (2016)". */
  names: string;
  year: string;
  segments: Segment[];
  /** The entry's note, e.g. how the paper cites the work, shown under the reference. */
  note: string;
}

/** Splits at " and " outside braces. */
function splitTopLevel(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 0) {
      const match = separator.exec(value.slice(i));
      if (match && match.index === 0) {
        parts.push(value.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** True for "{U.S. Geological Survey}", false for "{van} Dijk" or "Ivanov". */
function wrappedInBraces(raw: string): boolean {
  if (!raw.startsWith("{")) return false;
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "{") depth++;
    else if (raw[i] === "}" && --depth === 0) return i === raw.length - 1;
  }
  return false;
}

/**
 * BibTeX names: "Family, Given", "Given Family", "{Corporate Name}"; "and others" becomes a final
 * "others" person, which the label reads as "et al.".
 */
export function parseNames(field: string): Person[] {
  return splitTopLevel(field, /^\s+and\s+/).map((raw) => {
    if (wrappedInBraces(raw)) {
      return {family: texToText(raw), given: "", literal: true};
    }
    if (raw === "others") return {family: "others", given: "", literal: true};
    const parts = splitTopLevel(raw, /^,/);
    if (parts.length >= 3) return {family: texToText(parts[0]!), suffix: texToText(parts[1]!), given: texToText(parts.slice(2).join(", ")), literal: false};
    if (parts.length === 2) return {family: texToText(parts[0]!), given: texToText(parts.slice(1).join(", ")), literal: false};
    const words = splitTopLevel(raw, /^\s+/);
    return {family: texToText(words.at(-1) ?? raw), given: texToText(words.slice(0, -1).join(" ")), literal: false};
  });
}

/** "C." for "Christoph", "J.-P." for "Jean-Pierre", "S. V." for "Sergey V.". */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split("-").map((part) => (part.endsWith(".") ? part : `${[...part][0] ?? ""}.`)).join("-"))
    .join(" ");
}

function authorNames(people: Person[]): string {
  const real = people.filter((p) => p.family !== "others");
  const etAl = real.length > 2 || real.length < people.length;
  if (etAl) return `${real[0]?.family ?? ""} et al.`;
  return real.map((p) => p.family).join(" & ");
}

function listNames(people: Person[]): string {
  const named = people.filter((p) => p.family !== "others").map((p) => (p.literal ? p.family : `${p.family}, ${initials(p.given)}${p.suffix ? `, ${p.suffix}` : ""}`));
  const more = people.some((p) => p.family === "others");
  if (named.length <= 1) return (named[0] ?? "") + (more ? " et al." : "");
  return `${named.slice(0, -1).join(", ")}${more ? ", " : " & "}${more ? `${named.at(-1)} et al.` : named.at(-1)}`;
}

const field = (entry: BibEntry, name: string): string => texToText(entry.fields[name] ?? "");

/** Formats every entry; the list is sorted by label (author, then year), as a reference list is. */
export function formatBibliography(entries: readonly BibEntry[]): Reference[] {
  const base = entries.map((entry) => {
    const people = parseNames(entry.fields.author ?? entry.fields.editor ?? `{${entry.fields.institution ?? entry.fields.organization ?? entry.fields.publisher ?? "Anonymous"}}`);
    const names = entry.fields.shortauthor ? texToText(entry.fields.shortauthor) : authorNames(people);
    const year = field(entry, "year") || (entry.fields.date ?? "").slice(0, 4) || "n.d.";
    return {entry, people, names, year};
  });
  const groups = new Map<string, typeof base>();
  for (const b of base) groups.set(`${b.names}|${b.year}`, [...(groups.get(`${b.names}|${b.year}`) ?? []), b]);
  const refs = base.map(({entry, people, names, year}) => {
    const group = [...groups.get(`${names}|${year}`)!].sort((a, b) => a.entry.key.localeCompare(b.entry.key));
    const suffix = group.length > 1 ? String.fromCharCode(97 + group.findIndex((g) => g.entry === entry)) : "";
    return {key: entry.key, label: `${names} ${year}${suffix}`, names, year: year + suffix, segments: segments(entry, people, year + suffix), note: field(entry, "note")};
  });
  return refs.sort((a, b) => a.names.localeCompare(b.names, "en") || a.year.localeCompare(b.year) || a.key.localeCompare(b.key));
}

function segments(entry: BibEntry, people: Person[], year: string): Segment[] {
  const f = (name: string) => field(entry, name);
  // A short name the text cites by ("USGS") leads, so the reader finds the label in the list.
  const short = entry.fields.shortauthor ? texToText(entry.fields.shortauthor) : "";
  const names = listNames(people);
  const out: Segment[] = [{text: `${short && short !== names ? `${short} [${names}]` : names} (${year}). `}];
  const title = f("title");
  const container = f("journal") || f("booktitle") || f("howpublished");
  out.push({text: `${title}${/[.?!]$/.test(title) ? "" : "."} `});
  if (container) {
    out.push({text: container, emphasis: true});
    const volume = [f("volume"), f("number") ? `(${f("number")})` : ""].join("");
    const detail = [volume, f("pages")].filter(Boolean).join(", ");
    out.push({text: `${detail ? ` ${detail}` : ""}. `});
  }
  const type = f("type") || (entry.type === "phdthesis" ? "PhD thesis" : entry.type === "mastersthesis" ? "Master's thesis" : "");
  const publisher = [f("edition") ? `${f("edition")} edition` : "", type, f("school") || f("institution") || f("organization") || f("publisher"), f("address")].filter(Boolean);
  // A corporate author that is also the publisher is not named twice.
  const named = new Set(people.filter((p) => p.literal).map((p) => p.family));
  const shown = publisher.filter((p) => !named.has(p));
  if (shown.length) out.push({text: `${shown.join(", ")}. `});
  const doi = f("doi");
  const url = entry.fields.url?.trim();
  if (doi) out.push({text: `https://doi.org/${doi}`, href: `https://doi.org/${doi}`});
  else if (url) out.push({text: url, href: url});
  return out;
}

/** The reference's text, segments joined, for tests and plain-text exports. */
export function referenceText(reference: Reference): string {
  return reference.segments.map((s) => s.text).join("").trim();
}
