/**
 * Data reconciliation as in STAN (Cencic & Rechberger 2008, J. Environ. Eng. Manage. 18(1), 3-7;
 * Narasimhan & Jordache, Data Reconciliation and Gross Error Detection, 2000, ch. 3 and 7):
 * adjust measured values as little as their uncertainties allow so that every balance holds.
 *
 * Variables are measured (value m_i, sd s_i > 0), fixed (a value with no or zero sd: exact), or
 * unmeasured (no value: free). Balances are linear, sum_i a_ki x_i = b_k. With x the measured and
 * y the unmeasured variables, fixed ones moved to b:
 *
 *   minimise  sum_i ((x_i - m_i) / s_i)^2   subject to   A x + B y = b.
 *
 * The unmeasured are eliminated by Gauss-Jordan elimination on their columns (Crowe 1989's
 * projection, done by row reduction): each y_j gets a pivot row y_j = d_j - D_j x, and the rows left
 * over are the reduced balances R x = r0 on the measured values alone (redundant rows dropped).
 * Then, with Q = diag(s_i^2), S = R Q R^T and residual e = R m - r0:
 *
 *   x^ = m - Q R^T S^-1 e,                  Cov(x^) = Q - Q R^T S^-1 R Q,
 *   y^ = d - D x^,                          Cov(y^) = D Cov(x^) D^T,  Cov(y^, x^) = -D Cov(x^),
 *   chi^2 = e^T S^-1 e = sum_i ((x^_i - m_i) / s_i)^2,  degrees of freedom = rank(R),
 *
 * and the p-value is P(chi^2_dof >= chi^2). A measurement whose column in R is zero is not
 * redundant: nothing else checks it, so it is not adjusted. Gross-error (measurement) test, per
 * redundant measurement: z_i = |x^_i - m_i| / sqrt(var(m_i) - var(x^_i)), the adjustment over its own
 * standard deviation, flagged if z_i > zThreshold (Mah & Tamhane 1982, AIChE J. 28(5), 828-830).
 * A gross error smears onto neighbouring measurements; the largest z_i points at the culprit.
 */

import {cholesky, eliminate, zeros} from "./linalg.js";
import {chiSquareSf} from "./special.js";
import type {MfaSystem} from "./system.js";
import {validateSystem} from "./system.js";

/** A variable: measured (value and sd > 0), fixed (value, sd absent or 0) or unmeasured (no value). */
export interface ReconcileVariable {
  id: string;
  value?: number;
  sd?: number;
}

/** A linear balance sum_i terms[id_i] * x_i = rhs (default 0); for a process, inputs +1, outputs -1, stock change -1. */
export interface Balance {
  id: string;
  terms: Readonly<Record<string, number>>;
  rhs?: number;
}

export type VariableStatus = "measured" | "fixed" | "unmeasured";

/** One variable after reconciliation. */
export interface ReconciledVariable {
  id: string;
  status: VariableStatus;
  /** The measured or fixed value; null if unmeasured. */
  measured: number | null;
  /** The measurement's sd; null unless measured. */
  measuredSd: number | null;
  /** The reconciled (or computed, for unmeasured) value. */
  value: number;
  /** Its standard deviation after reconciliation; 0 for fixed values. */
  sd: number;
  /** value - measured; 0 unless measured. */
  adjustment: number;
  /** True for a measurement that the balances check against others (its adjustment can be tested). */
  redundant: boolean;
  /** |adjustment| / sqrt(var(measured) - var(value)); null unless measured and redundant. */
  normalizedAdjustment: number | null;
  /** normalizedAdjustment > zThreshold. */
  grossError: boolean;
}

/** Result of {@link reconcile}. */
export interface Reconciliation {
  /** Variables in input order. */
  variables: ReconciledVariable[];
  /** Reconciled values by id. */
  values: Record<string, number>;
  /** Covariance of the reconciled values, n x n row-major in input order; 0 rows and columns for fixed values. */
  covariance: Float64Array;
  /** sum ((value - measured) / measuredSd)^2 over the measurements. */
  chiSquare: number;
  /** Number of independent balances left once the unmeasured are eliminated. */
  degreesOfFreedom: number;
  /** P(chi^2 with degreesOfFreedom >= chiSquare); 1 when degreesOfFreedom is 0. */
  pValue: number;
  zThreshold: number;
  /** sum terms * value - rhs per balance with the reconciled values: 0 to round-off. */
  balanceResiduals: Record<string, number>;
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Threshold of the gross-error test on |normalised adjustment| (default 1.96: two-sided 5 % per measurement). */
  zThreshold?: number;
}

