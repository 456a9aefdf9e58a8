import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {defineFigure} from "../../lib/figures/define.ts";
import {LiveFigure, RowsTable, type FigureCatalogEntry} from "../../src/components/reader/live-figure.ts";
import {ProductionChart, type ProductionDatum} from "../../src/components/resilience/production-chart.ts";

// MCS 2023 lithium, 2021 (t Li): a subset of the real rows, with the withheld U.S. value.
const rows: Record<string, unknown>[] = [
  {country: "Australia", iso3: "AUS", kind: "country", value_t: 55_300, status: "reported"},
  {country: "Chile", iso3: "CHL", kind: "country", value_t: 28_300, status: "reported"},
  {country: "United States", iso3: "USA", kind: "country", value_t: null, status: "withheld"}
];
const definition = defineFigure({
  id: "fig-s1",
  number: "S1",
  section: "production",
  title: "Lithium mine production by country, 2021",
  caption: "Light bars are USGS estimates.",
  source: "USGS, Mineral Commodity Summaries 2023 data release.",
  sql: "SELECT country, iso3, kind, value_t, status FROM production ORDER BY value_t DESC NULLS LAST",
  tables: ["production"]
});
const entry: FigureCatalogEntry = {
  id: "fig-s1",
  rows: 3,
  columns: ["country", "iso3", "kind", "value_t", "status"].map((name) => ({name, type: name === "value_t" ? "float64" : "utf8"})),
  files: [{format: "arrow", path: "figures/fig-s1.arrow", sha256: "a1".repeat(32)}],
  tables: [{name: "production", path: "tables/production.arrow", sha256: "3f".repeat(32)}],
  paper: [{id: "li_mine_aus_2021", quantity: "Australia lithium production", value: 55.3, unit: "kt Li", qualifier: null, location: "Figure 3 discussion"}]
};

function render(draw = (r: Record<string, unknown>[], {width, document}: {width: number; document: Document}) => ProductionChart(r as unknown as ProductionDatum[], {width, unit: "t Li", document})) {
  const {document} = new JSDOM("<!doctype html><head></head><body></body>", {url: "https://example.org/pages/production?x=1"}).window;
  const figure = LiveFigure(definition, rows, draw, {page: "Mine production", edition: {commit: "aba25f8d5a77e9c55378c5259b1b02f9224030fd", date: "2026-11-27"}, catalog: {figures: [entry]}, document});
  document.body.append(figure);
  return {document, figure};
}

