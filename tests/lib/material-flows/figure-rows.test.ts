import {describe, expect, it} from "vitest";
import {buildSystem, endOfLifeOf, endOfLifeSeries, minedTotal, paperEndOfLife, systemInputs, type FigureRow} from "../../../lib/material-flows/figure-rows.ts";
import type {Assumptions} from "../../../lib/material-flows/model.ts";

// A small lithium system worked by hand: 90 kt mined into refining, refining into use (an in-use
// stock), end of life from use into collection, collected into recycling, recovered back to
// refining; what is not collected goes to waste, what recycling does not recover to losses.
const process = (id: string, stage: number, extra: Partial<FigureRow> = {}): FigureRow => ({
  row_kind: "process", system: "lithium", id, label: id, stage, stage_name: "mining", state: "s", boundary: false, stock: false, note: null, ...extra
});
const flow = (id: string, from: string, to: string, value: number | null, extra: Partial<FigureRow> = {}): FigureRow => ({
  row_kind: "flow", system: "lithium", id, from_process: from, to_process: to, value, unit: "kt Li", year: 2021, method: value === null ? "derived" : "paper",
  source: "test", uncertainty_class: value === null ? null : "A", relative_sd: value === null ? null : 0.05, model: null, note: null, source_file: "t.csv", source_line: 1, ...extra
});
const ROWS: FigureRow[] = [
  process("mine", 0, {boundary: true}),
  process("refine", 1),
  process("use", 2, {stock: true}),
  process("collect", 3),
  process("recycle", 4),
  process("waste", 4, {boundary: true}),
  process("loss", 5, {boundary: true}),
  flow("mined", "mine", "refine", 90),
  flow("into_use", "refine", "use", null),
  flow("eol", "use", "collect", 10, {method: "model", model: "end_of_life", uncertainty_class: "B", relative_sd: 0.15}),
  flow("collected", "collect", "recycle", 4, {method: "model", model: "collection", uncertainty_class: null, relative_sd: null}),
  flow("uncollected", "collect", "waste", null),
  flow("recovered", "recycle", "refine", null, {method: "model", model: "recovery"}),
  flow("lost", "recycle", "loss", null),
  {row_kind: "paper", system: "lithium", id: "li_eol_ev_2021", value: 5.9, unit: "kt Li", year: 2021, label: "EV end of life", note: "Figure 5"},
  process("ni_mine", 0, {system: "nickel"})
];
// A fixed lifetime of 10 years: the outflow of 2021 is the inflow of 2011.
const A: Assumptions = {collectionRate: 0.5, recoveryEfficiency: 0.8, lifetime: {mean: 10, sd: 0}, growth: 0};

