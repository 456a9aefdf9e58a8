import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {compareWithPaper, halfUnit} from "../../../lib/material-flows/comparisons.ts";
import {defaultAssumptions, runModel, type Assumptions} from "../../../lib/material-flows/model.ts";
import {parsePaperValues} from "../../../lib/sources/paper-values.ts";
import {buildTable} from "../../../lib/tables/define.ts";
import {mfaFlowsTable} from "../../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../../lib/tables/mfa-processes.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const paper = parsePaperValues(read("paper/paper_values.csv"), "paper/paper_values.csv");
const li0 = defaultAssumptions(flows, processes, "lithium");
const ni0 = defaultAssumptions(flows, processes, "nickel");
const li = (a: Partial<Assumptions> = {}) => runModel(flows, processes, "lithium", {...li0, ...a});
const ni = (a: Partial<Assumptions> = {}) => runModel(flows, processes, "nickel", {...ni0, ...a});

describe("defaultAssumptions", () => {
  it("defaultAssumptions(rows, 'lithium') takes the collection rate from the paper: 1.4 / 5.9 kt = 23.7 %, recovery 100 %", () => {
    expect(li0.collectionRate).toBeCloseTo(1.4 / 5.9, 11);
    expect(li0.recoveryEfficiency).toBe(1);
    expect(li0.lifetime).toEqual({mean: 10, sd: 3});
  });

  it("defaultAssumptions(rows, 'nickel') takes the paper's 65 % as the collection rate", () => {
    expect(ni0.collectionRate).toBe(0.65);
    expect(ni0.lifetime).toEqual({mean: 20, sd: 6});
  });

  it("defaultAssumptions(rows) calibrates the growth of past inflows so that the model meets the paper's end of life: 5.9 kt Li, 1085 / 0.65 kt Ni", () => {
    expect(li().values.li_eol_ev).toBeCloseTo(5.9, 6);
    expect(ni().values.ni_eol).toBeCloseTo(1085 / 0.65, 4);
    expect(li0.growth).toBeGreaterThan(0.15);
    expect(li0.growth).toBeLessThan(0.25);
    expect(ni0.growth).toBeGreaterThan(0.03);
    expect(ni0.growth).toBeLessThan(0.05);
  });
});

