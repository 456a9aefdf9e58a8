/**
 * The lithium and nickel systems of 2021 as data (data/sources/mfa/): one row per process and
 * one per flow, checked against the sources they cite, so that every value traces to a paper figure
 * (data/sources/paper/paper_values.csv) or a USGS production row (MCS 2023), or is left blank
 * to be derived by reconciliation. Nothing here computes a flow the sources do not give.
 */

import {evaluateExpression, type Figure} from "../material-flows/expression.js";
import {FLOW_METHODS, MFA_YEAR, MODEL_ROLES, STAGE_NAMES, type FlowMethod, type MfaFlowRow, type MfaProcessRow, type ModelRole} from "../material-flows/rows.js";
import {isUncertaintyClass, relativeSd, type UncertaintyClass} from "../material-flows/uncertainty.js";
import {z} from "zod";
import {parseCsv} from "./csv.js";
import type {PaperValue} from "./paper-values.js";
import {SourceError} from "./source-error.js";
import type {ProductionRow} from "./usgs-mcs.js";
import {anyText, number, oneOf, optionalText, required, snakeCase, text, validateRecords, year} from "./validate.js";

/** The source files of the two systems. */
export const MFA_SYSTEM_FILES = [
  {system: "lithium", file: "mfa/lithium_2021.csv", unit: "kt Li", commodity: "lithium"},
  {system: "nickel", file: "mfa/nickel_2021.csv", unit: "kt Ni", commodity: "nickel"}
] as const;
export const MFA_PROCESSES_FILE = "mfa/processes.csv";

/** yes or no, as true or false. */
const yesNo = () => oneOf(["yes", "no"]).transform((s) => s === "yes");

/** The fields of processes.csv, for the systems given. */
const processSchema = (systems: readonly string[]) =>
  z.object({
    system: oneOf(systems as readonly [string, ...string[]]),
    id: snakeCase(),
    label: text(),
    stage: required(number({min: 0, what: "a whole number >= 0"})).refine((n) => Number.isInteger(n), "a whole number >= 0"),
    stage_name: oneOf(STAGE_NAMES),
    state: text(),
    boundary: yesNo(),
    stock: yesNo(),
    residual: yesNo(),
    note: anyText()
  });

/**
 * Reads processes.csv. The schema checks each row: a known system, a lower-case snake_case id, a
 * non-empty label, a whole stage >= 0, one of the paper's stage names, a non-empty state, and
 * boundary, stock and residual as yes/no. Then ids must be unique, and a boundary process holds no
 * stock. Throws SourceError naming file, line, column and value.
 */
