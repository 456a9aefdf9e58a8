/**
 * "Cite this figure": one description of a figure of the site, written as a CSL-JSON item (the
 * format of citation-js, Zotero and pandoc), a BibTeX entry and a plain formatted reference. Each
 * names the figure's number and title, the site's edition (git commit), its date, and the SHA-256
 * of every data snapshot the figure was drawn from, so that a reader can check that the data they
 * download is the data that was cited.
 */

export interface SnapshotRef {
  /** The published file, e.g. "production.arrow". */
  path: string;
  /** Lower-case hex SHA-256 of the file's bytes, as in the data catalog. */
  sha256: string;
}

export interface FigureCitationInput {
  /** The figure's number as printed, e.g. "3" (the paper's) or "S1" (the site's own). */
  number: string;
  title: string;
  /** The page the figure stands on. */
  page: string;
  /** Link to the figure: the page's permalink with the figure's anchor. */
  url: string;
  /** The site's edition: the git commit it was built from ("uncommitted" outside git). */
  commit: string;
  /** The edition's date, YYYY-MM-DD (the commit's date), or "" when unknown. */
  date: string;
  snapshots: readonly SnapshotRef[];
  /** Defaults to the site's. */
  site?: string;
  author?: string;
}

/** The subset of CSL-JSON (v1.0.2) that a figure citation uses. */
export interface CslItem {
  id: string;
  type: "figure";
  title: string;
  number: string;
  "container-title": string;
  author: {literal: string}[];
  issued?: {"date-parts": [[number, number, number]]};
  version: string;
  URL: string;
  note: string;
}

export const SITE_TITLE = "MINERS live working paper";
export const SITE_AUTHOR = "MINERS project team";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256 = /^[0-9a-f]{64}$/;

function check(input: FigureCitationInput): void {
  if (!input.number.trim()) throw new RangeError("figure citation: empty figure number");
  if (!input.title.trim()) throw new RangeError("figure citation: empty title");
  if (input.date !== "" && !DATE.test(input.date)) throw new RangeError(`figure citation: date ${JSON.stringify(input.date)} is not YYYY-MM-DD`);
  for (const s of input.snapshots) {
    if (!SHA256.test(s.sha256)) throw new RangeError(`figure citation: ${s.path} has no SHA-256 (${JSON.stringify(s.sha256)})`);
  }
}

/** "Figure S1: Lithium mine production by country, 2021". */
export function figureTitle({number, title}: Pick<FigureCitationInput, "number" | "title">): string {
  return `Figure ${number}: ${title}`;
}

/** The data line: "production.arrow (SHA-256 3f…); reserves.arrow (SHA-256 …)". */
export function snapshotNote(snapshots: readonly SnapshotRef[]): string {
  return snapshots.map((s) => `${s.path} (SHA-256 ${s.sha256})`).join("; ");
}

/** A citation key: letters, digits and hyphens, e.g. "miners-fig-s1-3f2a9c1". */
export function citationKey({number, commit}: Pick<FigureCitationInput, "number" | "commit">): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return ["miners-fig", slug(number) || "x", slug(commit).slice(0, 7)].filter(Boolean).join("-");
}

function editionNote(input: FigureCitationInput): string {
  const edition = `Site edition ${input.commit}${input.date ? ` of ${input.date}` : ""}, page "${input.page}".`;
  return input.snapshots.length ? `${edition} Data: ${snapshotNote(input.snapshots)}.` : edition;
}

/** The CSL-JSON item; throws RangeError for an empty number or title, a bad date or a bad hash. */
export function figureCsl(input: FigureCitationInput): CslItem {
  check(input);
  const match = DATE.exec(input.date);
  return {
    id: citationKey(input),
    type: "figure",
    title: figureTitle(input),
    number: input.number,
    "container-title": input.site ?? SITE_TITLE,
    author: [{literal: input.author ?? SITE_AUTHOR}],
    ...(match ? {issued: {"date-parts": [[Number(match[1]), Number(match[2]), Number(match[3])]] as [[number, number, number]]}} : {}),
    version: input.commit,
    URL: input.url,
    note: editionNote(input)
  };
}

const TEX_SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  $: "\\$",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}"
};

/**
 * Text for a braced BibTeX field: TeX's special characters escaped, so braces always balance, and
 * "--", "``" and "''" kept as written ("-{}-") rather than read as a dash or curly quotes.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#_$~^]/g, (c) => TEX_SPECIAL[c]!).replace(/([-`'])(?=\1)/g, "$1{}");
}

/**
 * The BibTeX entry (@misc, readable by BibTeX and biblatex). `url` is written verbatim, as the url
 * package and biblatex read it, with only braces and a backslash percent-encoded.
 */
export function cslToBibtex(item: CslItem): string {
  const [year, month, day] = item.issued?.["date-parts"][0] ?? [];
  const fields: [string, string][] = [
    ["author", `{${escapeBibtex(item.author.map((a) => a.literal).join(" and "))}}`],
    ["title", `{${escapeBibtex(item.title)}}`],
    ["howpublished", escapeBibtex(item["container-title"])],
    ...(year ? ([["year", String(year)], ["month", String(month)], ["date", `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`]] as [string, string][]) : []),
    ["version", escapeBibtex(item.version)],
    ["url", item.URL.replace(/[{}\\]/g, (c) => encodeURIComponent(c))],
    ["note", escapeBibtex(item.note)]
  ];
  return `@misc{${item.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
}

/**
 * A reference in author-date style, e.g. "MINERS project team (2026). Figure S1: … In MINERS live
 * working paper, edition 3f2a9c1 (2026-01-05). https://…. Data: production.arrow (SHA-256 …)."
 */
export function formatCitation(item: CslItem): string {
  const year = item.issued?.["date-parts"][0][0];
  const date = item.issued ? item.issued["date-parts"][0].map((n, i) => (i ? String(n).padStart(2, "0") : String(n))).join("-") : "";
  const data = item.note.includes(" Data: ") ? ` Data: ${item.note.slice(item.note.indexOf(" Data: ") + 7)}` : "";
  return `${item.author.map((a) => a.literal).join(", ")} (${year ?? "n.d."}). ${item.title}. In ${item["container-title"]}, edition ${item.version}${date ? ` (${date})` : ""}. ${item.URL}.${data}`;
}
