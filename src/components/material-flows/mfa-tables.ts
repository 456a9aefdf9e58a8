import type {Comparison} from "../../lib/material-flows/comparisons.js";
import type {ModelResult} from "../../lib/material-flows/model.js";
import {formatFlow as fmt} from "./end-of-life-chart.js";

type Cell = string | Node;

function maker(document: Document) {
  return <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Cell[]): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
}

const ROLE_TEXT: Record<string, string> = {input: "input", check: "check", consistency: "consistency"};

/** A value with its standard deviation: "-0" read as 0, and no "± 0" where the sd rounds to nothing (a value fixed by its inputs). */
function withSd(value: number, sd: number | null | undefined): string {
  const v = fmt(value) === "-0" ? "0" : fmt(value);
  return sd && fmt(sd) !== "0" && fmt(sd) !== "-0" ? `${v} ± ${fmt(sd)}` : v;
}

/**
 * The paper's figures beside the model's (lib/material-flows compareWithPaper), checks first, then
 * consistency tests, then inputs: the paper's value with its hedge, the model's with one standard
 * deviation, the figure's role, the verdict (agreement is claimed for checks only: an input holds by
 * construction), and where the paper states it. Each row carries data-paper, data-role,
 * data-verdict and data-agrees; the model's cell data-value.
 */
export function ComparisonTable(comparisons: readonly Comparison[], id: string, {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = maker(document);
  const head = h(
    "thead",
    {},
    h("tr", {}, h("th", {}, "2021"), h("th", {class: "num"}, "Paper"), h("th", {class: "num"}, "Model (± 1 sd)"), h("th", {}, "Role in the model"), h("th", {}, "Verdict"), h("th", {}, "Where in the paper"))
  );
  const order = (c: Comparison) => (c.role === "check" ? 0 : c.role === "consistency" ? 1 : c.role === "input" ? 2 : 3);
  const sorted = comparisons.map((c, i) => ({c, i})).sort((a, b) => order(a.c) - order(b.c) || a.i - b.i);
  const verdict = (c: Comparison): Cell[] => {
    const within = h("span", {class: "muted"}, ` (±${fmt(c.tolerance)})`);
    if (c.verdict === "by construction") return ["holds by construction", h("span", {class: "muted"}, ` (${c.agrees ? "met" : "not met: the balances move it"})`)];
    if (c.verdict === "differs") return [h("strong", {}, "differs"), within];
    if (c.verdict === "agrees") return ["agrees", within];
    return [c.agrees ? "within uncertainty" : h("strong", {}, "outside uncertainty"), within];
  };
  const rows = sorted.map(({c}) =>
    h(
      "tr",
      {"data-paper": c.paper, "data-agrees": String(c.agrees), "data-role": c.role ?? "", "data-verdict": c.verdict},
      h("td", {}, c.quantity),
      h("td", {class: "num"}, `${c.qualifier ? `${c.qualifier} ` : ""}${c.paperValue.toLocaleString("en-GB")} ${c.unit}`),
      h("td", {class: "num", "data-value": String(c.model)}, `${withSd(c.model, c.sd)} ${c.unit}`),
      h("td", {}, c.role ? ROLE_TEXT[c.role] ?? c.role : "not given"),
      h("td", {}, ...verdict(c)),
      h("td", {}, c.location)
    )
  );
  return h("table", {class: "comparison", "data-comparison": id}, head, h("tbody", {}, ...rows));
}

const STATUS: Record<string, string> = {measured: "measured", fixed: "fixed", derived: "derived", model: "model"};

/**
 * Every flow of a reconciled system: its data value, what entered the reconciliation, the reconciled
 * value with its standard deviation, the adjustment (and in standard deviations), its class and
 * source; then the stock changes; then the chi-square test and whether every process balances.
 * A flow with no data value reads "none", an unmeasured input "unmeasured".
 */
export function ReconciliationTable(r: ModelResult, {document = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const h = maker(document);
  const muted = (text: string) => h("span", {class: "muted"}, text);
  const head = h(
    "thead",
    {},
    h("tr", {}, ...["Flow", "Status", "Data", "Into reconciliation (± sd)", "Reconciled (± sd)", "Adjustment (z)", "Class", "Source"].map((t, i) => h("th", i >= 2 && i <= 5 ? {class: "num"} : {}, t)))
  );
  const flows = r.flows.map((f) =>
    h(
      "tr",
      {"data-flow-row": f.id},
      h("td", {}, `${f.fromLabel} → ${f.toLabel}`),
      h("td", {}, STATUS[f.status] ?? f.status),
      h("td", {class: "num"}, f.dataValue === null ? muted("none") : fmt(f.dataValue)),
      h("td", {class: "num"}, f.input === null ? muted("unmeasured") : withSd(f.input, f.inputSd)),
      h("td", {class: "num", "data-value": String(f.value)}, withSd(f.value, f.sd)),
      h("td", {class: "num"}, f.normalizedAdjustment === null ? "" : `${fmt(f.adjustment)} (${f.normalizedAdjustment.toFixed(2)})`),
      h("td", {}, f.uncertaintyClass ?? ""),
      h("td", {}, h("code", {}, f.source), ...(f.note ? [h("br"), muted(f.note)] : []))
    )
  );
  const stocks = r.stocks.map((s) =>
    h(
      "tr",
      {"data-stock-row": s.process},
      h("td", {}, `${s.label}: stock change`),
      h("td", {}, "derived"),
      h("td", {class: "num"}, muted("none")),
      h("td", {class: "num"}, muted("unmeasured")),
      h("td", {class: "num", "data-value": String(s.value)}, withSd(s.value, s.sd)),
      h("td"),
      h("td"),
      h("td", {}, h("code", {}, "derived"))
    )
  );
  const rec = r.reconciliation;
  const dof = rec.degreesOfFreedom;
  const note = h(
    "p",
    {class: "figure-source"},
    `χ² = ${rec.chiSquare.toPrecision(3)} with ${dof} degree${dof === 1 ? "" : "s"} of freedom (p = ${rec.pValue.toFixed(3)}); ${r.flows.filter((f) => f.grossError).length} gross errors at z > 1.96. Every process balances to ${r.tolerance} of its throughput: ${r.balances.every((b) => b.balanced) ? "yes" : "no"}.`
  );
  return h("div", {}, h("div", {class: "table-scroll"}, h("table", {class: "reconciliation", "data-reconciliation": r.system}, head, h("tbody", {}, ...flows, ...stocks))), note);
}
