import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {arrowRows} from "../../../lib/reader/arrow-rows.ts";
import {toArrowStream} from "../../../lib/tables/arrow.ts";

describe("arrowRows(table)", () => {
  it("gives the rows Arrow's own row objects give, nulls kept as null, on every column type", () => {
    const rows = [
      {country: "Australia", value_t: 55300, year: 2021, reported: true},
      {country: "United States", value_t: null, year: 2021, reported: null},
      {country: null, value_t: 0, year: null, reported: false}
    ];
    const table = tableFromIPC(toArrowStream(rows, {country: "utf8", value_t: "float64", year: "int32", reported: "bool"}));
    expect(arrowRows(table)).toEqual(rows);
    expect(arrowRows(table)).toEqual(table.toArray().map((d) => d.toJSON()));
    // Missing is never zero.
    expect(arrowRows(table)[1]!.value_t).toBeNull();
  });

  it("gives no rows for an empty table", () => {
    const table = tableFromIPC(toArrowStream([] as {a: string | null}[], {a: "utf8"}));
    expect(arrowRows(table)).toEqual([]);
  });
});