describe("systemInputs", () => {
  it("splits one system's rows into processes, flows and paper figures, leaving other systems out", () => {
    const inputs = systemInputs(ROWS, "lithium");
    expect(inputs.processes.map((p) => p.id)).toEqual(["mine", "refine", "use", "collect", "recycle", "waste", "loss"]);
    expect(inputs.flows).toHaveLength(7);
    expect(inputs.flows[0]).toMatchObject({id: "mined", value: 90, relative_sd: 0.05, note: "", model: null});
    expect([...inputs.paper]).toEqual([["li_eol_ev_2021", 5.9]]);
  });

  it("reads a BIGINT column from DuckDB-WASM as a number", () => {
    const rows = ROWS.map((r) => (r.id === "mined" ? {...r, value: 90n, year: 2021n} : r));
    expect(systemInputs(rows, "lithium").flows[0]).toMatchObject({value: 90, year: 2021});
  });

  it.each([
    [{row_kind: "edge"}, /row 8 \(edge mined\): row_kind must be process, flow or paper/],
    [{value: -5}, /row 8 \(flow mined\): value must be 0 or more, got -5/],
    [{value: "90"}, /row 8 \(flow mined\): value must be a number/],
    [{relative_sd: null}, /row 8 \(flow mined\): a flow with a value needs a relative_sd/],
    [{to_process: "nowhere"}, /flow mined: process "nowhere" is not among the rows' processes/],
    [{method: "guess"}, /method must be one of/],
    [{model: "other"}, /model must be empty or one of/]
  ])("throws RangeError naming the row and the column on an edit the model cannot read (%o)", (edit, message) => {
    const rows = ROWS.map((r) => (r.id === "mined" ? {...r, ...edit} : r));
    expect(() => systemInputs(rows, "lithium")).toThrow(RangeError);
    expect(() => systemInputs(rows, "lithium")).toThrow(message);
  });

  it("throws when the rows hold none of the system", () => {
    expect(() => systemInputs(ROWS.filter((r) => r.row_kind !== "flow"), "lithium")).toThrow(/no flow of the lithium system/);
  });
});

describe("buildSystem", () => {
  it("runs the model on the rows: flows worked by hand", () => {
    // The 2021 inflow into use is taken with end of life at its data value, 10 kt, and the
    // reader's rates: 90 + 0.8 x 0.5 x 10 = 94 kt. With no growth and a fixed 10-year lifetime,
    // end of life in 2021 = inflow of 2011 = 94 kt.
    const r = buildSystem(ROWS, "lithium", A);
    expect(r.values.eol).toBeCloseTo(94, 9);
    expect(r.values.collected).toBeCloseTo(0.5 * 94, 9); // 47
    expect(r.values.uncollected).toBeCloseTo(47, 9);
    expect(r.values.recovered).toBeCloseTo(0.8 * 47, 9); // 37.6
    expect(r.values.lost).toBeCloseTo(9.4, 9);
    expect(r.values.into_use).toBeCloseTo(90 + 37.6, 9); // 127.6
    expect(r.stocks.find((s) => s.process === "use")!.value).toBeCloseTo(127.6 - 94, 9); // 33.6
  });

  it("with growth g the end of life is the 2021 inflow over (1 + g)^10", () => {
    expect(buildSystem(ROWS, "lithium", {...A, growth: 0.1}).values.eol).toBeCloseTo(94 / 1.1 ** 10, 6); // 36.24
  });

  it("follows an edited flow", () => {
    const rows = ROWS.map((r) => (r.id === "mined" ? {...r, value: 180} : r));
    expect(buildSystem(rows, "lithium", A).values.into_use).toBeCloseTo(180 + 0.8 * 0.5 * 184, 9);
  });
});

describe("minedTotal, paperEndOfLife, endOfLifeSeries", () => {
  it("minedTotal sums the flows out of stage-0 processes", () => {
    expect(minedTotal(systemInputs(ROWS, "lithium"))).toBe(90);
  });

  it("paperEndOfLife: lithium's stated flow; nickel's recycled scrap over its share of waste; missing is null", () => {
    expect(paperEndOfLife(new Map([["li_eol_ev_2021", 5.9]]), "lithium")).toBe(5.9);
    expect(paperEndOfLife(new Map([["ni_recycled_scrap_2021", 1085], ["ni_recycled_share_of_waste_2021", 65]]), "nickel")).toBeCloseTo(1085 / 0.65, 9); // 1,669.2
    expect(paperEndOfLife(new Map([["ni_recycled_scrap_2021", 1085]]), "nickel")).toBeNull();
    expect(paperEndOfLife(new Map(), "lithium")).toBeNull();
  });

  it("endOfLifeSeries: inflow and outflow for every year from 2000 to 2021, the model's and the paper's last point", () => {
    const s = endOfLifeSeries(ROWS, "lithium", A);
    expect(s.series).toHaveLength(2 * 22);
    expect(s.series.at(-2)).toEqual({year: 2021, value: 94, series: "inflow"});
    const outflow = (year: number) => s.series.find((d) => d.year === year && d.series === "outflow")!.value;
    expect(outflow(2009)).toBe(0); // nothing entered use before 2000
    expect(outflow(2010)).toBeCloseTo(94, 9); // the inflow of 2000, 10 years on
    expect(s.model).toBeCloseTo(94, 9);
    expect(s.paper).toBe(5.9);
    expect(s.unit).toBe("kt Li");
    expect(endOfLifeOf(buildSystem(ROWS, "lithium", A), null).paper).toBeNull();
  });
});
