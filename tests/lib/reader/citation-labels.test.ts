import {describe, expect, it} from "vitest";
import {citationNames, compareReferences, yearSuffix, yearSuffixes} from "../../../lib/reader/citation-labels.ts";

describe("citationNames", () => {
  const kim = {family: "Kim", given: "Yusoon"};
  const chen = {family: "Chen", given: "Yi-Su"};
  const others = {family: "others"};
  it("names one author, two joined by & (parenthetical) or and (narrative), three or more as 'First et al.'", () => {
    expect(citationNames([kim])).toBe("Kim");
    expect(citationNames([kim, chen])).toBe("Kim & Chen");
    expect(citationNames([kim, chen], "narrative")).toBe("Kim and Chen");
    expect(citationNames([kim, chen, {family: "Linderman", given: "Kevin"}])).toBe("Kim et al.");
  });

  it("reads BibTeX's 'and others' as 'et al.', keeps particles and institutions whole", () => {
    expect(citationNames([{family: "Busch", given: "Pablo"}, others])).toBe("Busch et al.");
    expect(citationNames([{family: "Dijk", given: "Jan", "non-dropping-particle": "van"}])).toBe("van Dijk");
    expect(citationNames([{literal: "U.S. Geological Survey"}])).toBe("U.S. Geological Survey");
    expect(citationNames([])).toBe("");
  });
});

describe("yearSuffixes", () => {
  it("yearSuffix(i) counts a ... z, then aa, ab", () => {
    expect([0, 1, 25, 26, 27].map(yearSuffix)).toEqual(["a", "b", "z", "aa", "ab"]);
  });

  it("gives works of the same names and year a, b by title across the whole list, and nothing to the others", () => {
    const suffixes = yearSuffixes([
      {key: "usgs2022mcsdata", names: "USGS", year: "2022", title: "U.S. Geological Survey Mineral Commodity Summaries 2022 Data Release"},
      {key: "usgs2023mcsdata", names: "USGS", year: "2023", title: "U.S. Geological Survey Mineral Commodity Summaries 2023 Data Release"},
      {key: "usgs2022criticallist", names: "USGS", year: "2022", title: "2022 Final List of Critical Minerals"},
      {key: "oecd2022", names: "OECD", year: "2022", title: "A"}
    ]);
    expect(Object.fromEntries(suffixes)).toEqual({usgs2022criticallist: "a", usgs2022mcsdata: "b", usgs2023mcsdata: "", oecd2022: ""});
  });

  it("orders same-titled works by key, and letters undated works after a hyphen (n.d.-a)", () => {
    const suffixes = yearSuffixes([
      {key: "b", names: "X", year: "", title: "T"},
      {key: "a", names: "X", year: "", title: "T"}
    ]);
    expect(Object.fromEntries(suffixes)).toEqual({a: "-a", b: "-b"});
  });
});

describe("compareReferences", () => {
  it("sorts by the cited names, then undated before dated, then year and letter, then key", () => {
    const refs = [
      {key: "k5", names: "USGS", year: "2022b"},
      {key: "k1", names: "Ivanov & Dolgui", year: "2020"},
      {key: "k4", names: "USGS", year: "2022a"},
      {key: "k2", names: "Ivanov", year: "2021"},
      {key: "k6", names: "USGS", year: "n.d."},
      {key: "k3", names: "Helbig et al.", year: "2016"}
    ];
    expect([...refs].sort(compareReferences).map((r) => r.key)).toEqual(["k3", "k2", "k1", "k6", "k4", "k5"]);
  });
});
