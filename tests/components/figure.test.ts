import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {parseBibtex, texToText} from "../../lib/reader/bibtex.ts";
import {Figure, figureCsv, figureSvg, snapshotsOf} from "../../src/components/figure.ts";
import {ProductionChart, type ProductionDatum} from "../../src/components/production-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";

// MCS 2023 lithium, 2021 (t Li): a subset of the real rows, with the withheld U.S. value.
const rows: (ProductionDatum & {iso3: string | null})[] = [
  {country: "Australia", iso3: "AUS", kind: "country", value_t: 55_300, status: "reported"},
  {country: "Chile", iso3: "CHL", kind: "country", value_t: 28_300, status: "reported"},
  {country: "United States", iso3: "USA", kind: "country", value_t: null, status: "withheld"},
  {country: "Other countries", iso3: null, kind: "other", value_t: 0, status: "reported"}
];
const sha = "3f".repeat(32);
const catalog = {tables: [{name: "production", files: [{format: "csv", path: "production.csv", sha256: "0".repeat(64)}, {format: "arrow", path: "production.arrow", sha256: sha}]}]};

function render() {
  const {document} = new JSDOM("<!doctype html><head></head><body></body>").window;
  const figure = Figure(ProductionChart(rows, {width: 640, unit: "t Li", total: 107_000, document}), {
    id: "fig-s1",
    number: "S1",
    title: "Lithium mine production by country, 2021",
    caption: "Light bars are USGS estimates.",
    source: "Source: USGS, Mineral Commodity Summaries 2023 data release.",
    data: rows,
    columns: ["country", "iso3", "value_t", "status"],
    snapshots: snapshotsOf(catalog, ["production"]),
    edition: {commit: "aba25f8d5a77e9c55378c5259b1b02f9224030fd", date: "2026-11-27"},
    page: "Mine production and concentration, 2021",
    document,
    href: () => "https://example.org/pages/production?producers=tAA#top"
  });
  document.body.append(figure);
  return {figure, document};
}

describe("Figure", () => {
  it("Figure(chart, options) numbers the figure, anchors it, and sets caption, source and tools around the chart", () => {
    const {figure} = render();
    expect(figure.id).toBe("fig-s1");
    expect(figure.querySelector(".figure-title")!.textContent).toBe("Figure S1. Lithium mine production by country, 2021");
    expect(figure.querySelector(".figure-title a")!.getAttribute("href")).toBe("#fig-s1");
    expect(figure.querySelector(".figure-caption")!.textContent).toBe("Light bars are USGS estimates.");
    expect(figure.querySelector(".figure-source")!.textContent).toBe("Source: USGS, Mineral Commodity Summaries 2023 data release.");
    expect([...figure.querySelectorAll(".figure-tools button")].map((b) => b.getAttribute("data-download"))).toEqual(["svg", "png", "csv"]);
    expect(figure.querySelector(".cite-panel summary")!.textContent).toBe("Cite this figure");
  });

  it("Figure(chart, {snapshots, edition}) cites the figure in BibTeX with the commit, the snapshot's SHA-256 and the page's link", () => {
    const {figure} = render();
    const [entry] = parseBibtex(figure.querySelector("pre[data-cite=bibtex]")!.textContent!);
    expect(entry!.key).toBe("miners-fig-s1-aba25f8");
    expect(entry!.fields.version).toBe("aba25f8d5a77e9c55378c5259b1b02f9224030fd");
    expect(entry!.fields.url).toBe("https://example.org/pages/production?producers=tAA#fig-s1");
    expect(texToText(entry!.fields.note!)).toContain(`production.arrow (SHA-256 ${sha})`);
    expect(JSON.parse(figure.querySelector("pre[data-cite=csl-json]")!.textContent!)[0]).toMatchObject({type: "figure", number: "S1", version: "aba25f8d5a77e9c55378c5259b1b02f9224030fd"});
  });

  it("figureSvg(figure) is one standalone SVG: title, legend, chart and notes, no CSS variables left", () => {
    const {figure, document} = render();
    const text = figureSvg(figure, {document});
    const svg = new JSDOM(text, {contentType: "image/svg+xml"}).window.document;
    expect(svg.querySelector("parsererror")).toBeNull();
    const texts = [...svg.querySelectorAll(":root > text")].map((t) => t.textContent);
    expect(texts).toEqual([
      "Figure S1. Lithium mine production by country, 2021",
      "reported",
      "estimated",
      "aggregate",
      "World total (USGS, rounded): 107 thousand t Li.",
      "Light bars are USGS estimates.",
      "Source: USGS, Mineral Commodity Summaries 2023 data release."
    ]);
    expect(svg.querySelectorAll("g[aria-label=bar] rect")).toHaveLength(3);
    expect(text).not.toContain("var(--");
  });

  it("figureSvg(figure) matches its snapshot", async () => {
    const {figure, document} = render();
    await expect(normalizeSvg(figureSvg(figure, {document}))).toMatchFileSnapshot("./__snapshots__/figure-s1.svg");
  });

  it("figureSvg(figure) throws for a figure without a chart", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    expect(() => figureSvg(Figure(document.createTextNode("no chart"), {id: "f", number: "1", title: "T", document}), {document})).toThrow(/no chart/);
  });

  it("figureCsv(rows, columns) writes the rows drawn, missing values as empty fields", () => {
    expect(figureCsv(rows, ["country", "iso3", "value_t", "status"])).toBe(
      "country,iso3,value_t,status\nAustralia,AUS,55300,reported\nChile,CHL,28300,reported\nUnited States,USA,,withheld\nOther countries,,0,reported\n"
    );
  });

  it("snapshotsOf(catalog, names) takes each table's Arrow file and throws for a table not in the catalog", () => {
    expect(snapshotsOf(catalog, ["production"])).toEqual([{path: "production.arrow", sha256: sha}]);
    expect(() => snapshotsOf(catalog, ["nope"])).toThrow(/no table "nope"/);
  });
});