describe("runModel, lithium", () => {
  it("runModel(rows, 'lithium', defaults) reproduces the paper's 1.4 kt recycled and balances every process", () => {
    const r = li();
    expect(r.values.li_collected).toBeCloseTo(1.4, 6);
    expect(r.values.li_recovered).toBeCloseTo(1.4, 6);
    expect(r.values.li_recycling_losses).toBeCloseTo(0, 12);
    expect(r.balances.map((b) => b.process)).toEqual(["li_trade", "li_ref_chn", "li_ref_row", "li_chem_market", "li_cell_chn", "li_cell_row", "li_manufacturing", "li_ev_chn", "li_ev_eu27", "li_ev_usa", "li_ev_jpn_kor", "li_ev_rest", "li_ev_use", "li_collection", "li_recycling"]);
    for (const b of r.balances) expect(b.balanced, b.process).toBe(true);
  });

  it("runModel(rows, 'lithium', {collectionRate: 0.25}) recycles 0.25 x 5.9 = 1.475 kt and leaves 4.425 kt uncollected", () => {
    const r = li({collectionRate: 0.25});
    expect(r.values.li_collected).toBeCloseTo(1.475, 6);
    expect(r.values.li_uncollected).toBeCloseTo(4.425, 6);
    expect(r.flows.find((f) => f.id === "li_collected")!.sd).toBeCloseTo(0.25 * 0.3 * 5.9, 5); // 0.25 x sd(end of life)
  });

  it("runModel(rows, 'lithium', {recoveryEfficiency: 0.5}) returns 0.7 kt to refining, loses 0.7 kt, and China mines less", () => {
    const a = li();
    const r = li({recoveryEfficiency: 0.5});
    expect(r.values.li_recovered).toBeCloseTo(0.7, 6);
    expect(r.values.li_recycling_losses).toBeCloseTo(0.7, 6);
    // refining in China puts out the same; 0.7 kt less secondary means 0.7 kt more from the ore pool
    expect(r.values.li_trade_to_ref_chn! - a.values.li_trade_to_ref_chn!).toBeCloseTo(0.7, 6);
  });

  it("runModel(rows, 'lithium') reconciles the one redundant balance, cell production in China, by hand", () => {
    const r = li();
    // 47.6 (sd 0.3 x 47.6) in, 47.5 (sd 0.15 x 47.5) out: x = 47.5 + 0.1 x var(out) / (var(in) + var(out))
    const vin = (0.3 * 47.6) ** 2;
    const vout = (0.15 * 47.5) ** 2;
    const x = 47.5 + (0.1 * vout) / (vin + vout);
    expect(r.values.li_chn_to_cells).toBeCloseTo(x, 9);
    expect(r.values.li_cells_chn).toBeCloseTo(x, 9);
    expect(r.reconciliation.degreesOfFreedom).toBe(1);
    expect(r.reconciliation.chiSquare).toBeCloseTo(0.01 / (vin + vout), 12);
    // derived: ore refined in China = 59.42 out - 1.4 recycled; elsewhere = 106.88 mined - that
    const chn = x + 11.9 - 1.4;
    expect(r.values.li_trade_to_ref_chn).toBeCloseTo(chn, 9);
    expect(r.values.li_trade_to_ref_row).toBeCloseTo(106.88 - chn, 9);
    expect(r.values.li_non_battery).toBeCloseTo(11.9 + (106.88 - chn) - (47.5 / 0.7 - 47.5), 9);
    expect(r.values.li_other_lib).toBeCloseTo(x + 47.5 / 0.7 - 47.5 - 31.2, 9);
    expect(r.stocks[0]).toMatchObject({process: "li_ev_use"});
    expect(r.stocks[0]!.value).toBeCloseTo(31.2 - 5.9, 6);
  });

  it("runModel(rows, 'lithium', {lifetime: fixed 8 years}) sends inflow(2013) = 31.2 / (1 + g)^8 to end of life", () => {
    const r = li({lifetime: {mean: 8, sd: 0}});
    expect(r.values.li_eol_ev).toBeCloseTo(31.2 / (1 + li0.growth) ** 8, 9);
    expect(r.values.li_collected).toBeCloseTo(li0.collectionRate * r.values.li_eol_ev!, 9);
  });

  it("runModel(rows, 'lithium', a) rejects a bad assumption with a message for the page", () => {
    expect(() => li({collectionRate: 1.5})).toThrow(/The collection rate must be a share from 0 to 1/);
    expect(() => li({recoveryEfficiency: Number.NaN})).toThrow(/The recovery efficiency must be a share/);
    expect(() => li({lifetime: {mean: 0, sd: 1}})).toThrow(/The mean lifetime/);
    expect(() => li({growth: -1})).toThrow(/The growth of past inflows/);
  });

  it("runModel(rows, 'lithium', a) says which flow would turn negative when the assumptions overwhelm the data", () => {
    // shrinking past inflows (-20 % a year going forward) make the end of life dwarf China's refining
    expect(() => li({growth: -0.2})).toThrow(/the flow from "Concentrates and brines" to "Refining, China" would be negative/);
  });
});

