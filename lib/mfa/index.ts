/**
 * Material-flow-analysis engine: systems and mass balance, transfer coefficients, lifetime models
 * and dynamic stocks, data reconciliation, and Monte Carlo propagation. Pure TypeScript, no
 * dependencies, for Node and the browser.
 */

export type {Flow, MfaSystem, Process, ProcessBalance, StockChange} from "./system.js";
export {BALANCE_TOLERANCE, inflowsOf, massBalance, outflowsOf, validateSystem} from "./system.js";

export {STOCK_KEY, TRANSFER_TOLERANCE, applyTransferCoefficients, transferCoefficients} from "./transfer.js";

export type {InflowTiming, Lifetime, SurvivalTable} from "./lifetime.js";
export {INFLOW_AGE_OFFSET, outflowPdf, survival, survivalCurve, survivalTable, validateLifetime} from "./lifetime.js";

export type {DynamicStock, DynamicStockOptions, NegativeInflow} from "./dynamic-stock.js";
export {NEGATIVE_INFLOW_TOLERANCE, inflowDrivenModel, stockBalance, stockDrivenModel} from "./dynamic-stock.js";

export type {Balance, Reconciliation, ReconcileOptions, ReconcileVariable, ReconciledVariable, VariableStatus} from "./reconcile.js";
export {
  CONSISTENCY_TOLERANCE,
  PIVOT_TOLERANCE,
  REDUNDANCY_TOLERANCE,
  Z_THRESHOLD,
  applyReconciliation,
  reconcile,
  reconcileSystem,
  reconciliationProblem,
  stockVariableId
} from "./reconcile.js";

export type {Distribution} from "./distributions.js";
export {sample, standardNormal, validateDistribution} from "./distributions.js";
export type {Rng} from "../random.js";
export {createRng} from "../random.js";

export type {MonteCarloOptions, MonteCarloResult, OutputSummary} from "./monte-carlo.js";
export {flowDistributions, monteCarlo, quantileSorted, summarize} from "./monte-carlo.js";

export {chiSquareSf, erf, erfc, logGamma, normalCdf, normalSf, regularizedGammaP, regularizedGammaQ} from "./special.js";

export type {Cholesky, Elimination, LU, Matrix} from "./linalg.js";
export {cholesky, choleskySolve, eliminate, fromRows, luFactor, luSolve, multiply, transpose, zeros} from "./linalg.js";
