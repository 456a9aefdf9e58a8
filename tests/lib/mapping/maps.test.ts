import {describe, expect, it} from "vitest";
import {allSitesShown, lithiumMap, mapLayers, nickelMineMap, outsideSites, shadingValues} from "../../../lib/mapping/maps.ts";

// Three lithium sites and the production layer of Figure 3's query, worked by hand below.
const site = (id: string, iso3: string, type_class: string, status_class: string, resources_kt: number | null) =>
  ({layer: "site", source_id: id, iso3, type_class, status_class, resources_kt, reserves_kt: null, production_kt: resources_kt === null ? null : 0});
const country = (iso3: string | null, kind: string, value_t: number | null, value_status = "reported") => ({layer: "country", iso3, country: iso3 ?? kind, kind, value_t, value_status});
const lithium = [
  site("1", "CHL", "Brine", "Producing", 9000),
  site("2", "AUS", "Hard Rock", "Producing", 4000),
  site("3", "ARG", "ICMM site (type not given)", "not given (ICMM)", null),
  country("AUS", "country", 55_300),
  country("USA", "country", null, "withheld"),
  country(null, "world", 107_000)
];

describe("mapLayers", () => {
  it("splits sites from production; a withheld country stays with a null value, world and other apart", () => {
    const m = mapLayers(lithium);
    expect(m.sites.map((d) => d.source_id)).toEqual(["1", "2", "3"]);
    expect([...m.production.values()]).toEqual([
      {iso3: "AUS", country: "AUS", value_t: 55_300, status: "reported"},
      {iso3: "USA", country: "USA", value_t: null, status: "withheld"}
    ]);
    expect(m.world?.value_t).toBe(107_000);
    expect(m.other).toBeNull();
  });

  it("rows without a layer column are sites", () => {
    expect(mapLayers([{iso3: "IDN"}, {iso3: "AUS"}]).sites).toHaveLength(2);
  });

  it("throws on a country row without ISO3 or listed twice", () => {
    expect(() => mapLayers([country(null, "country", 1)])).toThrow(RangeError);
    expect(() => mapLayers([country("AUS", "country", 1), country("AUS", "country", 2)])).toThrow(/twice/);
  });
});

describe("shadingValues", () => {
  it("keys kt by ISO numeric code: 55,300 t is 55.3 kt, withheld stays null, a country without a code is left out", () => {
    const {production} = mapLayers([...lithium, country("XKX", "country", 10)]);
    expect([...shadingValues(production, new Map([["AUS", "036"], ["USA", "840"]]))]).toEqual([["036", 55.3], ["840", null]]);
  });
});

describe("lithiumMap", () => {
  it("keeps the chosen types and statuses; the size maximum is over all sites (9,000), total counts all 3", () => {
    const m = lithiumMap(lithium, {types: ["Brine", "ICMM site (type not given)"], statuses: ["Producing", "not given (ICMM)"], size: "resources_kt"});
    expect(m.sites.map((d) => d.source_id)).toEqual(["1", "3"]);
    expect(m.sizeMax).toBe(9000);
    expect(m.total).toBe(3);
    expect(lithiumMap(lithium, {types: ["Brine"], statuses: ["Evaluation"], size: "reserves_kt"})).toMatchObject({sites: [], sizeMax: 0});
  });
});

describe("nickelMineMap", () => {
  const rows = [
    {layer: "site", iso3: "IDN", role: "primary commodity", confidence: "High"},
    {layer: "site", iso3: "AUS", role: "secondary commodity", confidence: "Very Low"},
    {layer: "site", iso3: "CAN", role: "primary commodity", confidence: null},
    country(null, "other", 245_000)
  ];
  it("keeps the chosen roles and confidences; a site without confidence never passes; other countries kept apart", () => {
    const m = nickelMineMap(rows, {roles: ["primary commodity"], confidence: ["High", "Very Low"]});
    expect(m.sites.map((d) => d.iso3)).toEqual(["IDN"]);
    expect(m.total).toBe(3);
    expect(m.other?.value_t).toBe(245_000);
  });
});

describe("allSitesShown and outsideSites", () => {
  const icmm = [
    {id: "a", commodity_group: "coal", is_mine: true, is_processing: false},
    {id: "b", commodity_group: "coal", is_mine: false, is_processing: true},
    {id: "c", commodity_group: "gold", is_mine: true, is_processing: null}
  ];
  it("filters by commodity group and asset kind; 'all' is no filter", () => {
    expect(allSitesShown(icmm, {group: "all", asset: "all"}).map((d) => d.id)).toEqual(["a", "b", "c"]);
    expect(allSitesShown(icmm, {group: "coal", asset: "all"}).map((d) => d.id)).toEqual(["a", "b"]);
    expect(allSitesShown(icmm, {group: "all", asset: "mine"}).map((d) => d.id)).toEqual(["a", "c"]);
    expect(allSitesShown(icmm, {group: "coal", asset: "processing"}).map((d) => d.id)).toEqual(["b"]);
  });
  it("outsideSites keeps the sites stated in the country or lying in it", () => {
    const rows = [{iso3: "NCL", coords_iso3: "AUS"}, {iso3: "GEO", coords_iso3: "TUR"}, {iso3: "AUS", coords_iso3: null}];
    expect(outsideSites(rows, "AUS")).toEqual([rows[0], rows[2]]);
    expect(outsideSites(rows, "all")).toHaveLength(3);
  });
});