describe("LiveFigure(definition, rows, draw, context)", () => {
  it("draws the chart from the rows at once, under its number and title, with caption, source and the paper's values", () => {
    const {figure} = render();
    expect(figure.id).toBe("fig-s1");
    expect(figure.dataset.state).toBe("snapshot");
    expect(figure.querySelector(".figure-title")!.textContent).toBe("Figure S1. Lithium mine production by country, 2021");
    expect(figure.querySelectorAll(".figure-body g[aria-label=bar] rect").length).toBe(2);
    expect(figure.querySelector(".figure-source")!.textContent).toBe("Source: USGS, Mineral Commodity Summaries 2023 data release.");
    expect(figure.querySelector("[data-paper=li_mine_aus_2021]")!.textContent).toBe("Australia lithium production, 55.3 kt Li");
    // Every labelled group of the chart has a role, so that its label is allowed and read.
    expect(figure.querySelectorAll(".figure-body svg g[aria-label]").length).toBeGreaterThan(0);
    expect(figure.querySelectorAll(".figure-body svg g[aria-label]:not([role=group])").length).toBe(0);
  });

  it("has its tools in order: Query, Data, SVG, PNG, CSV, Cite, Link; toggles say whether they are open", () => {
    const {figure} = render();
    const tools = [...figure.querySelectorAll<HTMLElement>(".figure-tools > button, .figure-tools > a")].map((b) => b.textContent);
    expect(tools).toEqual(["Query", "Data", "SVG", "PNG", "CSV", "Cite", "Link"]);
    const data = figure.querySelector<HTMLButtonElement>("[data-tool=data]")!;
    const panel = figure.querySelector<HTMLElement>(`#${data.getAttribute("aria-controls")}`)!;
    expect([data.getAttribute("aria-expanded"), panel.hidden]).toEqual(["false", true]);
    data.click();
    expect([data.getAttribute("aria-expanded"), panel.hidden]).toEqual(["true", false]);
    // The rows as a table the keyboard can reach, missing shown as missing.
    const region = panel.querySelector<HTMLElement>("[role=region]")!;
    expect(region.tabIndex).toBe(0);
    expect([...panel.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[3]!.textContent)).toEqual(["55,300", "28,300", "missing"]);
    expect(figure.querySelector<HTMLAnchorElement>("[data-tool=link]")!.href).toBe("https://example.org/pages/production?x=1#fig-s1");
  });

  it("cites the commit, the date, and the SHA-256 of the figure's data and of the table it reads", () => {
    const {figure} = render();
    figure.querySelector<HTMLButtonElement>("[data-tool=cite]")!.click();
    const text = figure.querySelector("[data-cite=text]")!.textContent!;
    expect(text).toContain("aba25f8");
    expect(text).toContain(`figures/fig-s1.arrow (SHA-256 ${"a1".repeat(32)})`);
    expect(text).toContain(`tables/production.arrow (SHA-256 ${"3f".repeat(32)})`);
  });

  it("shows a chart that cannot be drawn as an error in place, and heals with the next draw", () => {
    const {figure} = render(() => {
      throw new Error("no column value_t");
    });
    expect(figure.dataset.state).toBe("error");
    expect(figure.querySelector(".figure-body [role=alert]")!.textContent).toContain("no column value_t");
    figure.redraw((r, {width, document}) => ProductionChart(r as unknown as ProductionDatum[], {width, document}));
    expect(figure.dataset.state).toBe("snapshot");
    expect(figure.querySelectorAll(".figure-body g[aria-label=bar] rect").length).toBe(2);
  });

  it("labels the paper's tables Table N and gives them no picture downloads", () => {
    const {document} = new JSDOM("<!doctype html><head></head><body></body>").window;
    const table = defineFigure({...definition, id: "fig-t3", number: "T3", kind: "table"});
    const figure = LiveFigure(table, rows, () => document.createElement("table"), {page: "p", edition: {commit: "c", date: ""}, catalog: {figures: [{...entry, id: "fig-t3"}]}, document});
    expect(figure.querySelector(".figure-anchor")!.textContent).toBe("Table 3");
    expect(figure.querySelector("[data-download=svg]")).toBeNull();
    expect(figure.querySelector("[data-download=csv]")).not.toBeNull();
  });

  it("refuses a figure the catalog does not hold (a stale build)", () => {
    const {document} = new JSDOM("<!doctype html>").window;
    expect(() => LiveFigure(definition, rows, () => document.createElement("div"), {page: "p", edition: {commit: "c", date: ""}, catalog: {figures: []}, document})).toThrow("figure fig-s1 is not in the figures catalog");
  });
});

describe("RowsTable(rows, columns)", () => {
  it("shows the first 200 rows and says the CSV holds all", () => {
    const {document} = new JSDOM("<!doctype html>").window;
    const many = Array.from({length: 250}, (_, i) => ({year: 1800 + i, value: i * 1000}));
    const table = RowsTable(many, ["year", "value"], {document});
    expect(table.querySelectorAll("tbody tr").length).toBe(200);
    expect(table.querySelector(".qc-note")!.textContent).toBe("250 rows; the first 200 are shown, the CSV holds all.");
    // Years are not grouped; other numbers are.
    expect([...table.querySelectorAll("tbody tr")[1]!.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["1801", "1,000"]);
  });
});
