import {csvFormatRows, csvParseRows} from "d3-dsv";
import fc from "fast-check";
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

  it("parseCsv(text) throws on a row shorter or longer than the header, naming file, line and field counts", () => {
    expect(() => parseCsv("a,b,c\n1,2,3\n4,5\n", "f.csv")).toThrow('f.csv:3: column "c", value null: the row has 2 fields, the header 3: the row ends early');
    expect(() => parseCsv("a,b\n1,2,\n", "f.csv")).toThrow('f.csv:2: column "#3", value "": the row has 3 fields, the header 2: too many');
  });

  it("parseCsv(text) lets a row end among the unnamed trailing columns (MCS 2024), never before the last named one", () => {
    expect(parseCsv("a,b,,\n1,2,,\n3,4\n", "f.csv").records.map((r) => r.values)).toEqual([{a: "1", b: "2"}, {a: "3", b: "4"}]);
    expect(() => parseCsv("a,b,,\n1,2,,\n3\n", "f.csv")).toThrow('f.csv:3: column "b", value null: the row has 1 fields, the header 4');
  });

  it("parseCsv(text) throws on a file that ends mid-line, in a plain or a quoted value", () => {
    expect(() => parseCsv("a,b\n1,2\n3,40", "f.csv")).toThrow('f.csv:3: column "b", value "40": the file ends mid-line, without a line break');
    expect(() => parseCsv("a,b\n1,2\n3,", "f.csv")).toThrow('f.csv:3: column "b", value "": the file ends mid-line');
    expect(() => parseCsv('a,b\n1,"x\ny', "f.csv")).toThrow('f.csv:2: column "b", value "\\"x\\ny": a quoted value is never closed');
    expect(() => parseCsv('a,b\n1,"x,\n', "f.csv")).toThrow(/f\.csv:2: column "b".*never closed/);
  });

  it("parseCsv(text) throws on text after a closing quote, and on an empty file", () => {
    expect(() => parseCsv('a,b\n1,"2"3\n', "f.csv")).toThrow('f.csv:2: column "b", value "2": text after the closing quote of a quoted value: "3\\n"');
    expect(() => parseCsv("", "f.csv")).toThrow('f.csv:1: column "(header)", value "": the file is empty');
    expect(() => parseCsv("\uFEFF", "f.csv")).toThrow(/the file is empty/);
  });

  it("parseCsv(text) reads quotes doubled inside quoted values, and CR, LF and CRLF line breaks", () => {
    const t = parseCsv('a,b\r1,"say ""hi"""\n2,""\r\n', "f.csv");
    expect(t.records).toEqual([{line: 2, values: {a: "1", b: 'say "hi"'}}, {line: 3, values: {a: "2", b: ""}}]);
  });

  it("parseCsv(text) reads what d3-dsv reads from any well-formed CSV (property)", () => {
    const cell = fc.string({unit: fc.constantFrom(..."ab ,\"\n\r\u00e9")});
    const table = fc.integer({min: 1, max: 4}).chain((width) => fc.array(fc.array(cell, {minLength: width, maxLength: width}), {minLength: 1, maxLength: 6}));
    fc.assert(
      fc.property(table, fc.constantFrom("\n", "\r\n"), (rows, eol) => {
        const header = rows[0]!.map((_, i) => `c${i}`);
        const text = csvFormatRows([header, ...rows]).replace(/\n/g, eol) + eol;
        const expected = csvParseRows(csvFormatRows([header, ...rows])).slice(1).filter((r) => !r.every((c) => c.trim() === ""));
        expect(parseCsv(text, "f.csv").records.map((r) => header.map((h) => r.values[h]))).toEqual(expected.map((r) => r.map((c) => c.replace(/\n/g, eol))));
      })
    );
  });
});
