import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseBibtex} from "../../../lib/reader/bibtex.ts";
import {formatBibliography, initials, parseNames, referenceText} from "../../../lib/reader/bibliography.ts";

const bib = parseBibtex(readFileSync("data/sources/bibliography/references.bib", "utf-8"));
const byKey = new Map(formatBibliography(bib).map((r) => [r.key, r]));

describe("parseNames", () => {
  it("parseNames(field) reads 'Family, Given', 'Given Family', 'Family, Jr., Given', braced corporate names and 'others'", () => {
    expect(parseNames("Sheffi, Yossi and Rice, Jr., James B. and {U.S. Geological Survey} and Kevin Linderman and others")).toEqual([
      {family: "Sheffi", given: "Yossi", literal: false},
      {family: "Rice", suffix: "Jr.", given: "James B.", literal: false},
      {family: "U.S. Geological Survey", given: "", literal: true},
      {family: "Linderman", given: "Kevin", literal: false},
      {family: "others", given: "", literal: true}
    ]);
  });

  it("initials(given) abbreviates each name and keeps hyphenated and already abbreviated ones", () => {
    expect(initials("Yi-Su")).toBe("Y.-S.");
    expect(initials("H. Eugene")).toBe("H. E.");
    expect(initials("")).toBe("");
  });
});

describe("formatBibliography", () => {
  it("labels one author by name, two by both, three or more as 'et al.', corporate authors by their short name", () => {
    expect(byKey.get("ivanov2021viability")!.label).toBe("Ivanov 2021");
    expect(byKey.get("sheffi2005resilient")!.label).toBe("Sheffi & Rice 2005");
    expect(byKey.get("helbig2016vulnerability")!.label).toBe("Helbig et al. 2016");
    expect(byKey.get("usgs2023mcsdata")!.label).toBe("USGS 2023");
    expect(byKey.get("oecd2021resilience")!.label).toBe("OECD 2021");
  });

  it("gives works of the same label and year the suffixes a, b in key order", () => {
    const refs = formatBibliography(parseBibtex("@misc{usgs2022b, author = {{USGS}}, title = {B}, year = 2022}\n@misc{usgs2022a, author = {{USGS}}, title = {A}, year = 2022}"));
    expect(refs.map((r) => [r.key, r.label])).toEqual([
      ["usgs2022a", "USGS 2022a"],
      ["usgs2022b", "USGS 2022b"]
    ]);
  });

  it("formats a journal article with authors, year, title, journal, volume(issue), pages and DOI", () => {
    expect(referenceText(byKey.get("kim2015network")!)).toBe(
      "Kim, Y., Chen, Y.-S. & Linderman, K. (2015). Supply network disruption and resilience: A network structural perspective. Journal of Operations Management 33–34, 43–59. https://doi.org/10.1016/j.jom.2014.10.006"
    );
    expect(byKey.get("kim2015network")!.segments.find((s) => s.emphasis)?.text).toBe("Journal of Operations Management");
  });

  it("formats a data release under the short name the text cites it by, then its corporate author", () => {
    expect(referenceText(byKey.get("usgs2023mcsdata")!)).toBe(
      "USGS [National Minerals Information Center] (2023). U.S. Geological Survey Mineral Commodity Summaries 2023 Data Release. U.S. Geological Survey data release. https://doi.org/10.5066/P9WCYUI6"
    );
  });

  it("formats a thesis with its kind and school, and a report with its institution named once", () => {
    expect(referenceText(byKey.get("herfindahl1950concentration")!)).toBe("Herfindahl, O. C. (1950). Concentration in the Steel Industry. PhD thesis, Columbia University.");
    expect(referenceText(byKey.get("apics2017scor")!)).toBe("APICS (2017). Supply Chain Operations Reference (SCOR) Model, Version 12.0. Chicago.");
  });

  it("writes 'et al.' for a work listed with 'and others', and a suffix after the initials", () => {
    expect(referenceText(byKey.get("busch2024lithium")!)).toMatch(/^Busch, P\. et al\. \(2024\)\. Effects of Demand/);
    expect(referenceText(byKey.get("sheffi2005resilient")!)).toMatch(/^Sheffi, Y\. & Rice, J\. B\., Jr\. \(2005\)/);
  });

  it("sorts references by author, then year", () => {
    const labels = formatBibliography(bib).map((r) => r.names);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
  });
});
