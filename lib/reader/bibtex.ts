/**
 * A small BibTeX reader for the site's own bibliography (data/sources/bibliography/
 * references.bib) and for checking the entries the site writes: entries `@type{key, field = value,
 * ...}` with braced, quoted, numeric or month-macro values joined by `#`. @comment and @preamble
 * are skipped; @string macros are not supported (the site's file uses none) and throw.
 * Malformed input throws BibtexError naming the line.
 */

export interface BibEntry {
  /** Lower case: "article", "book", "misc", ... */
  type: string;
  key: string;
  /** Field names in lower case; values as written, TeX markup kept (see texToText). */
  fields: Record<string, string>;
  /** 1-based line of the "@". */
  line: number;
}

export class BibtexError extends Error {
  override name = "BibtexError";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function parseBibtex(text: string): BibEntry[] {
  let i = 0;
  const lineAt = (at: number) => text.slice(0, at).split("\n").length;
  const fail = (message: string, at = i): never => {
    throw new BibtexError(`line ${lineAt(at)}: ${message}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[i] !== char) fail(`expected ${JSON.stringify(char)}, found ${JSON.stringify(text[i] ?? "end of file")}`);
    i++;
  };
  const name = (what: string) => {
    skipSpace();
    const match = /^[^\s,={}()"#@%]+/.exec(text.slice(i));
    if (!match) return fail(`expected ${what}`);
    i += match[0].length;
    return match[0];
  };
  /** A braced group's content, from just after "{" to its matching "}". */
  const braced = () => {
    const start = i;
    let depth = 1;
    while (i < text.length) {
      const c = text[i++];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return text.slice(start, i - 1);
    }
    return fail("unbalanced braces", start);
  };
  const piece = (): string => {
    skipSpace();
    const c = text[i];
    if (c === "{") {
      i++;
      return braced();
    }
    if (c === '"') {
      const start = ++i;
      let depth = 0;
      while (i < text.length) {
        const d = text[i++];
        if (d === "\\") i++;
        else if (d === "{") depth++;
        else if (d === "}") depth--;
        else if (d === '"' && depth === 0) return text.slice(start, i - 1);
      }
      return fail("unterminated quoted value", start - 1);
    }
    const word = name("a value");
    if (/^\d+$/.test(word)) return word;
    const month = MONTHS.indexOf(word.toLowerCase());
    if (month >= 0) return String(month + 1);
    return fail(`undefined macro ${JSON.stringify(word)}`);
  };
  const entries: BibEntry[] = [];
  const keys = new Set<string>();
  for (;;) {
    const at = text.indexOf("@", i);
    if (at < 0) break;
    i = at + 1;
    const type = name("an entry type").toLowerCase();
    skipSpace();
    const open = text[i];
    if (open !== "{" && open !== "(") fail(`expected "{" after @${type}`);
    i++;
    if (type === "comment" || type === "preamble") {
      if (open === "{") braced();
      else {
        const end = text.indexOf(")", i);
        i = end < 0 ? fail("unterminated @comment") : end + 1;
      }
      continue;
    }
    if (type === "string") fail("@string macros are not supported", at);
    const close = open === "{" ? "}" : ")";
    const key = name("a citation key");
    if (keys.has(key)) fail(`duplicate key ${JSON.stringify(key)}`, at);
    keys.add(key);
    const fields: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text[i] === close) {
        i++;
        break;
      }
      expect(",");
      skipSpace();
      if (text[i] === close) {
        i++;
        break;
      }
      const field = name("a field name").toLowerCase();
      expect("=");
      let value = piece();
      for (skipSpace(); text[i] === "#"; skipSpace()) {
        i++;
        value += piece();
      }
      if (field in fields) fail(`field ${JSON.stringify(field)} given twice in ${key}`);
      fields[field] = value;
    }
    entries.push({type, key, fields, line: lineAt(at)});
  }
  return entries;
}

const ACCENTS: Record<string, string> = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307", u: "\u0306", v: "\u030c", c: "\u0327", H: "\u030b", r: "\u030a"};
const SYMBOLS: Record<string, string> = {textbackslash: "\\", textasciitilde: "~", textasciicircum: "^", ss: "ß", o: "ø", O: "Ø", aa: "å", AA: "Å", ae: "æ", AE: "Æ", l: "ł", L: "Ł", i: "ı"};

/**
 * Plain text of a field value: accents (\'{e}, {\"u}, \v{s}), escaped specials (\& \% \_ \$ \#
 * \{ \}), symbols (\textbackslash{}, \ss{}), quotes (``…''), dashes (-- and --- but not -{}-), ties (~, a
 * non-breaking space) converted; grouping braces dropped; runs of white space collapsed.
 */
export function texToText(value: string): string {
  // Characters that are text, not markup, wait in the private-use area until the braces are gone.
  const held: string[] = [];
  const hold = (text: string) => String.fromCharCode(0xe000 + held.push(text) - 1);
  const out = value
    .replace(/\\(['`^"~=.]|[uvcHr](?=\s*\{))\s*(?:\{(\\i|[a-zA-Z])\}|(\\i|[a-zA-Z]))/g, (_m, accent: string, braced?: string, bare?: string) =>
      hold(((braced ?? bare ?? "").replace("\\i", "i") + ACCENTS[accent]).normalize("NFC"))
    )
    .replace(/\\([a-zA-Z]+)(?:\{\}|\s+|(?![a-zA-Z]))/g, (m, command: string) => (command in SYMBOLS ? hold(SYMBOLS[command]!) : m))
    .replace(/\\([&%_$#{}])/g, (_m, c: string) => hold(c))
    .replace(/``/g, "\u201c")
    .replace(/''/g, "\u201d")
    .replace(/---/g, "\u2014")
    .replace(/--/g, "\u2013")
    .replace(/[{}]/g, "")
    .replace(/~/g, "\u00a0")
    .replace(/[ \t\n\r\f\v]+/g, " ")
    .replace(/^ | $/g, "");
  return out.replace(/[\ue000-\uf8ff]/g, (c) => held[c.charCodeAt(0) - 0xe000] ?? c);
}
