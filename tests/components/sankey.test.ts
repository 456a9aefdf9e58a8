import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {Sankey, type SankeySystem} from "../../src/components/material-flows/sankey.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const U = "kt Li";

// A small closed loop worked by hand: 90 mined + 10 recycled = 100 refined into use; 30 leave use
// (stock +70), 10 of them are recycled back to refining, 20 are not.
function loop(overrides: {eolToWaste?: number} = {}): SankeySystem {
  return {
    processes: [
      {id: "mine", label: "Mining", boundary: true, stage: 0, state: "ore and brine", stageName: "mining"},
      {id: "refine", label: "Refining", stage: 1, state: "chemicals", stageName: "refining"},
      {id: "use", label: "In use", stage: 2, state: "in use", stageName: "use"},
      {id: "eol", label: "Collection", stage: 3, state: "end of life", stageName: "end of life"},
      {id: "recycle", label: "Recycling", stage: 4, state: "secondary", stageName: "end of life"},
      {id: "waste", label: "Not collected", boundary: true, stage: 4, state: "end of life", stageName: "end of life"}
    ],
    flows: [
      {id: "mined", from: "mine", to: "refine", value: 90, sd: 4.5, unit: U, source: "usgs"},
      {id: "refined", from: "refine", to: "use", value: 100, sd: 15, unit: U, source: "paper"},
      {id: "eol", from: "use", to: "eol", value: 30, sd: 9, unit: U, source: "model"},
      {id: "collected", from: "eol", to: "recycle", value: 10, sd: 3, unit: U, source: "model"},
      {id: "uncollected", from: "eol", to: "waste", value: overrides.eolToWaste ?? 20, sd: 6, unit: U, derived: true},
      {id: "recycled", from: "recycle", to: "refine", value: 10, sd: 3, unit: U, source: "model"}
    ],
    stocks: [{process: "use", change: 70, sd: 17, unit: U, derived: true}]
  };
}

function render(system = loop(), width = 900) {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return Sankey(system, {width, height: 300, document, ariaLabel: "Test flows"});
}

const svgOf = (figure: Element) => figure.querySelector("svg[aria-label='Test flows']")!;
const group = (figure: Element, description: string) => [...svgOf(figure).querySelectorAll(`g[aria-description='${description}'] > *`)];
const byLabel = (elements: Element[], label: string) => elements.find((e) => e.getAttribute("aria-label") === label)!;
const num = (e: Element, attr: string) => Number(e.getAttribute(attr));
/** Text of an element without its hover title. */
const shown = (e: Element) => [...e.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent).join("");