export function parseMfaProcesses(text: string, file: string, systems: readonly string[] = MFA_SYSTEM_FILES.map((s) => s.system)): MfaProcessRow[] {
  const table = parseCsv(text, file, {required: ["system", "id", "label", "stage", "stage_name", "state", "boundary", "stock", "residual", "note"]});
  const ids = new Set<string>();
  return validateRecords(table, processSchema(systems)).map(({line, row}, i) => {
    if (ids.has(row.id)) throw new SourceError(file, line, "id", row.id, "duplicate process id");
    ids.add(row.id);
    if (row.boundary && row.stock) throw new SourceError(file, line, "stock", table.records[i]!.values.stock, "a boundary process holds no stock");
    return row;
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

/** The fields of a flow CSV, for one system. */
const flowSchema = (system: {system: string; unit: string}) =>
  z.object({
    id: snakeCase(),
    from: text(),
    to: text(),
    // typed as digits with an optional decimal part, or left blank ("NA" is not blank here)
    value: anyText()
      .refine((s) => s === "" || /^\d+(\.\d+)?$/.test(s), "a non-negative number or blank")
      .transform((s) => (s === "" ? null : Number(s))),
    unit: text().pipe(z.string().refine((s) => s === system.unit, `the ${system.system} system is in ${system.unit}`)),
    year: required(year()).refine((y) => y === MFA_YEAR, `the systems are for ${MFA_YEAR}`),
    method: oneOf(FLOW_METHODS as readonly [FlowMethod, ...FlowMethod[]]),
    source: anyText(),
    class: optionalText()
      .refine((s) => s === null || isUncertaintyClass(s), "A, B, C or blank")
      .transform((s) => s as UncertaintyClass | null),
    model: optionalText()
      .refine((s) => s === null || (MODEL_ROLES as readonly string[]).includes(s), `blank or one of ${MODEL_ROLES.join(", ")}`)
      .transform((s) => s as ModelRole | null),
    note: anyText()
  });

/**
 * Reads one system's flow CSV (columns id, from, to, value, unit, year, method, source, class,
 * model, note). The schema checks each row: a lower-case snake_case id; from and to given; a
 * non-negative value or blank; the system's unit; year 2021; a known method, class (A, B, C or
 * blank) and model role (or blank). Then every row is checked against its sources:
 *  - ids unique; from and to processes of this system, not the same;
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
  const table = parseCsv(text, file, {required: ["id", "from", "to", "value", "unit", "year", "method", "source", "class", "model", "note"]});
  const processes = new Map(sources.processes.filter((p) => p.system === system.system).map((p) => [p.id, p]));
  const figures = new Map<string, Figure>(sources.paper.map((p) => [p.id, {value: p.value, unit: p.unit}]));
  const others = new Map<string, Figure>((sources.figures ?? []).map((f) => [f.id, {value: f.value, unit: f.unit}]));
  const allFigures = new Map([...figures, ...others]);
  const ids = new Set<string>();
  const roles = new Set<string>();
  return validateRecords(table, flowSchema(system)).map(({line, row}, i) => {
    const {id, method, source, class: cls, model: role} = row;
    const typed = row.value;
    const typedText = table.records[i]!.values.value!.trim();
    if (ids.has(id)) throw new SourceError(file, line, "id", id, "duplicate flow id");
    ids.add(id);
    for (const end of ["from", "to"] as const) if (!processes.has(row[end])) throw new SourceError(file, line, end, row[end], `not a process of the ${system.system} system in ${MFA_PROCESSES_FILE}`);
    if (row.from === row.to) throw new SourceError(file, line, "to", row.to, "a flow cannot go from a process to itself");
    if (role !== null) {
      if (roles.has(role)) throw new SourceError(file, line, "model", role, `the role ${role} is given twice in this system`);
      roles.add(role);
    }
    // The value of the source's expression over `known`, a mass in the system's unit, never negative.
    const evaluate = (known: ReadonlyMap<string, Figure>): number => {
      let result: number;
      try {
        // 12 significant digits: 11.9, not 11.899999999999997
        result = Number(evaluateExpression(source, known, system.unit).value.toPrecision(12));
      } catch (e) {
        throw new SourceError(file, line, "source", source, (e as Error).message);
      }
      if (result < 0) throw new SourceError(file, line, "source", source, `the expression gives ${result}, a negative flow`);
      return result;
    };
    let value: number | null = null;
    switch (method) {
      case "paper": {
        const figure = sources.paper.find((p) => p.id === source);
        if (!figure) throw new SourceError(file, line, "source", source, "not an id of paper_values.csv");
        if (figure.unit !== system.unit) throw new SourceError(file, line, "source", source, `the paper figure is in ${figure.unit}, not ${system.unit}; use "paper shares" for an expression`);
        if (typed === null) throw new SourceError(file, line, "value", typedText, "a paper figure is typed as printed");
        if (!close(typed, figure.value)) throw new SourceError(file, line, "value", typedText, `the paper gives ${figure.value}`);
        value = typed;
        break;
      }
      case "usgs": {
        if (typed === null) throw new SourceError(file, line, "value", typedText, "a USGS value is typed, in kt");
        let usgs: {kt: number; estimated: boolean};
        try {
          usgs = usgsValue(source, system.commodity, sources.production);
        } catch (e) {
          throw new SourceError(file, line, "source", source, (e as Error).message);
        }
        if (!close(typed, usgs.kt)) throw new SourceError(file, line, "value", typedText, `the USGS rows sum to ${usgs.kt} kt`);
        if (usgs.estimated && cls === "A") throw new SourceError(file, line, "class", cls, "a USGS estimate is class B or C, not A");
        value = typed;
        break;
      }
      case "paper shares":
        if (typed !== null) throw new SourceError(file, line, "value", typedText, "left blank: computed from the paper figures named in source");
        value = evaluate(figures);
        break;
      case "estimate":
        if (typed !== null) throw new SourceError(file, line, "value", typedText, "left blank: computed from the figures named in source");
        if (!(source.match(/[a-z][a-z0-9_]*/g) ?? []).some((t) => others.has(t))) {
          throw new SourceError(file, line, "source", source, `an estimate names a figure from another source (${[...others.keys()].join(", ") || "none given"})`);
        }
        if (cls !== "C") throw new SourceError(file, line, "class", cls, "an estimate is class C");
        value = evaluate(allFigures);
        break;
      case "derived":
        if (typed !== null) throw new SourceError(file, line, "value", typedText, "a derived flow is computed by reconciliation, never typed");
        if (source !== "derived") throw new SourceError(file, line, "source", source, 'a derived flow has source "derived"');
        if (cls !== null) throw new SourceError(file, line, "class", cls, "a derived flow gets its uncertainty from reconciliation");
        if (role !== null) throw new SourceError(file, line, "model", role, "a derived flow has no model role");
        break;
      case "model":
        if (typed !== null) throw new SourceError(file, line, "value", typedText, "a model flow is computed from the reader's assumptions, never typed");
        if (cls !== null) throw new SourceError(file, line, "class", cls, "a model flow gets its uncertainty from the flows it is computed from");
        if (role === null) throw new SourceError(file, line, "model", role, "a model flow needs a model role");
        break;
    }
    if (value !== null && cls === null) throw new SourceError(file, line, "class", cls, "every flow with a value needs an uncertainty class");
    return {
      system: system.system,
      id,
      from_process: row.from,
      to_process: row.to,
      value,
      unit: system.unit,
      year: MFA_YEAR,
      method,
      source,
      uncertainty_class: cls,
      relative_sd: cls === null ? null : relativeSd(cls),
      model: role,
      note: row.note,
      source_file: file,
      source_line: line
    };
  });
}
