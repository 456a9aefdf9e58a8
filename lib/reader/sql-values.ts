/**
 * Values of a SQL result as the page shows and downloads them. DuckDB sends DECIMAL and HUGEINT
 * (the type of sum() over integers) through Arrow as 128-bit two's-complement integers plus a
 * scale; read naively, sum(1, 3) shows as 4 only by luck and 1.50 shows as 150. Every result value
 * goes through these functions, so what the reader sees and downloads is the number DuckDB computed.
 */

/** What a result column holds, for alignment, formatting and choosing a chart. */
export type ValueKind = "number" | "string" | "boolean" | "date" | "other";

/**
 * The number held by a Decimal128/256 value: `words` are its little-endian 32-bit words, `scale`
 * the count of decimal digits after the point. Exact while the value fits a double's 53 bits;
 * beyond that, the nearest double.
 */
export function decimalToNumber(words: ArrayLike<number>, scale: number): number {
  let value = 0n;
  for (let i = words.length - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[i]! >>> 0);
  const bits = BigInt(words.length * 32);
  if (words.length && words[words.length - 1]! >>> 31) value -= 1n << bits;
  if (scale <= 0) return Number(value * 10n ** BigInt(-scale));
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const denominator = 10n ** BigInt(scale);
  // Integer and fraction joined as text, so that 0.1 stays 0.1 rather than 1/10 rounded twice.
  const text = `${magnitude / denominator}.${(magnitude % denominator).toString().padStart(scale, "0")}`;
  return negative ? -Number(text) : Number(text);
}

/** A value in a CSV field: missing as empty (as in the site's CSV downloads), dates as ISO 8601. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  else if (typeof value === "object") text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  else text = String(value);
  // A text cell a spreadsheet would run as a formula is defused with a leading apostrophe (OWASP,
  // "CSV injection"): a linked query can put any text in a download. Numbers are left as they are.
  if (typeof value !== "number" && typeof value !== "bigint" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, without its line break). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",");
}

/**
 * A value as the result table shows it: numbers with thousands separators (none for a year, with
 * `grouping` false), missing as "missing".
 */
export function displayValue(value: unknown, kind: ValueKind, {grouping = true}: {grouping?: boolean} = {}): string {
  if (value === null || value === undefined) return "missing";
  if (kind === "number" && typeof value === "number") return value.toLocaleString("en-GB", {maximumFractionDigits: Number.isInteger(value) ? 0 : 6, useGrouping: grouping});
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString().replace("T00:00:00.000Z", "");
  if (typeof value === "bigint") return value.toLocaleString("en-GB");
  if (typeof value === "object") return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return String(value);
}
