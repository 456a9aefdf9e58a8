import {elementBuilder, type Child} from "../reader/dom.js";

/** The fields of a `framework_shocks` row (Table 1) the table shows. */
export interface ShockRow {
  shock_order: number;
  shock: string;
  strategy: string;
  in_source_list: boolean;
  note: string | null;
}

/** The fields of a `resilience_metrics` row (Table 2) the table shows. */
export interface Table2Row {
  row_in_table: number;
  id: string;
  capacity: string;
  metric: string;
  definition: string;
  indicators: string;
  literature: string;
}


/**
 * Table 1 as printed: each shock once, its strategies listed beside it (one row per shock, the
 * strategies as a list), from the one-row-per-strategy table; a shock whose strategies are all
 * filtered out is left out. Shocks outside the framework's list of sources of shock are marked.
 * Rows carry `data-shock` with the shock's order.
 */
export function ShockTable(rows: readonly ShockRow[], {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  const shocks = [...new Map(rows.map((r) => [r.shock_order, r])).values()].sort((a, b) => a.shock_order - b.shock_order);
  const body = h("tbody");
  for (const shock of shocks) {
    const mine = rows.filter((r) => r.shock_order === shock.shock_order);
    const notes = mine.flatMap((r) => (r.note ? [r.note] : []));
    const tr = h(
      "tr",
      {"data-shock": String(shock.shock_order)},
      h("td", {class: "num"}, String(shock.shock_order)),
      h("td", {}, shock.shock, shock.in_source_list ? "" : h("div", {class: "muted"}, "not among the seven sources of shock listed above the table")),
      h("td", {}, h("ul", {}, ...mine.map((r) => h("li", {}, r.strategy)))),
      h("td", {class: "muted"}, notes.join(" "))
    );
    body.append(tr);
  }
  return h("table", {class: "framework-table"}, h("thead", {}, h("tr", {}, ...["", "Main type of shock", "Mitigation strategies", "Transcription note"].map((t) => h("th", {}, t)))), body);
}

/**
 * Table 2 as printed, capacities as group headings, with a last column saying where on the page
 * each metric is computed (`computed`, by metric id: a node or text). Rows carry `data-metric`.
 */
export function MetricsTable(
  rows: readonly Table2Row[],
  {computed = {}, document = globalThis.document}: {computed?: Readonly<Record<string, Child>>; document?: Document} = {}
): HTMLTableElement {
  const h = elementBuilder(document);
  const body = h("tbody");
  let capacity = "";
  for (const r of [...rows].sort((a, b) => a.row_in_table - b.row_in_table)) {
    if (r.capacity !== capacity) {
      capacity = r.capacity;
      body.append(h("tr", {class: "capacity"}, h("th", {colspan: "5"}, capacity)));
    }
    const where = computed[r.id];
    body.append(
      h(
        "tr",
        {"data-metric": r.id},
        h("td", {}, h("b", {}, r.metric)),
        h("td", {}, r.definition),
        h("td", {}, r.indicators),
        h("td", {class: "muted"}, r.literature),
        h("td", {}, where === undefined ? "" : typeof where === "string" ? where : where.cloneNode(true))
      )
    );
  }
  return h("table", {class: "framework-table"}, h("thead", {}, h("tr", {}, ...["Metric", "Definition", "Example of indicators", "Key literature", "On this page"].map((t) => h("th", {}, t)))), body);
}