describe("runModel, nickel", () => {
  it("runModel(rows, 'nickel', defaults) derives the unmeasured flows by balance, by hand", () => {
    const r = ni();
    expect(r.values.ni_other_int_out).toBeCloseTo(2735.4 - 1672 - 804, 6);
    expect(r.values.ni_other_end_use_out).toBeCloseTo(3596 * (1 - 0.3 - 0.23 - 0.19), 6);
    expect(r.values.ni_not_collected).toBeCloseTo((1085 / 0.65) * 0.35, 4);
    const stock = new Map(r.stocks.map((s) => [s.process, s.value]));
    expect(stock.get("ni_fabrication")).toBeCloseTo(2735.4 + 1085 - 3596, 4);
    expect(stock.get("ni_in_use")).toBeCloseTo(3596 - 1085 / 0.65, 4);
    expect(r.reconciliation.degreesOfFreedom).toBe(0); // no redundancy: nothing is adjusted
    for (const b of r.balances) expect(b.balanced, b.process).toBe(true);
  });

  it("runModel(rows, 'nickel', {collectionRate: 0.3}) recycles 0.3 x 1669 kt and books the shortfall as a stock drawn down at fabrication", () => {
    const r = ni({collectionRate: 0.3});
    expect(r.values.ni_recycled_scrap).toBeCloseTo((0.3 * 1085) / 0.65, 4);
    const fabrication = r.stocks.find((s) => s.process === "ni_fabrication")!;
    expect(fabrication.value).toBeCloseTo(2735.4 + (0.3 * 1085) / 0.65 - 3596, 4);
    expect(fabrication.value).toBeLessThan(0);
    for (const b of r.balances) expect(b.balanced, b.process).toBe(true);
  });
});

describe("compareWithPaper", () => {
  it("compareWithPaper(lithium defaults) meets every paper figure but the 80 % of supply in batteries, which it flags", () => {
    const c = compareWithPaper(li(), paper);
    expect(c.filter((x) => !x.agrees).map((x) => x.paper)).toEqual(["li_share_in_libs"]);
    const aus = c.find((x) => x.paper === "li_mine_share_aus_2021")!;
    expect(aus.model).toBeCloseTo((100 * 55.3) / 106.88, 9); // 51.7 % against the paper's 49 %
    // delta method: d(share)/d(AUS) = (T - A) / T^2, d/d(other) = -A / T^2, sds from the classes
    const T = 106.88;
    const A = 55.3;
    const others = [[28.3, 0.05], [14, 0.15], [5.97, 0.05], [3.31, 0.15]].reduce((s, [v, r]) => s + (v! * r!) ** 2, 0);
    const sd = 100 * Math.sqrt((((T - A) / T ** 2) * 0.05 * A) ** 2 + (A / T ** 2) ** 2 * others);
    expect(aus.sd).toBeCloseTo(sd, 9);
    expect(aus.agrees).toBe(true); // 2.7 points off, within 1.96 x 1.77
    const libs = c.find((x) => x.paper === "li_share_in_libs")!;
    expect(libs.model).toBeCloseTo(62.7, 1);
  });

  it("compareWithPaper(lithium) puts the paper's 'around a quarter' within its hedge: 23.7 % against 25 % +- 2.5", () => {
    const share = compareWithPaper(li(), paper).find((x) => x.paper === "li_recycled_share_2021")!;
    expect(share.sd).toBe(0); // fixed by the collection rate
    expect(share.tolerance).toBeCloseTo(2.5, 12);
    expect(share.agrees).toBe(true);
    const low = compareWithPaper(li({collectionRate: 0.1}), paper).find((x) => x.paper === "li_recycled_share_2021")!;
    expect(low.model).toBeCloseTo(10, 9);
    expect(low.agrees).toBe(false);
  });

  it("compareWithPaper(nickel defaults) meets the paper's first use, shares and recycling; scrap is 28.4 % of inputs against 26 %", () => {
    const c = compareWithPaper(ni(), paper);
    expect(c.every((x) => x.agrees)).toBe(true);
    const get = (id: string) => c.find((x) => x.paper === id)!.model;
    expect(get("ni_first_use_2021")).toBeCloseTo(3596, 9);
    expect(get("ni_first_use_stainless_share")).toBeCloseTo(71, 9);
    expect(get("ni_end_use_transport_share")).toBeCloseTo(19, 9);
    expect(get("ni_recycled_share_of_waste_2021")).toBeCloseTo(65, 9);
    expect(get("ni_scrap_input_share_2021")).toBeCloseTo((100 * 1085) / (2735.4 + 1085), 9);
  });

  it("halfUnit(printed) is half a unit of the last digit", () => {
    expect(halfUnit(59.5)).toBeCloseTo(0.05, 15);
    expect(halfUnit(3596)).toBe(0.5);
    expect(halfUnit(5.97)).toBeCloseTo(0.005, 15);
  });
});
