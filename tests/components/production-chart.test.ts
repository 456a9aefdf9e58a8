import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {ProductionChart, type ProductionDatum} from "../../src/components/resilience/production-chart.ts";
import {tipsOf} from "./hover.ts";
import {normalizeSvg} from "./normalize-svg.ts";

// MCS 2023 lithium, 2021 (t Li): a subset of the real rows, with the withheld U.S. value.
const rows: ProductionDatum[] = [
  {country: "Australia", kind: "country", value_t: 55_300, status: "reported"},
  {country: "Chile", kind: "country", value_t: 28_300, status: "reported"},
  {country: "China", kind: "country", value_t: 14_000, status: "estimated"},
  {country: "United States", kind: "country", value_t: null, status: "withheld"},
  {country: "Other countries", kind: "other", value_t: 0, status: "reported"}
];

function render() {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return ProductionChart(rows, {width: 640, unit: "t Li", total: 107_000, document});
}

describe("ProductionChart", () => {
  it("ProductionChart(rows, {document}) draws a bar per value, largest first, aggregates last", () => {
    const figure = render();
    const svg = figure.querySelector("svg[viewBox]") ?? figure.querySelector("svg:last-of-type")!;
    const bars = [...svg.querySelectorAll("g[aria-label=bar] rect")];
    expect(bars).toHaveLength(4); // the withheld value gets no bar
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["Australia", "Chile", "China", "United States", "Other countries"]);
  });

  it("ProductionChart(rows) labels a withheld value as missing, not as zero", () => {
    const [values, missing] = [...render().querySelectorAll("g[aria-label=text]")].map((g) => [...g.querySelectorAll("text")].map((t) => t.textContent));
    expect(values).toEqual(["55.3", "28.3", "14", "0"]); // no value label for the United States
    expect(missing).toEqual(["withheld (W)"]);
  });

  it("ProductionChart(rows) shows a bar's value and status on hover, and names the bar with the same text", async () => {
    const bars = [...render().querySelectorAll("g[aria-label=bar] rect")];
    expect(await tipsOf(bars[0]!.closest("svg")!, "g[aria-label=bar] rect")).toEqual([
      "Australia: 55.3 thousand t Li (reported)",
      "Chile: 28.3 thousand t Li (reported)",
      "China: 14 thousand t Li (estimated)",
      "Other countries: 0 thousand t Li (reported)"
    ]);
    expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual(["Australia: 55.3 thousand t Li (reported)", "Chile: 28.3 thousand t Li (reported)", "China: 14 thousand t Li (estimated)", "Other countries: 0 thousand t Li (reported)"]);
  });

  it("ProductionChart(rows, {total}) states the world total in its caption", () => {
    expect(render().querySelector("figcaption")?.textContent).toBe("World total (USGS, rounded): 107 thousand t Li.");
  });

  it("ProductionChart(rows) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(render().outerHTML)).toMatchFileSnapshot("./__snapshots__/production-chart.html");
  });
});
