import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {EndOfLifeChart, formatFlow} from "../../src/components/material-flows/end-of-life-chart.ts";
import type {EndOfLifeSeries} from "../../lib/material-flows/figure-rows.ts";
import {tipOf, tipsOf} from "./hover.ts";

// Three years worked by hand: inflow 1, 2, 4 kt (doubling); a fixed one-year lifetime, so the
// outflow is last year's inflow: 0, 1, 2 kt. The paper says 2.5 kt for the last year.
const data: EndOfLifeSeries = {
  unit: "kt Li",
  lastYear: 2021,
  series: [
    {year: 2019, value: 1, series: "inflow"},
    {year: 2019, value: 0, series: "outflow"},
    {year: 2020, value: 2, series: "inflow"},
    {year: 2020, value: 1, series: "outflow"},
    {year: 2021, value: 4, series: "inflow"},
    {year: 2021, value: 2, series: "outflow"}
  ],
  model: 2,
  paper: 2.5
};
const render = (d: EndOfLifeSeries) => EndOfLifeChart(d, {width: 500, document: new JSDOM("<!doctype html><body></body>").window.document});

describe("EndOfLifeChart", () => {
  it("draws the inflow and the outflow as two lines, the model's and the paper's last-year points", async () => {
    const chart = render(data);
    const svg = chart.querySelector("svg[viewBox]:not([class$=swatch])") ?? chart.querySelectorAll("svg")[chart.querySelectorAll("svg").length - 1]!;
    expect(svg.querySelectorAll("g[aria-label=line] path")).toHaveLength(2);
    expect(await tipsOf(svg, "g[aria-label=dot] > *")).toEqual(["paper: 2.5 kt Li", "model: 2 kt Li"]);
    expect(chart.textContent).toContain("paper's end of life, 2021");
    expect(chart.textContent).toContain("into use (assumed)");
  });

  it("says the paper's value is missing, and draws no point for it, when the rows lack it", async () => {
    const chart = render({...data, paper: null});
    expect(chart.textContent).toContain("paper's end of life: missing");
    expect(await tipsOf(chart, "g[aria-label=dot] > *")).toEqual(["model: 2 kt Li"]);
  });
});

describe("formatFlow", () => {
  it("gives three significant figures at most two decimals, and missing for no number", () => {
    expect([formatFlow(5.9), formatFlow(47.53), formatFlow(1085.4), formatFlow(2.345), formatFlow(null), formatFlow(NaN)]).toEqual(["5.9", "47.5", "1,085", "2.35", "missing", "missing"]);
  });
});
