/**
 * The main routes from nickel ore to first use (the paper's Figure 8), as data
 * (data/sources/mfa/nickel_routes.csv): one row per route, from ore type through a process and,
 * where there is one, an intermediate to a product and a first use. Where the paper states the
 * product's 2021 output or the first use's share, the row names that figure; no source splits
 * 2021 output by route, so the routes themselves carry no tonnage.
 */

import {z} from "zod";
import {parseCsv} from "./csv.js";
import type {PaperValue} from "./paper-values.js";
import {SourceError} from "./source-error.js";
import {anyText, optionalText, snakeCase, text, validateRecords} from "./validate.js";

export interface NickelRoute {
  route: string;
  ore: string;
  process: string;
  /** The intermediate between process and product (matte, MHP); null when the process makes the product. */
  intermediate: string | null;
  product: string;
  first_use: string;
  /** The paper figure that gives the product's 2021 output (paper_values.id); null if none does. */
  product_paper_id: string | null;
  /** The paper figure that gives the first use's share of 2021 first use; null if none does. */
  first_use_paper_id: string | null;
  source: string;
  note: string;
}

const schema = z.object({
  route: snakeCase(),
  ore: text(),
  process: text(),
  intermediate: optionalText(),
  product: text(),
  first_use: text(),
  product_paper_id: optionalText(),
  first_use_paper_id: optionalText(),
  source: text(),
  note: anyText()
});

/**
 * Reads nickel_routes.csv: snake_case route ids, each once; every step named but the intermediate;
 * paper ids, where given, ids of paper_values.csv. Throws SourceError naming file, line, column and value.
 */
export function parseNickelRoutes(text: string, file: string, paper: readonly PaperValue[]): NickelRoute[] {
  const table = parseCsv(text, file, {required: ["route", "ore", "process", "intermediate", "product", "first_use", "product_paper_id", "first_use_paper_id", "source", "note"]});
  const ids = new Set(paper.map((p) => p.id));
  const routes = new Set<string>();
  return validateRecords(table, schema).map(({line, row}) => {
    if (routes.has(row.route)) throw new SourceError(file, line, "route", row.route, "duplicate route");
    routes.add(row.route);
    for (const column of ["product_paper_id", "first_use_paper_id"] as const) {
      const id = row[column];
      if (id !== null && !ids.has(id)) throw new SourceError(file, line, column, id, "not an id of paper_values.csv");
    }
    return row;
  });
}
