/**
 * The lithium and nickel systems of 2021 as data (data/sources/mfa/): one row per process and
 * one per flow, checked against the sources they cite, so that every value traces to a paper figure
 * (data/sources/paper/paper_values.csv) or a USGS production row (MCS 2023), or is left blank
 * to be derived by reconciliation. Nothing here computes a flow the sources do not give.
 */

import {evaluateExpression, type Figure} from "../material-flows/expression.js";
import {FLOW_METHODS, MFA_YEAR, MODEL_ROLES, STAGE_NAMES, type FlowMethod, type MfaFlowRow, type MfaProcessRow, type ModelRole} from "../material-flows/rows.js";
import {isUncertaintyClass, relativeSd, type UncertaintyClass} from "../material-flows/uncertainty.js";
import {parseCsv} from "./csv.js";
import type {PaperValue} from "./paper-values.js";
import {SourceError} from "./source-error.js";
import type {ProductionRow} from "./usgs-mcs.js";

/** The source files of the two systems. */
export const MFA_SYSTEM_FILES = [
  {system: "lithium", file: "mfa/lithium_2021.csv", unit: "kt Li", commodity: "lithium"},
  {system: "nickel", file: "mfa/nickel_2021.csv", unit: "kt Ni", commodity: "nickel"}
] as const;
export const MFA_PROCESSES_FILE = "mfa/processes.csv";

const yesNo = (file: string, line: number, column: string, text: string): boolean => {
  if (text === "yes") return true;
  if (text === "no") return false;
  throw new SourceError(file, line, column, text, "yes or no");
};

/**
 * Reads processes.csv: ids unique and lower-case snake_case, a known system, a whole stage >= 0, one
 * of the paper's stage names, a non-empty state and label, boundary and stock as yes/no, and no
 * stock on a boundary process, residual as yes/no. Throws SourceError naming file, line, column and value.
 */
export function parseMfaProcesses(text: string, file: string, systems: readonly string[] = MFA_SYSTEM_FILES.map((s) => s.system)): MfaProcessRow[] {
  const {records} = parseCsv(text, file, {required: ["system", "id", "label", "stage", "stage_name", "state", "boundary", "stock", "residual", "note"]});
  const ids = new Set<string>();
  return records.map(({line, values: v}) => {
    const system = v.system!.trim();
    if (!systems.includes(system)) throw new SourceError(file, line, "system", system, `one of ${systems.join(", ")}`);
    const id = v.id!.trim();
    if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new SourceError(file, line, "id", id, "ids are lower-case snake_case");
    if (ids.has(id)) throw new SourceError(file, line, "id", id, "duplicate process id");
    ids.add(id);
    const label = v.label!.trim();
    if (!label) throw new SourceError(file, line, "label", label, "must not be empty");
    const stage = Number(v.stage);
    if (v.stage!.trim() === "" || !Number.isInteger(stage) || stage < 0) throw new SourceError(file, line, "stage", v.stage, "a whole number >= 0");
    const stageName = v.stage_name!.trim();
    if (!(STAGE_NAMES as readonly string[]).includes(stageName)) throw new SourceError(file, line, "stage_name", stageName, `one of ${STAGE_NAMES.join(", ")}`);
    const state = v.state!.trim();
    if (!state) throw new SourceError(file, line, "state", state, "must not be empty");
    const boundary = yesNo(file, line, "boundary", v.boundary!.trim());
    const stock = yesNo(file, line, "stock", v.stock!.trim());
    if (boundary && stock) throw new SourceError(file, line, "stock", v.stock, "a boundary process holds no stock");
    const residual = yesNo(file, line, "residual", v.residual!.trim());
    return {system, id, label, stage, stage_name: stageName, state, boundary, stock, residual, note: v.note!.trim()};
  });
}

/** What a flow table is checked against. */
export interface FlowSources {
  processes: readonly MfaProcessRow[];
  paper: readonly PaperValue[];
  production: readonly ProductionRow[];
  /** Figures from other sources that "estimate" flows may name (e.g. the IEA's EV sales shares). */
  figures?: readonly {id: string; value: number; unit: string}[];
}

