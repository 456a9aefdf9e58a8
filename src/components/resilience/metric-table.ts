import {elementBuilder} from "../reader/dom.js";
import {formatPercent} from "../reader/format.js";

/** The fields of a metric entry (lib/resilience/mineral-metrics.ts `MetricEntry`) the table shows. */
export interface MetricRow {
  metric: string;
  indicator: string;
  label: string;
  formula: string;
  kind: "index" | "share" | "count" | "quantity" | "score";
  unit: string;
  value: {value: number | null; reason?: string};
  basis: string;
}

/** A Table 2 metric's name, for the group headings: `resilience_metrics` rows. */
export interface MetricName {
  id: string;
  metric: string;
  capacity: string;
}

/**
 * A metric's value as text: an index with one decimal (3,576.6), a share as a percentage with two
 * (91.21 %), a count whole or with two decimals, a quantity with one decimal and its unit, a
 * score with three decimals; Infinity reads "never (∞)". A missing value reads "missing".
 */
export function formatMetricValue({kind, unit, value: {value}}: Pick<MetricRow, "kind" | "unit" | "value">): string {
  if (value === null || Number.isNaN(value)) return "missing";
  if (value === Infinity) return "never (∞)";
  const fixed = (x: number, d: number) => x.toLocaleString("en-GB", {minimumFractionDigits: d, maximumFractionDigits: d});
  switch (kind) {
    case "index":
      return fixed(value, 1);
    case "share":
      return formatPercent(value, 2);
    case "count":
      return Number.isInteger(value) ? fixed(value, 0) : fixed(value, 2);
    case "quantity":
      return `${fixed(value, 1)} ${unit}`;
    case "score":
      return fixed(value, 3);
  }
}

/**
 * The metric dashboard of one mineral and stage: one row per indicator, grouped under its Table 2
 * metric, with the formula next to the value and what it is computed from. A missing value is
 * shown as missing with its reason, never as 0. Rows carry `data-indicator` and, when missing,
 * `data-missing`; the value cell carries `data-value` (the raw number) when present.
 */
export function MetricTable(rows: readonly MetricRow[], {names = [], document = globalThis.document}: {names?: readonly MetricName[]; document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  const body = h("tbody");
  const order = names.map((n) => n.id);
  const groups = [...new Set(rows.map((r) => r.metric))].sort((a, b) => rank(order, a) - rank(order, b));
  for (const metric of groups) {
    const name = names.find((n) => n.id === metric);
    body.append(h("tr", {"data-metric": metric}, h("th", {class: "metric-group", colspan: "4"}, name ? name.metric : metric, name ? h("span", {class: "muted"}, ` · ${name.capacity}`) : "")));
    for (const row of rows.filter((r) => r.metric === metric)) {
      const missing = row.value.value === null;
      const value = missing
        ? h("td", {class: "missing"}, h("b", {}, formatMetricValue(row)), h("div", {class: "reason"}, row.value.reason ?? "no reason given"))
        : h("td", {class: "num", "data-value": String(row.value.value)}, h("b", {}, formatMetricValue(row)), (row.kind === "index" || row.kind === "count") && row.unit ? h("div", {class: "muted"}, row.unit) : "");
      body.append(
        h("tr", {"data-indicator": row.indicator, ...(missing ? {"data-missing": ""} : {})}, h("td", {}, row.label), h("td", {}, h("code", {}, row.formula)), value, h("td", {class: "basis"}, row.basis))
      );
    }
  }
  return h("table", {class: "metric-table"}, h("thead", {}, h("tr", {}, ...["Indicator", "Formula", "Value", "Computed from"].map((t) => h("th", {}, t)))), body);
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}
