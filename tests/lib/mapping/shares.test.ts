import {describe, expect, it} from "vitest";
import {sharesBy} from "../../../lib/mapping/shares.ts";

describe("sharesBy", () => {
  // Brine resources (kt Li): South America 30 + 10 = 40, China 10, elsewhere 50; one deposit unknown.
  const deposits = [
    {region: "South America", kt: 30},
    {region: "China", kt: 10},
    {region: "South America", kt: 10},
    {region: "elsewhere", kt: 50},
    {region: "China", kt: null}
  ];

  it("sharesBy(rows, groupOf, valueOf) divides each group's sum by the total, largest first", () => {
    const {shares, total, missing} = sharesBy(deposits, (d) => d.region, (d) => d.kt);
    expect(total).toBe(100);
    expect(missing).toBe(1);
    expect(shares).toEqual([
      {group: "elsewhere", value: 50, share: 0.5, rows: 1},
      {group: "South America", value: 40, share: 0.4, rows: 2},
      {group: "China", value: 10, share: 0.1, rows: 1}
    ]);
  });

  it("sharesBy(rows, groupOf, valueOf) leaves a null value out rather than reading it as zero", () => {
    const {shares} = sharesBy([{g: "a", v: null}, {g: "b", v: 2}], (d) => d.g, (d) => d.v);
    expect(shares.map((s) => s.group)).toEqual(["b"]);
  });

  it("sharesBy(rows, groupOf, valueOf) throws RangeError on a negative value or when nothing is positive", () => {
    expect(() => sharesBy([{g: "a", v: -1}], (d) => d.g, (d) => d.v)).toThrow(RangeError);
    expect(() => sharesBy([{g: "a", v: 0}], (d) => d.g, (d) => d.v)).toThrow(/no row has a positive value/);
  });
});
