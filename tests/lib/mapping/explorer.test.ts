import {describe, expect, it} from "vitest";
import {ALL, NONE, NO_FILTER, distinctValues, explorerRows, filterRows, fold, matchesSearch, paperToExplorer, siteToExplorer, type SiteFields} from "../../../lib/mapping/explorer.ts";
import {TABLE3_FIELDS, paperRowAsSite} from "../../../lib/mapping/table3-fields.ts";
import type {PaperTable3Row} from "../../../lib/sources/paper-table3.ts";

const base: SiteFields = {
  source_dataset: "ICMM GMD 2025 v1", source_id: "", confidence: null, name: "", group_names: null, latitude: 0, longitude: 0, asset_type: null,
  country: "", iso3: null, primary_commodity: "", secondary_commodity: null, other_commodities: null, has_lithium: false, has_nickel: false,
  operator: null, mine_type: null, resource_type: null, status: null, grade_pct: null, production_kt: null, capacity_kt: null, reserves_kt: null,
  resources_kt: null, technology: null, cost_usd_per_t: null, coords_iso3: null, coords_outside_country: false, name_repaired: false,
  modelled_fields: "", source_file: "", source_line: 0
};

// Real rows of the sites table, trimmed: an ICMM site stated in New Caledonia but lying in
// Australia, a Busch et al. deposit with modelled values, and an Indonesian ICMM nickel site.
const pilgangoora: SiteFields = {...base, source_id: "ICMM06235", confidence: "High", name: "Pilgangoora", latitude: -21.04, longitude: 118.91, asset_type: "Mine", country: "New Caledonia", iso3: "NCL", primary_commodity: "lithium", has_lithium: true, coords_iso3: "AUS", coords_outside_country: true, source_file: "mines/icmm_lithium_nickel_sites.csv", source_line: 40};
const atacama: SiteFields = {...base, source_dataset: "Busch et al. 2024", source_id: "1", name: "Salar de Atacama (SQM)", latitude: -23.55, longitude: -68.36, country: "Chile", iso3: "CHL", primary_commodity: "lithium", has_lithium: true, mine_type: "Brine", resource_type: "Brine", status: "Producing", reserves_kt: 360, resources_kt: 10800, production_kt: 27.14, capacity_kt: 108, cost_usd_per_t: 5100, modelled_fields: "production_kt, capacity_kt, cost_usd_per_t", source_file: "mines/busch2024_lithium_deposits.csv", source_line: 2};
const sorowako: SiteFields = {...base, source_id: "ICMM08824", confidence: "High", name: "Sorowako", asset_type: "Mine;Smelter", country: "Indonesia", iso3: "IDN", primary_commodity: "ferronickel", has_nickel: true, name_repaired: false};

const paperRow = (over: Partial<PaperTable3Row>): PaperTable3Row => ({
  row_in_table: 1, confidence: null, mine_name: null, group_name: null, latitude: null, longitude: null, asset_type: "Mine", country: "Indonesia",
  primary_commodity: "nickel", secondary_commodity: null, other_commodities: null, operating_company: null, mine_type: null, ni_grade_pct: null,
  production_2022: null, production_capacity: null, reserves_kt_ni: null, technology: null, cost: null, note: null, ...over
});
// Rows 4 and 5 of the paper's Table 3, as printed.
const weda = paperRow({row_in_table: 4, confidence: "High", mine_name: "PT Halmahera Weda Bay", latitude: -1.536, longitude: 127.422, operating_company: "Tsingshan Group, Eramet, Aneka Tar", ni_grade_pct: "1.23-1.48", production_2022: 36.6, production_capacity: 120, reserves_kt_ni: 2700, technology: "HPAL"});
const kenawe = paperRow({row_in_table: 5, group_name: "North Kenawe, North Maluku,", operating_company: "ANTAM", ni_grade_pct: "1.29-2.01", production_2022: 24.3, production_capacity: 30, reserves_kt_ni: 8632, technology: "RKEF", cost: "14.4k$/t"});
const pomalaa = paperRow({row_in_table: 1, ni_grade_pct: "1.68", technology: "MHP", note: "Mine name cut off in print."});
const iso3Of = (name: string) => (name === "Indonesia" ? "IDN" : null);

describe("siteToExplorer", () => {
  it("siteToExplorer(site) labels the set, keeps values and writes the quality flags as notes", () => {
    const row = siteToExplorer(pilgangoora);
    expect(row).toMatchObject({set: "ICMM", id: "ICMM06235", iso3: "NCL", country: "New Caledonia", units: "", modelled: "", source: "mines/icmm_lithium_nickel_sites.csv:40"});
    expect(row.notes).toBe("coordinates lie in AUS, not in the stated country");
  });

  it("siteToExplorer(site) keeps Busch et al.'s quantities with their units and lists the modelled ones", () => {
    const row = siteToExplorer(atacama);
    expect(row).toMatchObject({set: "Busch et al. 2024", production: 27.14, capacity: 108, reserves_kt: 360, resources_kt: 10800, cost_usd_per_t: 5100, modelled: "production_kt, capacity_kt, cost_usd_per_t"});
    expect(row.units).toMatch(/kt Li/);
  });

  it("siteToExplorer(site) throws RangeError for an unknown source", () => {
    expect(() => siteToExplorer({...base, source_dataset: "Other" as SiteFields["source_dataset"]})).toThrow(RangeError);
  });
});

