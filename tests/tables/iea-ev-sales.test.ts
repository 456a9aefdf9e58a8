import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {evSalesShares, parseIeaEvSales} from "../../lib/sources/iea-ev.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {ieaEvSalesTable} from "../../lib/tables/iea-ev-sales.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const head = "region,category,parameter,mode,powertrain,year,unit,value\r\n";

describe("ieaEvSalesTable", () => {
  const rows = buildTable(ieaEvSalesTable, read);
  it("keeps the historical electric-car sales, as the IEA gives them: World 2021 BEV 4.7 and PHEV 1.9 million", () => {
    expect(rows.every((r) => ["BEV", "PHEV", "FCEV"].includes(r.powertrain))).toBe(true);
    expect(rows.find((r) => r.region === "World" && r.year === 2021 && r.powertrain === "BEV")!.vehicles).toBe(4_700_000);
    expect(rows.find((r) => r.region === "World" && r.year === 2021 && r.powertrain === "PHEV")!.vehicles).toBe(1_900_000);
  });

  it("evSalesShares(2021): China 3.25 of 6.6 million BEV + PHEV = 49.2 %, and the shares add up to 100 %", () => {
    const shares = evSalesShares(rows, 2021);
    expect(shares.map((s) => s.id)).toEqual(["iea_ev_share_chn_2021", "iea_ev_share_eu27_2021", "iea_ev_share_usa_2021", "iea_ev_share_jpn_kor_2021", "iea_ev_share_rest_2021"]);
    expect(shares[0]!.value).toBeCloseTo((100 * 3_250_000) / 6_600_000, 9);
    expect(shares.reduce((s, x) => s + x.value, 0)).toBeCloseTo(100, 9);
    expect(() => evSalesShares(rows, 1990)).toThrow(/no BEV and PHEV car sales for World in 1990/);
  });

  it("names the line, column and value of a bad row, and refuses a repeated one", () => {
    expect(() => parseIeaEvSales(head + "World,Historical,EV sales,Cars,BEV,2021,Vehicles,lots\r\n", "ev.csv")).toThrow(/ev.csv:2: column "value", value "lots"/);
    expect(() => parseIeaEvSales(head + "World,Guess,EV sales,Cars,BEV,2021,Vehicles,1\r\n", "ev.csv")).toThrow(/column "category"/);
    const row = "World,Historical,EV sales,Cars,BEV,2021,Vehicles,1\r\n";
    expect(() => parseIeaEvSales(head + row + row, "ev.csv")).toThrow(/ev.csv:3: column "region".*a second row/);
  });
});
