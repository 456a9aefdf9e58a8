import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {Bibliography} from "../../src/components/reader/bibliography.ts";

const bib = readFileSync("data/sources/bibliography/references.bib", "utf-8");

describe("Bibliography", () => {
  it("cite(...keys) links each key to its reference; citet(key) reads 'Authors (year)'", () => {
    const {document} = new JSDOM("<!doctype html><head></head><body></body>").window;
    const refs = Bibliography(bib, {document});
    const cite = refs.cite("helbig2016vulnerability", "oecd2021resilience");
    expect(cite.textContent).toBe("(Helbig et al. 2016; OECD 2021)");
    expect([...cite.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#ref-helbig2016vulnerability", "#ref-oecd2021resilience"]);
    expect(refs.citet("sheffi2005resilient").textContent).toBe("Sheffi & Rice (2005)");
  });

  it("references() lists the works cited on the page, sorted, whether cited before or after it was made", () => {
    const {document} = new JSDOM("<!doctype html><head></head><body></body>").window;
    const refs = Bibliography(bib, {document});
    refs.cite("usgs2023mcsdata");
    const list = refs.references();
    refs.citet("buldyrev2010cascade");
    refs.cite("usgs2023mcsdata");
    expect([...list.querySelectorAll("li")].map((li) => li.id)).toEqual(["ref-buldyrev2010cascade", "ref-usgs2023mcsdata"]);
    expect(list.querySelector("#ref-buldyrev2010cascade a")!.getAttribute("href")).toBe("https://doi.org/10.1038/nature08932");
    expect(list.querySelector("#ref-buldyrev2010cascade i")!.textContent).toBe("Nature");
  });

  it("cite(key) throws, naming the key, for a key not in the file", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    expect(() => Bibliography(bib, {document}).cite("nobody2099")).toThrow(/no entry "nobody2099"/);
  });

  it("every key the site's pages cite is in references.bib", () => {
    const refs = Bibliography(bib, {document: new JSDOM("<!doctype html><body></body>").window.document});
    const keys = new Set(refs.entries.map((e) => e.key));
    const cited = ["production", "data", "workspace"].flatMap((page) =>
      [...readFileSync(`src/pages/${page}.md`, "utf-8").matchAll(/refs\.cite[t]?\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((k) => k[1]!))
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((k) => !keys.has(k))).toEqual([]);
  });
});
