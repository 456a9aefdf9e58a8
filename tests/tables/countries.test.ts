import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {CROSSWALK_FILE} from "../../lib/sources/crosswalk.ts";
import {countriesTable} from "../../lib/tables/countries.ts";
import {buildTable} from "../../lib/tables/define.ts";

const text = decodeSource(readFileSync("data/sources/" + CROSSWALK_FILE), CROSSWALK_FILE);
const rows = buildTable(countriesTable, () => text);

describe("countriesTable", () => {
  it("buildTable(countriesTable, read) lists each country the sources name once, with ISO codes", () => {
    expect(rows).toHaveLength(135);
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(rows.length);
    // ISO 3166-1: Australia 036, Indonesia 360, the Philippines 608; Kosovo has no ISO numeric code.
    expect(rows.find((r) => r.iso3 === "AUS")).toEqual({iso3: "AUS", iso_numeric: "036", iso_name: "Australia"});
    expect(rows.find((r) => r.iso3 === "IDN")!.iso_numeric).toBe("360");
    expect(rows.find((r) => r.iso3 === "PHL")!.iso_numeric).toBe("608");
    expect(rows.find((r) => r.iso3 === "XKX")!.iso_numeric).toBeNull();
  });

  it("stops, naming the line, when two sources pair a code with two numbers", () => {
    const line = text.trimEnd().split("\n").length + 1;
    const bad = text.trimEnd() + "\nusgs_mcs,Australia again,AUS,037,Australia,country,\n";
    expect(() => buildTable(countriesTable, () => bad)).toThrow(new RegExp(`${CROSSWALK_FILE}:${line}.*iso_numeric.*037.*AUS is paired with 036`));
  });
});
