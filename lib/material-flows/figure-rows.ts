/**
 * The material-flow figures' rows as the model reads them. A figure's SQL (lib/figures/material-flows.ts)
 * returns one system's processes, flows and, for the end-of-life figures, the paper's end-of-life
 * figures, as one table with a `row_kind` column ("process", "flow", "paper") and the columns of
 * mfa_processes, mfa_flows and paper_values by name. These functions check those rows (a reader may
 * have edited them), split them, and run the model of model.ts on them with the reader's assumptions.
 * Every check throws RangeError naming the row and the column, so that a bad edit reads as a
 * message in place of the chart.
 */

import {isUncertaintyClass} from "./uncertainty.js";
import {runModel, type Assumptions, type ModelResult} from "./model.js";
import {FLOW_METHODS, MODEL_ROLES, type FlowMethod, type MfaFlowRow, type MfaProcessRow, type ModelRole} from "./rows.js";

export type FigureRow = Record<string, unknown>;

/** The rows of one system, split and checked. `paper` holds the paper rows' values by id. */
export interface SystemInputs {
  system: string;
  processes: MfaProcessRow[];
  flows: MfaFlowRow[];
  paper: Map<string, number>;
}

const KINDS = ["process", "flow", "paper"] as const;

function describe(row: FigureRow, i: number): string {
  const id = typeof row.id === "string" ? ` (${String(row.row_kind)} ${row.id})` : "";
  return `row ${i + 1}${id}`;
}

