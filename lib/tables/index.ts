import {readdirSync} from "node:fs";
import {dirname} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {TableSpec} from "../table.js";

/**
 * Every table the site publishes: each module in this folder that exports a TableSpec (an object
 * with a name, columns and build) is one. Adding a table is adding a file; catalog order is by
 * name. Node only (loaders, config, tests): pages read the published snapshots instead.
 */
const here = dirname(fileURLToPath(import.meta.url));
const modules = await Promise.all(
  readdirSync(here)
    .filter((f) => /\.ts$/.test(f) && f !== "index.ts" && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => import(pathToFileURL(`${here}/${f}`).href) as Promise<Record<string, unknown>>)
);

function isTableSpec(value: unknown): value is TableSpec<any> {
  return typeof value === "object" && value !== null && "name" in value && "columns" in value && typeof (value as {build?: unknown}).build === "function";
}

export const TABLES: TableSpec<any>[] = modules
  .flatMap((m) => Object.values(m).filter(isTableSpec))
  .sort((a, b) => a.name.localeCompare(b.name));

const names = TABLES.map((t) => t.name);
const repeated = names.find((n, i) => names.indexOf(n) !== i);
if (repeated) throw new Error(`lib/tables: two tables are named ${repeated}`);

export function findTable(name: string | undefined): TableSpec<any> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${JSON.stringify(name)}; known: ${names.join(", ")}`);
  return spec;
}
