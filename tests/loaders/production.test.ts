import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseCrosswalk} from "../../lib/sources/crosswalk.ts";
import {parseUsgsValue, tidyMcsWorld} from "../../lib/sources/usgs-mcs.ts";

const sources = "data/sources";
const crosswalkFile = "reference/country_name_iso3_crosswalk.csv";
const crosswalk = parseCrosswalk(readFileSync(join(sources, crosswalkFile), "utf-8"), crosswalkFile);
const lithiumFile = "usgs_mcs/mcs2023/mcs2023-lithi_world.csv";
const lithiumText = readFileSync(join(sources, lithiumFile), "utf-8");

describe("parseUsgsValue", () => {
  it('parseUsgsValue(raw) reads "1,700", " 55300" and keeps W, NA and blanks missing', () => {
    expect(parseUsgsValue("1,700", "f", 2, "c")).toEqual({value: 1700, status: "reported", lowerBound: null});
    expect(parseUsgsValue(" 55300\u00a0", "f", 2, "c")).toEqual({value: 55300, status: "reported", lowerBound: null});
    expect(parseUsgsValue("W", "f", 2, "c")).toEqual({value: null, status: "withheld", lowerBound: null});
    expect(parseUsgsValue("NA", "f", 2, "c")).toEqual({value: null, status: "not available", lowerBound: null});
    expect(parseUsgsValue("XX", "f", 2, "c")).toEqual({value: null, status: "not applicable", lowerBound: null});
    expect(parseUsgsValue("", "f", 2, "c")).toEqual({value: null, status: "blank", lowerBound: null});
    expect(parseUsgsValue("    >9,100,000", "f", 2, "c")).toEqual({value: null, status: "lower bound", lowerBound: 9_100_000});
  });

  it("parseUsgsValue(raw) rejects malformed numbers and negative tonnages, naming file, line, column and value", () => {
    expect(() => parseUsgsValue("1,70", "f.csv", 3, "Prod_t_2021")).toThrow('f.csv:3: column "Prod_t_2021", value "1,70": not a number, ">" number, "W", "NA", "XX", "Included in World total." or blank');
    expect(() => parseUsgsValue("-5", "f.csv", 3, "Prod_t_2021")).toThrow(/cannot be negative/);
  });
});

describe("tidyMcsWorld", () => {
  const {production: rows, reserves} = tidyMcsWorld(lithiumText, lithiumFile, crosswalk);
  const get = (country: string, year: number) => rows.find((d) => d.country === country && d.year === year)!;

  it("tidyMcsWorld(text) reads Australia's 2021 lithium as 55,300 t, the MCS 2023 revision", () => {
    expect(get("Australia", 2021)).toMatchObject({iso3: "AUS", kind: "country", stage: "mine", value_t: 55_300, status: "reported", unit: "t Li content", source_line: 4});
  });

  it("tidyMcsWorld(text) keeps U.S. production withheld and missing, never zero", () => {
    expect(get("United States", 2021)).toMatchObject({value_t: null, status: "withheld"});
  });

  it("tidyMcsWorld(text) flags estimates from the column name and from the row note", () => {
    expect(get("Brazil", 2021)).toMatchObject({value_t: 1_700, status: "estimated"});
    expect(get("Chile", 2022)).toMatchObject({value_t: 39_000, status: "estimated"});
    expect(get("Chile", 2021).status).toBe("reported");
  });

  it("tidyMcsWorld(text) keeps aggregates apart from countries", () => {
    expect(get("Other countries", 2021)).toMatchObject({kind: "other", iso3: null});
    expect(rows.filter((d) => d.kind === "world").map((d) => [d.year, d.value_t])).toEqual([[2021, 107_000], [2022, 130_000]]);
  });

  it("tidyMcsWorld(text) reads reserves, Chile's as 9,300,000 t", () => {
    expect(reserves.find((d) => d.country === "Chile")).toMatchObject({value_t: 9_300_000, status: "reported", lower_bound_t: null});
  });

  it('tidyMcsWorld(text) keeps a ">" reserve as a lower bound with the value missing', () => {
    const file = "usgs_mcs/mcs2023/mcs2023-nicke_world.csv";
    const nickel = tidyMcsWorld(readFileSync(join(sources, file), "utf-8"), file, crosswalk);
    expect(nickel.reserves.find((d) => d.kind === "world")).toMatchObject({value_t: null, lower_bound_t: 100_000_000, status: "lower bound"});
  });

  it("tidyMcsWorld(text) throws on an unknown country name", () => {
    const bad = lithiumText.replace("MCS2023,Portugal,", "MCS2023,Portugal1,");
    expect(() => tidyMcsWorld(bad, lithiumFile, crosswalk)).toThrow(`${lithiumFile}:9: column "Country", value "Portugal1": country name not in the crosswalk`);
  });

  it("tidyMcsWorld(text) throws on a duplicate country", () => {
    const bad = lithiumText.replace("MCS2023,Portugal,", "MCS2023,Chile,");
    expect(() => tidyMcsWorld(bad, lithiumFile, crosswalk)).toThrow(/:9: column "Country", value "Chile": duplicate: mine production of Chile already stands on line 7/);
  });

  it("tidyMcsWorld(text) throws on a missing column", () => {
    const bad = lithiumText.replace("Source,Country,Type", "Source,Nation,Type");
    expect(() => tidyMcsWorld(bad, lithiumFile, crosswalk)).toThrow(/:1: column "Country".*required column is missing/);
  });

  it("tidyMcsWorld(text) throws when the edition in the file contradicts its name", () => {
    expect(() => tidyMcsWorld(lithiumText, "usgs_mcs/mcs2022/mcs2022-lithi_world.csv", crosswalk)).toThrow(/column "Source", value "MCS2023": expected MCS2022/);
  });
});
