import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {RankChart, type RankRow} from "../../src/components/resilience/rank-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const rows: RankRow[] = [
  {unit: "nickel/mine", baseRank: 2, median: 2, min: 1, max: 3},
  {unit: "lithium/mine", baseRank: 1, median: 1.5, min: 1, max: 2},
  {unit: "cobalt/mine", baseRank: 3, median: 3, min: 2, max: 3},
  {unit: "graphite/mine", baseRank: null, median: null, min: null, max: null, reason: 'missing "hhi_wgi"'}
];
const label = (u: string) => u.replace("/", ", ");

function render() {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return RankChart(rows, {label, width: 640, document});
}

describe("RankChart", () => {
  it("RankChart(rows) orders units by their rank under the reader's weights", () => {
    const ticks = [...render().querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["lithium, mine", "nickel, mine", "cobalt, mine"]);
  });

  it("RankChart(rows) lists units without a rank in its caption, with the reason", () => {
    expect(render().querySelector("figcaption")?.textContent).toBe('Not ranked: graphite, mine (missing "hhi_wgi").');
  });

  it("RankChart(rows) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(render().outerHTML)).toMatchFileSnapshot("./__snapshots__/rank-chart.html");
  });
});
