import {Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";

/** Column types of a snapshot; every column is nullable, and null means missing. */
export type ColumnType = "utf8" | "int32" | "float64" | "bool";

const TYPES = {utf8: () => new Utf8(), int32: () => new Int32(), float64: () => new Float64(), bool: () => new Bool()};

/**
 * Builds an Arrow table with explicit column types, so that a column of integers that happens to
 * hold only nulls, or only whole numbers, keeps its declared type from one build to the next.
 * Throws TypeError when a value does not fit its column.
 */
export function toArrowTable<Row extends object>(rows: readonly Row[], schema: {[K in keyof Row]: ColumnType}): Table {
  const columns: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(schema) as [string, ColumnType][]) {
    const values = rows.map((row, i) => {
      const value = (row as Record<string, unknown>)[name];
      if (value === null || value === undefined) return null;
      const ok =
        type === "utf8" ? typeof value === "string"
        : type === "bool" ? typeof value === "boolean"
        : typeof value === "number" && Number.isFinite(value) && (type === "float64" || Number.isInteger(value));
      if (!ok) throw new TypeError(`snapshot row ${i}, column "${name}": ${JSON.stringify(value)} is not ${type}`);
      return value;
    });
    columns[name] = vectorFromArray(values, TYPES[type]()) as Vector;
  }
  return new Table(columns);
}

/** Arrow IPC *stream* bytes: the format DuckDB-WASM reads without an extension. */
export function toArrowStream<Row extends object>(rows: readonly Row[], schema: {[K in keyof Row]: ColumnType}): Uint8Array {
  return tableToIPC(toArrowTable(rows, schema), "stream");
}
