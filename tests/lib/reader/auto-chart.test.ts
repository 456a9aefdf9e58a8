import {describe, expect, it} from "vitest";
import {chooseChart, MAX_BARS} from "../../../lib/reader/auto-chart.ts";

const producers = [
  {country: "Australia", tonnes: 55_300},
  {country: "Chile", tonnes: 28_300},
  {country: "United States", tonnes: null}
];

describe("chooseChart", () => {
  it("chooseChart(label + number) draws horizontal bars in the result's order", () => {
    expect(chooseChart([{name: "country", kind: "string"}, {name: "tonnes", kind: "number"}], producers)).toEqual({mark: "barX", x: "tonnes", y: "country"});
  });

  it("chooseChart(label + number + other text) bars the first label whose values are unique", () => {
    const rows = producers.map((d) => ({...d, status: "reported"}));
    expect(chooseChart([{name: "status", kind: "string"}, {name: "country", kind: "string"}, {name: "tonnes", kind: "number"}], rows)).toEqual({mark: "barX", x: "tonnes", y: "country"});
  });

  it("chooseChart(year + number + label) draws a line per label", () => {
    const rows = [2021, 2022].flatMap((year) => ["lithium", "nickel"].map((commodity) => ({year, commodity, t: 1})));
    expect(chooseChart([{name: "year", kind: "number"}, {name: "commodity", kind: "string"}, {name: "t", kind: "number"}], rows)).toEqual({mark: "line", x: "year", y: "t", z: "commodity"});
  });

  it("chooseChart(two numbers) draws a scatter plot", () => {
    expect(chooseChart([{name: "estimate", kind: "number"}, {name: "pctrank", kind: "number"}], [{estimate: 1, pctrank: 2}, {estimate: 2, pctrank: 3}])).toEqual({mark: "dot", x: "estimate", y: "pctrank"});
  });

  it("chooseChart(result) draws nothing for repeated labels, too many bars, a single row or text only", () => {
    const label = [{name: "country", kind: "string" as const}, {name: "tonnes", kind: "number" as const}];
    expect(chooseChart(label, [...producers, producers[0]!])).toBeNull();
    expect(chooseChart(label, Array.from({length: MAX_BARS + 1}, (_, i) => ({country: `c${i}`, tonnes: i})))).toBeNull();
    expect(chooseChart(label, producers.slice(0, 1))).toBeNull();
    expect(chooseChart([{name: "a", kind: "string"}, {name: "b", kind: "string"}], [{a: "x", b: "y"}, {a: "z", b: "w"}])).toBeNull();
  });
});
