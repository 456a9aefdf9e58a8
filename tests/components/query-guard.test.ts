import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {failureReason, forcedCancelMessage, isEngineFailure, MAX_QUERY_LENGTH, MESSAGE_SLOTS, queryRefusal, stoppedMessage, withMessage, type CellMessages} from "../../lib/reader/query-guard.ts";
import {MAX_TEXT_LENGTH} from "../../lib/reader/permalink.ts";

describe("queryRefusal(text)", () => {
  it("lets a query of up to MAX_QUERY_LENGTH characters run, and refuses a longer one saying how long it is and what the limit is", () => {
    expect(MAX_QUERY_LENGTH).toBe(20_000);
    expect(queryRefusal("SELECT 42")).toBeNull();
    expect(queryRefusal("x".repeat(MAX_QUERY_LENGTH))).toBeNull();
    expect(queryRefusal("x".repeat(MAX_QUERY_LENGTH + 1))).toMatch(/^This query is 20,001 characters long; queries here are limited to 20,000 characters, so it was not run\./);
    // The probe's 99,000-character query, and anything a link can carry past the limit.
    expect(queryRefusal("x".repeat(99_000))).toMatch(/99,000 characters/);
    expect(MAX_QUERY_LENGTH).toBeLessThan(MAX_TEXT_LENGTH);
  });
});

describe("isEngineFailure(error)", () => {
  const named = (name: string, message: string) => Object.assign(new Error(message), {name});
  it("is true for WebAssembly traps (by name or by message) and DuckDB's fatal and internal errors", () => {
    for (const error of [
      named("RuntimeError", "memory access out of bounds"),
      named("RuntimeError", "unreachable"),
      named("RuntimeError", "anything a trap says"),
      new Error("memory access out of bounds"),
      new Error("unreachable"),
      new Error("RuntimeError: table index is out of bounds"),
      new Error("FATAL Error: Failed: database has been invalidated because of a previous fatal error."),
      new Error("INTERNAL Error: Attempted to access index 3 within vector of size 3"),
      new Error("Aborted(OOM)")
    ])
      expect(isEngineFailure(error), error.message).toBe(true);
  });
  it("is false for the errors of a reader's SQL, however they are worded, and for things that are not errors", () => {
    for (const error of [
      new Error('Parser Error: syntax error at or near "SELEC"'),
      new Error("Catalog Error: Table with name no_such_table does not exist!"),
      new Error("Permission Error: Scanning read_csv files is disabled through configuration"),
      new Error("Out of Memory Error: could not allocate block of size 256.0 KiB"),
      // SELECT error('memory access out of bounds'): the reader's own words, not a trap.
      new Error("Invalid Input Error: memory access out of bounds"),
      new Error("Conversion Error: Could not convert string 'unreachable' to INT32")
    ])
      expect(isEngineFailure(error), error.message).toBe(false);
    expect([isEngineFailure("memory access out of bounds"), isEngineFailure(null), isEngineFailure(undefined)]).toEqual([false, false, false]);
  });
});

describe("what the reader is told", () => {
  it("failureReason(error) is the error's first line, cut to 200 characters", () => {
    expect(failureReason(new Error("memory access out of bounds\n    at wasm-function[48010]"))).toBe("memory access out of bounds");
    expect(failureReason(new Error("x".repeat(500))).length).toBe(200);
    expect(failureReason("")).toBe("an unknown error");
  });
  it("stoppedMessage says the database stopped, why, that it was restarted, and what to do", () => {
    expect(stoppedMessage("memory access out of bounds")).toBe("The database stopped (memory access out of bounds) and was restarted; run the query again.");
    expect(stoppedMessage("memory access out of bounds", true)).toMatch(/^The database stopped \(memory access out of bounds\) and was restarted; other queries run again\. This query stopped it/);
  });
  it("forcedCancelMessage names the grace period", () => {
    expect(forcedCancelMessage()).toMatch(/^The query did not stop within 2 s of Cancel, so the database was stopped and a fresh one started/);
  });
});

describe("withMessage(messages, slot, message): one message never hides another", () => {
  const note = (text: string) => ({kind: "note" as const, text});
  const error = (text: string) => ({kind: "error" as const, text});
  it("keeps the link-length note and the run's error together, in slot order, whichever came first", () => {
    const a = withMessage(withMessage([], "run", error("Parser Error")), "link-length", note("too long to keep in a link"));
    const b = withMessage(withMessage([], "link-length", note("too long to keep in a link")), "run", error("Parser Error"));
    expect(a).toEqual([
      ["link-length", note("too long to keep in a link")],
      ["run", error("Parser Error")]
    ]);
    expect(b).toEqual(a);
    expect(withMessage(a, "link-length", null)).toEqual([["run", error("Parser Error")]]);
  });
  it("setting or clearing a slot leaves every other slot's message as it was (property)", () => {
    const slot = fc.constantFrom(...MESSAGE_SLOTS);
    const message = fc.option(fc.record({kind: fc.constantFrom("error" as const, "note" as const), text: fc.string()}), {nil: null});
    fc.assert(
      fc.property(fc.array(fc.tuple(slot, message)), slot, message, (steps, s, m) => {
        const before = steps.reduce<CellMessages>((list, [k, v]) => withMessage(list, k, v), []);
        const after = withMessage(before, s, m);
        expect(after.filter(([k]) => k !== s)).toEqual(before.filter(([k]) => k !== s));
        expect(after.filter(([k]) => k === s).map(([, v]) => v)).toEqual(m ? [m] : []);
        expect(after.map(([k]) => MESSAGE_SLOTS.indexOf(k))).toEqual([...after.map(([k]) => MESSAGE_SLOTS.indexOf(k))].sort());
      }),
      {seed: 9}
    );
  });
});