/** Default gross-error threshold: the two-sided 5 % point of the standard normal. */
export const Z_THRESHOLD = 1.96;

/**
 * Relative tolerance of the elimination: a coefficient at most 1e-10 times the largest in the
 * balances counts as zero. Balances have coefficients of order 1 (+-1 for processes), so real
 * entries are far above it, and round-off of a few hundred operations (1e-13) is far below.
 */
export const PIVOT_TOLERANCE = 1e-10;

/**
 * Relative tolerance for balances that involve fixed values only: they must hold to 1e-9 of the
 * largest value involved, else the data contradict themselves and nothing can be reconciled.
 */
export const CONSISTENCY_TOLERANCE = 1e-9;

/**
 * A measurement is redundant if reconciliation shrinks its variance by more than this share:
 * var(m_i) - var(x^_i) > 1e-12 var(m_i). A non-redundant one shrinks by exactly 0 up to round-off.
 */
export const REDUNDANCY_TOLERANCE = 1e-12;

/**
 * Reconciles `variables` against `balances` by weighted least squares (formulas in the module
 * comment). Throws TypeError on a missing id; RangeError, naming it, on a duplicate variable, a
 * balance term on an unknown variable, a non-finite value, sd or coefficient, a negative sd, an
 * unmeasured variable that the balances do not determine ("... is not determined by the
 * balances"), balances that contradict each other through fixed values alone, or a bad zThreshold.
 * Dense O(n^3) algebra: a 100-flow system takes about 0.5 ms once compiled, about 10 ms on a cold
 * first call (bench/mfa-reconcile.ts).
 */
