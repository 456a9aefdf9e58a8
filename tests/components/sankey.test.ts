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

  it("Sankey(system) draws the recycling flow as a loop that leaves recycling and enters refining itself", () => {
    const figure = render();
    // no stub boxes: the only dashed box is the stock
    expect(group(figure, "stocks").map((r) => r.getAttribute("aria-label"))).toEqual(["stock:use"]);
    const links = group(figure, "flows").filter((l) => l.getAttribute("aria-label") === "recycled");
    expect(links).toHaveLength(2); // beside recycling and beside refining, the flow's width
    expect(num(links[0]!, "stroke-width")).toBe(num(links[1]!, "stroke-width"));
    const connector = byLabel(group(figure, "loops"), "recycled");
    expect(connector.tagName).toBe("path");
    expect(connector.getAttribute("marker-end")).toMatch(/^url\(#/);
    expect(connector.querySelector("title")?.textContent).toContain("Recycling → Refining");
    const rects = group(figure, "processes");
    const refine = byLabel(rects, "refine");
    const recycle = byLabel(rects, "recycle");
    // M x,y L ... : the connector starts right of recycling and ends on refining's left edge,
    // inside refining's height, below the mined flow that d3-sankey stacked there (90 of its 100)
    const points = connector.getAttribute("d")!.slice(1).split("L").map((p) => p.split(",").map(Number) as [number, number]);
    const [start, end] = [points[0]!, points.at(-1)!];
    expect(start[0]).toBeCloseTo(num(recycle, "x") + num(recycle, "width") + 5, 2);
    expect(end[0]).toBeCloseTo(num(refine, "x"), 2);
    const top = num(refine, "y");
    const h = num(refine, "height");
    expect(end[1]).toBeCloseTo(top + 0.95 * h, 2); // the middle of the last tenth
    // it runs under the whole diagram: below every process and label
    const lane = Math.max(...points.map((p) => p[1]));
    for (const r of rects) expect(lane).toBeGreaterThan(num(r, "y") + num(r, "height"));
    // and is labelled on its lane
    const label = byLabel(group(figure, "loop labels"), "recycled");
    expect(shown(label)).toBe("↺ Recycling → Refining 10");
  });

  it("Sankey(system) shows the uncertainty as a band one sd either side (value + 2 sd) and on hover (95 % interval)", () => {
    const figure = render();
    const flow = byLabel(group(figure, "flows"), "refined");
    const band = byLabel(group(figure, "uncertainty"), "refined");
    // 100 +- 15: the band is (100 + 2 x 15) / 100 as wide as the flow
    expect(num(band, "stroke-width") / num(flow, "stroke-width")).toBeCloseTo(1.3, 9);
    // 95 %: 100 - 1.96 x 15 = 70.6 to 129.4, shown to three figures
    expect(flow.querySelector("title")?.textContent).toBe("Refining → In use\n100 ± 15 kt Li (95 %: 70.6 to 129)\nsource: paper");
    expect(byLabel(group(figure, "flows"), "uncollected").querySelector("title")?.textContent).toContain("derived by reconciliation");
    // no band rises into the stage headings
    const headings = Math.max(...group(figure, "stages").map((t) => Number(t.getAttribute("transform")!.match(/,([\d.]+)\)/)![1]) + 6));
    for (const b of group(figure, "uncertainty")) {
      const ys = b.getAttribute("d")!.match(/-?[\d.]+/g)!.map(Number).filter((_, i) => i % 2 === 1);
      expect(Math.min(...ys) - num(b, "stroke-width") / 2).toBeGreaterThanOrEqual(headings);
    }
  });

  it("Sankey(system) hatches a residual process and labels it unallocated", () => {
    const system = loop();
    const residual: SankeySystem = {...system, processes: system.processes.map((p) => (p.id === "waste" ? {...p, residual: true} : p.id === "eol" ? {...p, residual: true, label: "Collection (unallocated)"} : p))};
    const figure = render(residual);
    const svg = svgOf(figure);
    const hatched = group(figure, "residual");
    expect(hatched.map((r) => r.getAttribute("aria-label")).sort()).toEqual(["eol", "waste"]);
    const fill = hatched[0]!.parentElement!.getAttribute("fill")!; // a constant fill stands on the group
    const id = fill.match(/^url\(#(.+)\)$/)![1]!;
    const pattern = svg.querySelector(`pattern#${id}`)!;
    expect(pattern).not.toBeNull();
    // theme-safe: the stripes take the text colour
    expect(pattern.querySelector("line")?.getAttribute("stroke")).toBe("currentColor");
    const label = (n: string) => [...byLabel(group(figure, "labels"), n).querySelectorAll("tspan")].map((t) => t.textContent).join(" ");
    expect(label("waste")).toContain("Not collected (unallocated)");
    expect(label("eol")).toContain("Collection (unallocated)"); // not twice
    expect(label("eol")).not.toContain("(unallocated) (unallocated)");
    expect(byLabel(hatched, "waste").querySelector("title")?.textContent).toContain("unallocated");
    // a system without residuals has no hatching
    expect(group(render(), "residual")).toHaveLength(0);
    expect(svgOf(render()).querySelector("pattern")).toBeNull();
  });

  it("Sankey(system) is drawn wider than a narrow screen rather than clip a label", () => {
    const system = loop();
    const long: SankeySystem = {...system, processes: system.processes.map((p) => (p.id === "refine" ? {...p, label: "Chemicals outside China's cell chain, including hydroxide"} : p))};
    const labelText = (figure: Element) => group(figure, "labels").flatMap((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent ?? ""));
    const narrow = render(long, 320);
    const wide = render(long, 1400);
    expect(num(svgOf(narrow), "width")).toBeGreaterThan(320); // the page scrolls it
    expect(num(svgOf(wide), "width")).toBe(1400);
    for (const figure of [narrow, wide]) {
      expect(labelText(figure).filter((t) => t.includes("…"))).toEqual([]);
      expect(labelText(figure).join(" ")).toContain("hydroxide");
    }
  });

  it("Sankey(system) puts a balance badge on every process inside the boundary", () => {
    const figure = render();
    const badges = group(figure, "balance");
    expect(badges.map((b) => b.getAttribute("aria-label")).sort()).toEqual(["eol", "recycle", "refine", "use"]);
    expect(badges.map(shown)).toEqual(["✓", "✓", "✓", "✓"]);
    // after the process's value, on its line
    const refineLabel = byLabel(group(figure, "labels"), "refine");
    const badge = byLabel(badges, "refine");
    const at = (e: Element) => e.getAttribute("transform")!.match(/translate\(([\d.]+),([\d.]+)\)/)!.slice(1).map(Number);
    expect(at(badge)[0]).toBeGreaterThan(at(refineLabel)[0]!);
    expect(at(badge)[1]).toBeGreaterThan(at(refineLabel)[1]!);
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
