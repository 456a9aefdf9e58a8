import {describe, expect, it} from "vitest";
import {promulgated} from "../../../lib/sources/iea-policies.ts";
import {parseDateText} from "../../../lib/sources/policy-sources.ts";
import {isYear, YEAR_MAX, YEAR_MIN} from "../../../lib/sources/years.ts";

describe("isYear", () => {
  it("isYear(n) holds for whole numbers from 1800 to 2100 only", () => {
    expect([YEAR_MIN, YEAR_MAX]).toEqual([1800, 2100]);
    expect([1800, 1950, 2100].map(isYear)).toEqual([true, true, true]);
    expect([1799, 2101, 2020.5, NaN].map(isYear)).toEqual([false, false, false, false]);
  });

  it("the readers that check a year themselves share its bounds; policy dates start in 1900", () => {
    expect(parseDateText("1900-01")).toEqual({date: "1900-01", precision: "month"});
    expect(parseDateText("1899-12-31")).toBeNull();
    expect(parseDateText("1800-01")).toBeNull();
    expect(parseDateText("2101-01-01")).toBeNull();
    expect([promulgated("1800"), promulgated("1799"), promulgated("2101")]).toEqual(["1800", null, null]);
  });
});
