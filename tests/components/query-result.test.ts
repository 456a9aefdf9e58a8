import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import type {ResultBatch, ResultSchema} from "../../src/components/reader/database.ts";
import {ResultChart, ResultTable, resultColumns, resultCsv, type QueryResult} from "../../src/components/reader/query-result.ts";

// Arrow type ids: Int 2, Float 3, Utf8 5, Decimal 7. A HUGEINT sum arrives as Decimal(38, 0)
// and a DECIMAL(10, 2) as words holding the value times 100.
const schema: ResultSchema = {
  fields: [
    {name: "country", type: {typeId: 5, toString: () => "Utf8"}},
    {name: "tonnes", type: {typeId: 3, toString: () => "Float64"}},
    {name: "sum", type: {typeId: 7, scale: 0, toString: () => "Decimal[38e+0]"}},
    {name: "share", type: {typeId: 7, scale: 2, toString: () => "Decimal[10e+2]"}}
  ]
};
const words = (n: number) => new Uint32Array([n >>> 0, n < 0 ? 0xffffffff : 0, n < 0 ? 0xffffffff : 0, n < 0 ? 0xffffffff : 0]);

function batch(columns: unknown[][]): ResultBatch {
  return {numRows: columns[0]!.length, schema, getChildAt: (j) => ({get: (i) => columns[j]![i]})};
}

const result = (batches: ResultBatch[], ms = 12): QueryResult => ({columns: resultColumns(schema), batches, numRows: batches.reduce((n, b) => n + b.numRows, 0), ms, truncated: false});
const producers = result([
  batch([
    ["Australia", "Chile"],
    [55_300, 28_300],
    [words(4), words(106_880)],
    [words(5170), words(2645)]
  ]),
  batch([["United States"], [null], [null], [words(-25)]])
]);

describe("ResultTable", () => {
  it("ResultTable(result) shows decimals at their scale, missing values as missing, and the row count and time", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    const table = ResultTable(producers, {document});
    expect(table.querySelector(".qc-summary")!.textContent).toBe("3 rows in 12 ms.");
    expect([...table.querySelectorAll("th")].map((th) => th.firstChild!.textContent)).toEqual(["country", "tonnes", "sum", "share"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["Australia", "55,300", "4", "51.7"],
      ["Chile", "28,300", "106,880", "26.45"],
      ["United States", "missing", "missing", "-0.25"]
    ]);
    expect(table.querySelectorAll("td.missing")).toHaveLength(2);
  });

  it("ResultTable(result, {maxRows}) shows only the first rows and says the download holds all", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    const table = ResultTable(producers, {document, maxRows: 2});
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(table.querySelector(".qc-summary")!.textContent).toBe("3 rows in 12 ms; the first 2 are shown, the CSV download holds all 3.");
  });
});

describe("resultCsv", () => {
  it("resultCsv(result) holds every row of every batch, with decimals at their scale and missing as empty", async () => {
    expect((await resultCsv(producers)).join("")).toBe("country,tonnes,sum,share\nAustralia,55300,4,51.7\nChile,28300,106880,26.45\nUnited States,,,-0.25\n");
  });
});

describe("ResultChart", () => {
  it("ResultChart(result) bars each country's first number, and draws nothing for a result longer than the table shows", () => {
    const {document} = new JSDOM("<!doctype html><body></body>").window;
    const chart = ResultChart(producers, {document})!;
    expect([...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent)).toEqual(["Australia", "Chile", "United States"]);
    expect(chart.querySelectorAll("g[aria-label=bar] rect")).toHaveLength(2); // the missing value gets no bar
    expect(ResultChart(producers, {document, maxRows: 2})).toBeNull();
  });
});
