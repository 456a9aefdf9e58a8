/**
 * In-text labels of the site's bibliography in APA author-date style, from CSL-JSON names: the
 * names a citation shows ("Helbig et al.", "Sheffi & Rice", or the short name a .bib entry sets with
 * biblatex `shortauthor`, "USGS"), the year with its "a", "b" when two works would read the same,
 * and the order of the reference list. The build (src/data/references.json.ts) computes these once
 * for the whole file; pages read the result (src/components/reader/bibliography.ts).
 */

/** A CSL-JSON name: a person (family, given) or an institution (literal, or family alone). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  suffix?: string;
  "non-dropping-particle"?: string;
  "dropping-particle"?: string;
}

/** One entry of the published bibliography (/data/references.json). */
export interface ReferenceEntry {
  /** The .bib key pages cite by. */
  key: string;
  /** The entry as CSL-JSON, as citation-js reads it from the .bib. */
  csl: Record<string, unknown>;
  /** The names in-text citations show: "Helbig et al.", "Sheffi & Rice", "USGS". */
  names: string;
  /** The year as cited, with its disambiguating letter: "2016", "2022a", "n.d.". */
  year: string;
  /** Parenthetical citation without the parentheses: "Helbig et al., 2016". */
  parenthetical: string;
  /** Narrative citation: "Helbig et al. (2016)", "Sheffi and Rice (2005)". */
  narrative: string;
  /** The formatted reference (APA), inline HTML: <i> for titles and containers, <a> for DOI and URL. */
  html: string;
  /** The same reference as plain text. */
  text: string;
  /** The entry's note (e.g. how the paper cites the work); "" when none. */
  note: string;
}

/** BibTeX's "and others", which citation-js reads as a person named "others". */
export const isOthers = (name: CslName): boolean => name.family === "others" && !name.given && !name.literal;

/** The name a citation shows for one person or institution: the family name with its particle. */
export function citedName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
}

/**
 * The names of an in-text citation (APA 7): one author by name, two joined by "&" (parenthetical)
 * or "and" (narrative), three or more, or any list ending in "and others", as "First et al.".
 */
export function citationNames(names: readonly CslName[], form: "parenthetical" | "narrative" = "parenthetical"): string {
  const real = names.filter((n) => !isOthers(n));
  if (real.length === 0) return "";
  if (real.length > 2 || real.length < names.length) return `${citedName(real[0]!)} et al.`;
  return real.map(citedName).join(form === "parenthetical" ? " & " : " and ");
}

/** "a", "b", ..., "z", "aa", "ab", ... for the 0-based position in a group of same-label works. */
export function yearSuffix(index: number): string {
  let out = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

export interface LabelInput {
  key: string;
  /** Parenthetical names, e.g. "USGS". */
  names: string;
  /** Four-digit year, or "" for an undated work. */
  year: string;
  title: string;
}

const collator = new Intl.Collator("en", {sensitivity: "variant", numeric: false});

/**
 * The disambiguating letter of every work, across the whole bibliography: works whose citations
 * would read the same (same names, same year) get "a", "b", ... in the order of their titles, then
 * keys (APA 7, 8.19); the others get "". Undated works get "-a", "-b" after "n.d.".
 */
export function yearSuffixes(items: readonly LabelInput[]): Map<string, string> {
  const groups = new Map<string, LabelInput[]>();
  for (const item of items) {
    const id = `${item.names}\u0000${item.year}`;
    groups.set(id, [...(groups.get(id) ?? []), item]);
  }
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => collator.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    ordered.forEach((item, i) => out.set(item.key, group.length < 2 ? "" : `${item.year ? "" : "-"}${yearSuffix(i)}`));
  }
  return out;
}

/** The year as cited: "2016", "2016a", "n.d.", "n.d.-a". */
export const citedYear = (year: string, suffix: string): string => `${year || "n.d."}${suffix}`;

/**
 * Reference-list order: by the names the text cites (so "(USGS, 2023)" is found under U), then
 * year (undated works first, as APA puts them), then the letter, then key.
 */
export function compareReferences(a: Pick<ReferenceEntry, "key" | "names" | "year">, b: Pick<ReferenceEntry, "key" | "names" | "year">): number {
  const yearOf = (year: string) => (/^\d{4}/.test(year) ? Number(year.slice(0, 4)) : -Infinity);
  return (
    collator.compare(a.names, b.names) ||
    yearOf(a.year) - yearOf(b.year) ||
    (a.year < b.year ? -1 : a.year > b.year ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
