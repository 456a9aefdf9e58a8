import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {checkBlock, parseIeaSupply} from "../../lib/sources/iea-explorer.ts";
import {lineOfPath} from "../../lib/sources/json-source.ts";
import {SourceError} from "../../lib/sources/source-error.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {IEA_SUPPLY_FILE, ieaSupplyTable} from "../../lib/tables/iea-supply.ts";
import {ieaSupplyChecksTable} from "../../lib/tables/iea-supply-checks.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const text = read(IEA_SUPPLY_FILE);
const rows = buildTable(ieaSupplyTable, read);
const checks = buildTable(ieaSupplyChecksTable, read);
const value = (mineral: string, tier: string, year: number, country: string) => rows.find((r) => r.mineral === mineral && r.tier === tier && r.year === year && r.country === country)!.value_kt;
const check = (mineral: string, tier: string, year: number) => checks.find((c) => c.mineral === mineral && c.tier === tier && c.year === year)!;

/** The source with one change made to its parsed JSON, as text. */
function edited(change: (json: any) => void): string {
  const json = JSON.parse(text);
  change(json);
  return JSON.stringify(json, null, 2);
}
const parseText = (t: string) => () => parseIeaSupply(t, "bad-iea.json");
const buildFrom = (t: string) => () => buildTable(ieaSupplyChecksTable, (p) => (p === IEA_SUPPLY_FILE ? t : read(p)));

