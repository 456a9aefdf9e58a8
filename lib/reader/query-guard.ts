/**
 * What a query cell refuses before DuckDB sees it, which errors mean DuckDB itself broke (so that
 * the page's database must be replaced, not reused), and what the reader is told. Pure: the cell
 * (src/components/reader/query-cell.ts) and the database (database.ts) act on these answers.
 */

/**
 * Longest query a cell sends to DuckDB, in characters. The site's own queries are at most about
 * 2,500 characters (the longest figure's SQL), so this leaves eight times that for a reader's; a
 * link can carry 100,000 (permalink.ts), and DuckDB-WASM was seen to crash ("memory access out of
 * bounds") on long generated queries, so a longer one is refused with a message instead of run.
 */
export const MAX_QUERY_LENGTH = 20_000;

/** How long a cancelled query may take to stop before its database is torn down and replaced. */
export const CANCEL_GRACE_MS = 2_000;

/** Why the query is not sent to DuckDB, or null when it may run. */
export function queryRefusal(text: string): string | null {
  if (text.length <= MAX_QUERY_LENGTH) return null;
  const n = (x: number) => x.toLocaleString("en-GB");
  return `This query is ${n(text.length)} characters long; queries here are limited to ${n(MAX_QUERY_LENGTH)} characters, so it was not run. Shorten it (for example, put repeated values in a table with VALUES or range()).`;
}

// A WebAssembly trap leaves DuckDB's memory in an unknown state: every later call may fail or
// give wrong answers. The worker reports a trap with the error's name "RuntimeError"; the messages
// are matched whole as well, for a trap that arrives under another name.
const TRAP = /^(RuntimeError: )?(memory access out of bounds|unreachable|table index is out of bounds|null function or function signature mismatch|indirect call to null|call stack exhausted|Maximum call stack size exceeded|Out of bounds memory access)/i;
// DuckDB invalidates a database after an internal or fatal error: later queries are refused with
// "database has been invalidated", so the only way on is a fresh database. Emscripten's abort()
// ("Aborted(...)") ends the module the same way.
const INVALID = /^(FATAL Error|INTERNAL Error)\b|database has been invalidated|^Aborted\(/;

/** True when the error means the engine broke and the database cannot run another query. */
export function isEngineFailure(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof error === "object" && error !== null && "message" in error)) return false;
  const {name, message} = error as {name?: unknown; message?: unknown};
  if (name === "RuntimeError") return true;
  return typeof message === "string" && (TRAP.test(message) || INVALID.test(message));
}

/** The failure's own words, short enough to quote in a sentence. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split("\n")[0]!.trim() || "an unknown error";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * What a cell says when the database it ran on stopped and was replaced: `broke` when its own query
 * broke it (running it again will break the new one too), otherwise another query stopped it.
 */
export function stoppedMessage(reason: string, broke = false): string {
  const said = `The database stopped (${reason}) and was restarted`;
  return broke
    ? `${said}; other queries run again. This query stopped it and is likely to do so again: simplify it (fewer terms in one expression, less nesting) before you run it again.`
    : `${said}; run the query again.`;
}

/** What a cell says when Cancel had to stop the database. */
export function forcedCancelMessage(graceMs = CANCEL_GRACE_MS): string {
  return `The query did not stop within ${graceMs / 1000} s of Cancel, so the database was stopped and a fresh one started; the next query runs on it.`;
}

/**
 * A cell's messages, one per slot, shown together in this order: what the page's link did, whether
 * the query fits in a link, and how the last run ended. Setting one slot never hides another.
 */
export const MESSAGE_SLOTS = ["link", "link-length", "run"] as const;
export type MessageSlot = (typeof MESSAGE_SLOTS)[number];
export interface CellMessage {
  kind: "error" | "note";
  text: string;
}
export type CellMessages = readonly (readonly [MessageSlot, CellMessage])[];

/** The messages with `slot` set to `message` (or cleared, for null), in slot order. */
export function withMessage(messages: CellMessages, slot: MessageSlot, message: CellMessage | null): CellMessages {
  const kept = messages.filter(([s]) => s !== slot);
  const next = message ? [...kept, [slot, message] as const] : kept;
  return next.sort(([a], [b]) => MESSAGE_SLOTS.indexOf(a) - MESSAGE_SLOTS.indexOf(b));
}
