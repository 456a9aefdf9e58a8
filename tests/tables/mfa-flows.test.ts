import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parseMfaFlows, parseMfaProcesses} from "../../lib/sources/mfa.ts";
import {parsePaperValues} from "../../lib/sources/paper-values.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mfaFlowsTable} from "../../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../../lib/tables/mfa-processes.ts";
import {productionTable} from "../../lib/tables/production.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const get = (id: string) => flows.find((f) => f.id === id)!;

describe("mfaProcessesTable", () => {
  it("buildTable(mfaProcessesTable, read) gives 24 lithium and 29 nickel processes, mining first", () => {
    expect(processes.filter((p) => p.system === "lithium")).toHaveLength(24);
    expect(processes.filter((p) => p.system === "nickel")).toHaveLength(29);
    expect(processes.filter((p) => p.stage === 0).every((p) => p.boundary && p.stage_name === "mining")).toBe(true);
    expect(processes.filter((p) => p.stock).map((p) => p.id)).toEqual(["li_ev_use", "ni_fabrication", "ni_in_use"]);
  });

  it("buildTable(mfaProcessesTable, read) marks the three balancing remainders as residual, and no region or product", () => {
    expect(processes.filter((p) => p.residual).map((p) => p.id)).toEqual(["li_ref_row", "li_non_battery", "ni_other_intermediates"]);
  });

  it("parseMfaProcesses(text) rejects a stock on a boundary process and an unknown stage name", () => {
    const head = "system,id,label,stage,stage_name,state,boundary,stock,residual,note\n";
    expect(() => parseMfaProcesses(head + "lithium,x,X,0,mining,ore,yes,yes,no,\n", "p.csv")).toThrow(/p.csv:2: column "stock".*a boundary process holds no stock/);
    expect(() => parseMfaProcesses(head + "lithium,x,X,0,smelting,ore,no,no,no,\n", "p.csv")).toThrow(/column "stage_name"/);
    expect(() => parseMfaProcesses(head + "lithium,x,X,0,mining,ore,yes,no,maybe,\n", "p.csv")).toThrow(/p.csv:2: column "residual", value "maybe"/);
  });
});

