/**
 * The paper's stated figures beside the model's. Each comparison is a model quantity, a sum of
 * flows or a ratio of two sums (x 100 when the paper gives a percentage), with its standard
 * deviation from the reconciled covariance by the delta method (first-order propagation, JCGM
 * 100:2008 sect. 5.1): for q = N / D with N = sum a_k x_k and D = sum b_k x_k,
 *
 *   dq/dx_k = (a_k D - b_k N) / D^2,      var(q) = g^T Cov(x^) g.
 *
 * The model meets a paper figure p if |q - p| <= max(Z x sd(q), half a unit of p's last printed
 * digit, 10 % of p when the paper hedges it with "about", "around", "nearly", "approximately" or
 * "roughly"), with Z = 1.96 (95 %). Otherwise the page says that the model does not meet it.
 *
 * Each comparison carries the figure's role (lib/sources/mfa-paper-roles.ts, table mfa_paper_roles): only a check
 * can confirm the model; an input agrees by construction, and a consistency test relates the
 * paper's inputs to each other. `verdict` says which.
 */

import {Z_THRESHOLD} from "../mfa/index.js";
import type {PaperValue} from "../sources/paper-values.js";
import type {ModelResult} from "./model.js";
import type {PaperRole} from "../sources/mfa-paper-roles.js";

/** Flows to add up: by id, all flows out of some processes, or all flows into some. */
export interface Selector {
  flows?: readonly string[];
  outOf?: readonly string[];
  into?: readonly string[];
}

/** A paper figure and the model quantity that stands for it. */
export interface ComparisonSpec {
  /** Id in paper_values.csv. */
  paper: string;
  of: Selector;
  /** Denominator, for shares. */
  per?: Selector;
  /** The paper's figure the quantity appears in, e.g. "Figure 5". */
  figure: string;
}

/** Hedges that make a paper figure approximate, and the relative tolerance they allow. */
export const HEDGES: readonly string[] = ["about", "around", "nearly", "approximately", "roughly"];
export const HEDGE_TOLERANCE = 0.1;

