import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {OriginChart} from "../../src/components/mapping/origin-chart.ts";
import {PaperFiguresChart} from "../../src/components/mapping/paper-figures-chart.ts";
import {tipOf, tipsOf} from "./hover.ts";

const doc = () => new JSDOM("<!doctype html><body></body>").window.document;

describe("OriginChart", () => {
  it("OriginChart(counts) stacks observed, modelled and missing to the number of rows", () => {
    const chart = OriginChart([{column: "production_kt", observed: 0, modelled: 150, missing: 339}], {labels: {production_kt: "Production 2022"}, document: doc()});
    const widths = [...chart.querySelectorAll("g[aria-label=bar] rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBe(0); // nothing observed
    expect(widths[2]! / widths[1]!).toBeCloseTo(339 / 150, 2);
    expect([...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent).filter(Boolean)).toEqual(["150", "339"]);
  });
});

describe("PaperFiguresChart", () => {
  // The paper's 2021 nickel intermediates (kt Ni), from paper_values.
  const figures = [
    {id: "ni_ferronickel_2021", label: "Ferronickel (NPI/FeNi), world", value: 1672, unit: "kt Ni", iso3: null},
    {id: "ni_npi_feni_idn_2021", label: "NPI/FeNi, Indonesia", value: 796, unit: "kt Ni", iso3: "IDN"},
    {id: "ni_intermediates_chn_2021", label: "All intermediates, China", value: 675, unit: "kt Ni", iso3: "CHN"}
  ];

  it("PaperFiguresChart(figures, {selected}) draws dashed bars, the selected country's dark, and says they are the paper's", () => {
    const chart = PaperFiguresChart(figures, {selected: "IDN", caption: "The paper's figures", document: doc()});
    const bars = [...chart.querySelectorAll("g.paper-figure rect")];
    expect(bars).toHaveLength(3);
    expect(chart.querySelector("g.paper-figure")!.getAttribute("stroke-dasharray")).toBe("4,2");
    // World figure a theme grey, the selected country in the text colour, the others a fixed amber: all follow a dark page.
    expect(bars.map((b) => b.getAttribute("fill"))).toEqual(["var(--theme-foreground-fainter, #bbbbbb)", "var(--theme-foreground, #1b1e23)", "#b7791f"]);
    expect([...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent)).toEqual(["1,672", "796", "675"]);
    expect(chart.querySelector("figcaption")?.textContent).toBe("The paper's figures");
  });
});

describe("RefiningChart (Figure S23)", () => {
  // The figure's query over the built tables (IEA 2024 nickel refining, kt Ni; ICMM processing sites).
  const base = {unit: "kt Ni", total_kt: 3483.697, rest_of_world_net_kt: 518.32, counted_twice: "Canada"};
  const rows = [
    {listed: 1, country: "Indonesia", iso3: "IDN", kind: "country", value_kt: 1493.2, also_in_rest_of_world: false, icmm_processing_sites: 2, ...base},
    {listed: 2, country: "China", iso3: "CHN", kind: "country", value_kt: 1091.077, also_in_rest_of_world: false, icmm_processing_sites: 6, ...base},
    {listed: 6, country: "Canada", iso3: "CAN", kind: "country", value_kt: 113.1, also_in_rest_of_world: true, icmm_processing_sites: 5, ...base},
    {listed: 7, country: "Rest of world", iso3: null, kind: "rest of world", value_kt: 631.42, also_in_rest_of_world: false, icmm_processing_sites: 36, ...base}
  ];

  it("RefiningChart(rows) draws a bar per country, largest first, the rest of the world net of Canada, each with its ICMM site count", async () => {
    const {RefiningChart} = await import("../../src/components/mapping/refining-chart.ts");
    const chart = RefiningChart(rows, {width: 700, selected: "IDN", document: doc()});
    const bars = [...chart.querySelectorAll("g.refining-bar rect")];
    expect(bars).toHaveLength(4);
    const widths = bars.map((b) => Number(b.getAttribute("width")));
    expect(widths[0]! / widths[1]!).toBeCloseTo(1493.2 / 1091.077, 2);
    // The last bar is the rest of the world as the stated total less the named countries (518.3), not the stated 631.4.
    expect(widths[3]! / widths[0]!).toBeCloseTo(518.32 / 1493.2, 2);
    expect([...chart.querySelectorAll("g.refining-label text")].map((t) => t.textContent)).toEqual([
      "1,493 kt (42.9 %) · 2 ICMM sites",
      "1,091 kt (31.3 %) · 6 ICMM sites",
      "113 kt (3.2 %) · 5 ICMM sites",
      "518 kt (14.9 %) · 36 ICMM sites"
    ]);
    // The selected country is outlined in the text colour; the others are not.
    expect(bars.map((b) => b.getAttribute("stroke"))).toEqual(["var(--theme-foreground, #1b1e23)", "none", "none", "none"]);
    expect(await tipOf(bars[3]!)).toMatch(/states 631 for Rest of world, which also holds Canada/);
  });
});

describe("LithiumMap (Figure 3)", () => {
  it("draws ICMM lithium sites as hollow grey stars, as the caption says, and lists the sites of a region under its map", async () => {
    const {readFileSync} = await import("node:fs");
    const {feature} = await import("topojson-client");
    const {LithiumMap, ICMM_STATUS, ICMM_TYPE, LI_TYPES, LI_STATUS} = await import("../../src/components/mapping/figures.ts");
    const {findFigure} = await import("../../lib/figures/index.ts");
    const topology = JSON.parse(readFileSync("node_modules/world-atlas/countries-110m.json", "utf-8"));
    const countries = (feature(topology, topology.objects.countries) as unknown as {features: never[]}).features;
    // Rows of Figure 3's result (table sites): two Busch et al. deposits and two ICMM sites on the same salars, and Greenbushes.
    const site = {layer: "site", confidence: null, asset_type: null, secondary_commodity: null, other_commodities: null, reserves_kt: null, production_kt: null, capacity_kt: null, grade_pct: null, coords_iso3: null, coords_outside_country: false, source_file: "x", source_line: 1, primary_commodity: "lithium"};
    const rows = [
      {...site, source_dataset: "Busch et al. 2024", source_id: "1", name: "Salar de Atacama (SQM)", country: "Chile", iso3: "CHL", latitude: -23.55, longitude: -68.36, resource_type: "Brine", status: "Producing", resources_kt: 10800, type_class: "Brine", status_class: "Producing"},
      {...site, source_dataset: "ICMM GMD 2025 v1", source_id: "ICMM1", name: "Salar de Atacama", country: "Chile", iso3: "CHL", latitude: -23.55, longitude: -68.39, resource_type: null, status: null, resources_kt: null, type_class: ICMM_TYPE, status_class: ICMM_STATUS},
      {...site, source_dataset: "Busch et al. 2024", source_id: "2", name: "Salar de Olaroz (Allkem)", country: "Argentina", iso3: "ARG", latitude: -23.46, longitude: -66.73, resource_type: "Brine", status: "Producing", resources_kt: 4250, type_class: "Brine", status_class: "Producing"},
      {...site, source_dataset: "ICMM GMD 2025 v1", source_id: "ICMM2", name: "Salar de Olaroz", country: "Argentina", iso3: "ARG", latitude: -23.47, longitude: -66.68, resource_type: null, status: null, resources_kt: null, type_class: ICMM_TYPE, status_class: ICMM_STATUS},
      {...site, source_dataset: "Busch et al. 2024", source_id: "3", name: "Greenbushes", country: "Australia", iso3: "AUS", latitude: -33.85, longitude: 116.06, resource_type: "Hard Rock", status: "Producing", resources_kt: 3000, type_class: "Hard Rock", status_class: "Producing"}
    ];
    const codes = {toNumeric: new Map([["CHL", "152"], ["ARG", "032"], ["AUS", "036"]]), toIso3: new Map([["152", "CHL"], ["032", "ARG"], ["036", "AUS"]]), names: new Map([["CHL", "Chile"], ["ARG", "Argentina"], ["AUS", "Australia"]])};
    const ctx = {countries, codes, onSelect: () => {}, selection: {id: null, key: null}, width: 800, document: doc()};
    const inputs = {types: LI_TYPES, statuses: LI_STATUS, size: "resources_kt" as const};

    const world = LithiumMap(rows, inputs, ctx);
    const icmm = [...world.querySelectorAll("svg.world-map-plot g.site-unknown > *")];
    expect(icmm).toHaveLength(2);
    // Hollow (no fill), outlined in the grey of "ICMM site (type not given)", and star-shaped: a path of ten points, not a circle.
    const star = icmm[0]!;
    expect(star.closest("g")!.getAttribute("fill") ?? star.getAttribute("fill")).toBe("none");
    expect(star.getAttribute("stroke")).toBe("#7f7f7f");
    expect((star.getAttribute("d") ?? "").match(/L/g)?.length).toBe(9);
    expect(findFigure("fig-3").caption).toMatch(/ICMM lithium sites[^.]*are hollow grey stars/);
    expect(world.dataset.region).toBe("world");
    expect(world.querySelector(".region-sites")).toBeNull();

    const andes = LithiumMap(rows, {...inputs, region: "andes"}, ctx);
    expect(andes.dataset.region).toBe("andes");
    const list = andes.querySelector<HTMLElement>(".region-sites")!;
    expect(list.dataset.regionSites).toBe("4");
    expect([...list.querySelectorAll("tbody tr")].map((tr) => tr.children[0]!.textContent)).toEqual(["Salar de Atacama (SQM)", "Salar de Olaroz (Allkem)", "Salar de Atacama", "Salar de Olaroz"]);
    expect(andes.querySelector(".figure-count")!.textContent).toMatch(/4 of the 5 lithium sites shown lie in this view/);
    expect(() => LithiumMap(rows, {...inputs, region: "atlantis"}, ctx)).toThrow(RangeError);
  });
});
