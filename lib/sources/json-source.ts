import {SourceError} from "./source-error.js";

/**
 * A JSON source file read strictly: the parsed value, and `fail`, which throws SourceError naming
 * the file, the line of a JSON path's last key, the path and the value. Shared by the readers of
 * the IEA Critical Minerals Data Explorer's supply and demand parts.
 */

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

export const isObject = (x: Json | undefined): x is JsonObject => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * The line of a JSON path's last key: each key of the path is looked for, as a quoted key, after
 * the previous one. JSON objects are contiguous, so the first match after the parent's key lies
 * inside the parent whenever the parent holds the key, which is the case for every path named in
 * an error here. 0 when a key is not found.
 */
export function lineOfPath(text: string, keys: readonly string[]): number {
  let at = 0;
  for (const key of keys) {
    const found = text.indexOf(`${JSON.stringify(key)}:`, at);
    if (found < 0) return 0;
    at = found + 1;
  }
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Parses `text`; throws SourceError (line 1, path "(json)") when it is not JSON. */
export function readJsonSource(text: string, file: string): {json: Json; fail: (keys: readonly string[], value: unknown, rule: string) => never} {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    throw new SourceError(file, 1, "(json)", text.slice(0, 40), `not valid JSON: ${(error as Error).message}`);
  }
  const fail = (keys: readonly string[], value: unknown, rule: string): never => {
    throw new SourceError(file, lineOfPath(text, keys), keys.join("."), value, rule);
  };
  return {json, fail};
}
