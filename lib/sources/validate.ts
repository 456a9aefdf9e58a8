import {z} from "zod";
import type {CsvTable} from "./csv.js";
import {SourceError} from "./source-error.js";
import {YEAR_MAX, YEAR_MIN} from "./years.js";

/**
 * Row validation with zod: each CSV record (all strings) is parsed by a schema whose fields turn
 * text into typed values; the first broken rule stops the build with file, line, column, value and
 * the rule. The field builders below say, in their messages, what a value must be.
 */
export function validateRecords<S extends z.ZodType>(table: CsvTable, schema: S): {line: number; row: z.output<S>}[] {
  return table.records.map(({line, values}) => {
    const result = schema.safeParse(values);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = String(issue.path[0] ?? "(row)");
      throw new SourceError(table.file, line, column, values[column] ?? null, issue.message);
    }
    return {line, row: result.data};
  });
}

const trimmed = z.string().transform((s) => s.replace(/\u00a0/g, " ").trim());

/** Text that must not be empty. */
export const text = () => trimmed.pipe(z.string().min(1, "must not be empty"));

/** Text where empty means missing (null). */
export const optionalText = () => trimmed.transform((s) => (s === "" ? null : s));

/** Text that may be empty, kept as "" (a note, a comment). */
export const anyText = () => trimmed;

/** A row id typed by hand: lower-case snake_case. */
export const snakeCase = () => trimmed.pipe(z.string().regex(/^[a-z][a-z0-9_]*$/, "an id in lower-case snake_case (a letter, then a-z, 0-9 or _)"));

/**
 * A number as every source read here writes it: digits, an optional minus and decimal point with
 * digits on both sides, and, only where `exponent` is set, an exponent ("7.6E-05", as the IEA
 * writes small values). Nothing else ("+5", "45.", ".5", "1,000") is taken, so a value cut short
 * or written in another convention fails instead of passing as another number.
 */
function numberFrom(s: string, exponent: boolean): number {
  return (exponent ? /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/ : /^-?\d+(\.\d+)?$/).test(s) ? Number(s) : NaN;
}

/** A number in [min, max]; empty is missing (null) only when `optional`; an exponent is taken only when `exponent`. */
export function number({min = -Infinity, max = Infinity, optional = false, exponent = false, what = "a number"}: {min?: number; max?: number; optional?: boolean; exponent?: boolean; what?: string} = {}) {
  return trimmed.transform((s, ctx) => {
    if (s === "" || s === "NA") {
      if (optional) return null;
      ctx.addIssue({code: "custom", message: `${what} is required`});
      return z.NEVER;
    }
    const n = numberFrom(s, exponent);
    if (!Number.isFinite(n)) ctx.addIssue({code: "custom", message: `not ${what}`});
    else if (n < min || n > max) ctx.addIssue({code: "custom", message: `${what} must lie in [${min}, ${max}]`});
    return n;
  });
}

/**
 * Narrows a number field that is not `optional` to `number`: the builders type their output as
 * nullable, but without `optional` an empty value fails before null is returned.
 */
export const required = <T extends z.ZodType<number | null, string>>(field: T) => field.transform((n) => n as number);

/** A latitude in degrees, WGS84. */
export const latitude = (optional = false) => number({min: -90, max: 90, optional, what: "a latitude in degrees"});
/** A longitude in degrees, WGS84. */
export const longitude = (optional = false) => number({min: -180, max: 180, optional, what: "a longitude in degrees"});
/** A non-negative quantity, such as a tonnage. */
export const tonnage = (optional = true) => number({min: 0, optional, what: "a non-negative quantity"});
/** A four-digit year. */
export const year = (optional = false) => number({min: YEAR_MIN, max: YEAR_MAX, optional, what: "a four-digit year"}).refine((y) => y === null || Number.isInteger(y), "a year is a whole number");
/** An ISO 3166-1 alpha-3 code. */
export const iso3 = () => trimmed.pipe(z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code (three capital letters)"));
/** One of a fixed set of values. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  trimmed.pipe(z.string().refine((s): s is T => (values as readonly string[]).includes(s), `must be one of: ${values.join(", ")}`)) as unknown as z.ZodType<T, string>;
