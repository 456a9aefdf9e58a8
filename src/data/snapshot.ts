// What the three table loaders share: which table (--table, from the file name [table].<ext>.ts),
// its sources, and its build. Loaders run from the project root.
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {toArrowStream} from "../../lib/arrow-snapshot.js";
import {findTable} from "../../lib/tables/index.js";
import {arrowSchema, buildTable} from "../../lib/table.js";

/** MINERS_SOURCES lets a test (or an author trying a new edition) point the loaders at other files. */
export const SOURCES = process.env.MINERS_SOURCES ?? "src/data/sources";

export function readSource(path: string): string {
  return readFileSync(`${SOURCES}/${path}`, "utf-8");
}

export function requestedTable() {
  const {values} = parseArgs({options: {table: {type: "string"}}, strict: false});
  const spec = findTable(values.table as string | undefined);
  const rows = buildTable(spec, readSource);
  return {spec, rows, arrow: () => toArrowStream(rows, arrowSchema(spec))};
}
