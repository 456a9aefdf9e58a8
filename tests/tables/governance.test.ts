import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {CROSSWALK_FILE, parseCrosswalk} from "../../lib/sources/crosswalk.ts";
import {decodeSource} from "../../lib/sources/decode.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {governanceTable} from "../../lib/tables/governance.ts";
import {parseWgi} from "../../lib/sources/wgi.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(governanceTable, read);
const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
const get = (code: string, year: number, indicator: string) => rows.find((r) => r.wgi_code === code && r.year === year && r.indicator === indicator)!;

describe("governanceTable", () => {
  it("buildTable(governanceTable, read) gives 214 economies x 25 years x 6 indicators = 32,100 rows, each once", () => {
    expect(rows).toHaveLength(32_100);
    expect(new Set(rows.map((r) => r.wgi_code)).size).toBe(214);
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    expect(years).toHaveLength(25);
    expect(years.slice(0, 4)).toEqual([1996, 1998, 2000, 2002]);
    expect(years.at(-1)).toBe(2023);
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(["va", "pv", "ge", "rq", "rl", "cc"]));
    expect(new Set(rows.map((r) => `${r.wgi_code}|${r.year}|${r.indicator}`)).size).toBe(32_100);
  });

  it("buildTable(governanceTable, read) reads Australia's control of corruption 2021 as 1.71 (2024 vintage, not the 1.74 of 2022)", () => {
    expect(get("AUS", 2021, "cc")).toEqual({
      iso3: "AUS", wgi_code: "AUS", country: "Australia", year: 2021, indicator: "cc", indicator_name: "Control of corruption",
      estimate: 1.71, stddev: 0.16, nsource: 9, pctrank: 94.8, pctrank_lower: 89.0, pctrank_upper: 96.7
    });
  });

  it("buildTable(governanceTable, read) maps the non-ISO WGI codes through the crosswalk: ZAR -> COD, ROM -> ROU, ...", () => {
    const iso = (code: string) => rows.find((r) => r.wgi_code === code)!.iso3;
    expect(iso("ZAR")).toBe("COD");
    expect(iso("ROM")).toBe("ROU");
    expect(iso("ADO")).toBe("AND");
    expect(iso("TMP")).toBe("TLS");
    expect(iso("WBG")).toBe("PSE");
    expect(iso("KSV")).toBe("XKX");
    expect(iso("ANT")).toBeNull(); // the former Netherlands Antilles has no current code
    const mapped = new Set(["ZAR", "ROM", "ADO", "TMP", "WBG", "KSV", "ANT"]);
    expect(rows.filter((r) => !mapped.has(r.wgi_code) && r.iso3 !== r.wgi_code)).toEqual([]);
    expect(rows.filter((r) => r.iso3 === null)).toHaveLength(25 * 6);
  });

  it('buildTable(governanceTable, read) keeps ".." null, never 0: as many null estimates as ".." in the file', () => {
    const raw = read("governance/wgi_2024update_1996_2023_long.csv").trim().split(/\r?\n/).slice(1);
    // The estimate is the sixth field from the end (names such as "Congo, Dem. Rep." hold commas).
    const dots = raw.filter((line) => line.split(",").at(-6) === "..").length;
    expect(dots).toBe(1126);
    expect(rows.filter((r) => r.estimate === null)).toHaveLength(dots);
    expect(get("ASM", 1996, "cc")).toMatchObject({estimate: null, stddev: null, nsource: null, pctrank: null, pctrank_lower: null, pctrank_upper: null});
    // A real zero stays a zero: the lowest percentile rank is 0.
    expect(rows.some((r) => r.pctrank === 0)).toBe(true);
  });

  it("buildTable(governanceTable, read) sorts rows by code, indicator (va, pv, ge, rq, rl, cc) and year, the same on every build", () => {
    expect(rows[0]).toMatchObject({wgi_code: "ABW", indicator: "va", year: 1996});
    expect(rows[25]).toMatchObject({wgi_code: "ABW", indicator: "pv", year: 1996});
    expect(buildTable(governanceTable, read)).toEqual(rows);
  });
});

describe("parseWgi on bad fixtures", () => {
  const header = "codeindyr,code,countryname,year,indicator,estimate,stddev,nsource,pctrank,pctranklower,pctrankupper";
  const good = "AUScc2021,AUS,Australia,2021,cc,1.71,0.16,9,94.8,89.0,96.7";
  const parse = (lines: string[]) => () => parseWgi([header, ...lines].join("\n") + "\n", "bad-wgi.csv", crosswalk);

  it("parseWgi(text) accepts the good fixture row", () => {
    expect(parse([good])()[0]).toMatchObject({line: 2, row: {iso3: "AUS", estimate: 1.71}});
  });

  it("parseWgi(text) throws on a missing column, naming file, line and column", () => {
    expect(() => parseWgi("codeindyr,code,countryname,year,indicator,stddev,nsource,pctrank,pctranklower,pctrankupper\nx", "bad-wgi.csv", crosswalk)).toThrow(
      'bad-wgi.csv:1: column "estimate", value null: required column is missing'
    );
  });

  it("parseWgi(text) throws on an unparseable number, naming file, line, column and value", () => {
    expect(parse([good, "AUScc2022,AUS,Australia,2022,cc,1.7x,0.16,9,94.8,89.0,96.7"])).toThrow('bad-wgi.csv:3: column "estimate", value "1.7x": not a governance estimate');
  });

  it("parseWgi(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse(["XYZcc2021,XYZ,Nowhere,2021,cc,0.1,0.2,3,50,40,60"])).toThrow('bad-wgi.csv:2: column "code", value "XYZ": unknown country code');
  });

  it("parseWgi(text) throws on a duplicate key, naming file, line, column and value", () => {
    expect(parse([good, good])).toThrow('bad-wgi.csv:3: column "codeindyr", value "AUScc2021": duplicate key: already on line 2');
  });

  it("parseWgi(text) throws on out-of-range values (an estimate in percent, a rank above 100)", () => {
    expect(parse(["AUScc2021,AUS,Australia,2021,cc,171,0.16,9,94.8,89.0,96.7"])).toThrow('bad-wgi.csv:2: column "estimate", value "171": a governance estimate (standard-normal units, within -5..5) must lie in [-5, 5]');
    expect(parse(["AUScc2021,AUS,Australia,2021,cc,1.71,0.16,9,194.8,89.0,96.7"])).toThrow('bad-wgi.csv:2: column "pctrank", value "194.8"');
  });

  it("parseWgi(text) throws on an unknown indicator and on a key that does not match its row", () => {
    expect(parse(["AUSxx2021,AUS,Australia,2021,xx,1.71,0.16,9,94.8,89.0,96.7"])).toThrow('bad-wgi.csv:2: column "indicator", value "xx": must be one of: va, pv, ge, rq, rl, cc');
    expect(parse(["AUScc2020,AUS,Australia,2021,cc,1.71,0.16,9,94.8,89.0,96.7"])).toThrow('bad-wgi.csv:2: column "codeindyr", value "AUScc2020"');
  });
});
