import {describe, expect, it} from "vitest";
import {modelledColumns, valueOrigins} from "../../../lib/mapping/value-origins.ts";

describe("valueOrigins", () => {
  it("modelledColumns(list) splits the comma-separated list; empty text is none", () => {
    expect(modelledColumns("production_kt, capacity_kt, cost_usd_per_t")).toEqual(["production_kt", "capacity_kt", "cost_usd_per_t"]);
    expect(modelledColumns("")).toEqual([]);
  });

  it("valueOrigins(rows, columns) splits each column into observed, modelled and missing, adding up to the rows", () => {
    // An ICMM site (nothing), a Busch deposit producing (all modelled) and one not producing (0 is a modelled value).
    const rows = [
      {reserves_kt: null, production_kt: null, cost_usd_per_t: null, modelled_fields: ""},
      {reserves_kt: 360, production_kt: 27.1, cost_usd_per_t: 5100, modelled_fields: "production_kt, capacity_kt, cost_usd_per_t"},
      {reserves_kt: null, production_kt: 0, cost_usd_per_t: 9000, modelled_fields: "production_kt, cost_usd_per_t"}
    ];
    expect(valueOrigins(rows, ["reserves_kt", "production_kt", "cost_usd_per_t"])).toEqual([
      {column: "reserves_kt", observed: 1, modelled: 0, missing: 2},
      {column: "production_kt", observed: 0, modelled: 2, missing: 1},
      {column: "cost_usd_per_t", observed: 0, modelled: 2, missing: 1}
    ]);
  });

  it("valueOrigins(rows, columns) throws RangeError for a column the rows do not have", () => {
    expect(() => valueOrigins([{modelled_fields: ""}], ["grade_pct"])).toThrow(/no column "grade_pct"/);
  });
});
