import type {MitigationShock} from "../../lib/policy/mitigation.js";

/** What the table shows of a measure. */
export interface MitigationMeasureLabel {
  measure_id: string;
  title: string;
  jurisdiction: string;
  source_url: string;
}

export interface MitigationTableOptions {
  /** Measures listed by name in a cell before "and n more". */
  maxListed?: number;
  document?: Document;
}

/**
 * The mitigation-strategies view as an HTML table: for each shock of the paper's Table 1, each
 * strategy printed for it, the number of measures pursuing it and the first few by name (linked
 * to their source); a strategy no measure pursues is marked as a gap; a last row per shock counts
 * the measures addressing it by other means. Rows carry data-shock, data-strategy and data-count.
 */
export function MitigationTable<M extends MitigationMeasureLabel>(view: readonly MitigationShock<M>[], {maxListed = 4, document}: MitigationTableOptions = {}): HTMLTableElement {
  const doc = document ?? globalThis.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const list = (measures: readonly M[]) => {
    if (!measures.length) return el("span", {class: "gap"}, "none");
    const items: (Node | string)[] = [];
    measures.slice(0, maxListed).forEach((m, i) => {
      if (i) items.push("; ");
      items.push(el("a", {href: m.source_url, title: m.measure_id}, m.title), ` (${m.jurisdiction})`);
    });
    if (measures.length > maxListed) items.push(`; and ${measures.length - maxListed} more`);
    return el("span", {}, ...items);
  };
  const table = el("table", {class: "mitigation"});
  table.append(el("thead", {}, el("tr", {}, el("th", {}, "Main type of shock (Table 1)"), el("th", {}, "Mitigation strategy (Table 1)"), el("th", {class: "num"}, "Measures"), el("th", {}, "Which"))));
  const body = el("tbody");
  for (const shock of view) {
    const rowspan = String(shock.strategies.length + 1);
    shock.strategies.forEach((s, i) => {
      const tr = el("tr", {"data-shock": shock.shock_id ?? "", "data-strategy": s.strategy_id ?? "", "data-count": String(s.measures.length), class: s.measures.length ? "" : "gap-row"});
      if (i === 0) tr.append(el("th", {rowspan, scope: "rowgroup"}, `${shock.shock_order}. ${shock.shock}`, el("br"), el("span", {class: "muted"}, `${shock.total} ${shock.total === 1 ? "measure names" : "measures name"} this shock`)));
      tr.append(el("td", {}, s.strategy_id === null ? `${s.strategy} (not in the classification)` : s.strategy), el("td", {class: "num"}, String(s.measures.length)), el("td", {}, list(s.measures)));
      body.append(tr);
    });
    body.append(el("tr", {"data-shock": shock.shock_id ?? "", "data-strategy": "other", "data-count": String(shock.other.length), class: "other-row"}, el("td", {}, el("i", {}, "Other means (no strategy of this row)")), el("td", {class: "num"}, String(shock.other.length)), el("td", {}, shock.other.length ? list(shock.other) : "–")));
  }
  table.append(body);
  return table;
}
