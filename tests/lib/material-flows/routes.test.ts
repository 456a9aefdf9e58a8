import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../../lib/sources/decode.ts";
import {parsePaperValues} from "../../../lib/sources/paper-values.ts";
import {routeGraph, type RouteRow} from "../../../lib/material-flows/routes.ts";
import {parseNickelRoutes} from "../../../lib/sources/nickel-routes.ts";
import {refiningShares} from "../../../lib/material-flows/refining-check.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {nickelRoutesTable} from "../../../lib/tables/nickel-routes.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const paper = parsePaperValues(read("paper/paper_values.csv"), "paper/paper_values.csv");

describe("nickel_routes (the paper's Figure 8)", () => {
  const routes = buildTable(nickelRoutesTable, read);

  it("holds the laterite, sulphide and scrap routes, RKEF and HPAL among the processes, and names only known paper figures", () => {
    expect(new Set(routes.map((r) => r.ore))).toEqual(new Set(["Laterite, saprolite", "Laterite, limonite", "Sulphide", "Scrap"]));
    expect(routes.map((r) => r.process)).toEqual(expect.arrayContaining(["Rotary kiln-electric furnace (RKEF)", "High-pressure acid leaching (HPAL)", "Blast furnace"]));
    const ids = new Set(paper.map((p) => p.id));
    for (const r of routes) for (const id of [r.product_paper_id, r.first_use_paper_id]) if (id !== null) expect(ids.has(id), `${r.route}: ${id}`).toBe(true);
  });

  it("names the file, line, column and value of a bad row", () => {
    const head = "route,ore,process,intermediate,product,first_use,product_paper_id,first_use_paper_id,source,note\n";
    expect(() => parseNickelRoutes(head + "a,Sulphide,Smelting,,Metal,Alloys,no_such_id,,src,\n", "r.csv", paper)).toThrow(/r.csv:2: column "product_paper_id", value "no_such_id"/);
    expect(() => parseNickelRoutes(head + "a,Sulphide,,,Metal,Alloys,,,src,\n", "r.csv", paper)).toThrow(/r.csv:2: column "process"/);
    expect(() => parseNickelRoutes(head + "a,S,P,,M,A,,,src,\na,S,P,,M,A,,,src,\n", "r.csv", paper)).toThrow(/r.csv:3: column "route".*duplicate/);
  });
});

describe("routeGraph", () => {
  const row = (route: string, extra: Partial<RouteRow> = {}): RouteRow => ({route, ore: "Sulphide", process: "Smelting", intermediate: "Matte", product: "Metal", first_use: "Alloys", product_kt: 804, first_use_kt: null, ...extra});

  it("merges shared steps into one node, skips the intermediate column where a route has none, and keeps each link's routes", () => {
    const {nodes, links} = routeGraph([row("a"), row("b", {first_use: "Stainless steel", first_use_kt: 2553.16}), row("c", {ore: "Scrap", process: "Remelting", intermediate: null, product: "Scrap", product_kt: 1085})]);
    expect(nodes.map((n) => n.id).sort()).toEqual(["first_use:Alloys", "first_use:Stainless steel", "intermediate:Matte", "ore:Scrap", "ore:Sulphide", "process:Remelting", "process:Smelting", "product:Metal", "product:Scrap"]);
    expect(links.find((l) => l.source === "ore:Sulphide")!.routes).toEqual(["a", "b"]);
    expect(links.find((l) => l.source === "process:Remelting")!.target).toBe("product:Scrap"); // no intermediate
    expect(nodes.find((n) => n.id === "product:Metal")).toMatchObject({column: 3, kt: 804, basis: "product"});
    expect(nodes.find((n) => n.id === "first_use:Alloys")!.kt).toBeNull(); // missing stays missing
  });

  it("refuses one product with two tonnages, and a row without a step", () => {
    expect(() => routeGraph([row("a"), row("b", {product_kt: 900})])).toThrow(/Metal: two different 2021 tonnages, 804 and 900 kt/);
    expect(() => routeGraph([row("a", {process: ""})])).toThrow(/row 1: process must be text/);
  });
});

describe("refiningShares (Figure S26)", () => {
  it("gives each row its share of its own total, and leaves a share missing when a value is", () => {
    const rows = refiningShares([
      {source: "paper", year: 2021, scope: "NPI and ferronickel", country: "Indonesia", position: 1, value_kt: 796, total_kt: 1672},
      {source: "IEA", year: 2024, scope: "all refined nickel", country: "China", position: 2, value_kt: null, total_kt: 3483.697}
    ]);
    expect(rows[0]!.share).toBeCloseTo(796 / 1672, 12); // 47.6 %
    expect(rows[0]!.group).toBe("paper 2021, NPI and ferronickel");
    expect(rows[1]!.share).toBeNull();
    expect(() => refiningShares([{source: "paper", year: null, scope: "x", country: "y"}])).toThrow(/row 1: year must be a number/);
  });
});
