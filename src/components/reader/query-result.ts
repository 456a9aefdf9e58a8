/**
 * A query's result as Arrow record batches, and what a reader sees of it: a table of the first
 * rows (capped, so that a million-row result does not freeze the tab), the row count and timing,
 * an automatic chart where the result has an obvious one, and the whole result as CSV.
 */
import * as Plot from "@observablehq/plot";
import {chooseChart, YEAR} from "../../lib/reader/auto-chart.js";
import {csvField, csvLine, decimalToNumber, displayValue, type ValueKind} from "../../lib/reader/sql-values.js";
import type {ResultBatch, ResultField, ResultSchema} from "./database.js";

export interface ResultColumn {
  name: string;
  kind: ValueKind;
  /** DuckDB's type as Arrow names it, e.g. "Float64", "Utf8", "Decimal[38e+0]". */
  type: string;
  read: (value: unknown) => unknown;
}

export interface QueryResult {
  columns: ResultColumn[];
  batches: ResultBatch[];
  numRows: number;
  /** Milliseconds from sending the query to its last batch. */
  ms: number;
  /** True when the result was cut at the row limit (see MAX_ROWS_KEPT). */
  truncated: boolean;
}

/** Rows a result keeps for its download; a query past this is stopped and the reader told. */
export const MAX_ROWS_KEPT = 5_000_000;

// Arrow's Type enum (Schema.fbs), stable across Arrow versions.
const TYPE = {Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10, LargeUtf8: 20} as const;

function column(field: ResultField): ResultColumn {
  const {typeId, scale = 0} = field.type;
  const type = String(field.type);
  switch (typeId) {
    case TYPE.Decimal:
      return {name: field.name, kind: "number", type, read: (v) => (v == null ? null : decimalToNumber(v as ArrayLike<number>, scale))};
    case TYPE.Int:
    case TYPE.Float:
      return {name: field.name, kind: "number", type, read: (v) => (v == null ? null : typeof v === "bigint" ? Number(v) : v)};
    case TYPE.Utf8:
    case TYPE.LargeUtf8:
      return {name: field.name, kind: "string", type, read: (v) => v ?? null};
    case TYPE.Bool:
      return {name: field.name, kind: "boolean", type, read: (v) => v ?? null};
    case TYPE.Date:
    case TYPE.Timestamp:
      return {name: field.name, kind: "date", type, read: (v) => (v == null ? null : v instanceof Date ? v : new Date(Number(v)))};
    default:
      return {name: field.name, kind: "other", type, read: (v) => (v === undefined ? null : v)};
  }
}

export function resultColumns(schema: ResultSchema): ResultColumn[] {
  return schema.fields.map(column);
}

/** Up to `limit` rows as objects keyed by column name (a duplicate name keeps its last value). */
export function firstRows(result: Pick<QueryResult, "columns" | "batches">, limit: number): Record<string, unknown>[] {
  return rowValues(result, limit).map((values) => Object.fromEntries(result.columns.map((c, j) => [c.name, values[j]])));
}

