import {describe, expect, it} from "vitest";
import {countryCodes} from "../../../lib/mapping/country-codes.ts";
import {countryProduction, type ProductionLike} from "../../../lib/mapping/country-production.ts";

describe("countryCodes", () => {
  it("countryCodes(rows) pairs alpha-3 and numeric codes, padding the numeric to three digits", () => {
    const codes = countryCodes([
      {iso3: "AUS", iso_numeric: "036", iso_name: "Australia"},
      {iso3: "AUS", iso_numeric: "36", iso_name: "Australia"}, // the same country from another dataset
      {iso3: "XKX", iso_numeric: null, iso_name: "Kosovo"},
      {iso3: null, iso_numeric: null}
    ]);
    expect([...codes.toNumeric]).toEqual([["AUS", "036"]]);
    expect(codes.toIso3.get("036")).toBe("AUS");
    expect(codes.names.get("XKX")).toBe("Kosovo"); // named, though no numeric code exists
  });

  it("countryCodes(rows) throws RangeError when a code is paired with two others", () => {
    expect(() => countryCodes([{iso3: "AUS", iso_numeric: "036"}, {iso3: "AUS", iso_numeric: "040"}])).toThrow(RangeError);
    expect(() => countryCodes([{iso3: "AUS", iso_numeric: "036"}, {iso3: "AUT", iso_numeric: "036"}])).toThrow(RangeError);
  });
});

describe("countryProduction", () => {
  const row = (over: Partial<ProductionLike>): ProductionLike => ({edition: "MCS2023", commodity: "lithium", stage: "mine", year: 2021, kind: "country", country: "Australia", iso3: "AUS", value_t: 55_300, status: "reported", ...over});
  const rows = [
    row({}),
    row({country: "United States", iso3: "USA", value_t: null, status: "withheld"}),
    row({country: "Other countries", iso3: null, kind: "other", value_t: 0}),
    row({country: "World total", iso3: null, kind: "world", value_t: 107_000}),
    row({edition: "MCS2022", value_t: 55_416})
  ];

  it("countryProduction(rows, slice) keeps countries of the slice, a withheld one with a null value", () => {
    const m = countryProduction(rows, {edition: "MCS2023", commodity: "lithium", year: 2021});
    expect([...m.keys()]).toEqual(["AUS", "USA"]);
    expect(m.get("AUS")!.value_t).toBe(55_300); // not MCS 2022's earlier estimate
    expect(m.get("USA")).toEqual({iso3: "USA", country: "United States", value_t: null, status: "withheld"});
  });

  it("countryProduction(rows, slice) throws RangeError for an empty slice, a country without code, or a repeated code", () => {
    expect(() => countryProduction(rows, {edition: "MCS2023", commodity: "lithium", year: 2020})).toThrow(/no rows/);
    expect(() => countryProduction([row({iso3: null})], {edition: "MCS2023", commodity: "lithium", year: 2021})).toThrow(/no ISO3/);
    expect(() => countryProduction([row({}), row({})], {edition: "MCS2023", commodity: "lithium", year: 2021})).toThrow(/twice/);
  });
});
