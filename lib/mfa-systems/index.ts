/**
 * The lithium and nickel material-flow systems of 2021 as the reader's model: rows from the sources
 * (rows.ts), the reader's assumptions turned into a reconciled MfaSystem (model.ts), end of life
 * from a dynamic stock model (end-of-life.ts), and the paper's figures beside the model's
 * (comparisons.ts). Pure TypeScript on lib/mfa, for Node and the browser.
 */

export type {UncertaintyClass} from "./uncertainty.js";
export {UNCERTAINTY_CLASSES, isUncertaintyClass, relativeSd} from "./uncertainty.js";
export type {Evaluated, Figure} from "./expression.js";
export {evaluateExpression} from "./expression.js";
export type {FlowMethod, FlowSources, MfaFlowRow, MfaProcessRow, ModelRole} from "./rows.js";
export {FLOW_METHODS, MFA_PROCESSES_FILE, MFA_SYSTEM_FILES, MFA_YEAR, MODEL_ROLES, STAGE_NAMES, parseMfaFlows, parseMfaProcesses} from "./rows.js";
export type {EndOfLife, LifetimeAssumption} from "./end-of-life.js";
export {GROWTH_SEARCH, calibrateGrowth, endOfLife, geometricInflow, lifetimeOf} from "./end-of-life.js";
export type {Assumptions, FlowResult, FlowStatus, ModelProcess, ModelResult, ModelSystem, SystemConfig} from "./model.js";
export {NEGATIVE_TOLERANCE, SYSTEM_CONFIGS, defaultAssumptions, runModel, validateAssumptions} from "./model.js";
export type {Comparison, ComparisonSpec, Selector} from "./comparisons.js";
export {COMPARISONS, HEDGES, HEDGE_TOLERANCE, compareWithPaper, halfUnit} from "./comparisons.js";