describe("paperToExplorer", () => {
  it("paperToExplorer(row, iso3Of) reads a single printed grade as a number and keeps a range as text", () => {
    expect(paperToExplorer(pomalaa, iso3Of).grade_pct).toBe(1.68);
    const w = paperToExplorer(weda, iso3Of);
    expect(w.grade_pct).toBeNull();
    expect(w.notes).toBe("Ni grade printed as 1.23-1.48 %");
  });

  it("paperToExplorer(row, iso3Of) copies the printed quantities, keeps the cost as printed, and maps the country", () => {
    const k = paperToExplorer(kenawe, iso3Of);
    expect(k).toMatchObject({set: "Paper Table 3", id: "row 5", iso3: "IDN", production: 24.3, capacity: 30, reserves_kt: 8632, cost_usd_per_t: null, technology: "RKEF", operator: "ANTAM", has_nickel: true, has_lithium: false});
    expect(k.notes).toContain("cost printed as 14.4k$/t");
    expect(k.units).toMatch(/no unit/);
  });

  it("paperToExplorer(row) reads the cut-off 'ferro' of row 2 as nickel", () => {
    expect(paperToExplorer(paperRow({primary_commodity: "ferro", secondary_commodity: null}), iso3Of).has_nickel).toBe(true);
  });
});

describe("filterRows", () => {
  const rows = [siteToExplorer(pilgangoora), siteToExplorer(atacama), siteToExplorer(sorowako), paperToExplorer(weda, iso3Of), paperToExplorer(kenawe, iso3Of)];

  it("filterRows(rows, NO_FILTER) keeps every row in order", () => {
    expect(filterRows(rows, NO_FILTER)).toEqual(rows);
  });

  it("filterRows(rows, {country}) keeps the rows of the stated country, from every set", () => {
    expect(filterRows(rows, {...NO_FILTER, country: "IDN"}).map((r) => r.id)).toEqual(["ICMM08824", "row 4", "row 5"]);
  });

  it("filterRows(rows, {commodity, set}) combines filters", () => {
    expect(filterRows(rows, {...NO_FILTER, commodity: "lithium"}).map((r) => r.id)).toEqual(["ICMM06235", "1"]);
    expect(filterRows(rows, {...NO_FILTER, commodity: "nickel", set: "paper"}).map((r) => r.id)).toEqual(["row 4", "row 5"]);
  });

  it("filterRows(rows, {technology}) finds a technology, or with NONE the rows without one", () => {
    expect(filterRows(rows, {...NO_FILTER, technology: "HPAL"}).map((r) => r.id)).toEqual(["row 4"]);
    expect(filterRows(rows, {...NO_FILTER, technology: NONE}).map((r) => r.id)).toEqual(["ICMM06235", "1", "ICMM08824"]);
  });

  it("filterRows(rows, {confidence, status}) matches exactly", () => {
    expect(filterRows(rows, {...NO_FILTER, confidence: "High"}).map((r) => r.id)).toEqual(["ICMM06235", "ICMM08824", "row 4"]);
    expect(filterRows(rows, {...NO_FILTER, status: "Producing"}).map((r) => r.id)).toEqual(["1"]);
  });

  it("matchesSearch(row, q) needs every word somewhere in the text fields, ignoring case and accents", () => {
    expect(filterRows(rows, {...NO_FILTER, q: "tsingshan weda"}).map((r) => r.id)).toEqual(["row 4"]);
    expect(matchesSearch(siteToExplorer({...sorowako, name: "Caraíba"}), "CARAIBA")).toBe(true);
    expect(matchesSearch(rows[0]!, "   ")).toBe(true);
    expect(fold("Caraíba")).toBe("caraiba");
  });

  it("distinctValues(rows, key) counts the non-null values, sorted", () => {
    expect(distinctValues(rows, "technology")).toEqual([{value: "HPAL", count: 1}, {value: "RKEF", count: 1}]);
    expect(distinctValues(rows, "confidence")).toEqual([{value: "High", count: 3}]);
    expect(ALL).toBe("all");
  });
});

describe("TABLE3_FIELDS", () => {
  it("TABLE3_FIELDS lists the paper's eighteen Table 3 columns in order", () => {
    expect(TABLE3_FIELDS).toHaveLength(18);
    expect(TABLE3_FIELDS[0]!.label).toBe("Confidence");
    expect(TABLE3_FIELDS[17]!.label).toBe("Cost");
  });

  it("paperRowAsSite(row) renames the paper's columns to the site table's", () => {
    const site = paperRowAsSite(kenawe as unknown as Record<string, unknown>);
    expect(site).toMatchObject({operator: "ANTAM", grade_pct: "1.29-2.01", production_kt: 24.3, reserves_kt: 8632, cost_usd_per_t: "14.4k$/t", name: null});
    expect(Object.keys(site)).toHaveLength(18);
    expect(() => paperRowAsSite({})).toThrow(RangeError);
  });
});

describe("explorerRows", () => {
  it("maps site rows and paper rows of the stacked Table 3 result; the paper's country is coded from the site rows' names", () => {
    const rows = explorerRows([
      {origin: "site", ...sorowako},
      {origin: "site", ...atacama},
      {origin: "paper", ...paperRow({row_in_table: 3, country: "Indonesia"})},
      {origin: "paper", ...paperRow({row_in_table: 4, country: "Narnia"})}
    ]);
    expect(rows.map((r) => [r.set, r.id, r.iso3])).toEqual([
      ["ICMM", "ICMM08824", "IDN"],
      ["Busch et al. 2024", "1", "CHL"],
      ["Paper Table 3", "row 3", "IDN"],
      ["Paper Table 3", "row 4", null]
    ]);
  });
  it("throws on an unknown origin", () => {
    expect(() => explorerRows([{origin: "other"}])).toThrow(RangeError);
  });
});