export function reconcile(variables: readonly ReconcileVariable[], balances: readonly Balance[], options: ReconcileOptions = {}): Reconciliation {
  const zThreshold = options.zThreshold ?? Z_THRESHOLD;
  if (!(zThreshold > 0) || !Number.isFinite(zThreshold)) throw new RangeError(`reconcile: zThreshold must be finite and > 0, got ${zThreshold}`);
  const n = variables.length;
  const status: VariableStatus[] = [];
  const index = new Map<string, number>();
  const unmeasured: number[] = [];
  const measured: number[] = [];
  variables.forEach((v, k) => {
    if (typeof v.id !== "string" || v.id === "") throw new TypeError(`reconcile: variable ${k} has no id`);
    if (index.has(v.id)) throw new RangeError(`reconcile: duplicate variable "${v.id}"`);
    index.set(v.id, k);
    if (v.value !== undefined && !Number.isFinite(v.value)) throw new RangeError(`reconcile: variable "${v.id}" has invalid value ${v.value}`);
    if (v.sd !== undefined && (!Number.isFinite(v.sd) || v.sd < 0)) throw new RangeError(`reconcile: variable "${v.id}" has invalid sd ${v.sd}; sds must be finite and >= 0`);
    const s: VariableStatus = v.value === undefined ? "unmeasured" : v.sd ? "measured" : "fixed";
    status.push(s);
    if (s === "unmeasured") unmeasured.push(k);
    else if (s === "measured") measured.push(k);
  });
  const nu = unmeasured.length;
  const nm = measured.length;
  const column = new Int32Array(n).fill(-1); // column of each variable in the elimination matrix
  unmeasured.forEach((k, j) => (column[k] = j));
  measured.forEach((k, j) => (column[k] = nu + j));

  // Augmented matrix [B | A | b]: one row per balance, fixed values moved to the right-hand side.
  const p = balances.length;
  const w = nu + nm + 1;
  const mat = zeros(p, w);
  const md = mat.data;
  let valueScale = 0;
  for (const v of variables) if (v.value !== undefined) valueScale = Math.max(valueScale, Math.abs(v.value));
  balances.forEach((b, r) => {
    const rhs = b.rhs ?? 0;
    if (!Number.isFinite(rhs)) throw new RangeError(`reconcile: balance "${b.id}" has invalid right-hand side ${rhs}`);
    valueScale = Math.max(valueScale, Math.abs(rhs));
    let right = rhs;
    for (const [id, coef] of Object.entries(b.terms)) {
      const k = index.get(id);
      if (k === undefined) throw new RangeError(`reconcile: balance "${b.id}" refers to unknown variable "${id}"`);
      if (!Number.isFinite(coef)) throw new RangeError(`reconcile: balance "${b.id}" has invalid coefficient ${coef} on "${id}"`);
      if (status[k] === "fixed") right -= coef * variables[k]!.value!;
      else md[r * w + column[k]!]! += coef;
    }
    md[r * w + w - 1] = right;
  });

  // 1. Eliminate the unmeasured; each must get a pivot, else the balances leave it free.
  const rowOrigin = Int32Array.from({length: p}, (_, r) => r);
  const ucols = Array.from({length: nu}, (_, j) => j);
  const e1 = eliminate(mat, ucols, 0, PIVOT_TOLERANCE, rowOrigin);
  // A column without a pivot is free; a pivot row that still involves a free column ties its
  // variable to that free one (x + y known, neither x nor y), so it is not determined either.
  const freeColumns = ucols.filter((j) => e1.pivotRow[j] === -1);
  const free = unmeasured
    .filter((_, j) => {
      const row = e1.pivotRow[j]!;
      return row === -1 || freeColumns.some((f) => md[row * w + f] !== 0);
    })
    .map((k) => `"${variables[k]!.id}"`);
  if (free.length > 0) {
    throw new RangeError(
      `reconcile: ${free.length === 1 ? "unmeasured variable" : "unmeasured variables"} ${free.join(", ")} ${free.length === 1 ? "is" : "are"} not determined by the balances; measure ${free.length === 1 ? "it" : "them"} or add a balance`
    );
  }
  // 2. Reduce what is left (rows below the unmeasured pivots) on the measured columns.
  const mcols = Array.from({length: nm}, (_, j) => nu + j);
  const e2 = eliminate(mat, mcols, nu, PIVOT_TOLERANCE, rowOrigin);
  const dof = e2.rank;
  for (let r = nu + dof; r < p; r++) {
    const left = md[r * w + w - 1]!;
    if (Math.abs(left) > CONSISTENCY_TOLERANCE * Math.max(valueScale, 1e-300)) {
      throw new RangeError(
        `reconcile: balance "${balances[rowOrigin[r]!]!.id}" (combined with others) cannot hold: it involves fixed values only and is off by ${-left}`
      );
    }
  }

  // 3. Weighted least squares on the reduced balances R x = r0 (rows nu .. nu + dof - 1).
  // Scaled by the sds, Rs = R diag(s), S = Rs Rs^T = L L^T, V = L^-1 Rs: then
  // Q R^T S^-1 R Q = diag(s) V^T V diag(s), so no inverse is formed and each step is a triangular solve.
  const m = new Float64Array(nm);
  const sd = new Float64Array(nm);
  measured.forEach((k, j) => {
    m[j] = variables[k]!.value!;
    sd[j] = variables[k]!.sd!;
  });
  const xhat = Float64Array.from(m);
  const cx = new Float64Array(nm * nm); // Cov(x^)
  const adjVar = new Float64Array(nm); // var(m_i) - var(x^_i) = (Q R^T S^-1 R Q)_ii
  let chiSquare = 0;
  if (dof > 0) {
    const v = new Float64Array(dof * nm); // Rs, then V in place
    const e = new Float64Array(dof); // residual R m - r0, then L^-1 e
    for (let k = 0; k < dof; k++) {
      const row = (nu + k) * w + nu;
      let r = -md[row + nm]!;
      for (let j = 0; j < nm; j++) {
        const a = md[row + j]!;
        if (a === 0) continue;
        v[k * nm + j] = a * sd[j]!;
        r += a * m[j]!;
      }
      e[k] = r;
    }
    const s = zeros(dof, dof);
    const sdat = s.data;
    for (let k = 0; k < dof; k++) {
      for (let l = 0; l <= k; l++) {
        let acc = 0;
        for (let j = 0; j < nm; j++) acc += v[k * nm + j]! * v[l * nm + j]!;
        sdat[k * dof + l] = acc;
        sdat[l * dof + k] = acc;
      }
    }
    const {lower} = cholesky(s, 1e-14, (row) => `balance "${balances[rowOrigin[nu + row]!]!.id}"`);
    // Forward substitution L V = Rs and L u = e, row by row.
    for (let k = 0; k < dof; k++) {
      const vk = k * nm;
      for (let l = 0; l < k; l++) {
        const f = lower[k * dof + l]!;
        if (f === 0) continue;
        const vl = l * nm;
        for (let j = 0; j < nm; j++) v[vk + j]! -= f * v[vl + j]!;
        e[k]! -= f * e[l]!;
      }
      const inv = 1 / lower[k * dof + k]!;
      for (let j = 0; j < nm; j++) v[vk + j]! *= inv;
      e[k]! *= inv;
      chiSquare += e[k]! ** 2;
    }
    // x^ = m - Q R^T S^-1 e = m - diag(s) V^T (L^-1 e); lower triangle of cx <- V^T V.
    for (let k = 0; k < dof; k++) {
      const vk = k * nm;
      const ek = e[k]!;
      for (let i = 0; i < nm; i++) {
        const vki = v[vk + i]!;
        if (vki === 0) continue;
        xhat[i]! -= sd[i]! * vki * ek;
        const row = i * nm;
        for (let j = 0; j <= i; j++) cx[row + j]! += vki * v[vk + j]!;
      }
    }
  }
  // Cov(x^) = Q - diag(s) V^T V diag(s), symmetric; its diagonal reduction is the adjustment's variance.
  for (let i = 0; i < nm; i++) {
    const si = sd[i]!;
    for (let j = 0; j < i; j++) {
      const c = -cx[i * nm + j]! * si * sd[j]!;
      cx[i * nm + j] = c;
      cx[j * nm + i] = c;
    }
    adjVar[i] = cx[i * nm + i]! * si * si;
    cx[i * nm + i] = si * si - adjVar[i]!;
  }

  // 4. The unmeasured from their pivot rows: y = d - D x^, Cov(y) = D Cx D^T, Cov(y, x) = -D Cx.
  const yhat = new Float64Array(nu);
  const dcx = new Float64Array(nu * nm); // D Cx
  for (let a = 0; a < nu; a++) {
    const row = e1.pivotRow[a]!;
    let y = md[row * w + w - 1]!;
    for (let j = 0; j < nm; j++) {
      const d = md[row * w + nu + j]!;
      if (d === 0) continue;
      y -= d * xhat[j]!;
      for (let i = 0; i < nm; i++) dcx[a * nm + i]! += d * cx[j * nm + i]!;
    }
    yhat[a] = y;
  }
  const cov = new Float64Array(n * n);
  measured.forEach((ki, i) => measured.forEach((kj, j) => (cov[ki * n + kj] = cx[i * nm + j]!)));
  unmeasured.forEach((ka, a) => {
    measured.forEach((ki, i) => {
      cov[ka * n + ki] = -dcx[a * nm + i]!;
      cov[ki * n + ka] = -dcx[a * nm + i]!;
    });
    unmeasured.forEach((kb, b) => {
      const rowB = e1.pivotRow[b]! * w + nu;
      let v = 0;
      for (let j = 0; j < nm; j++) v += dcx[a * nm + j]! * md[rowB + j]!;
      cov[ka * n + kb] = v;
    });
  });

  const values: Record<string, number> = {};
  const out: ReconciledVariable[] = variables.map((v, k) => {
    const s = status[k]!;
    const c = column[k]!;
    if (s === "fixed") {
      values[v.id] = v.value!;
      return {id: v.id, status: s, measured: v.value!, measuredSd: null, value: v.value!, sd: 0, adjustment: 0, redundant: false, normalizedAdjustment: null, grossError: false};
    }
    if (s === "unmeasured") {
      const y = yhat[c]!;
      values[v.id] = y;
      return {id: v.id, status: s, measured: null, measuredSd: null, value: y, sd: Math.sqrt(Math.max(cov[k * n + k]!, 0)), adjustment: 0, redundant: false, normalizedAdjustment: null, grossError: false};
    }
    const j = c - nu;
    const value = xhat[j]!;
    values[v.id] = value;
    // Redundant if the balances reduce its variance by more than round-off.
    const redundant = adjVar[j]! > REDUNDANCY_TOLERANCE * sd[j]! ** 2;
    const adjustment = value - m[j]!;
    const normalizedAdjustment = redundant ? Math.abs(adjustment) / Math.sqrt(adjVar[j]!) : null;
    return {
      id: v.id,
      status: s,
      measured: m[j]!,
      measuredSd: v.sd!,
      value,
      sd: Math.sqrt(Math.max(cov[k * n + k]!, 0)),
      adjustment,
      redundant,
      normalizedAdjustment,
      grossError: normalizedAdjustment !== null && normalizedAdjustment > zThreshold
    };
  });

  const balanceResiduals: Record<string, number> = {};
  for (const b of balances) {
    let r = -(b.rhs ?? 0);
    for (const [id, coef] of Object.entries(b.terms)) r += coef * values[id]!;
    balanceResiduals[b.id] = r;
  }
  return {variables: out, values, covariance: cov, chiSquare, degreesOfFreedom: dof, pValue: chiSquareSf(Math.max(chiSquare, 0), dof), zThreshold, balanceResiduals};
}

