import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {ComparisonTable, ReconciliationTable} from "../../src/components/material-flows/mfa-tables.ts";
import {buildSystem, type FigureRow} from "../../lib/material-flows/figure-rows.ts";
import type {Comparison} from "../../lib/material-flows/comparisons.ts";

const document = new JSDOM("<!doctype html><body></body>").window.document;
const cells = (row: Element) => [...row.querySelectorAll("td")].map((td) => td.textContent);

describe("ComparisonTable", () => {
  const c = {paper: "li_recycled_share_2021", figure: "5", quantity: "Share recycled", location: "Figure 5 discussion", unit: "%", qualifier: "around", paperValue: 25, model: 23.73, sd: 1.5, tolerance: 2.5, agrees: true, role: "check", verdict: "agrees"} as Comparison;

  it("sets the paper's figure beside the model's, with the hedge, one sd, the role and the verdict", () => {
    const table = ComparisonTable([c, {...c, paper: "x", qualifier: "", model: 50, sd: 0, agrees: false, verdict: "differs"}], "lithium", {document});
    expect(table.getAttribute("data-comparison")).toBe("lithium");
    const [a, b] = [...table.querySelectorAll("tbody tr")];
    expect(cells(a!)).toEqual(["Share recycled", "around 25 %", "23.7 ± 1.5 %", "check", "agrees (±2.5)", "Figure 5 discussion"]);
    expect(a!.getAttribute("data-agrees")).toBe("true");
    expect(cells(b!)).toEqual(["Share recycled", "25 %", "50 %", "check", "differs (±2.5)", "Figure 5 discussion"]); // no sd shown when it is 0
    expect(b!.querySelector("strong")?.textContent).toBe("differs");
  });

  it("claims agreement for checks only: an input reads 'holds by construction', and checks come first", () => {
    const input = {...c, paper: "li_eol_ev_2021", role: "input", verdict: "by construction"} as Comparison;
    const table = ComparisonTable([input, c], "lithium", {document});
    const [first, second] = [...table.querySelectorAll("tbody tr")];
    expect(first!.getAttribute("data-paper")).toBe("li_recycled_share_2021");
    expect(second!.getAttribute("data-verdict")).toBe("by construction");
    expect(cells(second!)[4]).toBe("holds by construction (met)");
    expect(table.textContent).not.toMatch(/agrees.*holds by construction \(met\).*agrees/);
  });
});

describe("ReconciliationTable", () => {
  // 10 kt mined into a process that sends 6 kt (measured) on and the rest (derived, 4 kt) to waste.
  const p = (id: string, stage: number, boundary = false): FigureRow => ({row_kind: "process", system: "lithium", id, label: id, stage, stage_name: "mining", state: "s", boundary, stock: false, note: null});
  const f = (id: string, from: string, to: string, value: number | null, extra: FigureRow = {}): FigureRow => ({
    row_kind: "flow", system: "lithium", id, from_process: from, to_process: to, value, unit: "kt Li", year: 2021, method: value === null ? "derived" : "paper", source: value === null ? "derived" : "paper", uncertainty_class: value === null ? null : "A", relative_sd: value === null ? null : 0.05, model: null, note: null, source_line: 1, ...extra
  });
  const rows: FigureRow[] = [
    p("mine", 0, true), p("pool", 1), p("use", 2), p("waste", 2, true), p("collect", 3), p("recycle", 4),
    f("mined", "mine", "pool", 10), f("on", "pool", "use", 6), f("off", "pool", "waste", null), f("eol", "use", "collect", 6, {method: "model", model: "end_of_life", relative_sd: 0.15}),
    f("collected", "collect", "recycle", null, {method: "model", model: "collection"}), f("recovered", "recycle", "pool", null, {method: "model", model: "recovery"}), f("lost", "collect", "waste", null)
  ];

  it("lists every flow with its data value, status and reconciled value, and says the system balances", () => {
    // Collection 0 and a fixed 10-year lifetime with no growth: end of life = the 2021 inflow, 6 kt.
    const r = buildSystem(rows, "lithium", {collectionRate: 0, recoveryEfficiency: 1, lifetime: {mean: 10, sd: 0}, growth: 0});
    const table = ReconciliationTable(r, {document});
    const off = table.querySelector("tr[data-flow-row=off]")!;
    expect(cells(off).slice(0, 5)).toEqual(["pool → waste", "derived", "none", "unmeasured", "4 ± 0.58"]); // sd = sqrt(0.5^2 + 0.3^2) = 0.583, the sds of 10 and 6 kt at 5 %
    expect(Number(off.querySelector("[data-value]")!.getAttribute("data-value"))).toBeCloseTo(4, 9);
    expect(cells(table.querySelector("tr[data-flow-row=mined]")!).slice(0, 3)).toEqual(["mine → pool", "measured", "10"]);
    expect(table.querySelector("p.figure-source")!.textContent).toContain("Every process balances");
    expect(table.querySelector("p.figure-source")!.textContent).toMatch(/: yes\.$/);
  });
});
