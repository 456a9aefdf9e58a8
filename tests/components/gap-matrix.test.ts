import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {GapMatrix} from "../../src/components/mapping/gap-matrix.ts";
import {gapMatrix} from "../../lib/mapping/gap-matrix.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const fields = [
  {column: "confidence", label: "Confidence"},
  {column: "technology", label: "Technology"}
];
// Three sites: two in Indonesia (one rated), one in Australia (rated, with a technology).
const rows = [
  {iso3: "IDN", confidence: "High", technology: null},
  {iso3: "IDN", confidence: null, technology: null},
  {iso3: "AUS", confidence: "Moderate", technology: "RKEF"}
];
const matrix = gapMatrix(rows, fields, (d) => d.iso3, {total: "ALL"});
const doc = () => new JSDOM("<!doctype html><body></body>").window.document;

describe("GapMatrix", () => {
  it("GapMatrix(matrix, {fields}) draws a cell per group and field carrying its counts", () => {
    const svg = GapMatrix(matrix, {fields, document: doc()});
    const cells = [...svg.querySelectorAll("g.gap-cell rect")].map((r) => `${r.getAttribute("data-group")}:${r.getAttribute("data-column")}=${r.getAttribute("data-with")}/${r.getAttribute("data-sites")}`);
    expect(cells).toEqual(["ALL:confidence=2/3", "ALL:technology=1/3", "IDN:confidence=1/2", "IDN:technology=0/2", "AUS:confidence=1/1", "AUS:technology=1/1"]);
  });

  it("GapMatrix(matrix) writes each count in its cell, 0 included", () => {
    const texts = [...GapMatrix(matrix, {fields, document: doc()}).querySelectorAll("g.gap-count text")].map((t) => t.textContent);
    expect(texts).toEqual(["2", "1", "1", "0", "1", "1"]);
  });

  it("GapMatrix(matrix, {selected}) outlines the selected group's cells only", () => {
    expect(GapMatrix(matrix, {fields, selected: "IDN", document: doc()}).querySelectorAll("g.gap-selected rect")).toHaveLength(2);
    expect(GapMatrix(matrix, {fields, document: doc()}).querySelectorAll("g.gap-selected rect")).toHaveLength(0);
  });

  it("GapMatrix(matrix) matches its SVG snapshot", async () => {
    const root = GapMatrix(matrix, {fields, groupLabel: (g, n) => `${g} (${n})`, document: doc()});
    await expect(normalizeSvg(root.outerHTML)).toMatchFileSnapshot("./__snapshots__/gap-matrix.html");
  });
});
