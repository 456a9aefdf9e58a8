import {describe, expect, it} from "vitest";
import {lithiumDifferences, nickelDifferences} from "../../../lib/material-flows/differences.ts";

describe("lithiumDifferences", () => {
  const values = {li_mined_aus: 55.3, li_mined_chl: 28.3, li_chn_to_cells: 47.6, li_chn_to_market: 11.9, li_row_to_market: 40.5, li_market_to_cells: 20.4, li_cells_chn: 47.5, li_cells_row: 20.5, li_non_battery: 32};
  const paper = new Map([["li_mine_aus_2021", 55.3], ["li_mine_share_aus_2021", 49]]);

  it("works the shares and sums by hand", () => {
    const d = lithiumDifferences(values, 110.6, paper);
    expect(d.ausShare).toBeCloseTo(0.5, 12); // 55.3 / 110.6
    expect(d.chlShare).toBeCloseTo(28.3 / 110.6, 12);
    expect(d.impliedWorld).toBeCloseTo(55.3 / 0.49, 9); // 112.86
    expect(d.cells).toBeCloseTo(68, 12); // 47.5 + 20.5
    expect(d.cellsShareOfRefined).toBeCloseTo(68 / 100, 12); // (47.6 + 20.4) / (47.6 + 11.9 + 40.5)
    expect(d.nonBattery).toBe(32);
  });

  it("explains the paper's 80 % in batteries with the USGS's consumption: 74 % of 93 kt = 68.82 kt, against 68 kt of cells", () => {
    const usgs = new Map([["usgs_li_consumption_2021", 93], ["usgs_li_end_use_batteries_2021", 74], ["usgs_li_world_production_2021", 100]]);
    const d = lithiumDifferences(values, 106.88, paper, usgs);
    expect(d.supplyOverConsumptionSameEdition).toBe(7); // MCS 2022's own 100 kt less its 93 kt
    expect(d.batteriesUsgs).toBeCloseTo(68.82, 9);
    expect(d.cellsShareOfConsumption).toBeCloseTo(68 / 93, 12); // 73.1 %, beside the USGS's 74 %
    expect(d.supplyOverConsumption).toBeCloseTo(13.88, 9); // 106.88 - 93
  });

  it("leaves what it cannot compute missing, not 0", () => {
    const d = lithiumDifferences({}, null, new Map());
    expect(d).toEqual({
      ausShare: null, chlShare: null, impliedWorld: null, cells: null, cellsShareOfRefined: null, nonBattery: null,
      consumption: null, batteryShareUsgs: null, batteriesUsgs: null, cellsShareOfConsumption: null, supplyOverConsumption: null,
      worldOutputSameEdition: null, supplyOverConsumptionSameEdition: null
    });
  });
});

describe("nickelDifferences", () => {
  it("works scrap in first use and the stock at fabrication by hand", () => {
    const d = nickelDifferences(
      {values: {ni_recycled_scrap: 1085}, stocks: [{process: "ni_fabrication", label: "", value: 200, sd: 400}]},
      2715,
      new Map([["ni_scrap_input_share_2021", 25], ["ni_first_use_2021", 3596]])
    );
    expect(d.scrapInputsPaper).toBeCloseTo(899, 9); // 0.25 x 3596
    expect(d.scrapShareModel).toBeCloseTo(1085 / 3800, 12); // 28.6 %
    expect(d.fabricationStock).toBe(200);
    expect(d.fabricationStockSd).toBe(400);
  });

  it("leaves missing figures missing", () => {
    expect(nickelDifferences({values: {}, stocks: []}, 2715, new Map())).toEqual({scrapInputsPaper: null, scrapShareModel: null, fabricationStock: null, fabricationStockSd: null});
  });
});
