/**
 * The rows of the lithium and nickel systems of 2021 (tables mfa_processes and mfa_flows) and their
 * vocabulary; lib/sources/mfa.ts reads them from data/sources/mfa/ and checks them.
 */

import type {UncertaintyClass} from "./uncertainty.js";

/** How a flow's value was taken (see data/sources/mfa/README.md). */
export type FlowMethod = "paper" | "usgs" | "paper shares" | "estimate" | "derived" | "model";
export const FLOW_METHODS: readonly FlowMethod[] = ["paper", "usgs", "paper shares", "estimate", "derived", "model"];

/**
 * The part a flow plays in the reader's model, where the model recomputes it from an assumption:
 * end_of_life = outflow of the in-use stock from the dynamic stock model; collection = collection
 * rate x inputs of the collecting process; recovery = recovery efficiency x inputs of recycling.
 */
export type ModelRole = "end_of_life" | "collection" | "recovery";
export const MODEL_ROLES: readonly ModelRole[] = ["end_of_life", "collection", "recovery"];

/** The paper's five stages (its Figure 2 discussion); a process belongs to one. */
export const STAGE_NAMES = ["mining", "refining", "manufacturing", "use", "end of life"] as const;

/** One process of a system. */
export interface MfaProcessRow {
  system: string;
  id: string;
  label: string;
  /** Column of the process, left to right (0 = mining). */
  stage: number;
  /** The paper's stage the process belongs to. */
  stage_name: string;
  /** State of the material the process handles, e.g. "chemicals", "in use". */
  state: string;
  /** True for sources and sinks outside the system: no balance. */
  boundary: boolean;
  /** True if the process holds a stock whose change is derived by reconciliation. */
  stock: boolean;
  /**
   * True for a balancing remainder: what the balances leave over, with no source of its own (e.g.
   * refining outside China, mine output less China's refining). Drawn hatched as unallocated,
   * never as a region or a product.
   */
  residual: boolean;
  note: string;
}

/** One flow of a system. `value` is the data value in the unit, null if the sources give none. */
export interface MfaFlowRow {
  system: string;
  id: string;
  from_process: string;
  to_process: string;
  value: number | null;
  unit: string;
  year: number;
  method: FlowMethod;
  /** A paper figure id, an expression of them, a USGS row ("production: ..."), "derived" or the assumption. */
  source: string;
  uncertainty_class: UncertaintyClass | null;
  /** One standard deviation as a share of the value; null without a class. */
  relative_sd: number | null;
  model: ModelRole | null;
  note: string;
  source_file: string;
  source_line: number;
}

export const MFA_YEAR = 2021;
