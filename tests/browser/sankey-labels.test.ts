import type {Browser} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {checkPage, useSite} from "./chromium.ts";

// Runs after `npm run build`: the published Sankeys of /pages/material-flows, as a reader's
// browser lays their text out, at three widths of window.
const site = useSite();
let origin: string;
let browser: Browser;

beforeAll(() => {
  ({origin, browser} = site);
});

interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Measured {
  svg: Box;
  /** Bottom of the stage headings: the drawing area starts there. */
  headings: number;
  lines: Box[];
  bands: Box[];
}

/** Every line of text in a Sankey (each <tspan> line, or the <text> itself), and every uncertainty band with its stroke. */
function measure(svg: SVGSVGElement): Measured {
  const box = (what: string, r: DOMRect): Box => ({what, left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const lines: Box[] = [];
  for (const text of svg.querySelectorAll("text")) {
    const description = text.closest("g[aria-description]")?.getAttribute("aria-description") ?? "?";
    const name = `${description} ${text.getAttribute("aria-label") ?? ""} "${[...text.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent).join(" / ")}"`;
    const spans = [...text.querySelectorAll("tspan")];
    for (const [i, part] of (spans.length ? spans : [text]).entries()) {
      if (!part.textContent?.trim()) continue;
      lines.push(box(spans.length ? `${name} line ${i + 1}` : name, part.getBoundingClientRect()));
    }
  }
  const scale = svg.getBoundingClientRect().height / svg.height.baseVal.value;
  const bands = [...svg.querySelectorAll("g[aria-description=uncertainty] path")].map((p) => {
    // getBoundingClientRect leaves out the stroke: widen the path's box by half of it.
    const half = (Number(p.getAttribute("stroke-width")) / 2) * scale;
    const r = p.getBoundingClientRect();
    return {what: `band ${p.getAttribute("aria-label")}`, left: r.left, top: r.top - half, right: r.right, bottom: r.bottom + half};
  });
  const headings = Math.max(...[...svg.querySelectorAll("g[aria-description=stages] text")].map((t) => t.getBoundingClientRect().bottom));
  return {svg: box("svg", svg.getBoundingClientRect()), headings, lines, bands};
}

const overlap = (a: Box, b: Box) => Math.min(Math.min(a.right, b.right) - Math.max(a.left, b.left), Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const inside = (a: Box, outer: {left: number; top: number; right: number; bottom: number}, slack = 1) =>
  a.left >= outer.left - slack && a.top >= outer.top - slack && a.right <= outer.right + slack && a.bottom <= outer.bottom + slack;

describe("the Sankeys' labels and bands, as the browser draws them", () => {
  for (const width of [390, 640, 960, 1280]) {
    it(`at a ${width} px window: no two lines of text overlap, none is cut short, and text and bands stay in the figure, bands under the headings`, async () => {
      const page = await browser.newPage({viewport: {width, height: 900}});
      try {
        const report = await checkPage(page, `${origin}/pages/material-flows`, {timeout: 120_000});
        expect(report.cellErrors).toEqual([]);
        for (const id of ["fig-5", "fig-6"]) {
          const m = await page.locator(`#${id} svg[aria-label^="Sankey diagram"]`).evaluate(measure);
          expect(m.lines.length, `${id}: labels`).toBeGreaterThan(20);
          const collisions: string[] = [];
          for (let i = 0; i < m.lines.length; i++) {
            for (let j = i + 1; j < m.lines.length; j++) {
              const o = overlap(m.lines[i]!, m.lines[j]!);
              if (o > 1) collisions.push(`${m.lines[i]!.what} × ${m.lines[j]!.what} (${o.toFixed(1)} px)`);
            }
          }
          expect(collisions, `${id} at ${width} px`).toEqual([]);
          // A narrow screen scrolls the diagram (drawn as wide as its labels need) instead of clipping a label;
          // from 960 px the diagram fits the page.
          expect(m.lines.filter((l) => l.what.includes("…")).map((l) => l.what), `${id} at ${width} px: labels cut short`).toEqual([]);
          const box = await page.locator(`#${id} .sankey`).evaluate((b) => ({scroll: b.scrollWidth, client: b.clientWidth}));
          if (width >= 960) expect(box.scroll, `${id} at ${width} px: the diagram scrolls`).toBeLessThanOrEqual(box.client);
          else expect(box.scroll, `${id} at ${width} px: the diagram should scroll, not shrink`).toBeGreaterThan(box.client);
          expect(m.lines.filter((l) => !inside(l, m.svg)).map((l) => l.what), `${id} at ${width} px: text outside the figure`).toEqual([]);
          expect(m.bands.length, `${id}: bands`).toBeGreaterThan(10);
          const area = {...m.svg, top: m.headings};
          expect(m.bands.filter((b) => !inside(b, area)).map((b) => `${b.what} ${b.top.toFixed(1)}..${b.bottom.toFixed(1)} of ${area.top.toFixed(1)}..${area.bottom.toFixed(1)}`), `${id} at ${width} px: bands outside the drawing area`).toEqual([]);
          console.log(`${id} at ${width} px: ${m.lines.length} lines of text, ${m.bands.length} bands checked`);
        }
        // Figure 8, the routes of nickel, is laid out the same way: no label may run into another.
        const routes = await page.locator("#fig-8 .figure-body svg").first().evaluate(measure);
        expect(routes.lines.length, "fig-8: labels").toBeGreaterThan(20);
        const crossings: string[] = [];
        for (let i = 0; i < routes.lines.length; i++) {
          for (let j = i + 1; j < routes.lines.length; j++) {
            const o = overlap(routes.lines[i]!, routes.lines[j]!);
            if (o > 1) crossings.push(`${routes.lines[i]!.what} × ${routes.lines[j]!.what} (${o.toFixed(1)} px)`);
          }
        }
        expect(crossings, `fig-8 at ${width} px`).toEqual([]);
        expect(routes.lines.filter((l) => !inside(l, routes.svg)).map((l) => l.what), `fig-8 at ${width} px: text outside the figure`).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
