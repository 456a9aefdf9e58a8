import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import type {Browser, Download, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {checkPage, useSite} from "./chromium.ts";

// Runs after `npm run build`: with the reader's system in dark mode (prefers-color-scheme: dark)
// each section page turns dark, its text light, and its charts' axes and tick labels follow (Plot
// draws them in currentColor); a figure saved as SVG keeps the scheme the reader saw.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));

const sections = ["/", "/pages/resilience", "/pages/production", "/pages/mapping", "/pages/material-flows", "/pages/policy"];

/** The 0-1 sRGB channels of an opaque colour as a browser computes it: #rrggbb, rgb(…) or color(srgb …) (what color-mix() computes to). */
function channels(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16) / 255);
  const m = /^(rgba?|color)\(\s*(?:srgb\s+)?([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)$/.exec(colour.trim());
  if (!m) throw new Error(`not an sRGB colour: ${colour}`);
  if (m[5] !== undefined && Number(m[5]) < 1) throw new Error(`not opaque: ${colour}`);
  return [m[2], m[3], m[4]].map((v) => Number(v) / (m[1] === "color" ? 1 : 255));
}

/** Relative luminance (WCAG 2.1) of a colour. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** The page's background, body text, and every Plot tick label's computed fill (with its chart's aria-label or figure id). */
function colours(page: Page) {
  return page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const ticks = [...document.querySelectorAll("#observablehq-main svg g[aria-label$='tick label'] text")]
      .filter((t) => (t as SVGTextElement).getBBox().width > 0)
      .map((t) => ({chart: t.closest("figure")?.id ?? t.closest("svg")?.getAttribute("aria-label") ?? "", fill: getComputedStyle(t).fill}));
    const axisLabels = [...document.querySelectorAll("#observablehq-main svg g[aria-label$='axis label'] text")].map((t) => getComputedStyle(t).fill);
    return {scheme: html.colorScheme, background: html.backgroundColor, text: getComputedStyle(main).color, ticks, axisLabels};
  });
}

describe("dark mode (prefers-color-scheme: dark)", () => {
  it.each(sections)("page %s turns dark: dark background, light text, charts' tick labels light", async (path) => {
    const context = await browser.newContext({colorScheme: "dark"});
    const page = await context.newPage();
    try {
      const report = await checkPage(page, origin + path);
      expect(report.cellErrors).toEqual([]);
      const c = await colours(page);
      expect(c.scheme).toBe("dark");
      expect(luminance(c.background)).toBeLessThan(0.05);
      expect(luminance(c.text)).toBeGreaterThan(0.5);
      expect(contrast(c.text, c.background)).toBeGreaterThanOrEqual(7);
      if (path !== "/") expect(c.ticks.length, "the section page draws charts with tick labels").toBeGreaterThan(0);
      for (const tick of c.ticks) {
        expect(luminance(tick.fill), `tick label of ${tick.chart}: ${tick.fill}`).toBeGreaterThan(0.4);
        expect(contrast(tick.fill, c.background), `tick label of ${tick.chart}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const fill of c.axisLabels) expect(contrast(fill, c.background)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await context.close();
    }
  });

  it("the light scheme is unchanged: white page, dark text, dark tick labels", async () => {
    const context = await browser.newContext({colorScheme: "light"});
    const page = await context.newPage();
    try {
      await checkPage(page, origin + "/pages/production");
      const c = await colours(page);
      expect(c.background).toBe("rgb(255, 255, 255)");
      expect(luminance(c.text)).toBeLessThan(0.05);
      expect(c.ticks.length).toBeGreaterThan(0);
      for (const tick of c.ticks) expect(luminance(tick.fill)).toBeLessThan(0.05);
      const muted = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--theme-foreground-muted").trim());
      expect(muted).toBe("#5c5f63");
    } finally {
      await context.close();
    }
  });

  it("a figure saved as SVG in dark keeps the dark scheme: dark ground, light text, no CSS variable left", async () => {
    const context = await browser.newContext({colorScheme: "dark", acceptDownloads: true});
    const page = await context.newPage();
    try {
      await checkPage(page, origin + "/pages/production");
      const figure = page.locator("figure#fig-s1");
      const [download] = (await Promise.all([page.waitForEvent("download", {timeout: 60_000}), figure.locator("button[data-download=svg]").click()])) as [Download, void];
      const text = readFileSync((await download.path())!, "utf-8");
      expect(text).not.toContain("var(--");
      const {document} = new JSDOM(text, {contentType: "image/svg+xml"}).window;
      const root = document.documentElement;
      const ground = root.querySelector(":scope > rect")!.getAttribute("fill")!;
      const ink = root.getAttribute("fill")!;
      expect(luminance(ground)).toBeLessThan(0.05);
      expect(contrast(ink, ground)).toBeGreaterThanOrEqual(7);
      const chart = root.querySelector(":scope > svg")!;
      expect(luminance(chart.getAttribute("color")!)).toBeGreaterThan(0.5);
      const notes = [...root.querySelectorAll(":scope > text[font-size='11']")].map((t) => t.getAttribute("fill")!);
      expect(notes.length).toBeGreaterThan(0);
      for (const fill of notes) expect(contrast(fill, ground)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await context.close();
    }
  });
});