const CLOSE = 1e-9; // typed values must equal their source to round-off

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= CLOSE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The value of a USGS source, "production: <edition> <commodity> <year> <place> [+ <place> ...]",
 * places as ISO 3166-1 alpha-3 codes or "Other countries": the sum of those mine-production rows,
 * in kt, and whether any of them is a USGS estimate. Throws Error (the caller wraps it) on a
 * malformed source, a place not in the table, or a withheld or missing value.
 */
function usgsValue(source: string, commodity: string, production: readonly ProductionRow[]): {kt: number; estimated: boolean} {
  const m = /^production: (MCS\d{4}) ([a-z]+) (\d{4}) (.+)$/.exec(source);
  if (!m) throw new Error(`a USGS source reads "production: <edition> <commodity> <year> <place> + ...", e.g. "production: MCS2023 lithium 2021 AUS"`);
  const [, edition, com, yearText, placesText] = m;
  if (com !== commodity) throw new Error(`the source is for ${com}, the system for ${commodity}`);
  const year = Number(yearText);
  if (year !== MFA_YEAR) throw new Error(`the source is for ${year}, the system for ${MFA_YEAR}`);
  let kt = 0;
  let estimated = false;
  for (const place of placesText!.split("+").map((s) => s.trim())) {
    const row = production.find(
      (r) => r.edition === edition && r.commodity === commodity && r.stage === "mine" && r.year === year && (place === "Other countries" ? r.kind === "other" : r.iso3 === place && r.kind === "country")
    );
    if (!row) throw new Error(`no ${edition} mine production row for ${commodity} ${year} ${place}`);
    if (row.value_t === null) throw new Error(`${edition} ${commodity} ${year} ${place} is ${row.status}, not a value`);
    kt += row.value_t / 1000;
    estimated ||= row.status === "estimated";
  }
  return {kt, estimated};
}

/**
 * Reads one system's flow CSV (columns id, from, to, value, unit, year, method, source, class,
 * model, note) and checks every row against its sources:
 *  - ids unique, lower-case snake_case; from and to processes of this system, not the same;
 *  - unit the system's unit; year 2021;
 *  - "paper": value typed, equal to the paper figure named in source, which must be in the unit;
 *  - "usgs": value typed, equal to the sum of the USGS rows named (kt), none withheld; class A only
 *    if none is a USGS estimate;
 *  - "paper shares": value blank, computed from the expression in source (expression.ts);
 *  - "estimate": the same, with at least one figure from another source (sources.figures), class C:
 *    our estimate, labelled so on the page;
 *  - "derived": value blank, source "derived", no class; derived by reconciliation;
 *  - "model": value blank, no class, a model role: computed from the reader's assumptions;
 *  - a class (A, B, C) on every row with a value; a model role at most once per system.
 * Throws SourceError naming file, line, column and value.
 */
