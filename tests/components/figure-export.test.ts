import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {defineFigure} from "../../lib/figures/define.ts";
import {figureCsv, figureSvg} from "../../src/components/reader/figure-export.ts";
import {LiveFigure} from "../../src/components/reader/live-figure.ts";
import {ProductionChart, type ProductionDatum} from "../../src/components/resilience/production-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";

// MCS 2023 lithium, 2021 (t Li): a subset of the real rows, with the withheld U.S. value.
const rows: (ProductionDatum & {iso3: string | null})[] = [
  {country: "Australia", iso3: "AUS", kind: "country", value_t: 55_300, status: "reported"},
  {country: "Chile", iso3: "CHL", kind: "country", value_t: 28_300, status: "reported"},
  {country: "United States", iso3: "USA", kind: "country", value_t: null, status: "withheld"},
  {country: "Other countries", iso3: null, kind: "other", value_t: 0, status: "reported"}
];
const sha = "3f".repeat(32);

// The figure as the site makes it (a live figure), to export.
function render() {
  const {document} = new JSDOM("<!doctype html><head></head><body></body>", {url: "https://example.org/pages/production?producers=tAA#top"}).window;
  const definition = defineFigure({
    id: "fig-s1",
    number: "S1",
    section: "production",
    title: "Lithium mine production by country, 2021",
    caption: "Light bars are USGS estimates.",
    source: "USGS, Mineral Commodity Summaries 2023 data release.",
    sql: "SELECT * FROM production ORDER BY 1",
    tables: ["production"]
  });
  const entry = {id: "fig-s1", rows: rows.length, columns: [], files: [{format: "arrow", path: "figures/fig-s1.arrow", sha256: sha}], tables: []};
  const figure = LiveFigure(definition, rows as unknown as Record<string, unknown>[], (r, {document}) => ProductionChart(r as unknown as ProductionDatum[], {width: 640, unit: "t Li", total: 107_000, document}), {
    page: "Mine production and concentration, 2021",
    edition: {commit: "aba25f8d5a77e9c55378c5259b1b02f9224030fd", date: "2026-11-27"},
    catalog: {figures: [entry]},
    document
  });
  document.body.append(figure);
  return {figure, document};
}

describe("figure exports", () => {
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

  it("figureCsv(rows, columns) writes the rows drawn, missing values as empty fields", () => {
    expect(figureCsv(rows, ["country", "iso3", "value_t", "status"])).toBe(
      "country,iso3,value_t,status\nAustralia,AUS,55300,reported\nChile,CHL,28300,reported\nUnited States,USA,,withheld\nOther countries,,0,reported\n"
    );
  });

});

describe("figureSvg(figure)", () => {
  it("throws for a figure without a chart", () => {
    const {document} = new JSDOM("<!doctype html><body><figure><div class=figure-body>no chart</div></figure></body>").window;
    expect(() => figureSvg(document.querySelector("figure")!, {document})).toThrow(/no chart/);
  });
});
