import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {normaliseMineral, parseCriticalLists} from "../../lib/sources/policy-sources.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {criticalListsTable} from "../../lib/tables/critical-lists.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(criticalListsTable, read);
const list = (code: string, year: number, category = "critical") => rows.filter((r) => r.jurisdiction_code === code && r.list_year === year && r.category === category);

describe("criticalListsTable", () => {
  it("buildTable(criticalListsTable, read) gives 277 rows, with the item counts per list that PROVENANCE.md gives", () => {
    expect(rows).toHaveLength(277);
    expect(list("USA", 2022)).toHaveLength(50);
    expect(list("EU", 2020)).toHaveLength(30);
    expect(list("EU", 2023)).toHaveLength(34);
    expect(list("EU", 2024, "strategic")).toHaveLength(17);
    expect(list("CAN", 2021)).toHaveLength(31);
    expect(list("AUS", 2022)).toHaveLength(26);
    expect(list("AUS", 2023)).toHaveLength(30);
    expect(list("AUS", 2023, "strategic")).toHaveLength(6);
    expect(list("GBR", 2021)).toHaveLength(18);
    expect(list("GBR", 2021, "watchlist")).toHaveLength(5);
    expect(list("IND", 2023)).toHaveLength(30);
    expect(new Set(rows.map((r) => r.list_name)).size).toBe(11);
  });

  it("normaliseMineral(name) gives one lower-case name for the spellings lists use", () => {
    expect(normaliseMineral("Lithium")).toBe("lithium");
    expect(normaliseMineral("lithium")).toBe("lithium");
    expect(normaliseMineral("Lithium (Li)")).toBe("lithium");
    expect(normaliseMineral("Lithium - battery grade")).toBe("lithium");
    expect(normaliseMineral("Aluminum")).toBe("aluminium");
    expect(normaliseMineral("Bauxite/alumina/aluminium")).toBe("aluminium");
    expect(normaliseMineral("PGE")).toBe("platinum group metals");
    expect(normaliseMineral("Platinum group metals (PGMs)")).toBe("platinum group metals");
    expect(normaliseMineral("Rare-earth elements")).toBe("rare earth elements");
    expect(normaliseMineral("REE")).toBe("rare earth elements");
    expect(normaliseMineral("Heavy rare earth elements (HREEs)")).toBe("heavy rare earth elements");
    expect(normaliseMineral("Silicon metal")).toBe("silicon");
    expect(normaliseMineral("Phosphorous")).toBe("phosphorus");
    expect(normaliseMineral("Baryte")).toBe("baryte");
    expect(normaliseMineral("barite")).toBe("baryte");
    expect(normaliseMineral("Unobtainium")).toBeNull();
  });

  it("buildTable(criticalListsTable, read) lets lists be compared by mineral and by family (lithium on 9 lists, nickel on 7, US rare earths one by one)", () => {
    const listsWith = (mineral: string) => new Set(rows.filter((r) => r.mineral === mineral).map((r) => r.list_name)).size;
    // Lithium: every list but Australia's strategic materials and the UK watchlist (9 of 11).
    expect(listsWith("lithium")).toBe(9);
    // Nickel: US 2022, EU 2023, EU strategic, Canada, Australia strategic, UK watchlist, India (7).
    expect(rows.filter((r) => r.mineral === "nickel").map((r) => `${r.jurisdiction_code} ${r.list_year} ${r.category}`).sort()).toEqual([
      "AUS 2023 strategic", "CAN 2021 critical", "EU 2023 critical", "EU 2024 strategic", "GBR 2021 watchlist", "IND 2023 critical", "USA 2022 critical"
    ]);
    // The US names rare earths one by one; at the family level every critical list covers them.
    expect(list("USA", 2022).filter((r) => r.mineral_group === "rare earth elements")).toHaveLength(15);
    expect(list("EU", 2023).filter((r) => r.mineral_group === "rare earth elements").map((r) => r.mineral)).toEqual(["light rare earth elements", "heavy rare earth elements"]);
  });

  it("buildTable(criticalListsTable, read) keeps the list's own wording and order, and blank notes null", () => {
    expect(list("USA", 2022)[0]).toMatchObject({order_in_source: 1, mineral_as_listed: "Aluminum", mineral: "aluminium", published: "2022-02-24", jurisdiction: "United States"});
    expect(list("IND", 2023).find((r) => r.mineral_as_listed === "Phosphorous")).toMatchObject({mineral: "phosphorus", published: "2023-06"});
    expect(rows.filter((r) => r.notes === null)).toHaveLength(116);
    expect(rows.some((r) => r.notes === "")).toBe(false);
    expect(buildTable(criticalListsTable, read)).toEqual(rows);
  });
});

describe("parseCriticalLists on bad fixtures", () => {
  const header = "jurisdiction,jurisdiction_code,list_name,list_year,published,category,order_in_source,mineral_as_listed,official_source,official_url,transcribed_from_url,notes";
  const row = (order: string, mineral: string, code = "USA", listYear = "2022") => `United States,${code},Test list,${listYear},2022-02-24,critical,${order},${mineral},FR doc,https://example.org/list,,`;
  const parse = (lines: string[], head = header) => () => parseCriticalLists([head, ...lines].join("\n") + "\n", "bad-lists.csv");

  it("parseCriticalLists(text) accepts the good fixture", () => {
    expect(parse([row("1", "Lithium (Li)"), row("2", "Nickel - battery grade")])().map((r) => r.row.mineral)).toEqual(["lithium", "nickel"]);
  });

  it("parseCriticalLists(text) throws on a missing column, naming file, line and column", () => {
    expect(parse([row("1", "Lithium")], header.replace(",mineral_as_listed", ""))).toThrow('bad-lists.csv:1: column "mineral_as_listed", value null: required column is missing');
  });

  it("parseCriticalLists(text) throws on an unparseable number, naming file, line, column and value", () => {
    expect(parse([row("1", "Lithium"), row("second", "Cobalt")])).toThrow('bad-lists.csv:3: column "order_in_source", value "second": not a position in the list');
  });

  it("parseCriticalLists(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse([row("1", "Lithium", "USX")])).toThrow('bad-lists.csv:2: column "jurisdiction_code", value "USX": unknown country code');
  });

  it("parseCriticalLists(text) throws on a duplicate key: the same mineral twice in a list, however spelled", () => {
    expect(parse([row("1", "Lithium"), row("2", "lithium (Li)")])).toThrow('bad-lists.csv:3: column "mineral_as_listed", value "lithium (Li)": duplicate key: "lithium" is already on this list, line 2');
    expect(parse([row("1", "Lithium"), row("1", "Cobalt")])).toThrow('bad-lists.csv:3: column "order_in_source", value "1": duplicate key');
  });

  it("parseCriticalLists(text) throws on out-of-range values and unknown names", () => {
    expect(parse([row("0", "Lithium")])).toThrow('bad-lists.csv:2: column "order_in_source", value "0": a position in the list must lie in [1, 1000]');
    expect(parse([row("1", "Lithium", "USA", "1066")])).toThrow('bad-lists.csv:2: column "list_year", value "1066": a four-digit year must lie in [1800, 2100]');
    expect(parse([row("1", "Unobtainium")])).toThrow('bad-lists.csv:2: column "mineral_as_listed", value "Unobtainium": mineral name not in the normalisation table');
  });
});
