import {Cite, plugins} from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {citationKey, cslToBibtex, escapeBibtex, figureCsl, formatCitation, type FigureCitationInput} from "../../../lib/reader/citation.ts";

const sha = (c: string) => c.repeat(64);
const input: FigureCitationInput = {
  number: "S1",
  title: "Lithium mine production by country, 2021",
  page: "Mine production and concentration, 2021",
  url: "https://example.org/pages/production?producers=zq1#fig-s1",
  commit: "aba25f8d5a77e9c55378c5259b1b02f9224030fd",
  date: "2026-11-27",
  snapshots: [{path: "production.arrow", sha256: sha("a")}, {path: "paper_values.arrow", sha256: sha("b")}]
};

/** The entries of a BibTeX text as citation-js reads them: type, key and fields as written (TeX). */
function bibtexEntries(text: string): {type: string; label: string; properties: Record<string, string>}[] {
  return plugins.input.chain(text, {target: "@biblatex/entries+list", generateGraph: false}) as {type: string; label: string; properties: Record<string, string>}[];
}

/** The entries of a BibTeX text as CSL-JSON, TeX converted to text by citation-js. */
const cslOf = (text: string) => new Cite(text).format("data", {format: "object"}) as Record<string, unknown>[];

/** An independent check of BibTeX syntax: one entry, braces balanced outside escapes, fields named. */
function bibtexShape(text: string): {type: string; key: string; fields: string[]} {
  const match = /^@(\w+)\{([^,\s]+),\n([\s\S]*)\n\}\n$/.exec(text);
  if (!match) throw new Error("not one @type{key, ...} entry");
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth < 0) throw new Error(`unbalanced at ${i}`);
  }
  if (depth !== 0) throw new Error("unbalanced braces");
  return {type: match[1]!, key: match[2]!, fields: match[3]!.split(",\n").map((line) => /^ {2}(\w+) = \{/.exec(line)?.[1] ?? `BAD: ${line}`)};
}

describe("figureCsl", () => {
  it("figureCsl(input) names the figure, the commit, the date and each snapshot's SHA-256", () => {
    const item = figureCsl(input);
    expect(item).toMatchObject({
      id: "miners-fig-s1-aba25f8",
      type: "figure",
      title: "Figure S1: Lithium mine production by country, 2021",
      number: "S1",
      "container-title": "MINERS live working paper",
      issued: {"date-parts": [[2026, 11, 27]]},
      version: input.commit,
      URL: input.url
    });
    expect(item.note).toBe(`Site edition ${input.commit} of 2026-11-27, page "Mine production and concentration, 2021". Data: production.arrow (SHA-256 ${sha("a")}); paper_values.arrow (SHA-256 ${sha("b")}).`);
  });

  it("figureCsl(input) is accepted by citation-js as CSL-JSON and keeps every field through it", () => {
    const item = figureCsl(input);
    const [back] = new Cite([item]).format("data", {format: "object"}) as Record<string, unknown>[];
    expect(back).toMatchObject({id: item.id, type: "figure", title: item.title, number: "S1", version: input.commit, URL: input.url, note: item.note, issued: {"date-parts": [[2026, 11, 27]]}});
  });

  it("figureCsl(input) leaves out `issued` when the edition has no date (outside git)", () => {
    expect(figureCsl({...input, commit: "uncommitted", date: ""}).issued).toBeUndefined();
    expect(citationKey({number: "3a", commit: "uncommitted"})).toBe("miners-fig-3a-uncommi");
  });

  it("figureCsl(input) throws RangeError for a bad date, a missing hash or an empty title", () => {
    expect(() => figureCsl({...input, date: "27/11/2026"})).toThrow(RangeError);
    expect(() => figureCsl({...input, snapshots: [{path: "production.arrow", sha256: ""}]})).toThrow(/production.arrow has no SHA-256/);
    expect(() => figureCsl({...input, title: " "})).toThrow(/empty title/);
  });
});

describe("cslToBibtex", () => {
  it("cslToBibtex(item) writes one @misc entry that parses, naming the commit and the data hashes", () => {
    const text = cslToBibtex(figureCsl(input));
    expect(bibtexShape(text)).toEqual({type: "misc", key: "miners-fig-s1-aba25f8", fields: ["author", "title", "howpublished", "year", "month", "date", "version", "url", "note"]});
    const [entry, ...more] = bibtexEntries(text);
    expect(more).toEqual([]);
    expect(entry!.properties.version).toBe(input.commit);
    expect(String(entry!.properties.year)).toBe("2026");
    expect(entry!.properties.date).toBe("2026-11-27");
    expect(entry!.properties.url).toBe(input.url);
    const [csl] = cslOf(text);
    expect(csl!.note).toContain(`production.arrow (SHA-256 ${sha("a")})`);
    expect(csl!.note).toContain(`paper_values.arrow (SHA-256 ${sha("b")})`);
    expect(csl!.title).toBe("Figure S1: Lithium mine production by country, 2021");
  });

  it("cslToBibtex(item) is read back by citation-js's BibTeX parser with the same title, version, date, URL and note", () => {
    const item = figureCsl({...input, title: "Lithium {mine} output: 50% & more_x"});
    const [back] = new Cite(cslToBibtex(item)).format("data", {format: "object"}) as Record<string, unknown>[];
    expect(back).toMatchObject({id: item.id, title: item.title, version: item.version, URL: item.URL, note: item.note, issued: item.issued});
  });

  it("cslToBibtex(item) escapes TeX specials so that any title reads back as written (property, seeded)", () => {
    fc.assert(
      fc.property(fc.string({minLength: 1, maxLength: 80}).filter((s) => s.trim() !== "" && !/[\ue000-\uf8ff]/.test(s)), (title) => {
        const text = cslToBibtex(figureCsl({...input, title}));
        bibtexShape(text);
        const [csl] = cslOf(text);
        // BibTeX collapses runs of white space and drops it at the ends; citation-js keeps it.
        const spaced = (s: string) => s.replace(/[ \t\n\r\f\v]+/g, " ").trim();
        expect(spaced(csl!.title as string)).toBe(spaced(`Figure S1: ${title}`));
      }),
      {seed: 11, numRuns: 300}
    );
  });

  it("escapeBibtex(text) escapes each of TeX's ten special characters", () => {
    expect(escapeBibtex("50% & #1_$x {y} ~ ^ \\")).toBe("50\\% \\& \\#1\\_\\$x \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  });
});

describe("formatCitation", () => {
  it("formatCitation(item) reads as an author-date reference with the edition, link and data hashes", () => {
    expect(formatCitation(figureCsl(input))).toBe(
      `MINERS project team (2026). Figure S1: Lithium mine production by country, 2021. In MINERS live working paper, edition ${input.commit} (2026-11-27). ${input.url}. Data: production.arrow (SHA-256 ${sha("a")}); paper_values.arrow (SHA-256 ${sha("b")}).`
    );
  });
});
