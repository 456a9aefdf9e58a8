import {describe, expect, it} from "vitest";
import {icmmCounts, lithiumResources, siteCounts, type FactSite} from "../../../lib/mapping/facts.ts";

const site = (over: Partial<FactSite>): FactSite => ({
  source_dataset: "Busch et al. 2024", iso3: null, mine_type: null, resources_kt: null, has_lithium: true, has_nickel: false,
  asset_type: null, coords_outside_country: false, name_repaired: false, name: "x", ...over
});

describe("lithiumResources", () => {
  // Brine: Chile 600 + Argentina 100 (South America 700), China 200, United States 100: total 1,000.
  // Hard rock: Australia 300, Canada 100, one without resources (left out): Australia 75 %.
  const sites = [
    site({iso3: "CHL", mine_type: "Brine", resources_kt: 600}),
    site({iso3: "ARG", mine_type: "Brine", resources_kt: 100}),
    site({iso3: "CHN", mine_type: "Brine", resources_kt: 200}),
    site({iso3: "USA", mine_type: "Brine", resources_kt: 100}),
    site({iso3: "AUS", mine_type: "Hard Rock", resources_kt: 300}),
    site({iso3: "CAN", mine_type: "Hard Rock", resources_kt: 100}),
    site({iso3: "CAN", mine_type: "Hard Rock", resources_kt: null}),
    site({source_dataset: "ICMM GMD 2025 v1", iso3: "CHL", mine_type: "Brine", resources_kt: 5000})
  ];
  it("shares of brine resources by region and of hard-rock resources by country, Busch deposits only", () => {
    const f = lithiumResources(sites);
    expect(f).toMatchObject({busch: 7, brine: 4, andeanBrines: 2, hardRock: 3});
    expect(f.southAmerica).toMatchObject({share: 0.7, rows: 2});
    expect(f.china).toMatchObject({share: 0.2, rows: 1});
    expect(f.australiaHardRock).toMatchObject({share: 0.75, rows: 1});
  });
});

describe("siteCounts and icmmCounts", () => {
  it("counts nickel and processing sites by country and the flags", () => {
    const c = siteCounts([
      site({has_lithium: false, has_nickel: true, iso3: "IDN", asset_type: "Mine"}),
      site({has_lithium: false, has_nickel: true, iso3: "IDN", asset_type: "Mine;Smelter", name_repaired: true, name: "Avilés"}),
      site({iso3: "AUS", coords_outside_country: true})
    ]);
    expect([c.all, c.lithium, c.nickelIn("IDN"), c.processingIn("IDN"), c.processingIn("AUS"), c.outside]).toEqual([3, 1, 2, 1, 0, 1]);
    expect(c.repaired).toEqual(["Avilés"]);
  });
  it("counts ICMM sites by group and flag; a null flag is not a flag", () => {
    const rows = [
      {has_lithium: true, has_nickel: false, primary_commodity: "lithium", coords_outside_country: null, name_repaired: false},
      {has_lithium: false, has_nickel: false, primary_commodity: "Thermal coal", coords_outside_country: true, name_repaired: true},
      {has_lithium: false, has_nickel: false, primary_commodity: null, coords_outside_country: false, name_repaired: false}
    ];
    expect(icmmCounts(rows)).toEqual({all: 3, lithiumOrNickel: 1, coal: 1, outside: 1, repaired: 1});
  });
});