// A number from Arrow or DuckDB-WASM: number, or bigint for a column the reader cast to BIGINT.
export function numberOf(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

/** Splits a figure's rows into the processes, flows and paper figures of `system`; throws RangeError on a row the model cannot read. */
export function systemInputs(rows: readonly FigureRow[], system: string): SystemInputs {
  const processes: MfaProcessRow[] = [];
  const flows: MfaFlowRow[] = [];
  const paper = new Map<string, number>();
  rows.forEach((row, i) => {
    const where = describe(row, i);
    const text = (column: string, {optional = false} = {}): string => {
      const v = row[column];
      if ((v === null || v === undefined) && optional) return "";
      if (typeof v !== "string" || (!optional && v === "")) throw new RangeError(`${where}: ${column} must be text, got ${v === undefined ? "no such column" : JSON.stringify(v)}`);
      return v;
    };
    const number = (column: string, {optional = false} = {}): number | null => {
      const v = numberOf(row[column]);
      if (v === undefined || (v === null && !optional)) throw new RangeError(`${where}: ${column} must be a number, got ${row[column] === undefined ? "no such column" : JSON.stringify(String(row[column]))}`);
      return v;
    };
    const flag = (column: string): boolean => {
      const v = row[column];
      if (typeof v !== "boolean") throw new RangeError(`${where}: ${column} must be true or false, got ${JSON.stringify(v ?? null)}`);
      return v;
    };
    const kind = row.row_kind;
    if (!KINDS.includes(kind as (typeof KINDS)[number])) throw new RangeError(`${where}: row_kind must be process, flow or paper, got ${JSON.stringify(kind ?? null)}`);
    if (text("system") !== system) return;
    const id = text("id");
    if (kind === "paper") {
      paper.set(id, number("value")!);
      return;
    }
    if (kind === "process") {
      processes.push({system, id, label: text("label"), stage: number("stage")!, stage_name: text("stage_name"), state: text("state"), boundary: flag("boundary"), stock: flag("stock"), residual: row.residual === undefined || row.residual === null ? false : flag("residual"), note: text("note", {optional: true})});
      return;
    }
    const value = number("value", {optional: true});
    if (value !== null && value < 0) throw new RangeError(`${where}: value must be 0 or more, got ${value}`);
    const method = text("method");
    if (!FLOW_METHODS.includes(method as FlowMethod)) throw new RangeError(`${where}: method must be one of ${FLOW_METHODS.join(", ")}, got ${JSON.stringify(method)}`);
    const model = row.model ?? null;
    if (model !== null && !MODEL_ROLES.includes(model as ModelRole)) throw new RangeError(`${where}: model must be empty or one of ${MODEL_ROLES.join(", ")}, got ${JSON.stringify(model)}`);
    const uncertaintyClass = row.uncertainty_class ?? null;
    if (uncertaintyClass !== null && !(typeof uncertaintyClass === "string" && isUncertaintyClass(uncertaintyClass))) throw new RangeError(`${where}: uncertainty_class must be empty, A, B or C, got ${JSON.stringify(uncertaintyClass)}`);
    const relativeSd = number("relative_sd", {optional: true});
    if (relativeSd !== null && !(relativeSd > 0)) throw new RangeError(`${where}: relative_sd must be above 0, got ${relativeSd}`);
    if ((value !== null || model === "end_of_life") && model !== "collection" && model !== "recovery" && relativeSd === null) {
      throw new RangeError(`${where}: a flow with a value needs a relative_sd (0.05, 0.15 or 0.3 for classes A, B, C)`);
    }
    flows.push({
      system,
      id,
      from_process: text("from_process"),
      to_process: text("to_process"),
      value,
      unit: text("unit"),
      year: number("year")!,
      method: method as FlowMethod,
      source: text("source", {optional: true}),
      uncertainty_class: uncertaintyClass as MfaFlowRow["uncertainty_class"],
      relative_sd: relativeSd,
      model: model as ModelRole | null,
      note: text("note", {optional: true}),
      source_file: text("source_file", {optional: true}),
      source_line: number("source_line", {optional: true}) ?? 0
    });
  });
  if (!processes.length) throw new RangeError(`the rows hold no process of the ${system} system (row_kind = 'process', system = '${system}')`);
  if (!flows.length) throw new RangeError(`the rows hold no flow of the ${system} system (row_kind = 'flow', system = '${system}')`);
  const known = new Set(processes.map((p) => p.id));
  for (const f of flows) {
    for (const end of [f.from_process, f.to_process]) if (!known.has(end)) throw new RangeError(`flow ${f.id}: process ${JSON.stringify(end)} is not among the rows' processes`);
  }
  return {system, processes, flows, paper};
}

/** The reconciled system of a figure's rows under the reader's assumptions (runModel on systemInputs); throws as both. */
export function buildSystem(rows: readonly FigureRow[], system: string, assumptions: Assumptions): ModelResult {
  const {flows, processes} = systemInputs(rows, system);
  return runModel(flows, processes, system, assumptions);
}

/** Mine output of a system: the sum of the data values of flows out of its stage-0 processes (USGS rows). */
export function minedTotal(inputs: Pick<SystemInputs, "flows" | "processes">): number {
  const mines = new Set(inputs.processes.filter((p) => p.stage === 0).map((p) => p.id));
  return inputs.flows.filter((f) => mines.has(f.from_process)).reduce((s, f) => s + (f.value ?? 0), 0);
}

/**
 * The paper's end-of-life flow of 2021 for a system, from its figures: lithium, li_eol_ev_2021
 * (EV battery lithium reaching end of life); nickel, recycled scrap over its share of the waste,
 * ni_recycled_scrap_2021 / (ni_recycled_share_of_waste_2021 / 100). Null when a figure is missing.
 */
export function paperEndOfLife(paper: ReadonlyMap<string, number>, system: string): number | null {
  if (system === "lithium") return paper.get("li_eol_ev_2021") ?? null;
  if (system === "nickel") {
    const scrap = paper.get("ni_recycled_scrap_2021");
    const share = paper.get("ni_recycled_share_of_waste_2021");
    return scrap === undefined || share === undefined || !(share > 0) ? null : scrap / (share / 100);
  }
  return null;
}

/** What an end-of-life chart draws: the inflow history and the outflow by year, the model's and the paper's last-year points. */
export interface EndOfLifeSeries {
  unit: string;
  lastYear: number;
  series: {year: number; value: number; series: "inflow" | "outflow"}[];
  model: number;
  /** The paper's end-of-life flow, or null when the rows lack it (drawn as missing). */
  paper: number | null;
}

/** The end-of-life figure of a figure's rows under the reader's assumptions: buildSystem, then its dynamic stock model's series. */
export function endOfLifeSeries(rows: readonly FigureRow[], system: string, assumptions: Assumptions): EndOfLifeSeries {
  const inputs = systemInputs(rows, system);
  const result = runModel(inputs.flows, inputs.processes, system, assumptions);
  return endOfLifeOf(result, paperEndOfLife(inputs.paper, system));
}

/** The series of a model result's end of life, with the paper's value beside it. */
export function endOfLifeOf(result: ModelResult, paper: number | null): EndOfLifeSeries {
  const e = result.endOfLife;
  return {
    unit: result.unit,
    lastYear: e.lastYear,
    series: e.years.flatMap((year, i) => [
      {year, value: e.inflow[i]!, series: "inflow" as const},
      {year, value: e.outflow[i]!, series: "outflow" as const}
    ]),
    model: e.outflowLast,
    paper
  };
}
