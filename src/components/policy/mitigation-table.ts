import type {MitigationShock} from "../../lib/policy/mitigation.js";
import {splitList} from "../../lib/policy/vocabulary.js";

/** What the table shows of a record. */
export interface MitigationMeasureLabel {
  policy_id: string;
  title: string;
  countries: string;
  learn_more: string | null;
}

/** Where a record links: the text the IEA links to, else the IEA database searched by title. */
export const recordUrl = (r: {title: string; learn_more: string | null}) => r.learn_more ?? `https://www.iea.org/policies?q=${encodeURIComponent(r.title)}`;

export interface MitigationTableOptions {
  /** Measures listed by name in a cell before "and n more". */
  maxListed?: number;
  document?: Document;
}

/**
 * The mitigation-strategies view as an HTML table: for each shock of the paper's Table 1, each
 * strategy printed for it, the number of records pursuing it and the first few by name (linked
 * to their source); a strategy no record pursues is marked as a gap. Rows carry data-shock,
 * data-strategy and data-count.
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
      const countries = splitList(m.countries);
      items.push(el("a", {href: recordUrl(m), title: m.policy_id}, m.title), ` (${countries.slice(0, 3).join(", ")}${countries.length > 3 ? ", ..." : ""})`);
    });
    if (measures.length > maxListed) items.push(`; and ${measures.length - maxListed} more`);
    return el("span", {}, ...items);
  };
  const table = el("table", {class: "mitigation"});
  table.append(el("thead", {}, el("tr", {}, el("th", {}, "Main type of shock (Table 1)"), el("th", {}, "Mitigation strategy (Table 1)"), el("th", {class: "num"}, "Records"), el("th", {}, "Which"))));
  const body = el("tbody");
  for (const shock of view) {
    const rowspan = String(shock.strategies.length);
    shock.strategies.forEach((s, i) => {
      const tr = el("tr", {"data-shock": shock.shock_id ?? "", "data-strategy": s.strategy_id ?? "", "data-count": String(s.measures.length), class: s.measures.length ? "" : "gap-row"});
      if (i === 0) tr.append(el("th", {rowspan, scope: "rowgroup"}, `${shock.shock_order}. ${shock.shock}`, el("br"), el("span", {class: "muted"}, `${shock.total} ${shock.total === 1 ? "record addresses" : "records address"} this shock`)));
      tr.append(el("td", {}, s.strategy_id === null ? `${s.strategy} (not in the classification)` : s.strategy), el("td", {class: "num"}, String(s.measures.length)), el("td", {}, list(s.measures)));
      body.append(tr);
    });
  }
  table.append(body);
  return table;
}