describe("ieaSupplyTable and ieaSupplyChecksTable", () => {
  it("buildTable gives 292 values (6 minerals x 2 tiers x 4 years, five to seven rows a block) and 48 checked blocks", () => {
    expect(rows).toHaveLength(292);
    expect(checks).toHaveLength(48);
    expect([...new Set(rows.map((r) => r.mineral))]).toEqual(["cobalt", "copper", "graphite", "lithium", "magnet rare earths", "nickel"]);
    expect([...new Set(rows.map((r) => r.year))]).toEqual([2024, 2030, 2035, 2040]);
    // Nickel mining: Indonesia, Philippines, New Caledonia, Russia, Canada, Australia, Rest of world, in the file's order.
    expect(rows.filter((r) => r.mineral === "nickel" && r.tier === "mining" && r.year === 2024).map((r) => r.country)).toEqual(["Indonesia", "Philippines", "New Caledonia", "Russia", "Canada", "Australia", "Rest of world"]);
    expect(rows.filter((r) => r.year === 2024).every((r) => r.basis === "IEA estimate for 2024")).toBe(true);
    expect(rows.filter((r) => r.year === 2040).every((r) => r.basis === "IEA base case (projection)")).toBe(true);
  });

  it("reads lithium 2024 as published: China refines 169.68 of 241.61 kt (70.2 %) and mines 56.86 of 255.45 kt (22.3 %)", () => {
    expect(value("lithium", "refining", 2024, "China")).toBe(169.67759096410308);
    expect(check("lithium", "refining", 2024).total_kt).toBe(241.6117526503776);
    expect(169.67759096410308 / 241.6117526503776).toBeCloseTo(0.7023, 4);
    expect(value("lithium", "mining", 2024, "China")).toBe(56.857756170999984);
    expect(56.857756170999984 / 255.4479525024).toBeCloseTo(0.2226, 4);
    expect(check("lithium", "refining", 2024).status).toBe("adds up");
    expect(rows.find((r) => r.mineral === "lithium" && r.country === "Chile" && r.year === 2024 && r.tier === "mining")).toMatchObject({iso3: "CHL", unit: "kt Li", source_path: "supply.Lithium.mining.countries.Chile.2024"});
  });

  it("nickel mining 2024: the rows add up to 3,961 kt against 3,861; the 100 kt are Australia's, which Rest of world (629 = 3,861 - 3,232) already holds", () => {
    // By hand: 2,463 + 345 + 116 + 190 + 118 + 100 + 629 = 3,961; 3,861 - (2,463 + 345 + 116 + 190 + 118) = 629.
    expect(check("nickel", "mining", 2024)).toMatchObject({
      total_kt: 3861,
      rows_sum_kt: 3961,
      difference_kt: 100,
      status: "one country counted twice",
      counted_twice: "Australia",
      rest_of_world_kt: 629,
      rest_of_world_net_kt: 529
    });
    // The stated top-3 share is Indonesia, Philippines and Russia over the stated total: (2,463 + 345 + 190) / 3,861.
    expect(check("nickel", "mining", 2024).top3_share_stated).toBeCloseTo(2998 / 3861, 12);
    expect(rows.filter((r) => r.also_in_rest_of_world && r.mineral === "nickel" && r.tier === "mining").map((r) => `${r.country} ${r.year}`)).toEqual(["Australia 2024", "Australia 2030", "Australia 2035", "Australia 2040"]);
    expect(value("nickel", "mining", 2024, "Australia")).toBe(100);
  });

  it("nickel refining 2024: 3,596.797 kt of rows against 3,483.697; the 113.1 kt are Canada's", () => {
    // 1,493.2 + 1,091.077 + 62 + 80 + 126 + 113.1 + 631.42 = 3,596.797.
    expect(check("nickel", "refining", 2024)).toMatchObject({rows_sum_kt: 3596.797, difference_kt: 113.1, counted_twice: "Canada", rest_of_world_kt: 631.4200000000001, rest_of_world_net_kt: 518.32});
    // 631.4200000000001 is the value as the file stores it (the workbook's float), kept as published.
    expect(check("nickel", "refining", 2024).total_kt).toBe(3483.697);
  });

  it("graphite refining 2030: the IEA's top-3 share counts the United States (32.0 kt), not Germany (43.4 kt), the country counted twice", () => {
    const c = check("graphite", "refining", 2030);
    expect(c.counted_twice).toBe("Germany");
    expect(c.difference_kt).toBeCloseTo(43.449249164, 8);
    const withUs = (3854.369306018856 + 158.60252017969003 + 32.02385459210982) / 4427.100558404638;
    const withGermany = (3854.369306018856 + 158.60252017969003 + 43.44924916404202) / 4427.100558404638;
    expect(c.top3_share_stated).toBeCloseTo(withUs, 12);
    expect(c.top3_share_stated).not.toBeCloseTo(withGermany, 4);
    // In 2024 Germany's 0 hides the double count: that year adds up.
    expect(check("graphite", "refining", 2024).status).toBe("adds up");
  });

  it("only nickel and graphite blocks fail to add up: 15 of 48, each by one country's value", () => {
    const off = checks.filter((c) => c.status !== "adds up");
    expect(off.map((c) => `${c.mineral} ${c.tier} ${c.year} ${c.counted_twice}`)).toEqual([
      "graphite mining 2024 Tanzania",
      "graphite mining 2030 Tanzania",
      "graphite mining 2035 Tanzania",
      "graphite mining 2040 Tanzania",
      "graphite refining 2030 Germany",
      "graphite refining 2035 Germany",
      "graphite refining 2040 Germany",
      "nickel mining 2024 Australia",
      "nickel mining 2030 Australia",
      "nickel mining 2035 Australia",
      "nickel mining 2040 Australia",
      "nickel refining 2024 Canada",
      "nickel refining 2030 Canada",
      "nickel refining 2035 Canada",
      "nickel refining 2040 Canada"
    ]);
    for (const c of checks) {
      const named = rows.filter((r) => r.mineral === c.mineral && r.tier === c.tier && r.year === c.year && r.kind === "country");
      const twice = named.find((r) => r.also_in_rest_of_world);
      expect(c.difference_kt!, `${c.mineral} ${c.tier} ${c.year}`).toBeCloseTo(twice?.value_kt ?? 0, 6);
      expect(c.rest_of_world_net_kt!).toBeCloseTo(c.total_kt - named.reduce((s, r) => s + r.value_kt!, 0), 6);
    }
  });

  it("keeps the notes held as countries out, and the IEA's zeros as zeros", () => {
    const {notes} = parseIeaSupply(text, IEA_SUPPLY_FILE);
    expect(notes.map((n) => n.path.split(".").slice(0, 3).join("."))).toEqual(["supply.Rare Earth Elements.mining", "supply.Rare Earth Elements.mining"]);
    expect(notes[0]!.text).toMatch(/^Notes: Supply projections/);
    expect(rows.filter((r) => r.mineral === "magnet rare earths" && r.tier === "mining" && r.year === 2024)).toHaveLength(5);
    expect(value("graphite", "refining", 2024, "Canada")).toBe(0);
    expect(rows.some((r) => r.value_kt === null)).toBe(false);
  });

  it("names the line of each value's key: Australia's nickel mining row is at line 1503", () => {
    expect(lineOfPath(text, ["supply", "Nickel", "mining", "countries", "Australia"])).toBe(1503);
    expect(text.split("\n")[1502]).toMatch(/"Australia": \{/);
    expect(rows.find((r) => r.mineral === "nickel" && r.tier === "mining" && r.country === "Australia")!.source_line).toBe(1503);
  });
});

describe("parseIeaSupply and checkBlock on bad fixtures", () => {
  it("parseIeaSupply(text) throws on text that is not JSON", () => {
    expect(parseText("{ not json")).toThrow(SourceError);
    expect(parseText("{ not json")).toThrow(/bad-iea\.json:1: column "\(json\)".*not valid JSON/);
  });

  it("parseIeaSupply(text) throws on a country it does not know, naming the path and line", () => {
    const t = edited((j) => (j.supply.Lithium.mining.countries.Atlantis = {2024: 1, 2030: 1, 2035: 1, 2040: 1}));
    expect(parseText(t)).toThrow(/column "supply\.Lithium\.mining\.countries\.Atlantis", value "Atlantis": not a country this parser knows/);
    expect(parseText(t)).toThrow(new RegExp(`bad-iea\\.json:${lineOfPath(t, ["supply", "Lithium", "mining", "countries", "Atlantis"])}:`));
  });

  it("parseIeaSupply(text) throws on a negative or non-numeric value, naming path and value", () => {
    expect(parseText(edited((j) => (j.supply.Nickel.refining.countries.China["2030"] = -5)))).toThrow(/column "supply\.Nickel\.refining\.countries\.China\.2030", value -5: must be a number >= 0/);
    expect(parseText(edited((j) => (j.supply.Nickel.refining.countries.China["2030"] = "1,480")))).toThrow(/value "1,480": must be a number >= 0/);
  });

  it("parseIeaSupply(text) throws on a missing total, a missing tier and a wrong year", () => {
    expect(parseText(edited((j) => delete j.supply.Cobalt.refining.total))).toThrow(/column "supply\.Cobalt\.refining\.total", value null: the total is required/);
    expect(parseText(edited((j) => delete j.supply.Copper.refining))).toThrow(/column "supply\.Copper\.refining".*the refining tier is required/);
    expect(parseText(edited((j) => (j.supply.Copper.mining.total = {2024: 1, 2031: 1, 2035: 1, 2040: 1})))).toThrow(/the years must be 2024, 2030, 2035, 2040/);
  });

  it("a missing value stays missing: the block is not checked and its sums are null, not computed with a 0", () => {
    const t = edited((j) => (j.supply.Lithium.refining.countries.Chile["2024"] = null));
    const parsed = parseIeaSupply(t, "bad-iea.json");
    const block = parsed.blocks.find((b) => b.mineral === "lithium" && b.tier === "refining" && b.year === 2024)!;
    expect(block.values.find((v) => v.country === "Chile")!.value).toBeNull();
    expect(checkBlock(block, "bad-iea.json")).toMatchObject({status: "not checked: a value is missing", rowsSum: null, restOfWorldNet: null, missing: ["Chile"]});
  });

  it("checkBlock stops the build on a difference no single country explains, and on rows short of the total", () => {
    expect(buildFrom(edited((j) => (j.supply.Lithium.mining.total["2024"] = 250)))).toThrow(/supply\.Lithium\.mining \(2024\): the rows add up to 255\.4479525\d* kt against a stated total of 250 kt.*no single named country/);
    expect(buildFrom(edited((j) => (j.supply.Lithium.mining.total["2024"] = 260)))).toThrow(/short of the total/);
    // Nickel mining with Rest of world at 639 instead of 629: the 110 kt difference matches no country.
    expect(buildFrom(edited((j) => (j.supply.Nickel.mining.countries["Rest of world"]["2024"] = 639)))).toThrow(/supply\.Nickel\.mining\.total\.2024.*difference 110 kt/);
  });

  it("checkBlock stops the build when two countries could explain the difference, or the stated top-3 share disagrees", () => {
    // Canada's nickel mining set to Australia's 100 kt: either could be the one counted twice.
    expect(buildFrom(edited((j) => ((j.supply.Nickel.mining.countries.Canada["2024"] = 100), (j.supply.Nickel.mining.total["2024"] = 3843), (j.supply.Nickel.mining.top3Share["2024"] = 2998 / 3843))))).toThrow(/explained by several countries \(Canada, Australia\)/);
    expect(buildFrom(edited((j) => (j.supply.Copper.mining.top3Share["2024"] = 0.5)))).toThrow(/supply\.Copper\.mining\.top3Share\.2024", value 0\.5: .*the stated top-3 share differs/);
  });
});
