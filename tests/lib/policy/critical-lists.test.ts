import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {listMatrix, type ListEntry} from "../../../lib/policy/critical-lists.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {criticalListsTable} from "../../../lib/tables/critical-lists.ts";

// EU: list A (2020, critical) lithium, nickel, dysprosium; list B (2023, critical) lithium, copper;
// list C (2024, strategic) nickel. USA: list D (2022, critical) lithium, neodymium.
const entry = (jurisdiction_code: string, list_name: string, list_year: number, category: string, mineral: string, mineral_group = mineral): ListEntry => ({
  jurisdiction_code,
  list_name,
  list_year,
  published: `${list_year}-03-01`,
  category,
  mineral,
  mineral_group
});
const rows: ListEntry[] = [
  entry("EU", "A", 2020, "critical", "lithium"),
  entry("EU", "A", 2020, "critical", "nickel"),
  entry("EU", "A", 2020, "critical", "dysprosium", "rare earth elements"),
  entry("EU", "B", 2023, "critical", "lithium"),
  entry("EU", "B", 2023, "critical", "copper"),
  entry("EU", "C", 2024, "strategic", "nickel"),
  entry("USA", "D", 2022, "critical", "lithium"),
  entry("USA", "D", 2022, "critical", "neodymium", "rare earth elements")
];
const states = (m: ReturnType<typeof listMatrix>) => m.cells.map((c) => [c.jurisdiction, c.mineral, c.state, c.since, c.lists.join("+")]);

describe("listMatrix", () => {
  it("listMatrix(rows) places each mineral family by the current list of each category, since its first list", () => {
    const m = listMatrix(rows);
    expect(m.jurisdictions).toEqual(["EU", "USA"]);
    expect(states(m)).toEqual([
      ["EU", "copper", "critical", 2023, "B"],
      ["EU", "lithium", "critical", 2020, "A+B"],
      ["USA", "lithium", "critical", 2022, "D"],
      ["EU", "nickel", "strategic", 2020, "A+C"], // off the 2023 critical list, on the strategic one
      ["EU", "rare earth elements", "dropped", 2020, "A"], // only on the superseded 2020 list
      ["USA", "rare earth elements", "critical", 2022, "D"]
    ]);
    expect(m.minerals).toEqual([
      {mineral: "lithium", jurisdictions: 2},
      {mineral: "copper", jurisdictions: 1},
      {mineral: "nickel", jurisdictions: 1},
      {mineral: "rare earth elements", jurisdictions: 1}
    ]);
  });

  it("listMatrix(rows, {asOf: 2021}) uses only the lists published by then", () => {
    const m = listMatrix(rows, {asOf: 2021});
    expect(m.jurisdictions).toEqual(["EU"]);
    expect(states(m)).toEqual([
      ["EU", "lithium", "critical", 2020, "A"],
      ["EU", "nickel", "critical", 2020, "A"],
      ["EU", "rare earth elements", "critical", 2020, "A"]
    ]);
  });

  it("listMatrix(rows, {level: \"mineral\"}) keeps single rare earths apart; a mineral only dropped comes last", () => {
    const m = listMatrix(rows, {level: "mineral"});
    expect(m.minerals.map((x) => x.mineral)).toEqual(["lithium", "copper", "neodymium", "nickel", "dysprosium"]);
    expect(m.minerals.at(-1)).toEqual({mineral: "dysprosium", jurisdictions: 0});
  });

  it("listMatrix(critical_lists) on the real lists: lithium is critical for all six jurisdictions", () => {
    const lists = buildTable(criticalListsTable, (p) => readFileSync("data/sources/" + p, "utf-8"));
    const m = listMatrix(lists);
    expect(m.jurisdictions).toEqual(["AUS", "CAN", "EU", "GBR", "IND", "USA"]);
    expect(m.minerals[0]!.jurisdictions).toBe(6);
    const lithium = m.cells.filter((c) => c.mineral === "lithium");
    expect(lithium.map((c) => [c.jurisdiction, c.state, c.since])).toEqual([
      ["AUS", "critical", 2022],
      ["CAN", "critical", 2021],
      ["EU", "critical", 2020],
      ["GBR", "critical", 2021],
      ["IND", "critical", 2023],
      ["USA", "critical", 2022]
    ]);
    // Helium: on Australia's 2022 list, off its December 2023 list.
    expect(m.cells.find((c) => c.mineral === "helium" && c.jurisdiction === "AUS")).toMatchObject({state: "dropped", since: 2022});
    // Nickel: on the UK's watchlist only.
    expect(m.cells.find((c) => c.mineral === "nickel" && c.jurisdiction === "GBR")).toMatchObject({state: "watchlist"});
  });
});
