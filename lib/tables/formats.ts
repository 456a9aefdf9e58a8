import {csvFormatBody, csvFormatRow} from "d3-dsv";
import {Compression, Table as ParquetTable, WriterPropertiesBuilder, writeParquet} from "parquet-wasm";

/**
 * The download formats of a snapshot. CSV writes missing values as empty fields (declared as the
 * missing value in datapackage.json); Parquet is written from the same Arrow stream, so both carry
 * the snapshot's types and values exactly.
 */
export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const body = csvFormatBody(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c, formatCell((row as Record<string, unknown>)[c])]))),
    [...columns]
  );
  return `${csvFormatRow([...columns])}\n${body}${body ? "\n" : ""}`;
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** Parquet bytes (zstd-compressed) of an Arrow IPC stream. */
export function toParquet(arrowStream: Uint8Array): Uint8Array {
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(ParquetTable.fromIPCStream(arrowStream), properties);
}