/** Id of the reconciliation variable for a process's stock change. */
export function stockVariableId(process: string): string {
  return `stock:${process}`;
}

/**
 * The reconciliation problem of a system: one variable per flow (id = flow id) and per stock
 * change (id = {@link stockVariableId}), one balance per process inside the boundary (id =
 * process id): inputs - outputs - stock change = 0. A flow or stock change marked `derived` is
 * unmeasured (its value was computed, so it is no evidence); one with sd > 0 is measured; one
 * without sd, or sd 0, is fixed (STAN treats values without uncertainty as exact). Validates the
 * system (throws as validateSystem).
 */
export function reconciliationProblem(system: MfaSystem): {variables: ReconcileVariable[]; balances: Balance[]} {
  validateSystem(system);
  const variable = (id: string, value: number, sd: number | undefined, derived: boolean | undefined): ReconcileVariable =>
    derived ? {id} : sd ? {id, value, sd} : {id, value};
  const variables = system.flows.map((f) => variable(f.id, f.value, f.sd, f.derived));
  for (const s of system.stocks ?? []) variables.push(variable(stockVariableId(s.process), s.change, s.sd, s.derived));
  const balances: Balance[] = system.processes
    .filter((pr) => !pr.boundary)
    .map((pr) => {
      const terms: Record<string, number> = {};
      for (const f of system.flows) {
        if (f.to === pr.id) terms[f.id] = (terms[f.id] ?? 0) + 1;
        if (f.from === pr.id) terms[f.id] = (terms[f.id] ?? 0) - 1;
      }
      if (system.stocks?.some((s) => s.process === pr.id)) terms[stockVariableId(pr.id)] = -1;
      return {id: pr.id, terms};
    });
  return {variables, balances};
}

