import {describe, expect, it} from "vitest";
import {gapDifferences, gapMatrix, gapMatrixFromCounts, hasValue} from "../../../lib/mapping/gap-matrix.ts";

// Five sites in two countries; counts worked by hand below.
const rows = [
  {iso3: "IDN", confidence: "High", grade: 1.5, tech: null},
  {iso3: "IDN", confidence: null, grade: 0, tech: null},
  {iso3: "AUS", confidence: "Moderate", grade: null, tech: "RKEF"},
  {iso3: "AUS", confidence: "High", grade: null, tech: null},
  {iso3: "AUS", confidence: "", grade: undefined, tech: null}
];
const fields = [
  {column: "confidence", label: "Confidence"},
  {column: "grade", label: "Grade"},
  {column: "tech", label: "Technology"}
];

describe("gapMatrix", () => {
  it("hasValue(v) is false only for null and undefined: 0 and empty text are values, as in SQL count()", () => {
    expect([null, undefined, 0, "", false].map(hasValue)).toEqual([false, false, true, true, true]);
  });

  it("gapMatrix(rows, fields, groupOf, {total}) counts values per group and field, total first, groups by size", () => {
    const m = gapMatrix(rows, fields, (d) => d.iso3, {total: "ALL"});
    expect(m.groups).toEqual([{group: "ALL", sites: 5}, {group: "AUS", sites: 3}, {group: "IDN", sites: 2}]);
    const table = m.cells.map((c) => `${c.group}:${c.column}=${c.withValue}/${c.sites}`);
    expect(table).toEqual([
      "ALL:confidence=4/5", "ALL:grade=2/5", "ALL:tech=1/5",
      "AUS:confidence=3/3", "AUS:grade=0/3", "AUS:tech=1/3",
      "IDN:confidence=1/2", "IDN:grade=2/2", "IDN:tech=0/2"
    ]);
    expect(m.cells.find((c) => c.group === "ALL" && c.column === "confidence")!.share).toBe(0.8);
  });

  it("gapMatrix(rows, fields, groupOf) counts rows of a null group in the total only, and breaks size ties by name", () => {
    const m = gapMatrix([...rows, {iso3: null, confidence: "High", grade: null, tech: null}], fields, (d) => d.iso3, {total: "ALL"});
    expect(m.groups[0]).toEqual({group: "ALL", sites: 6});
    expect(m.groups.map((g) => g.group)).toEqual(["ALL", "AUS", "IDN"]);
    const tie = gapMatrix([{g: "b", x: 1}, {g: "a", x: null}], [{column: "x", label: "X"}], (d) => d.g);
    expect(tie.groups.map((g) => g.group)).toEqual(["a", "b"]);
  });

  it("gapMatrix([], fields, groupOf, {total}) gives a total of zero sites and shares of 0", () => {
    const m = gapMatrix([], fields, () => "x", {total: "ALL"});
    expect(m.groups).toEqual([{group: "ALL", sites: 0}]);
    expect(m.cells.every((c) => c.share === 0 && c.withValue === 0)).toBe(true);
  });

  it("gapMatrix(rows, fields) throws RangeError for a field that names no column", () => {
    expect(() => gapMatrix(rows, [{column: "cost", label: "Cost"}], (d) => d.iso3)).toThrow(/no column "cost"/);
  });

  it("gapMatrix(rows, fields, groupOf, {total}) throws RangeError when the total's name is also a group", () => {
    expect(() => gapMatrix(rows, fields, (d) => d.iso3, {total: "AUS"})).toThrow(RangeError);
  });
});

describe("gapMatrixFromCounts and gapDifferences", () => {
  // The counts the Figure 7 query returns for the five rows above, by hand.
  const counts = [
    {grp: "ALL", sites: 5, confidence: 4, grade: 2, tech: 1},
    {grp: "AUS", sites: 3, confidence: 3, grade: 0, tech: 1},
    {grp: "IDN", sites: 2, confidence: 1, grade: 2, tech: 0}
  ];
  it("reads the rows in their order into the same matrix gapMatrix counts", () => {
    const fromCounts = gapMatrixFromCounts(counts, fields);
    expect(fromCounts).toEqual(gapMatrix(rows, fields, (d) => d.iso3, {total: "ALL"}));
    expect(fromCounts.cells[4]).toEqual({group: "AUS", column: "grade", sites: 3, withValue: 0, share: 0});
    expect(gapDifferences(fromCounts, gapMatrix(rows, fields, (d) => d.iso3, {total: "ALL"}))).toEqual({cells: [], sameGroups: true});
  });
  it("names the cells that differ and notices other groups", () => {
    const changed = gapMatrixFromCounts([counts[0]!, {...counts[1]!, tech: 2}], fields);
    const diff = gapDifferences(changed, gapMatrixFromCounts(counts, fields));
    expect(diff.cells.map((c) => `${c.group}/${c.column}`)).toEqual(["AUS/tech"]);
    expect(diff.sameGroups).toBe(false);
  });
  it("throws when a count is missing", () => {
    expect(() => gapMatrixFromCounts([{grp: "ALL", sites: 1, confidence: 1}], fields)).toThrow(/grade/);
  });
});