export const COMPARISONS: Readonly<Record<string, readonly ComparisonSpec[]>> = {
  lithium: [
    {paper: "li_mine_aus_2021", of: {flows: ["li_mined_aus"]}, figure: "Figure 3"},
    {paper: "li_mine_share_aus_2021", of: {flows: ["li_mined_aus"]}, per: {into: ["li_trade"]}, figure: "Figure 5"},
    {paper: "li_mine_share_chl_2021", of: {flows: ["li_mined_chl"]}, per: {into: ["li_trade"]}, figure: "Figure 5"},
    {paper: "li_chemicals_chn_2021", of: {outOf: ["li_ref_chn"]}, figure: "Figure 5"},
    {paper: "li_chemicals_chn_domestic_share", of: {flows: ["li_chn_to_cells"]}, per: {outOf: ["li_ref_chn"]}, figure: "Figure 5"},
    {paper: "li_cells_chn_2021", of: {outOf: ["li_cell_chn"]}, figure: "Figure 5"},
    {paper: "li_cells_chn_share_2021", of: {outOf: ["li_cell_chn"]}, per: {into: ["li_manufacturing"]}, figure: "Figure 5"},
    {paper: "li_ev_2021", of: {into: ["li_ev_use"]}, figure: "Figure 5"},
    {paper: "li_eol_ev_2021", of: {flows: ["li_eol_ev"]}, figure: "Figure 5"},
    {paper: "li_recycled_2021", of: {flows: ["li_collected"]}, figure: "Figure 5"},
    {paper: "li_recycled_share_2021", of: {flows: ["li_collected"]}, per: {flows: ["li_eol_ev"]}, figure: "Figure 5"},
    {paper: "li_share_in_libs", of: {into: ["li_cell_chn", "li_cell_row"]}, per: {outOf: ["li_ref_chn", "li_ref_row"]}, figure: "Data gaps"}
  ],
  nickel: [
    {paper: "ni_mine_idn_2021", of: {flows: ["ni_mined_idn"]}, figure: "Figure 4"},
    {paper: "ni_mine_phl_2021", of: {flows: ["ni_mined_phl"]}, figure: "Figure 4"},
    {paper: "ni_mine_rus_2021", of: {flows: ["ni_mined_rus"]}, figure: "Figure 4"},
    {paper: "ni_mine_ncl_2021", of: {flows: ["ni_mined_ncl"]}, figure: "Figure 4"},
    {paper: "ni_mine_aus_2021", of: {flows: ["ni_mined_aus"]}, figure: "Figure 4"},
    {paper: "ni_mine_can_2021", of: {flows: ["ni_mined_can"]}, figure: "Figure 4"},
    {paper: "ni_mine_chn_2021", of: {flows: ["ni_mined_chn"]}, figure: "Figure 4"},
    {paper: "ni_ferronickel_2021", of: {flows: ["ni_npi_feni_idn_out", "ni_npi_feni_chn_out", "ni_npi_feni_other_out"]}, figure: "Figure 4"},
    {paper: "ni_npi_feni_idn_2021", of: {flows: ["ni_npi_feni_idn_out"]}, figure: "Figure 4"},
    {paper: "ni_intermediates_chn_2021", of: {flows: ["ni_npi_feni_chn_out"]}, figure: "Figure 4"},
    {paper: "ni_metal_2021", of: {flows: ["ni_metal_out"]}, figure: "Figure 4"},
    {paper: "ni_first_use_2021", of: {outOf: ["ni_fabrication"]}, figure: "Figure 6"},
    {paper: "ni_scrap_input_share_2021", of: {flows: ["ni_recycled_scrap"]}, per: {into: ["ni_fabrication"]}, figure: "Figure 6"},
    {paper: "ni_first_use_stainless_share", of: {flows: ["ni_stainless_out"]}, per: {outOf: ["ni_fabrication"]}, figure: "Figure 6"},
    {paper: "ni_first_use_alloys_share", of: {flows: ["ni_alloys_out"]}, per: {outOf: ["ni_fabrication"]}, figure: "Figure 6"},
    {paper: "ni_first_use_libs_share", of: {flows: ["ni_batteries_out"]}, per: {outOf: ["ni_fabrication"]}, figure: "Figure 6"},
    {paper: "ni_end_use_engineering_share", of: {flows: ["ni_engineering_out"]}, per: {outOf: ["ni_manufacturing"]}, figure: "Figure 6"},
    {paper: "ni_end_use_metal_goods_share", of: {flows: ["ni_metal_goods_out"]}, per: {outOf: ["ni_manufacturing"]}, figure: "Figure 6"},
    {paper: "ni_end_use_transport_share", of: {flows: ["ni_transport_out"]}, per: {outOf: ["ni_manufacturing"]}, figure: "Figure 6"},
    {paper: "ni_recycled_scrap_2021", of: {flows: ["ni_recycled_scrap"]}, figure: "Figure 6"},
    {paper: "ni_recycled_share_of_waste_2021", of: {flows: ["ni_recycled_scrap"]}, per: {flows: ["ni_eol"]}, figure: "Figure 6"}
  ]
};

/** One paper figure beside the model's. */
export interface Comparison {
  paper: string;
  figure: string;
  quantity: string;
  location: string;
  unit: string;
  qualifier: string;
  paperValue: number;
  model: number;
  sd: number;
  /** Allowed |model - paper| (module comment). */
  tolerance: number;
  difference: number;
  agrees: boolean;
  /** What the figure is to the model (mfa_paper_roles); null where the roles give none. */
  role: PaperRole | null;
  /** agrees or differs for a check or a consistency test; "by construction" for an input. */
  verdict: "agrees" | "differs" | "by construction" | "no role";
}

