import {Compression, Table as ParquetTable, WriterPropertiesBuilder, writeParquet} from "parquet-wasm";
import {csvLine} from "../reader/sql-values.js";

/**
 * The download formats of a snapshot. CSV is written line by line by csvLine, the writer of the
 * pages' CSV buttons, so published files and downloads agree: missing values as empty fields
 * (declared as the missing value in datapackage.json), booleans as true/false. Parquet is written
 * from the same Arrow stream, so both carry the snapshot's types and values exactly.
 */
export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const lines = [csvLine(columns), ...rows.map((row) => csvLine(columns.map((c) => (row as Record<string, unknown>)[c])))];
  return `${lines.join("\n")}\n`;
}

/** Parquet bytes (zstd-compressed) of an Arrow IPC stream. */
export function toParquet(arrowStream: Uint8Array): Uint8Array {
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(ParquetTable.fromIPCStream(arrowStream), properties);
}
