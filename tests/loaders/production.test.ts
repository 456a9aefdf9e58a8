import {readFileSync} from "node:fs";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {CROSSWALK_FILE, parseCrosswalk} from "../../lib/sources/crosswalk.ts";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parseUsgsValue, tidyMcsWorld} from "../../lib/sources/usgs-mcs.ts";

const sources = "data/sources";
const read = (file: string) => decodeSource(readFileSync(join(sources, file)), file);
const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
const lithiumFile = "usgs_mcs/mcs2023/mcs2023-lithi_world.csv";
const lithiumText = read(lithiumFile);

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

  it('parseUsgsValue(raw) takes numbers only as the USGS writes them: "55.300" (a European thousands dot) and decimals are errors, not 55.3', () => {
    for (const raw of ["55.300", "1.040.000", "55300.0", "1,700.5", "1 700", "+5", "1e3", ">1.5"]) {
      expect(() => parseUsgsValue(raw, "f.csv", 3, "Prod_t_2021"), raw).toThrow(`f.csv:3: column "Prod_t_2021", value ${JSON.stringify(raw)}: not a number`);
    }
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
    const nickel = tidyMcsWorld(read(file), file, crosswalk);
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

  it("tidyMcsWorld(text) throws on a missing value column of the edition, naming it", () => {
    const cobalt = "usgs_mcs/mcs2023/mcs2023-cobal_world.csv";
    const text = read(cobalt);
    const dropColumn = (t: string, index: number) => csvFormatRows(csvParseRows(t).map((row) => row.filter((_, i) => i !== index))) + "\n";
    expect(() => tidyMcsWorld(dropColumn(text, 3), cobalt, crosswalk)).toThrow(`${cobalt}:1: column "Prod_t_2021", value null: required column is missing: MCS2023 gives production for 2021 and 2022`);
    expect(() => tidyMcsWorld(lithiumText.replace("Reserves_t,", "Reserve_t,"), lithiumFile, crosswalk)).toThrow(`${lithiumFile}:1: column "Reserves_t", value null: required column is missing: MCS2023 gives reserves`);
    expect(() => tidyMcsWorld(lithiumText.replace("Prod_t_2021,", "Prod_t_2020,"), lithiumFile, crosswalk)).toThrow(`${lithiumFile}:1: column "Prod_t_2021", value null: required column is missing`);
  });

  it("tidyMcsWorld(text) throws on a column the edition does not have", () => {
    const bad = lithiumText.replace(/\r\n/g, ",\r\n").replace("Reserves_notes,", "Reserves_notes,Capacity");
    expect(() => tidyMcsWorld(bad, lithiumFile, crosswalk)).toThrow(`${lithiumFile}:1: column "Capacity", value "Capacity": not a column of the MCS2023 world tables`);
  });

  it("tidyMcsWorld(text) throws when the file lost its World total row, or its refinery section", () => {
    const lines = lithiumText.split("\r\n");
    const withoutWorld = lines.slice(0, -2).join("\r\n") + "\r\n";
    expect(() => tidyMcsWorld(withoutWorld, lithiumFile, crosswalk)).toThrow(`${lithiumFile}:11: column "Country", value "Other countries": the mine production rows must end with the World total row, and there is none`);
    const copper = "usgs_mcs/mcs2023/mcs2023-coppe_world.csv";
    const mineOnly = read(copper).split("\r\n").slice(0, 19).join("\r\n") + "\r\n";
    expect(() => tidyMcsWorld(mineOnly, copper, crosswalk)).toThrow(`${copper}:19: column "Type", value null: no refinery production rows: the copper world table gives mine and refinery production`);
    const refinery = lithiumText.replace('MCS2023,Portugal,"Mine production, lithium content"', 'MCS2023,Portugal,"Refinery production"');
    expect(() => tidyMcsWorld(refinery, lithiumFile, crosswalk)).toThrow(`${lithiumFile}:9: column "Type", value "Refinery production": the lithium world table has mine production only`);
  });

  it("tidyMcsWorld(text) throws when the edition in the file contradicts its name", () => {
    expect(() => tidyMcsWorld(lithiumText, "usgs_mcs/mcs2022/mcs2022-lithi_world.csv", crosswalk)).toThrow(/column "Source", value "MCS2023": expected MCS2022/);
  });
});