/** Half a unit of the last printed digit: 59.5 -> 0.05, 3596 -> 0.5. */
export function halfUnit(value: number): number {
  const text = String(value);
  const decimals = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
  return 0.5 * 10 ** -decimals;
}

function coefficients(result: ModelResult, s: Selector, what: string): Map<string, number> {
  const flows = result.reconciled.flows;
  const ids = new Set<string>();
  for (const id of s.flows ?? []) {
    if (!flows.some((f) => f.id === id)) throw new RangeError(`${what}: no flow "${id}" in the ${result.system} system`);
    ids.add(id);
  }
  for (const [list, end] of [[s.outOf, "from"], [s.into, "to"]] as const) {
    for (const p of list ?? []) {
      if (!result.reconciled.processes.some((q) => q.id === p)) throw new RangeError(`${what}: no process "${p}" in the ${result.system} system`);
      for (const f of flows) if (f[end] === p) ids.add(f.id);
    }
  }
  return new Map([...ids].map((id) => [id, 1]));
}

/** A figure's role in one system, as the table mfa_paper_roles gives it. */
export interface RoleRow {
  system: string;
  paper_id: string;
  role: string;
}

/**
 * Every comparison of the result's system (COMPARISONS), in order, with the paper's figures from
 * paper_values and their roles from mfa_paper_roles. Throws RangeError on a spec naming an unknown
 * flow, process or paper figure, or a zero denominator.
 */
export function compareWithPaper(
  result: ModelResult,
  paper: readonly PaperValue[],
  roles: readonly RoleRow[] = [],
  specs: readonly ComparisonSpec[] = COMPARISONS[result.system] ?? []
): Comparison[] {
  const roleOf = new Map(roles.filter((r) => r.system === result.system).map((r) => [r.paper_id, r.role as PaperRole]));
  const {reconciliation} = result;
  const index = new Map(reconciliation.variables.map((v, i) => [v.id, i]));
  const n = reconciliation.variables.length;
  const cov = reconciliation.covariance;
  const value = (c: Map<string, number>) => [...c].reduce((s, [id, a]) => s + a * result.values[id]!, 0);
  return specs.map((spec) => {
    const p = paper.find((x) => x.id === spec.paper);
    if (!p) throw new RangeError(`compareWithPaper: no paper figure "${spec.paper}"`);
    const num = coefficients(result, spec.of, spec.paper);
    const den = spec.per ? coefficients(result, spec.per, spec.paper) : null;
    const N = value(num);
    const D = den ? value(den) : 1;
    if (den && !(D !== 0)) throw new RangeError(`compareWithPaper: "${spec.paper}" divides by a zero flow`);
    const scale = p.unit === "%" ? 100 : 1;
    const g = new Float64Array(n);
    for (const [id, a] of num) g[index.get(id)!]! += (scale * a) / D;
    if (den) for (const [id, b] of den) g[index.get(id)!]! -= (scale * b * N) / (D * D);
    let variance = 0;
    for (let i = 0; i < n; i++) {
      if (g[i] === 0) continue;
      for (let j = 0; j < n; j++) variance += g[i]! * cov[i * n + j]! * g[j]!;
    }
    const model = (scale * N) / D;
    const sd = Math.sqrt(Math.max(variance, 0));
    const hedged = HEDGES.includes(p.qualifier);
    const tolerance = Math.max(Z_THRESHOLD * sd, halfUnit(p.value), hedged ? HEDGE_TOLERANCE * Math.abs(p.value) : 0);
    const difference = model - p.value;
    const agrees = Math.abs(difference) <= tolerance;
    const role = roleOf.get(p.id) ?? null;
    return {
      paper: p.id,
      figure: spec.figure,
      quantity: p.quantity,
      location: p.location,
      unit: p.unit,
      qualifier: p.qualifier,
      paperValue: p.value,
      model,
      sd,
      tolerance,
      difference,
      agrees,
      role,
      verdict: role === null ? "no role" : role === "input" ? "by construction" : agrees ? "agrees" : "differs"
    };
  });
}
