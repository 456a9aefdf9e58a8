import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {listMatrix, type ListEntry} from "../../lib/policy/critical-lists.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {criticalListsTable} from "../../lib/tables/critical-lists.ts";
import {CriticalListsMatrix} from "../../src/components/policy/critical-lists-matrix.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const doc = () => new JSDOM("<!doctype html><body></body>").window.document;
const entry = (jurisdiction_code: string, list_name: string, list_year: number, category: string, mineral: string): ListEntry => ({jurisdiction_code, list_name, list_year, published: `${list_year}-01-01`, category, mineral, mineral_group: mineral});
const rows = [
  entry("EU", "A", 2020, "critical", "lithium"),
  entry("EU", "A", 2020, "critical", "helium"),
  entry("EU", "B", 2023, "critical", "lithium"),
  entry("USA", "D", 2022, "critical", "lithium"),
  entry("USA", "S", 2022, "strategic", "copper")
];
const names: Record<string, string> = {EU: "European Union", USA: "United States"};

describe("CriticalListsMatrix", () => {
  it("CriticalListsMatrix(matrix) draws a cell per listed mineral and jurisdiction, with its state and first year", () => {
    const chart = CriticalListsMatrix(listMatrix(rows), {nameOf: (c) => names[c]!, document: doc()});
    expect([...chart.querySelectorAll("rect[data-mineral]")].map((r) => ["data-jurisdiction", "data-mineral", "data-state", "data-since"].map((a) => r.getAttribute(a)))).toEqual([
      ["USA", "copper", "strategic", "2022"],
      ["EU", "helium", "dropped", "2020"],
      ["EU", "lithium", "critical", "2020"],
      ["USA", "lithium", "critical", "2022"]
    ]);
    const rowLabels = [...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(rowLabels).toEqual(["lithium (2)", "copper (1)", "helium (0)"]);
  });

  it("CriticalListsMatrix(matrix) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(CriticalListsMatrix(listMatrix(rows), {width: 640, nameOf: (c) => names[c]!, selectedMineral: "lithium", document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/critical-lists-matrix.html");
  });

  it("CriticalListsMatrix(matrix) draws the eleven real lists", () => {
    const lists = buildTable(criticalListsTable, (p) => readFileSync("data/sources/" + p, "utf-8"));
    const m = listMatrix(lists);
    const chart = CriticalListsMatrix(m, {document: doc()});
    expect(Number(chart.getAttribute("data-cells"))).toBe(m.cells.length);
    expect(chart.querySelectorAll("rect[data-mineral]")).toHaveLength(m.cells.length);
  });
});
