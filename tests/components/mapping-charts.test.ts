import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {OriginChart} from "../../src/components/mapping/origin-chart.ts";
import {PaperFiguresChart} from "../../src/components/mapping/paper-figures-chart.ts";

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
    expect(bars.map((b) => b.getAttribute("fill"))).toEqual(["#bbbbbb", "#7c2d12", "#d4a373"]);
    expect([...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent)).toEqual(["1,672", "796", "675"]);
    expect(chart.querySelector("figcaption")?.textContent).toBe("The paper's figures");
  });
});
