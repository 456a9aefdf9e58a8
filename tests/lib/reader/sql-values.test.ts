import {describe, expect, it} from "vitest";
import {csvLine, decimalToNumber, displayValue} from "../../../lib/reader/sql-values.ts";

/** The little-endian 32-bit words of a 128-bit two's-complement integer. */
function words(value: bigint): Uint32Array {
  const unsigned = BigInt.asUintN(128, value);
  return new Uint32Array([0, 1, 2, 3].map((i) => Number((unsigned >> BigInt(32 * i)) & 0xffffffffn)));
}

describe("decimalToNumber", () => {
  it("decimalToNumber(words, scale) applies the scale: DECIMAL(10,2) 150 is 1.5, HUGEINT 4 is 4", () => {
    expect(decimalToNumber(words(150n), 2)).toBe(1.5);
    expect(decimalToNumber(words(4n), 0)).toBe(4);
  });

  it("decimalToNumber(words, scale) reads negative values in two's complement", () => {
    expect(decimalToNumber(words(-25n), 1)).toBe(-2.5);
    expect(decimalToNumber(words(-1n), 0)).toBe(-1);
    expect(decimalToNumber(words(-5n), 3)).toBe(-0.005);
  });

  it("decimalToNumber(words, scale) is exact across the 32-bit word boundary", () => {
    // 2,306,400 t x 10^9 > 2^32: a sum of nickel tonnes at scale 9.
    expect(decimalToNumber(words(2_306_400n * 10n ** 9n), 9)).toBe(2_306_400);
    expect(decimalToNumber(words(12_345_678_901_234_567_25n), 2)).toBe(12_345_678_901_234_567.25);
  });
});

describe("csvLine", () => {
  it("csvLine(values) writes missing as empty, quotes commas, quotes and line breaks, and dates as ISO 8601", () => {
    expect(csvLine([null, undefined, "Congo, Dem. Rep.", 'say "hi"', "a\nb", 1.5, true, new Date(Date.UTC(2021, 0, 2))])).toBe(',,"Congo, Dem. Rep.","say ""hi""","a\nb",1.5,true,2021-01-02T00:00:00.000Z');
  });

  it("csvLine(values) defuses text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvLine(["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", -5, -0.5, 5n, "a=b", "Cote d'Ivoire"])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-1+2,'@SUM(A1),'\tx,-5,-0.5,5,a=b,Cote d'Ivoire`
    );
  });
});

describe("displayValue", () => {
  it("displayValue(value, kind) shows missing as 'missing', never as 0 or blank", () => {
    expect(displayValue(null, "number")).toBe("missing");
    expect(displayValue(0, "number")).toBe("0");
    expect(displayValue(2306400, "number")).toBe("2,306,400");
    expect(displayValue(2021, "number", {grouping: false})).toBe("2021");
    expect(displayValue(0.123456789, "number")).toBe("0.123457");
  });
});
