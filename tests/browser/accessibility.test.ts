import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Browser} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {checkPage, sitePages, useSite} from "./chromium.ts";

// Runs after `npm run build`: axe-core (from npm) checks every built page against WCAG 2.1 A and
// AA, in the light and the dark colour scheme, and on a phone's 390 px screen (where wide figures
// and tables scroll in their own boxes), once every cell has settled.
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");
const pages = sitePages("dist");

interface Violation {
  id: string;
  impact: string | null;
  nodes: {target: string[]}[];
}

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const views = [
    {colorScheme: "light", width: 1280},
    {colorScheme: "dark", width: 1280},
    {colorScheme: "light", width: 390}
  ] as const;
  it.each(pages.flatMap((path) => views.map(({colorScheme, width}) => [path, colorScheme, width] as const)))("page %s in the %s scheme at %i px has no serious or critical violation", async (path, colorScheme, width) => {
    const context = await browser.newContext({colorScheme, viewport: {width, height: 900}});
    const page = await context.newPage();
    try {
      const report = await checkPage(page, origin + path);
      expect(report.cellErrors).toEqual([]);
      await page.addScriptTag({content: AXE});
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run(root: Document, options: object): Promise<{violations: Violation[]}>}}).axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
        return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => ({target: n.target}))}));
      });
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
