import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {Bibliography} from "../../src/components/reader/bibliography.ts";
import {formatReferences} from "../../src/data/bibliography.ts";

// What the build publishes as /data/references.json (src/data/references.json.ts).
const data = {entries: formatReferences(readFileSync("data/sources/bibliography/references.bib", "utf-8"))};
const dom = () => new JSDOM("<!doctype html><head></head><body></body>").window.document;

describe("Bibliography", () => {
  it("cite(...keys) links each key to its reference; citet(key) reads 'Authors (year)'", () => {
    const refs = Bibliography(data, {document: dom()});
    const cite = refs.cite("helbig2016vulnerability", "oecd2021resilience");
    expect(cite.textContent).toBe("(Helbig et al., 2016; OECD, 2021)");
    expect([...cite.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#ref-helbig2016vulnerability", "#ref-oecd2021resilience"]);
    expect(refs.citet("sheffi2005resilient").textContent).toBe("Sheffi and Rice (2005)");
    expect(refs.cite("usgs2022mcsdata", "usgs2023mcsdata").textContent).toBe("(USGS, 2022b; USGS, 2023)");
  });

  it("references() lists the works cited on the page, sorted, whether cited before or after it was made", () => {
    const refs = Bibliography(data, {document: dom()});
    refs.cite("usgs2023mcsdata");
    const list = refs.references();
    refs.citet("buldyrev2010cascade");
    refs.cite("usgs2023mcsdata");
    expect([...list.querySelectorAll("li")].map((li) => li.id)).toEqual(["ref-buldyrev2010cascade", "ref-usgs2023mcsdata"]);
    expect(list.querySelector("#ref-buldyrev2010cascade a")!.getAttribute("href")).toBe("https://doi.org/10.1038/nature08932");
    expect(list.querySelector("#ref-buldyrev2010cascade i")!.textContent).toBe("Nature");
    expect(list.querySelector("#ref-usgs2023mcsdata")!.textContent).toMatch(/^USGS \[National Minerals Information Center\]\. \(2023\)\. U\.S\. Geological Survey .*Public domain\. Tables: production, reserves, mfa_flows\.$/);
    expect(list.querySelector("#ref-usgs2023mcsdata .ref-note")!.textContent).toBe("Public domain. Tables: production, reserves, mfa_flows.");
  });

  it("cite(key) and citet(key) throw, naming the key, for a key not in the bibliography", () => {
    const refs = Bibliography(data, {document: dom()});
    expect(() => refs.cite("helbig2016vulnerability", "nobody2099")).toThrow(/no entry "nobody2099"/);
    expect(() => refs.citet("nobody2099")).toThrow(/no entry "nobody2099"/);
  });

  it("every key the site's pages cite is in references.bib", () => {
    const keys = new Set(Bibliography(data, {document: dom()}).entries.map((e) => e.key));
    const cited = ["production", "policy", "data", "workspace"].flatMap((page) =>
      [...readFileSync(`src/pages/${page}.md`, "utf-8").matchAll(/refs\.cite[t]?\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((k) => k[1]!))
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((k) => !keys.has(k))).toEqual([]);
  });
});