/** Row values in column order (duplicate column names kept apart). */
export function rowValues(result: Pick<QueryResult, "columns" | "batches">, limit: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const batch of result.batches) {
    const children = result.columns.map((_, j) => batch.getChildAt(j));
    for (let i = 0; i < batch.numRows && rows.length < limit; i++) rows.push(result.columns.map((c, j) => c.read(children[j]?.get(i))));
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * The whole result as CSV text chunks (header, then one chunk per batch), yielding to the page
 * between batches so that a large download does not freeze it.
 */
export async function resultCsv(result: Pick<QueryResult, "columns" | "batches">): Promise<string[]> {
  const chunks = [csvLine(result.columns.map((c) => c.name)) + "\n"];
  const reads = result.columns.map((c) => c.read);
  let since = performance.now();
  for (const batch of result.batches) {
    const children = reads.map((_, j) => batch.getChildAt(j));
    let text = "";
    for (let i = 0; i < batch.numRows; i++) {
      for (let j = 0; j < reads.length; j++) {
        if (j) text += ",";
        text += csvField(reads[j]!(children[j]?.get(i)));
      }
      text += "\n";
    }
    if (text) chunks.push(text);
    // Short slices, so that the page stays responsive while a large download is written.
    if (performance.now() - since > 16) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
  return chunks;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function summary(result: QueryResult, shown: number): string {
  const n = result.numRows.toLocaleString("en-GB");
  const rows = `${n} ${result.numRows === 1 ? "row" : "rows"} in ${formatMs(result.ms)}`;
  const cut = result.truncated ? `; stopped at ${MAX_ROWS_KEPT.toLocaleString("en-GB")} rows` : "";
  return shown < result.numRows ? `${rows}${cut}; the first ${shown.toLocaleString("en-GB")} are shown, the CSV download holds all ${n}.` : `${rows}${cut}.`;
}

/** The result table (first `maxRows` rows) with its summary line. */
export function ResultTable(result: QueryResult, {maxRows = 200, document = globalThis.document}: {maxRows?: number; document?: Document} = {}): HTMLElement {
  const root = document.createElement("div");
  root.className = "qc-result";
  const rows = rowValues(result, maxRows);
  const note = document.createElement("p");
  note.className = "qc-note qc-summary";
  note.dataset.rows = String(result.numRows);
  note.textContent = summary(result, rows.length);
  root.append(note);
  if (!result.columns.length) return root;
  const wrap = document.createElement("div");
  wrap.className = "qc-table-wrap";
  const table = document.createElement("table");
  table.className = "qc-table";
  const head = table.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement("th");
    if (c.kind === "number") th.className = "num";
    th.textContent = c.name;
    const type = document.createElement("span");
    type.className = "qc-type";
    type.textContent = c.type;
    th.append(type);
    head.append(th);
  }
  const body = table.createTBody();
  for (const values of rows) {
    const tr = body.insertRow();
    values.forEach((value, j) => {
      const td = tr.insertCell();
      const {kind, name} = result.columns[j]!;
      td.className = [kind === "number" ? "num" : "", value === null ? "missing" : ""].filter(Boolean).join(" ");
      td.textContent = displayValue(value, kind, {grouping: !YEAR.test(name)});
    });
  }
  wrap.append(table);
  root.append(wrap);
  return root;
}

/** The obvious chart of a result that fits on screen, or null. */
export function ResultChart(result: QueryResult, {width = 640, maxRows = 200, document = globalThis.document}: {width?: number; maxRows?: number; document?: Document} = {}): Element | null {
  if (result.numRows > maxRows) return null;
  const names = result.columns.map((c) => c.name);
  if (new Set(names).size !== names.length) return null;
  const rows = firstRows(result, maxRows);
  const spec = chooseChart(result.columns, rows);
  if (!spec) return null;
  const present = rows.filter((r) => r[spec.x] != null && r[spec.y] != null);
  const base = {document, width: Math.max(320, Math.min(width, 960))};
  switch (spec.mark) {
    case "barX":
      return Plot.plot({
        ...base,
        marginLeft: 140,
        height: 24 * rows.length + 40,
        x: {grid: true, label: `${spec.x} →`},
        y: {domain: rows.map((r) => String(r[spec.y])), label: null},
        marks: [Plot.barX(present, {x: spec.x, y: (r: Record<string, unknown>) => String(r[spec.y]), fill: "var(--theme-foreground-focus, #3b5fc0)"}), Plot.ruleX([0])]
      });
    case "line":
      return Plot.plot({
        ...base,
        x: {tickFormat: "d", label: spec.x},
        y: {grid: true, label: `↑ ${spec.y}`},
        color: spec.z ? {legend: true} : undefined,
        marks: [Plot.lineY(present, {x: spec.x, y: spec.y, ...(spec.z ? {stroke: spec.z} : {}), marker: true}), Plot.ruleY([0])]
      });
    case "dot":
      return Plot.plot({...base, grid: true, x: {label: `${spec.x} →`}, y: {label: `↑ ${spec.y}`}, marks: [Plot.dot(present, {x: spec.x, y: spec.y})]});
  }
}
