import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import type {ReferenceEntry} from "../../lib/reader/citation-labels.ts";
import {BibliographyError, formatReferences} from "../../src/data/bibliography.ts";

const run = (env: Record<string, string> = {}) => spawnSync("npx", ["tsx", "src/data/references.json.ts"], {env: {...process.env, ...env}, maxBuffer: 1 << 26});

/** The loader run on a sources folder holding only the given references.bib. */
function runOn(bibtex: string) {
  const dir = mkdtempSync(join(tmpdir(), "miners-bib-"));
  mkdirSync(join(dir, "bibliography"));
  writeFileSync(join(dir, "bibliography", "references.bib"), bibtex);
  return run({MINERS_SOURCES: dir});
}

describe("src/data/references.json.ts", () => {
  let first: Buffer;
  let entries: ReferenceEntry[];
  const entry = (key: string) => entries.find((e) => e.key === key)!;

  beforeAll(() => {
    const result = run();
    expect(result.status, result.stderr.toString()).toBe(0);
    first = result.stdout;
    entries = JSON.parse(first.toString("utf-8")).entries;
  }, 60_000);

  it("writes the same bytes on a second run", () => {
    expect(Buffer.compare(run().stdout, first)).toBe(0);
  }, 60_000);

  it("holds every entry of the .bib once, with its key, citation-js's CSL-JSON, reference and labels", () => {
    const keys = [...readFileSync("data/sources/bibliography/references.bib", "utf-8").matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(entries.map((e) => e.key).sort()).toEqual([...keys].sort());
    for (const e of entries) {
      expect(e.csl.id, e.key).toBe(e.key);
      expect(e.html && e.text && e.parenthetical && e.narrative, e.key).toBeTruthy();
    }
    expect(entry("helbig2016vulnerability").csl).toMatchObject({type: "article-journal", "container-title": "Resources Policy", DOI: "10.1016/j.resourpol.2016.02.003", issued: {"date-parts": [[2016]]}});
  });

  it("formats references in APA 7 (checked by hand against the style's rules)", () => {
    expect(entry("kim2015network").text).toBe(
      "Kim, Y., Chen, Y.-S., & Linderman, K. (2015). Supply network disruption and resilience: A network structural perspective. Journal of Operations Management, 33–34, 43–59. https://doi.org/10.1016/j.jom.2014.10.006"
    );
    expect(entry("sheffi2005resilient").text).toBe("Sheffi, Y., & Rice, J. B., Jr. (2005). A Supply Chain View of the Resilient Enterprise. MIT Sloan Management Review, 47(1), 41–48.");
    expect(entry("herfindahl1950concentration").text).toBe("Herfindahl, O. C. (1950). Concentration in the Steel Industry [Doctoral dissertation]. Columbia University.");
    // A corporate author that is also the publisher is named once (APA 7, 9.25).
    expect(entry("apics2017scor").text).toBe("APICS. (2017). Supply Chain Operations Reference (SCOR) Model, Version 12.0.");
    // "and others" in the .bib: "et al.", not an author named "others".
    expect(entry("busch2024lithium").text).toMatch(/^Busch, P\., et al\. \(2024\)\. Effects of Demand/);
    expect(entry("domenech2026miners").text).toMatch(/^Domenech, T\., Liu, H\., Aden, G\., et al\. \(2026\)\. MINERS: Key Summary of Initial Results \[Working paper/);
  });

  it("marks titles and containers in italics and links DOIs in the HTML", () => {
    expect(entry("buldyrev2010cascade").html).toBe(
      'Buldyrev, S. V., Parshani, R., Paul, G., Stanley, H. E., &#38; Havlin, S. (2010). Catastrophic cascade of failures in interdependent networks. <i>Nature</i>, <i>464</i>(7291), 1025–1028. <a href="https://doi.org/10.1038/nature08932">https://doi.org/10.1038/nature08932</a>'
    );
  });

  it("cites by name and year: one, two and three or more authors", () => {
    expect([entry("ivanov2021viability").parenthetical, entry("ivanov2021viability").narrative]).toEqual(["Ivanov, 2021", "Ivanov (2021)"]);
    expect([entry("sheffi2005resilient").parenthetical, entry("sheffi2005resilient").narrative]).toEqual(["Sheffi & Rice, 2005", "Sheffi and Rice (2005)"]);
    expect([entry("helbig2016vulnerability").parenthetical, entry("helbig2016vulnerability").narrative]).toEqual(["Helbig et al., 2016", "Helbig et al. (2016)"]);
    expect(entry("oecd2021resilience").parenthetical).toBe("OECD, 2021");
  });

  it("cites by the biblatex shortauthor, which citation-js's CSL-JSON drops, and leads the reference with it", () => {
    expect(entry("usgs2023mcsdata").csl).not.toHaveProperty("shortauthor");
    expect(entry("usgs2023mcsdata").csl.author).toEqual([{family: "National Minerals Information Center"}]);
    expect([entry("usgs2023mcsdata").parenthetical, entry("usgs2023mcsdata").narrative]).toEqual(["USGS, 2023", "USGS (2023)"]);
    expect(entry("doj2010merger").parenthetical).toBe("DOJ & FTC, 2010");
    expect(entry("uncomtrade2025").parenthetical).toBe("UN Comtrade, 2025");
    expect(entry("icmm2025gmd").narrative).toBe("ICMM (2025)");
    expect(entry("isocodes415").parenthetical).toBe("iso-codes, n.d.");
    expect(entry("usgs2023mcsdata").text).toBe(
      "USGS [National Minerals Information Center]. (2023). U.S. Geological Survey Mineral Commodity Summaries 2023 Data Release. U.S. Geological Survey data release. https://doi.org/10.5066/P9WCYUI6"
    );
  });

  it("tells apart the two USGS works of 2022 (different authors, one short name) as 2022a and 2022b, in labels and references", () => {
    expect([entry("usgs2022criticallist").parenthetical, entry("usgs2022mcsdata").parenthetical]).toEqual(["USGS, 2022a", "USGS, 2022b"]);
    expect(entry("usgs2022criticallist").text).toBe("USGS [U.S. Geological Survey]. (2022a). 2022 Final List of Critical Minerals (Vol. 87, pp. 10381–10382). Federal Register.");
    expect(entry("usgs2022mcsdata").text).toMatch(/^USGS \[National Minerals Information Center\]\. \(2022b\)\. U\.S\. Geological Survey Mineral Commodity Summaries 2022 Data Release\./);
    const labels = entries.map((e) => e.parenthetical);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("lists the references by the names they are cited by, then year", () => {
    const order = entries.map((e) => e.key);
    expect(order.indexOf("ivanov2021viability")).toBeLessThan(order.indexOf("ivanov2020viability"));
    expect(order.slice(-4)).toEqual(["usgs2022criticallist", "usgs2022mcsdata", "usgs2023mcsdata", "usgs2024mcsdata"]);
  });

  it("stops on a malformed .bib, naming the entry, and writes nothing", () => {
    const result = runOn("@misc{good, author = {{A}}, title = {T}, year = 2020}\n@misc{broken,\n  author = {{B}},\n  title = {T\n}\n");
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr.toString()).toContain('BibliographyError: references.bib does not parse (entry "broken", line 2: its braces do not balance)');
  }, 60_000);
});

describe("formatReferences", () => {
  const bib = (entries: string[]) => entries.join("\n");

  it("gives same-author same-year works a and b by title, across the whole file, in labels and references", () => {
    const refs = formatReferences(
      bib([
        "@article{smith2016b, author = {Smith, Jane and Doe, Alan}, title = {Beta of metals}, journal = {J}, year = 2016}",
        "@article{smith2017, author = {Smith, Jane and Doe, Alan}, title = {Gamma}, journal = {J}, year = 2017}",
        "@article{smith2016a, author = {Smith, Jane and Doe, Alan}, title = {Alpha of metals}, journal = {J}, year = 2016}",
        "@article{smith2016c, author = {Smith, Jane}, title = {Alone}, journal = {J}, year = 2016}"
      ])
    );
    expect(refs.map((r) => [r.key, r.parenthetical, r.narrative])).toEqual([
      ["smith2016c", "Smith, 2016", "Smith (2016)"],
      ["smith2016a", "Smith & Doe, 2016a", "Smith and Doe (2016a)"],
      ["smith2016b", "Smith & Doe, 2016b", "Smith and Doe (2016b)"],
      ["smith2017", "Smith & Doe, 2017", "Smith and Doe (2017)"]
    ]);
    expect(refs[1]!.text).toBe("Smith, J., & Doe, A. (2016a). Alpha of metals. J.");
    expect(refs[2]!.text).toBe("Smith, J., & Doe, A. (2016b). Beta of metals. J.");
  });

  it.each([
    ["a syntax error", "@misc{a, author = {{X}}, title = {T}, year = 2020}\n@misc{b title = {T}}", /does not parse \(entry "b", line 2\)/],
    ["a duplicate key", "@misc{a, author = {{X}}, title = {T}}\n@misc{a, author = {{Y}}, title = {U}}", /entry "a": duplicate key/],
    ["an undefined macro", "@misc{a, author = {{X}}, title = {T}, publisher = acm}", /entry "a": field publisher is empty/],
    ["a TeX command citation-js does not know", "@misc{a, author = {{X}}, title = {\\foo{T}}}", /entry "a": title keeps TeX markup/],
    ["no author", "@misc{a, title = {T}}", /entry "a": no author or editor/],
    ["no title", "@misc{a, author = {{X}}}", /entry "a": no title/],
    ["a year that is not four digits", "@misc{a, author = {{X}}, title = {T}, year = {20x}}", /entry "a": year "20x"/],
    ["an unbraced institution with 'and'", "@techreport{a, author = {{X}}, title = {T}, institution = {Mines and Metals}}", /entry "a": institution \{Mines and Metals\} is a list/],
    ["a short name read as a person", "@misc{a, author = {{United Nations}}, shortauthor = {UN Comtrade}, title = {T}}", /entry "a": shortauthor \{UN Comtrade\} reads as a person/]
  ])("throws BibliographyError for %s, naming the entry", (_, text, message) => {
    expect(() => formatReferences(text)).toThrow(BibliographyError);
    expect(() => formatReferences(text)).toThrow(message);
  });
});

describe("data/sources/bibliography/references.bib", () => {
  const keys = new Set(formatReferences(readFileSync("data/sources/bibliography/references.bib", "utf-8")).map((e) => e.key));

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
