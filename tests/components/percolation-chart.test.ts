import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {percolation} from "../../lib/resilience/percolation.ts";
import {PercolationChart} from "../../src/components/resilience/percolation-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";
import {tipOf, tipsOf} from "./hover.ts";

// A star of 5 leaves around a hub, seeded: random removal keeps it whole longer than targeted removal.
const star = {nodes: ["hub", "a", "b", "c", "d", "e"].map((id) => ({id})), edges: ["a", "b", "c", "d", "e"].map((leaf) => ({from: leaf, to: "hub"}))};
const curves = (["random", "degree-adaptive"] as const).map((strategy) => percolation(star, {strategy, trials: 200, seed: 3}));

function render() {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return PercolationChart(curves, {width: 640, document});
}
const svgOf = (figure: Element) => figure.querySelector("svg[viewBox]") ?? figure.querySelector("svg:last-of-type")!;

describe("PercolationChart", () => {
  it("PercolationChart(curves) draws one line per strategy, inside the frame, from 100 % at no removal", () => {
    const svg = svgOf(render());
    const paths = [...svg.querySelectorAll("g[aria-label=line] path")];
    expect(paths).toHaveLength(2);
    const width = Number(svg.getAttribute("width"));
    for (const p of paths) {
      const xs = [...p.getAttribute("d")!.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
      expect(Math.max(...xs)).toBeLessThanOrEqual(width);
    }
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks.at(-1)).toBe("100");
  });

  it("PercolationChart(curves) marks each strategy's threshold at the level, with its value on hover", async () => {
    expect(await tipsOf(svgOf(render()), "g[aria-label=dot] > *")).toEqual([`random failures: threshold ${(curves[0]!.threshold * 100).toFixed(1)} %`, "targeted: largest degree first, recomputed: threshold 16.7 %"]);
  });

  it("PercolationChart(curves) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(render().outerHTML)).toMatchFileSnapshot("./__snapshots__/percolation-chart.html");
  });
});
