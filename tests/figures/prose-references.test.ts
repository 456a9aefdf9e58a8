import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {FIGURES} from "../../lib/figures/index.ts";

/** Every page's source: the home page and the pages under src/pages (notes included). */
function pageSources(dir = "src/pages"): [string, string][] {
  const out: [string, string][] = [["src/index.md", readFileSync("src/index.md", "utf-8")]];
  const walk = (d: string) => {
    for (const name of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".md")) out.push([path, readFileSync(path, "utf-8")]);
    }
  };
  walk(dir);
  return out;
}

/**
 * The paper's figures the prose may name though the site does not draw them, each with why. Any
 * other "Figure N" or "Table N" must be a figure of lib/figures, so that no sentence points at a
 * figure that is not there.
 */
const NOT_ON_SITE: Record<string, string> = {
  "3c": "the paper's brine process conditions: the mapping page states the gap",
  "9": "the paper's own revised nickel Sankey, discussed but not redrawn"
};

/** The figure numbers a mention names: "Figures 3, 4 and 7" -> 3, 4, 7; "Figure 10 (a)" -> 10a; "Table 2" -> T2. */
export function namedFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(Figures?|Tables?)\s+((?:S?\d+[a-c]?(?:\s?\([a-c]\))?)(?:(?:,\s*|\s+and\s+|\s*-\s*|\s+to\s+)S?\d+[a-c]?(?:\s?\([a-c]\))?)*)/g)) {
    const table = m[1]!.startsWith("Table");
    const items = m[2]!.split(/,\s*|\s+and\s+|\s*-\s*|\s+to\s+/);
    for (const item of items) {
      const id = item.replace(/\s?\(([a-c])\)/, "$1").trim();
      out.push(table ? `T${id}` : id);
    }
  }
  return out;
}

describe("the figures the prose names", () => {
  it("namedFigures(text) reads single names, lists, ranges and lettered parts", () => {
    expect(namedFigures("the paper's Figures 3, 4 and 7, and Table 3; Figure 10 (a); Figures S1 and S2; Figures 10 to 12")).toEqual(["3", "4", "7", "T3", "10a", "S1", "S2", "10", "12"]);
  });

  it("every Figure and Table a page names is drawn on the site, or is one of the paper's listed as not drawn", () => {
    const numbers = FIGURES.map((f) => f.number.toLowerCase());
    const exists = (id: string) => {
      const n = id.toLowerCase();
      // "Figure 4" names the figure whose parts are 4a and 4b; "Figure 10" likewise.
      return numbers.includes(n) || numbers.some((f) => f.startsWith(n) && /^[a-c]$/.test(f.slice(n.length))) || n in NOT_ON_SITE;
    };
    const missing = pageSources().flatMap(([path, text]) => namedFigures(text).filter((id) => !exists(id)).map((id) => `${path}: ${id}`));
    expect(missing).toEqual([]);
  });
});
