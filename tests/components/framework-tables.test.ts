import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {buildTable} from "../../lib/tables/define.ts";
import {frameworkShocksTable} from "../../lib/tables/framework-shocks.ts";
import {resilienceMetricsTable} from "../../lib/tables/resilience-metrics.ts";
import {MetricsTable, ShockTable} from "../../src/components/resilience/framework-tables.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const shocks = buildTable(frameworkShocksTable, read);
const metrics = buildTable(resilienceMetricsTable, read);
const doc = () => new JSDOM("<!doctype html><body></body>").window.document;

describe("ShockTable", () => {
  it("ShockTable(rows) shows each of Table 1's eight shocks once, with its strategies as a list", () => {
    const table = ShockTable(shocks, {document: doc()});
    const rows = [...table.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-shock"))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect([...rows[0]!.querySelectorAll("li")].map((li) => li.textContent)).toHaveLength(5);
    expect(rows[7]!.textContent).toContain("not among the seven sources of shock");
    expect(rows[0]!.textContent).not.toContain("not among");
  });

  it("ShockTable(filtered rows) leaves out shocks with no strategy left", () => {
    const table = ShockTable(shocks.filter((r) => /stockpil/i.test(r.strategy)), {document: doc()});
    expect([...table.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-shock"))).toEqual(["5"]);
  });
});

describe("MetricsTable", () => {
  it("MetricsTable(rows, {computed}) groups Table 2 under its five capacities, with where each metric is computed", () => {
    const document = doc();
    const table = MetricsTable(metrics, {computed: {time_to_survive: "explorer"}, document});
    expect([...table.querySelectorAll("tr.capacity")].map((r) => r.textContent)).toEqual([
      "Anticipation (risk exposure)",
      "Absorption (robustness)",
      "Adaptation (flexibility)",
      "Recovery (bounce-back)",
      "System-level resilience"
    ]);
    expect(table.querySelectorAll("tr[data-metric]")).toHaveLength(12);
    expect(table.querySelector("tr[data-metric=time_to_survive] td:last-child")?.textContent).toBe("explorer");
  });
});