export function parseMfaFlows(text: string, file: string, system: {system: string; unit: string; commodity: string}, sources: FlowSources): MfaFlowRow[] {
  const {records} = parseCsv(text, file, {required: ["id", "from", "to", "value", "unit", "year", "method", "source", "class", "model", "note"]});
  const processes = new Map(sources.processes.filter((p) => p.system === system.system).map((p) => [p.id, p]));
  const figures = new Map<string, Figure>(sources.paper.map((p) => [p.id, {value: p.value, unit: p.unit}]));
  const others = new Map<string, Figure>((sources.figures ?? []).map((f) => [f.id, {value: f.value, unit: f.unit}]));
  const allFigures = new Map([...figures, ...others]);
  const ids = new Set<string>();
  const roles = new Set<string>();
  return records.map(({line, values: raw}) => {
    const v = Object.fromEntries(Object.entries(raw).map(([k, s]) => [k, s.trim()])) as Record<string, string>;
    const fail = (column: string, rule: string): never => {
      throw new SourceError(file, line, column, v[column] ?? null, rule);
    };
    const id = v.id!;
    if (!/^[a-z][a-z0-9_]*$/.test(id)) fail("id", "ids are lower-case snake_case");
    if (ids.has(id)) fail("id", "duplicate flow id");
    ids.add(id);
    for (const end of ["from", "to"] as const) if (!processes.has(v[end]!)) fail(end, `not a process of the ${system.system} system in ${MFA_PROCESSES_FILE}`);
    if (v.from === v.to) fail("to", "a flow cannot go from a process to itself");
    if (v.unit !== system.unit) fail("unit", `the ${system.system} system is in ${system.unit}`);
    if (Number(v.year) !== MFA_YEAR || v.year === "") fail("year", `the systems are for ${MFA_YEAR}`);
    const method = v.method as FlowMethod;
    if (!FLOW_METHODS.includes(method)) fail("method", `one of ${FLOW_METHODS.join(", ")}`);
    const cls = v.class === "" ? null : v.class!;
    if (cls !== null && !isUncertaintyClass(cls)) fail("class", "A, B, C or blank");
    const role = v.model === "" ? null : (v.model as ModelRole);
    if (role !== null && !MODEL_ROLES.includes(role)) fail("model", `blank or one of ${MODEL_ROLES.join(", ")}`);
    if (role !== null) {
      if (roles.has(role)) fail("model", `the role ${role} is given twice in this system`);
      roles.add(role);
    }
    // The value of the source's expression over `known`, a mass in the system's unit, never negative.
    const evaluate = (known: ReadonlyMap<string, Figure>): number => {
      let result: number;
      try {
        // 12 significant digits: 11.9, not 11.899999999999997
        result = Number(evaluateExpression(v.source!, known, system.unit).value.toPrecision(12));
      } catch (e) {
        return fail("source", (e as Error).message);
      }
      if (result < 0) fail("source", `the expression gives ${result}, a negative flow`);
      return result;
    };
    const typed = v.value === "" ? null : Number(v.value);
    if (typed !== null && (!/^\d+(\.\d+)?$/.test(v.value!) || !Number.isFinite(typed))) fail("value", "a non-negative number or blank");
    let value: number | null = null;
    switch (method) {
      case "paper": {
        const figure = sources.paper.find((p) => p.id === v.source);
        if (!figure) fail("source", "not an id of paper_values.csv");
        if (figure!.unit !== system.unit) fail("source", `the paper figure is in ${figure!.unit}, not ${system.unit}; use "paper shares" for an expression`);
        if (typed === null) fail("value", "a paper figure is typed as printed");
        if (!close(typed!, figure!.value)) fail("value", `the paper gives ${figure!.value}`);
        value = typed;
        break;
      }
      case "usgs": {
        if (typed === null) fail("value", "a USGS value is typed, in kt");
        let usgs: {kt: number; estimated: boolean};
        try {
          usgs = usgsValue(v.source!, system.commodity, sources.production);
        } catch (e) {
          return fail("source", (e as Error).message);
        }
        if (!close(typed!, usgs.kt)) fail("value", `the USGS rows sum to ${usgs.kt} kt`);
        if (usgs.estimated && cls === "A") fail("class", "a USGS estimate is class B or C, not A");
        value = typed;
        break;
      }
      case "paper shares":
        if (typed !== null) fail("value", "left blank: computed from the paper figures named in source");
        value = evaluate(figures);
        break;
      case "estimate":
        if (typed !== null) fail("value", "left blank: computed from the figures named in source");
        if (!(v.source!.match(/[a-z][a-z0-9_]*/g) ?? []).some((t) => others.has(t))) fail("source", `an estimate names a figure from another source (${[...others.keys()].join(", ") || "none given"})`);
        if (cls !== "C") fail("class", "an estimate is class C");
        value = evaluate(allFigures);
        break;
      case "derived":
        if (typed !== null) fail("value", "a derived flow is computed by reconciliation, never typed");
        if (v.source !== "derived") fail("source", 'a derived flow has source "derived"');
        if (cls !== null) fail("class", "a derived flow gets its uncertainty from reconciliation");
        if (role !== null) fail("model", "a derived flow has no model role");
        break;
      case "model":
        if (typed !== null) fail("value", "a model flow is computed from the reader's assumptions, never typed");
        if (cls !== null) fail("class", "a model flow gets its uncertainty from the flows it is computed from");
        if (role === null) fail("model", "a model flow needs a model role");
        break;
    }
    if (value !== null && cls === null) fail("class", "every flow with a value needs an uncertainty class");
    return {
      system: system.system,
      id,
      from_process: v.from!,
      to_process: v.to!,
      value,
      unit: system.unit,
      year: MFA_YEAR,
      method,
      source: v.source!,
      uncertainty_class: cls as UncertaintyClass | null,
      relative_sd: cls === null ? null : relativeSd(cls),
      model: role,
      note: v.note!,
      source_file: file,
      source_line: line
    };
  });
}