/**
 * Reconciles a system's flows and stock changes against its process balances (see
 * {@link reconciliationProblem} for which values count as measured, fixed or unmeasured). Throws as
 * validateSystem and reconcile, e.g. RangeError 'unmeasured variable "f3" is not determined by the
 * balances'.
 */
export function reconcileSystem(system: MfaSystem, options: ReconcileOptions = {}): Reconciliation {
  const {variables, balances} = reconciliationProblem(system);
  return reconcile(variables, balances, options);
}

/**
 * A copy of the system with reconciled values and their sds (sd left out where it is 0, i.e. for
 * fixed values); everything else, including `derived`, is kept. Data far off can reconcile to a
 * negative flow, which the copy keeps and validateSystem then rejects. `result` must come from
 * reconcileSystem on this system; throws RangeError on a flow or stock it does not contain.
 */
export function applyReconciliation(system: MfaSystem, result: Reconciliation): MfaSystem {
  const byId = new Map(result.variables.map((v) => [v.id, v]));
  const get = (id: string) => {
    const v = byId.get(id);
    if (!v) throw new RangeError(`applyReconciliation: the reconciliation has no variable "${id}"`);
    return v;
  };
  const withSd = <T extends {sd?: number}>(x: T, sd: number): T => {
    const {sd: _old, ...rest} = x;
    void _old;
    return (sd > 0 ? {...rest, sd} : rest) as T;
  };
  return {
    processes: system.processes,
    flows: system.flows.map((f) => {
      const v = get(f.id);
      return {...withSd(f, v.sd), value: v.value};
    }),
    ...(system.stocks ? {stocks: system.stocks.map((s) => {
      const v = get(stockVariableId(s.process));
      return {...withSd(s, v.sd), change: v.value};
    })} : {})
  };
}
