import type {TableSpec} from "../table.js";
import {paperValuesTable} from "./paper-values.js";
import {productionTable} from "./production.js";
import {reservesTable} from "./reserves.js";

/** Every table the site publishes, in catalog order. */
export const TABLES: TableSpec<any>[] = [productionTable, reservesTable, paperValuesTable];

export function findTable(name: string | undefined): TableSpec<any> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${JSON.stringify(name)}; known: ${TABLES.map((t) => t.name).join(", ")}`);
  return spec;
}