describe("mfaFlowsTable", () => {
  it("buildTable(mfaFlowsTable, read) gives 30 lithium and 39 nickel flows, each once", () => {
    expect(flows.filter((f) => f.system === "lithium")).toHaveLength(30);
    expect(flows.filter((f) => f.system === "nickel")).toHaveLength(39);
    expect(new Set(flows.map((f) => f.id)).size).toBe(69);
  });

  it("buildTable(mfaFlowsTable, read) splits the paper's 31.2 kt in EVs by the IEA's 2021 electric-car sales (BEV + PHEV): China 3.25 of 6.6 million = 15.36 kt", () => {
    // IEA Global EV Data 2024, Historical, EV sales, Cars, 2021: China 2,700,000 + 550,000; World 4,700,000 + 1,900,000.
    expect(get("li_ev_sold_chn")).toMatchObject({method: "estimate", uncertainty_class: "C", relative_sd: 0.3});
    expect(get("li_ev_sold_chn").value).toBeCloseTo((31.2 * 3_250_000) / 6_600_000, 9);
    // EU27 890,000 + 880,000; USA 470,000 + 160,000; Japan 22,000 + 23,000 and Korea 72,000 + 19,000
    expect(get("li_ev_sold_eu27").value).toBeCloseTo((31.2 * 1_770_000) / 6_600_000, 9);
    expect(get("li_ev_sold_usa").value).toBeCloseTo((31.2 * 630_000) / 6_600_000, 9);
    expect(get("li_ev_sold_jpn_kor").value).toBeCloseTo((31.2 * 136_000) / 6_600_000, 9);
    const regions = flows.filter((f) => f.id.startsWith("li_ev_sold_")).reduce((s, f) => s + f.value!, 0);
    expect(regions).toBeCloseTo(31.2, 9);
  });

  it("buildTable(mfaFlowsTable, read) puts the paper's NPI/FeNi by country: Indonesia 796, China 675, the rest 1672 - 796 - 675 = 201 kt", () => {
    expect(get("ni_npi_feni_idn_out")).toMatchObject({value: 796, method: "paper"});
    expect(get("ni_npi_feni_chn_out")).toMatchObject({value: 675, method: "paper"});
    expect(get("ni_npi_feni_other_out")).toMatchObject({value: 201, method: "paper shares", uncertainty_class: "C"});
    expect(get("ni_other_int_out")).toMatchObject({value: null, method: "derived"});
  });

  it("buildTable(mfaFlowsTable, read) sums USGS MCS 2023 rows in kt: lithium others 1.7 + 0 + 0.9 + 0.71 + 0 = 3.31, nickel others 76 + 18.4 + 429 = 523.4", () => {
    expect(get("li_mined_other")).toMatchObject({value: 3.31, method: "usgs", uncertainty_class: "B", relative_sd: 0.15});
    expect(get("ni_mined_other").value).toBe(523.4);
    expect(get("li_mined_aus")).toMatchObject({value: 55.3, uncertainty_class: "A", relative_sd: 0.05});
    const mined = flows.filter((f) => f.system === "lithium" && f.id.startsWith("li_mined_")).reduce((s, f) => s + f.value!, 0);
    expect(mined).toBeCloseTo(106.88, 9); // the USGS world total, 107 kt rounded, leaves out the withheld U.S.
  });

  it("buildTable(mfaFlowsTable, read) computes flows from the paper's shares: 3596 x 71 % = 2553.16, 47.5 / 70 % - 47.5 = 20.357, 1085 / 65 % = 1669.23", () => {
    expect(get("ni_stainless_out")).toMatchObject({value: 2553.16, method: "paper shares", uncertainty_class: "C"});
    expect(get("ni_other_first_use_out").value).toBeCloseTo(3596 * 0.08, 9);
    expect(get("li_cells_row").value).toBeCloseTo(47.5 / 0.7 - 47.5, 9);
    expect(get("li_chn_to_market").value).toBe(11.9);
    expect(get("ni_eol")).toMatchObject({model: "end_of_life"});
    expect(get("ni_eol").value).toBeCloseTo(1085 / 0.65, 8);
  });

  it("buildTable(mfaFlowsTable, read) leaves derived flows without value or class: missing, never 0", () => {
    const derived = flows.filter((f) => f.method === "derived");
    expect(derived.length).toBe(13 + 17);
    expect(derived.every((f) => f.value === null && f.uncertainty_class === null && f.relative_sd === null)).toBe(true);
    expect(flows.filter((f) => f.method === "model").map((f) => [f.id, f.value])).toEqual([["li_recovered", null], ["ni_collected", null]]);
  });

  describe("parseMfaFlows: bad rows", () => {
    const processesLi = processes;
    const paper = parsePaperValues(read("paper/paper_values.csv"), "paper/paper_values.csv");
    const production = productionTable.build(read);
    const head = "id,from,to,value,unit,year,method,source,class,model,note\n";
    const parse = (row: string) => parseMfaFlows(head + row + "\n", "bad.csv", {system: "lithium", unit: "kt Li", commodity: "lithium"}, {processes: processesLi, paper, production});

    it("parseMfaFlows(text) rejects a value that differs from the paper's, naming file, line and column", () => {
      expect(() => parse("x,li_cell_chn,li_manufacturing,47.4,kt Li,2021,paper,li_cells_chn_2021,B,,")).toThrow(/bad.csv:2: column "value", value "47.4": the paper gives 47.5/);
    });

    it("parseMfaFlows(text) takes a value as digits or blank only: NA, a sign or an exponent is refused", () => {
      for (const v of ["NA", "-1", "+47.5", "4.75e1"]) expect(() => parse(`x,li_cell_chn,li_manufacturing,${v},kt Li,2021,paper,li_cells_chn_2021,B,,`)).toThrow(`column "value", value "${v}": a non-negative number or blank`);
    });

    it("parseMfaFlows(text) rejects a typed value on a derived flow", () => {
      expect(() => parse("x,li_trade,li_ref_chn,58,kt Li,2021,derived,derived,,,")).toThrow(/derived flow is computed by reconciliation, never typed/);
    });

    it("parseMfaFlows(text) rejects a withheld USGS value and an estimate in class A", () => {
      expect(() => parse("x,li_mine_other,li_trade,0,kt Li,2021,usgs,production: MCS2023 lithium 2021 USA,A,,")).toThrow(/is withheld, not a value/);
      expect(() => parse("x,li_mine_chn,li_trade,14,kt Li,2021,usgs,production: MCS2023 lithium 2021 CHN,A,,")).toThrow(/a USGS estimate is class B or C/);
    });

    it("parseMfaFlows(text) rejects an unknown process, a wrong unit and an unknown figure in an expression", () => {
      expect(() => parse("x,li_mine_aus,li_nowhere,,kt Li,2021,derived,derived,,,")).toThrow(/column "to".*not a process of the lithium system/);
      expect(() => parse("x,li_mine_aus,li_trade,55.3,t Li,2021,usgs,production: MCS2023 lithium 2021 AUS,A,,")).toThrow(/column "unit"/);
      expect(() => parse("x,li_ref_chn,li_cell_chn,,kt Li,2021,paper shares,li_chemicals_chn_2021 * no_such_share,C,,")).toThrow(/unknown paper figure "no_such_share"/);
    });

    it("parseMfaFlows(text) rejects a measured flow without an uncertainty class", () => {
      expect(() => parse("x,li_cell_chn,li_manufacturing,47.5,kt Li,2021,paper,li_cells_chn_2021,,,")).toThrow(/every flow with a value needs an uncertainty class/);
    });
  });
});