describe("Sankey", () => {
  it("Sankey(system) places processes in columns by stage, left to right", () => {
    const rects = group(render(), "processes");
    const x = (id: string) => num(byLabel(rects, id), "x");
    expect(x("mine")).toBeLessThan(x("refine"));
    expect(x("refine")).toBeLessThan(x("use"));
    expect(x("use")).toBeLessThan(x("eol"));
    expect(x("eol")).toBeLessThan(x("recycle"));
    expect(x("recycle")).toBe(x("waste")); // same stage, same column
  });

  it("Sankey(system) draws each flow as wide as its value: 100 : 30 : 10", () => {
    const links = group(render(), "flows");
    const w = (id: string) => num(byLabel(links, id), "stroke-width");
    expect(w("refined") / w("eol")).toBeCloseTo(100 / 30, 9);
    expect(w("eol") / w("collected")).toBeCloseTo(3, 9);
    expect(w("mined") / w("refined")).toBeCloseTo(0.9, 9);
    // a process is as tall as its larger side: refining holds 100
    const refine = byLabel(group(render(), "processes"), "refine");
    expect(num(refine, "height") / w("refined")).toBeCloseTo(1, 9);
  });

  it("Sankey(system) draws the recycling flow as a loop: a stub after recycling, one before refining, and a connector", () => {
    const figure = render();
    const stubs = group(figure, "stocks and loops").map((r) => r.getAttribute("aria-label"));
    expect(stubs).toEqual(expect.arrayContaining(["loop-out:recycled", "loop-in:recycled", "stock:use"]));
    const links = group(figure, "flows").filter((l) => l.getAttribute("aria-label") === "recycled");
    expect(links).toHaveLength(2); // recycling -> stub, stub -> refining, same width
    expect(num(links[0]!, "stroke-width")).toBe(num(links[1]!, "stroke-width"));
    const connector = byLabel(group(figure, "loops"), "recycled");
    expect(connector.tagName).toBe("path");
    expect(connector.querySelector("title")?.textContent).toContain("Recycling → Refining");
    // the stub before refining stands left of refining, the one after recycling right of it
    const rects = [...svgOf(figure).querySelectorAll("rect[aria-label]")];
    const x = (id: string) => num(byLabel(rects, id), "x");
    expect(x("loop-in:recycled")).toBeLessThan(x("refine"));
    expect(x("loop-out:recycled")).toBeGreaterThan(x("recycle"));
  });

  it("Sankey(system) shows the uncertainty as a band (value + sd) and on hover (95 % interval)", () => {
    const figure = render();
    const flow = byLabel(group(figure, "flows"), "refined");
    const band = byLabel(group(figure, "uncertainty"), "refined");
    // 100 +- 15: the band is (100 + 15) / 100 as wide as the flow
    expect(num(band, "stroke-width") / num(flow, "stroke-width")).toBeCloseTo(1.15, 9);
    // 95 %: 100 - 1.96 x 15 = 70.6 to 129.4, shown to three figures
    expect(flow.querySelector("title")?.textContent).toBe("Refining → In use\n100 ± 15 kt Li (95 %: 70.6 to 129)\nsource: paper");
    expect(byLabel(group(figure, "flows"), "uncollected").querySelector("title")?.textContent).toContain("derived by reconciliation");
  });

  it("Sankey(system) puts a balance badge on every process inside the boundary", () => {
    const badges = group(render(), "balance");
    expect(badges.map((b) => b.getAttribute("aria-label")).sort()).toEqual(["eol", "recycle", "refine", "use"]);
    expect(badges.map(shown)).toEqual(["✓", "✓", "✓", "✓"]);
  });

  it("Sankey(system) marks a process that does not balance with its residual", () => {
    // collection: 30 in, 10 + 15 out: residual 5 of 30 = 16.7 %
    const badges = group(render(loop({eolToWaste: 15})), "balance");
    const eol = byLabel(badges, "eol");
    expect(shown(eol)).toBe("✗ 16.7 %");
    expect(eol.querySelector("title")?.textContent).toContain("not balanced");
    expect(badges.filter((b) => shown(b) === "✓")).toHaveLength(3);
  });

  it("Sankey(system) colours processes and flows by material state, with a legend", () => {
    const figure = render();
    const fill = (id: string) => byLabel(group(figure, "processes"), id).getAttribute("fill");
    expect(fill("refine")).toBe("#9467bd"); // chemicals
    expect(fill("recycle")).toBe("#bcbd22"); // secondary
    expect(byLabel(group(figure, "flows"), "refined").getAttribute("stroke")).toBe(fill("refine")); // a flow takes its source's state
    const legend = [...figure.querySelectorAll("span")].map((s) => s.textContent?.trim()).filter(Boolean);
    expect(legend).toEqual(["ore and brine", "chemicals", "in use", "end of life", "secondary"]);
  });

  it("Sankey(system) throws on a system that lib/mfa rejects", () => {
    const bad = loop();
    expect(() => render({...bad, flows: [...bad.flows, {id: "x", from: "refine", to: "nowhere", value: 1, unit: U}]})).toThrow(/unknown process "nowhere"/);
  });

  it("Sankey(system) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(render().outerHTML)).toMatchFileSnapshot("./__snapshots__/sankey.html");
  });
});
