import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {MetricTable, formatMetricValue, type MetricRow} from "../../src/components/resilience/metric-table.ts";

const rows: MetricRow[] = [
  {metric: "supply_concentration", indicator: "hhi", label: "HHI", formula: "HHI = Σᵢ (100 · qᵢ / Q)²", kind: "index", unit: "0-10,000", value: {value: 3576.58}, basis: "MCS 2023"},
  {metric: "supply_concentration", indicator: "top3", label: "Top-3", formula: "CR₃", kind: "share", unit: "%", value: {value: 0.912149}, basis: "MCS 2023"},
  {metric: "stockpile_coverage", indicator: "stockpile_days", label: "Stockpile", formula: "C = S / (Q / 365)", kind: "quantity", unit: "days of demand", value: {value: null, reason: "stockpileCoverage: stock is missing"}, basis: "no stocks"}
];
const names = [
  {id: "supply_concentration", metric: "Supply concentration / diversification", capacity: "Anticipation (risk exposure)"},
  {id: "stockpile_coverage", metric: "Inventory buffer / stockpile coverage", capacity: "Absorption (robustness)"}
];

function render() {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return MetricTable(rows, {names, document});
}

describe("formatMetricValue", () => {
  it("formatMetricValue(entry) writes an index with one decimal, a share with two, Infinity as never, missing as missing", () => {
    expect(formatMetricValue(rows[0]!)).toBe("3,576.6");
    expect(formatMetricValue(rows[1]!)).toBe("91.21 %");
    expect(formatMetricValue(rows[2]!)).toBe("missing");
    expect(formatMetricValue({kind: "quantity", unit: "months", value: {value: Infinity}})).toBe("never (∞)");
    expect(formatMetricValue({kind: "quantity", unit: "years", value: {value: 243.0}})).toBe("243.0 years");
    expect(formatMetricValue({kind: "count", unit: "", value: {value: 7}})).toBe("7");
    expect(formatMetricValue({kind: "count", unit: "", value: {value: 2.7959}})).toBe("2.80");
    expect(formatMetricValue({kind: "score", unit: "", value: {value: 0.36234}})).toBe("0.362");
  });
});

describe("MetricTable", () => {
  it("MetricTable(rows, {names}) groups indicators under their Table 2 metric, formula beside the value", () => {
    const table = render();
    expect([...table.querySelectorAll("th.metric-group")].map((th) => th.textContent)).toEqual([
      "Supply concentration / diversification · Anticipation (risk exposure)",
      "Inventory buffer / stockpile coverage · Absorption (robustness)"
    ]);
    const hhi = table.querySelector("tr[data-indicator=hhi]")!;
    expect([...hhi.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["HHI", "HHI = Σᵢ (100 · qᵢ / Q)²", "3,576.60-10,000", "MCS 2023"]);
    expect(hhi.querySelector("td[data-value]")?.getAttribute("data-value")).toBe("3576.58");
  });

  it("MetricTable(rows) shows a missing value as missing with its reason, never as 0", () => {
    const row = render().querySelector("tr[data-indicator=stockpile_days]")!;
    expect(row.hasAttribute("data-missing")).toBe(true);
    expect(row.querySelector("td.missing")?.textContent).toBe("missingstockpileCoverage: stock is missing");
    expect(row.querySelector("[data-value]")).toBeNull();
  });
});
