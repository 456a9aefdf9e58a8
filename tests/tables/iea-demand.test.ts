import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {lineOfPath} from "../../lib/sources/json-source.ts";
import {parseIeaDemand} from "../../lib/sources/iea-demand.ts";
import {SourceError} from "../../lib/sources/source-error.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {IEA_DEMAND_FILE, ieaDemandTable} from "../../lib/tables/iea-demand.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const text = read(IEA_DEMAND_FILE);
const rows = buildTable(ieaDemandTable, read);
const value = (mineral: string, sector: string, scenario: string, year: number) => rows.find((r) => r.mineral === mineral && r.sector === sector && r.scenario === scenario && r.year === year)!.value_kt;

/** The source with one change made to its parsed JSON, as text. */
function edited(change: (json: any) => void): string {
  const json = JSON.parse(text);
  change(json);
  return JSON.stringify(json, null, 2);
}
const parseText = (t: string) => () => parseIeaDemand(t, "bad-iea.json");

describe("ieaDemandTable", () => {
  it("buildTable gives 224 values: lithium 5 series and nickel 9, each 2024 plus 3 scenarios x 5 years", () => {
    // lithium: EVs, grid storage, total clean, other uses, total demand = 5 x 16 = 80;
    // nickel: 6 technologies + the 3 totals = 9 x 16 = 144.
    expect(rows).toHaveLength(224);
    expect(rows.filter((r) => r.mineral === "lithium")).toHaveLength(80);
    expect([...new Set(rows.map((r) => r.year))]).toEqual([2024, 2030, 2035, 2040, 2045, 2050]);
    expect([...new Set(rows.map((r) => r.scenario))]).toEqual(["reported", "STEPS", "APS", "NZE"]);
    expect(rows.filter((r) => r.year === 2024).every((r) => r.scenario === "reported" && r.basis === "IEA value for 2024 (all scenarios)")).toBe(true);
    expect(rows.filter((r) => r.year !== 2024).every((r) => r.scenario !== "reported" && r.basis === `IEA ${r.scenario} scenario (projection)`)).toBe(true);
    expect([...new Set(rows.filter((r) => r.mineral === "nickel").map((r) => r.sector))]).toEqual([
      "Solar PV",
      "Wind",
      "Other low emissions power generation",
      "Electric vehicles",
      "Grid battery storage",
      "Hydrogen technologies",
      "Total clean technologies",
      "Other uses",
      "Total demand"
    ]);
    // only the IEA's own years: no interpolated row
    expect(rows.some((r) => r.year % 5 !== 0 && r.year !== 2024)).toBe(false);
    expect(rows.some((r) => r.value_kt === null)).toBe(false);
  });

  it("reads the IEA's values as published: lithium for EVs 109.026 kt in 2024, 930.291 (STEPS) to 1,546.5 kt (NZE) in 2050", () => {
    expect(value("lithium", "Electric vehicles", "reported", 2024)).toBe(109.026);
    expect(value("lithium", "Electric vehicles", "STEPS", 2050)).toBe(930.291);
    expect(value("lithium", "Electric vehicles", "NZE", 2050)).toBe(1546.5);
    expect(value("lithium", "Total demand", "reported", 2024)).toBe(205);
    expect(value("nickel", "Total demand", "reported", 2024)).toBe(3371.0937350845497);
    expect(value("nickel", "Total demand", "APS", 2040)).toBe(6233.430156149867);
    expect(rows.find((r) => r.mineral === "lithium" && r.sector === "Electric vehicles" && r.scenario === "APS" && r.year === 2030)).toMatchObject({
      part: "clean technology",
      unit: "kt Li",
      source_path: "totalDemand.Lithium.sectors.Electric vehicles.APS.2030",
      source_file: "supply/iea_critical_minerals_data_explorer_2025.json",
      source_line: lineOfPath(text, ["totalDemand", "Lithium", "sectors", "Electric vehicles"])
    });
    expect(text.split("\n")[rows.find((r) => r.mineral === "nickel" && r.sector === "Wind")!.source_line - 1]).toMatch(/"Wind": \{/);
  });

  it("the parts add up by hand: lithium 2024, EVs 109.026 + grid 18.975 = 128.001 clean, + 76.999 other uses = 205 total", () => {
    expect(value("lithium", "Electric vehicles", "reported", 2024)! + value("lithium", "Grid battery storage", "reported", 2024)!).toBeCloseTo(128.001, 9);
    expect(value("lithium", "Total clean technologies", "reported", 2024)).toBe(128.001);
    expect(value("lithium", "Other uses", "reported", 2024)).toBe(76.999);
    for (const mineral of ["lithium", "nickel"]) {
      for (const r of rows.filter((x) => x.mineral === mineral && x.sector === "Total demand")) {
        const clean = value(mineral, "Total clean technologies", r.scenario, r.year)!;
        expect(clean + value(mineral, "Other uses", r.scenario, r.year)!).toBeCloseTo(r.value_kt!, 9);
        const sectors = rows.filter((x) => x.mineral === mineral && x.part === "clean technology" && x.scenario === r.scenario && x.year === r.year).reduce((s, x) => s + x.value_kt!, 0);
        expect(Math.abs(sectors - clean)).toBeLessThan(0.01); // sectors to six significant figures
      }
    }
  });

  it("parseIeaDemand checks every year: the clean-energy share is the clean total over total demand", () => {
    const {checks} = parseIeaDemand(text, IEA_DEMAND_FILE);
    expect(checks).toHaveLength(2 * 16);
    expect(checks.every((c) => c.status === "adds up")).toBe(true);
    expect(checks.find((c) => c.mineral === "lithium" && c.scenario === "reported")!.cleanShare).toBeCloseTo(128.001 / 205, 12);
  });
});

describe("parseIeaDemand on bad input", () => {
  it("throws on text that is not JSON, and on a missing demand part", () => {
    expect(parseText("{ not json")).toThrow(SourceError);
    expect(parseText("{ not json")).toThrow(/bad-iea\.json:1: column "\(json\)".*not valid JSON/);
    expect(parseText(edited((j) => delete j.totalDemand))).toThrow(/column "totalDemand", value null: the demand part \(totalDemand\) is required/);
    expect(parseText(edited((j) => delete j.totalDemand.Nickel))).toThrow(/column "totalDemand\.Nickel".*mineral Nickel is required/);
  });

  it("throws on a negative or text value, naming the JSON path and its line", () => {
    const t = edited((j) => (j.totalDemand.Lithium.sectors["Electric vehicles"].NZE["2040"] = -1));
    const line = lineOfPath(t, ["totalDemand", "Lithium", "sectors", "Electric vehicles", "NZE", "2040"]);
    expect(line).toBeGreaterThan(1);
    expect(parseText(t)).toThrow(new RegExp(`bad-iea\\.json:${line}: column "totalDemand\\.Lithium\\.sectors\\.Electric vehicles\\.NZE\\.2040", value -1: must be a number >= 0`));
    expect(parseText(edited((j) => (j.totalDemand.Nickel.totalDemand.STEPS["2030"] = "4,388")))).toThrow(/column "totalDemand\.Nickel\.totalDemand\.STEPS\.2030", value "4,388": must be a number >= 0/);
  });

  it("throws on an unknown sector, a missing scenario, a year out of place and an unknown key", () => {
    expect(parseText(edited((j) => (j.totalDemand.Lithium.sectors.Atlantis = j.totalDemand.Lithium.sectors["Grid battery storage"])))).toThrow(
      /column "totalDemand\.Lithium\.sectors\.Atlantis", value "Atlantis": not a sector this parser knows/
    );
    expect(parseText(edited((j) => delete j.totalDemand.Nickel.otherUses.APS))).toThrow(/column "totalDemand\.Nickel\.otherUses\.APS", value null: the key APS is required/);
    expect(parseText(edited((j) => (j.totalDemand.Nickel.otherUses.APS = {2030: 1, 2035: 1, 2040: 1, 2045: 1, 2055: 1})))).toThrow(/column "totalDemand\.Nickel\.otherUses\.APS\.2055", value "2055": unknown year/);
    expect(parseText(edited((j) => (j.totalDemand.Lithium.recycling = {})))).toThrow(/column "totalDemand\.Lithium\.recycling".*unknown key/);
    expect(parseText(edited((j) => (j.totalDemand.Lithium.cleanShare["2024"] = 1.5)))).toThrow(/cleanShare\.2024", value 1\.5: a share must lie between 0 and 1/);
  });

  it("throws when the sectors miss their total by more than rounding, or the totals disagree", () => {
    expect(parseText(edited((j) => (j.totalDemand.Lithium.totalClean.STEPS["2030"] = 370)))).toThrow(/column "totalDemand\.Lithium\.totalClean\.STEPS\.2030", value 370: the sectors add up to 368\.72\d* kt against a stated total of 370 kt/);
    expect(parseText(edited((j) => (j.totalDemand.Nickel.totalDemand.NZE["2050"] = 7600)))).toThrow(/totalDemand\.Nickel\.totalDemand\.NZE\.2050", value 7600: totalClean \+ otherUses is/);
  });

  it("a missing value stays missing: the row's value is null and its year is not checked", () => {
    const t = edited((j) => (j.totalDemand.Nickel.sectors.Wind.APS["2045"] = null));
    const {values, checks} = parseIeaDemand(t, "bad-iea.json");
    expect(values.find((v) => v.mineral === "nickel" && v.sector === "Wind" && v.scenario === "APS" && v.year === 2045)!.value).toBeNull();
    expect(checks.find((c) => c.mineral === "nickel" && c.scenario === "APS" && c.year === 2045)).toMatchObject({status: "not checked: a value is missing", sectorsSum: null});
    const built = buildTable(ieaDemandTable, (p) => (p === IEA_DEMAND_FILE ? t : read(p)));
    expect(built.find((r) => r.mineral === "nickel" && r.sector === "Wind" && r.scenario === "APS" && r.year === 2045)!.value_kt).toBeNull();
  });
});
