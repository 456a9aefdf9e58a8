import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {mitigationView, type Table1Row} from "../../lib/policy/mitigation.ts";
import {MitigationTable, recordUrl} from "../../src/components/policy/mitigation-table.ts";

/** Three records: a US-Japan memorandum and an EU partnership pursue international cooperation; an Australian recycling fund, secondary markets and alternative supply. */
const rows = [
  {policy_id: "us-japan", title: "US-Japan memorandum", countries: "USA;JPN", learn_more: "https://example.org/p", strategies: "international_cooperation"},
  {policy_id: "eu-partnership", title: "EU partnership", countries: "EU", learn_more: null, strategies: "international_cooperation"},
  {policy_id: "aus-fund", title: "Recycling fund", countries: "AUS", learn_more: "https://example.org/f", strategies: "secondary_markets;alternative_supply"},
  {policy_id: "list", title: "A list", countries: "CAN", learn_more: "https://example.org/l", strategies: null}
];
const table1: Table1Row[] = [
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 1, strategy: "Promotion of secondary markets for secondary materials"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 2, strategy: "Remanufacturing and take back systems"},
  {shock_order: 1, shock: "Geological concentration/ reserve level", strategy_order: 5, strategy: "Alternative supply sources"},
  {shock_order: 2, shock: "Geopolitical stability", strategy_order: 3, strategy: "International cooperation/ alliances"}
];
const render = (maxListed?: number) => MitigationTable(mitigationView(table1, rows), {maxListed, document: new JSDOM("<!doctype html><body></body>").window.document});

describe("MitigationTable", () => {
  it("MitigationTable(view) has a row per strategy of Table 1 with the records pursuing it", () => {
    const table = render();
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [tr.getAttribute("data-shock"), tr.getAttribute("data-strategy"), tr.getAttribute("data-count")])).toEqual([
      ["geological", "secondary_markets", "1"],
      ["geological", "take_back", "0"],
      ["geological", "alternative_supply", "1"],
      ["geopolitical", "international_cooperation", "2"]
    ]);
    // The Australian fund pursues two strategies of the first shock but is one record addressing it.
    expect(table.querySelector("th[scope=rowgroup]")!.textContent).toContain("1 record addresses this shock");
  });

  it("MitigationTable(view) marks a strategy no record pursues as a gap, and links records to their text or to the IEA database", () => {
    const table = render();
    const gap = table.querySelector("tr[data-strategy=take_back]")!;
    expect(gap.className).toBe("gap-row");
    expect(gap.querySelector(".gap")?.textContent).toBe("none");
    const cooperation = table.querySelector("tr[data-strategy=international_cooperation] td:last-child")!;
    expect(cooperation.textContent).toBe("US-Japan memorandum (USA, JPN); EU partnership (EU)");
    expect([...cooperation.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["https://example.org/p", "https://www.iea.org/policies?q=EU%20partnership"]);
    expect(recordUrl({title: "A & B", learn_more: null})).toBe("https://www.iea.org/policies?q=A%20%26%20B");
  });

  it("MitigationTable(view, {maxListed: 1}) lists one record and counts the rest", () => {
    expect(render(1).querySelector("tr[data-strategy=international_cooperation] td:last-child")!.textContent).toBe("US-Japan memorandum (USA, JPN); and 1 more");
  });

  it("MitigationTable(view) matches its snapshot", async () => {
    await expect(render().outerHTML.replace(/></g, ">\n<")).toMatchFileSnapshot("./__snapshots__/mitigation-table.html");
  });
});
