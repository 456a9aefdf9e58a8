import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {TABLES} from "../../lib/tables/index.ts";

// Framework finds file attachments only by literal path, so the pages that load every table into
// DuckDB take them from a hand-written list; this test keeps the list equal to lib/tables.
describe("src/components/reader/table-files.js", () => {
  it("lists the Arrow snapshot of every table in lib/tables, and no other", () => {
    const text = readFileSync("src/components/reader/table-files.js", "utf-8");
    const listed = [...text.matchAll(/^ {2}(\w+): FileAttachment\("\.\.\/\.\.\/data\/tables\/(\w+)\.arrow"\)/gm)].map(([, key, file]) => {
      expect(file, `${key} points at another table's file`).toBe(key);
      return key;
    });
    expect(listed.sort()).toEqual(TABLES.map((t) => t.name).sort());
  });
});
