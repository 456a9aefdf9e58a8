import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {RecoveryChart} from "../../src/components/resilience/recovery-chart.ts";
import {normalizeSvg} from "./normalize-svg.ts";
import {tipOf, tipsOf} from "./hover.ts";

// Demand 10 a period, a 4-period outage: stock covers 2.5 periods, then half of demand is lost.
const options = {demand: 10, lost: [0, 0, 5, 10], timeToSurvive: 2.5, period: "month"};

function render(extra = {}) {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return RecoveryChart({...options, width: 640, document, ...extra});
}
const svgOf = (figure: Element) => figure.querySelector("svg[viewBox]") ?? figure.querySelector("svg:last-of-type")!;

describe("RecoveryChart", () => {
  it("RecoveryChart({demand, lost}) draws met and lost demand each period of the outage, then two periods after recovery", async () => {
    expect(await tipsOf(svgOf(render()), "g[aria-label=rect] rect")).toEqual([
      "month 1: demand met 100.0 %",
      "month 1: demand lost 0.0 %",
      "month 2: demand met 100.0 %",
      "month 2: demand lost 0.0 %",
      "month 3: demand met 50.0 %",
      "month 3: demand lost 50.0 %",
      "month 4: demand met 0.0 %",
      "month 4: demand lost 100.0 %",
      "month 5: after recovery 100.0 %",
      "month 6: after recovery 100.0 %"
    ]);
  });

  it("RecoveryChart({demand, lost}) scales shares to the full height: a period with nothing lost reaches 100 %", () => {
    const svg = svgOf(render());
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks.at(-1)).toBe("100");
    const rects = [...svg.querySelectorAll("g[aria-label=rect] rect")];
    const top = Math.min(...rects.map((r) => Number(r.getAttribute("y"))));
    const lost = rects[7]!; // month 4, all lost: a full-height bar
    expect(Number(lost.getAttribute("y"))).toBe(top);
  });

  it("RecoveryChart({timeToSurvive}) marks the time to survive only when it falls within the outage", () => {
    expect(svgOf(render()).textContent).toContain("TTS 2.50");
    expect(svgOf(render({timeToSurvive: Infinity})).textContent).not.toContain("TTS");
    expect(svgOf(render({timeToSurvive: 9})).textContent).not.toContain("TTS");
  });

  it("RecoveryChart({demand: 0}) throws", () => {
    expect(() => render({demand: 0})).toThrow(/demand must be > 0/);
  });

  it("RecoveryChart(options) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(render().outerHTML)).toMatchFileSnapshot("./__snapshots__/recovery-chart.html");
  });
});
