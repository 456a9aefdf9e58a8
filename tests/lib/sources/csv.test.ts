import {describe, expect, it} from "vitest";
import {parseCsv} from "../../../lib/sources/csv.ts";

describe("parseCsv", () => {
  it("parseCsv(text) drops a byte-order mark and reads CRLF lines", () => {
    const t = parseCsv('\uFEFFa,b\r\n1,"2,000"\r\n', "f.csv");
    expect(t.header).toEqual(["a", "b"]);
    expect(t.records).toEqual([{line: 2, values: {a: "1", b: "2,000"}}]);
  });

  it("parseCsv(text) counts newlines inside quoted fields in line numbers", () => {
    const t = parseCsv('a,b\n1,"x\ny"\n2,z\n', "f.csv");
    expect(t.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it("parseCsv(text) ignores empty trailing columns and blank rows (ragged MCS 2024)", () => {
    const t = parseCsv("a,b,,\n1,2,,\n,,,\n3,4\n", "f.csv");
    expect(t.records.map((r) => r.values)).toEqual([{a: "1", b: "2"}, {a: "3", b: "4"}]);
  });

  it("parseCsv(text) throws on a value in a column with no header, naming file, line and column", () => {
    expect(() => parseCsv("a,b,\n1,2,oops\n", "f.csv")).toThrow('f.csv:2: column "#3", value "oops": value in a column with no header');
  });

  it("parseCsv(text, file, {required}) throws on a missing column", () => {
    expect(() => parseCsv("a\n1\n", "f.csv", {required: ["a", "b"]})).toThrow(/f\.csv:1: column "b".*required column is missing/);
  });

  it("parseCsv(text) throws on a repeated header", () => {
    expect(() => parseCsv("a,a\n1,2\n", "f.csv")).toThrow(/appears twice/);
  });
});
