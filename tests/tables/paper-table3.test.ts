import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {arrowSchema, buildTable} from "../../lib/tables/define.ts";
import {toArrowTable} from "../../lib/tables/arrow.ts";
import {PAPER_TABLE3_FILE, parsePaperTable3} from "../../lib/sources/paper-table3.ts";
import {paperTable3Table} from "../../lib/tables/paper-table3.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(paperTable3Table, read);
const row = (n: number) => rows[n - 1]!;
const text = read(PAPER_TABLE3_FILE);

describe("paperTable3Table", () => {
  it("buildTable(paperTable3Table, read) holds the 12 printed rows, numbered 1 to 12, all Indonesian nickel", () => {
    expect(rows.map((r) => r.row_in_table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.every((r) => r.country === "Indonesia")).toBe(true);
    expect(rows.filter((r) => r.primary_commodity === "nickel")).toHaveLength(11);
    expect(() => toArrowTable(rows, arrowSchema(paperTable3Table))).not.toThrow();
  });

  it("buildTable(paperTable3Table, read) keeps Weda Bay's row as printed, grade range as text", () => {
    expect(row(4)).toMatchObject({
      confidence: "High",
      mine_name: "PT Halmahera Weda Bay",
      latitude: -1.536,
      longitude: 127.422,
      operating_company: "Tsingshan Group, Eramet, Aneka Tar",
      ni_grade_pct: "1.23-1.48",
      production_2022: 36.6,
      production_capacity: 120,
      reserves_kt_ni: 2700,
      technology: "HPAL",
      cost: null
    });
  });

  it("buildTable(paperTable3Table, read) keeps blanks null and the cost text as printed", () => {
    expect(row(5)).toMatchObject({confidence: null, mine_name: null, latitude: null, group_name: "North Kenawe, North Maluku,", reserves_kt_ni: 8632, cost: "14.4k$/t"});
    expect(row(11)).toMatchObject({group_name: "Obi Island", operating_company: null, production_capacity: null, technology: "RKEF"});
  });

  it("buildTable(paperTable3Table, read) keeps cut-off cells as printed and says so in the note", () => {
    expect(row(2)).toMatchObject({asset_type: "Mine/Smelte", primary_commodity: "ferro", mine_type: "Cobalt"});
    for (const r of rows.filter((r) => r.asset_type === "Mine/Smelte")) expect(r.note).toMatch(/cut off/);
    expect(row(3).note).toMatch(/implausible/);
    expect(rows.every((r) => r.note !== null && r.note.length > 0)).toBe(true);
  });

  it("paperTable3Table.columns names the unit where the paper prints one and none where it does not", () => {
    expect(paperTable3Table.columns.reserves_kt_ni.unit).toBe("kt Ni");
    expect(paperTable3Table.columns.production_2022.unit).toBeUndefined();
  });
});

describe("parsePaperTable3 on broken files", () => {
  const lines = text.split("\n");
  const edit = (n: number, from: string, to: string) => {
    if (!lines[n - 1]!.includes(from)) throw new Error(`line ${n} lacks ${from}`);
    return lines.map((l, i) => (i === n - 1 ? l.replace(from, to) : l)).join("\n");
  };

  it("parsePaperTable3(text, file) throws on a missing column, naming file, line, column and value", () => {
    expect(() => parsePaperTable3(edit(1, ",cost,", ",costs,"), "t3.csv")).toThrow('t3.csv:1: column "cost", value null: required column is missing');
  });

  it("parsePaperTable3(text, file) throws on an unparseable number, a latitude out of range and a negative tonnage", () => {
    expect(() => parsePaperTable3(edit(5, ",2700,", ",27OO,"), "t3.csv")).toThrow('t3.csv:5: column "reserves_kt_ni", value "27OO": not a non-negative quantity');
    expect(() => parsePaperTable3(edit(5, ",-1.536,", ",-91.536,"), "t3.csv")).toThrow('t3.csv:5: column "latitude", value "-91.536": a latitude in degrees must lie in [-90, 90]');
    expect(() => parsePaperTable3(edit(5, ",36.6,", ",-36.6,"), "t3.csv")).toThrow('t3.csv:5: column "production_2022", value "-36.6": a non-negative quantity must lie in [0, Infinity]');
  });

  it("parsePaperTable3(text, file) throws on a grade that is neither a number nor a range", () => {
    expect(() => parsePaperTable3(edit(5, ",1.23-1.48,", ",1.23 to 1.48,"), "t3.csv")).toThrow('t3.csv:5: column "ni_grade_pct", value "1.23 to 1.48": a grade or a range of grades as printed');
  });

  it("parsePaperTable3(text, file) throws on a duplicate or out-of-order row number", () => {
    expect(() => parsePaperTable3(edit(5, "4,High,", "3,High,"), "t3.csv")).toThrow('t3.csv:5: column "row_in_table", value "3": rows are numbered 1..n in order; expected 4');
  });
});
