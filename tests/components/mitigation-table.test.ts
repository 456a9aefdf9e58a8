import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {mitigationView, type Table1Row} from "../../lib/policy/mitigation.ts";
import {parsePolicyMeasures} from "../../lib/policy/schema.ts";
import {MitigationTable} from "../../src/components/policy/mitigation-table.ts";
import {csvOf, FIXTURE} from "../lib/policy/fixture.ts";

const rows = parsePolicyMeasures(csvOf(FIXTURE), "fixture.csv").map((r) => r.row);
const table1: Table1Row[] = [
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 1, strategy: "Promotion of secondary markets for secondary materials"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 2, strategy: "Remanufacturing and take back systems"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 5, strategy: "Alternative supply sources"},
  {shock_order: 2, shock: "Geopolitical stability", strategy_order: 3, strategy: "International cooperation/ alliances"}
];
const render = (maxListed?: number) => MitigationTable(mitigationView(table1, rows), {maxListed, document: new JSDOM("<!doctype html><body></body>").window.document});

describe("MitigationTable", () => {
  it("MitigationTable(view) has a row per strategy and one for other means per shock, with counts", () => {
    const table = render();
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [tr.getAttribute("data-shock"), tr.getAttribute("data-strategy"), tr.getAttribute("data-count")])).toEqual([
      ["geological", "secondary_markets", "1"],
      ["geological", "take_back", "0"],
      ["geological", "alternative_supply", "1"],
      ["geological", "other", "0"],
      ["geopolitical", "international_cooperation", "2"],
      ["geopolitical", "other", "1"]
    ]);
  });

  it("MitigationTable(view) marks a strategy no measure pursues as a gap, and links measures to their source", () => {
    const table = render();
    const gap = table.querySelector("tr[data-strategy=take_back]")!;
    expect(gap.className).toBe("gap-row");
    expect(gap.querySelector(".gap")?.textContent).toBe("none");
    const cooperation = table.querySelector("tr[data-strategy=international_cooperation] td:last-child")!;
    expect(cooperation.textContent).toBe("US-Japan memorandum (USA); EU partnership (EU)");
    expect(cooperation.querySelector("a")!.getAttribute("href")).toBe("https://example.org/p");
  });

  it("MitigationTable(view, {maxListed: 1}) lists one measure and counts the rest", () => {
    expect(render(1).querySelector("tr[data-strategy=international_cooperation] td:last-child")!.textContent).toBe("US-Japan memorandum (USA); and 1 more");
  });

  it("MitigationTable(view) matches its snapshot", async () => {
    await expect(render().outerHTML.replace(/></g, ">\n<")).toMatchFileSnapshot("./__snapshots__/mitigation-table.html");
  });
});
