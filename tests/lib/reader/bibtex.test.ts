import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {BibtexError, parseBibtex, texToText} from "../../../lib/reader/bibtex.ts";

describe("parseBibtex", () => {
  it("parseBibtex(text) reads braced, quoted, numeric and month values, joined with #", () => {
    const [entry] = parseBibtex(`% a comment
@Article{k1,
  Author = {Kim, Yusoon and Chen, Yi-Su},
  title = "Supply {network} disruption",
  year = 2015, month = oct,
  pages = {43--59} # { and more},
}`);
    expect(entry).toEqual({type: "article", key: "k1", line: 2, fields: {author: "Kim, Yusoon and Chen, Yi-Su", title: "Supply {network} disruption", year: "2015", month: "10", pages: "43--59 and more"}});
  });

  it("parseBibtex(text) skips @comment and @preamble and reads parenthesised entries", () => {
    expect(parseBibtex("@comment{x {y}}\n@preamble{\"z\"}\n@misc(k, title = {T})").map((e) => e.key)).toEqual(["k"]);
  });

  it("parseBibtex(text) throws BibtexError naming the line for unbalanced braces, a duplicate key or an unknown macro", () => {
    expect(() => parseBibtex("@misc{a,\n title = {x}\n}\n@misc{a, title = {y}}")).toThrow(/line 4: duplicate key "a"/);
    expect(() => parseBibtex("@misc{a,\n title = {x\n}")).toThrow(BibtexError);
    expect(() => parseBibtex("@misc{a, publisher = acm}")).toThrow(/undefined macro "acm"/);
    expect(() => parseBibtex("@string{acm = {ACM}}")).toThrow(/not supported/);
  });
});

describe("texToText", () => {
  it("texToText(value) converts accents, escapes, symbols, dashes and ties, and drops grouping braces", () => {
    expect(texToText("Ren{\\'e} and \\\"{U}ber \\v{S}ko \\c{c}a")).toBe("René and Über Ško ça");
    expect(texToText("{COVID-19} \\& 50\\% of \\$x\\_y \\{z\\} -- 1---2")).toBe("COVID-19 & 50% of $x_y {z} – 1—2");
    expect(texToText("\\textbackslash{} \\textasciitilde{}a~b -{}-")).toBe("\\ ~a\u00a0b --");
  });
});

describe("data/sources/bibliography/references.bib", () => {
  const entries = parseBibtex(readFileSync("data/sources/bibliography/references.bib", "utf-8"));

  it("parses, and every entry has an author, a title and (but for undated works) a four-digit year", () => {
    expect(entries.length).toBeGreaterThan(30);
    for (const e of entries) {
      expect(e.fields.author, e.key).toBeTruthy();
      expect(e.fields.title, e.key).toBeTruthy();
      if (e.fields.year !== undefined) expect(e.fields.year, e.key).toMatch(/^\d{4}$/);
    }
  });

  it("holds every work named in the paper's Table 2 (resilience_metrics.literature)", () => {
    const table2 = readFileSync("data/sources/paper/metrics_table2.csv", "utf-8");
    // Author-year citations as the paper prints them, with the entries that stand for them.
    const named: [string, string][] = [
      ["Helbig et al. (2016)", "helbig2016vulnerability"],
      ["OECD (2021)", "oecd2021resilience"],
      ["Ivanov & Dolgui (2020)", "ivanov2020viability"],
      ["Pettit, Fiksel & Croxton (2010)", "pettit2010resilience"],
      ["Pettit et al. (2010)", "pettit2010resilience"],
      ["Ivanov (2021)", "ivanov2021viability"],
      ["Sheffi & Rice (2005)", "sheffi2005resilient"],
      ["Graedel et al. (2015)", "graedel2015criticality"],
      ["Kim, Chen & Linderman (2015)", "kim2015network"],
      ["APICS (2017 SCOR framework)", "apics2017scor"],
      ["Simchi-Levi, Schmidt & Wei (2014)", "simchilevi2014superstorms"],
      ["Simchi-Levi et al. (2014)", "simchilevi2014superstorms"],
      ["Buldyrev et al. (2010)", "buldyrev2010cascade"]
    ];
    const keys = new Set(entries.map((e) => e.key));
    for (const [citation, key] of named) {
      expect(table2, citation).toContain(citation);
      expect(keys.has(key), key).toBe(true);
    }
    // Every "(year)" citation of the table is one of those above.
    const printed = table2.match(/[A-Z][A-Za-z-]*(?:,? (?:& )?[A-Z][A-Za-z-]*| et al\.)* \((?:\d{4}[^)]*)\)/g) ?? [];
    expect(printed.length).toBeGreaterThanOrEqual(named.length);
    expect(printed.filter((c) => !named.some(([n]) => n.endsWith(c) || c.endsWith(n)))).toEqual([]);
  });
});
