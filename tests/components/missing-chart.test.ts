import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {MissingChart} from "../../src/components/reader/missing-chart.ts";

describe("MissingChart", () => {
  it("MissingChart(columns, {rows}) draws half the axis for a column half missing and labels every count", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    const svg = MissingChart([{name: "a", missing: 5}, {name: "b", missing: 0}, {name: "c", missing: 10}], {rows: 10, width: 640, document});
    const bars = [...svg.querySelectorAll("g[aria-label=bar] rect")].map((r) => Number(r.getAttribute("width")));
    const plotWidth = 640 - 130 - 90; // marginLeft, marginRight
    expect(bars[0]).toBeCloseTo(plotWidth / 2, 0);
    expect(bars[1]).toBe(0);
    expect(bars[2]).toBeCloseTo(plotWidth, 0);
    expect([...svg.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent)).toEqual(["5 of 10", "0 of 10", "10 of 10"]);
  });
});
