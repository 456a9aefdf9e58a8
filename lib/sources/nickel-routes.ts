/**
 * The main routes from nickel ore to first use (the paper's Figure 8), as data
 * (data/sources/mfa/nickel_routes.csv): one row per route, from ore type through a process and,
 * where there is one, an intermediate to a product and a first use. Where the paper states the
 * product's 2021 output or the first use's share, the row names that figure; no source splits
 * 2021 output by route, so the routes themselves carry no tonnage.
 */

import {parseCsv} from "./csv.js";
import type {PaperValue} from "./paper-values.js";
import {SourceError} from "./source-error.js";

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

/** Reads nickel_routes.csv: unique snake_case route ids, every step named, paper ids known. Throws SourceError naming file, line, column and value. */
export function parseNickelRoutes(text: string, file: string, paper: readonly PaperValue[]): NickelRoute[] {
  const {records} = parseCsv(text, file, {required: ["route", "ore", "process", "intermediate", "product", "first_use", "product_paper_id", "first_use_paper_id", "source", "note"]});
  const ids = new Set(paper.map((p) => p.id));
  const routes = new Set<string>();
  return records.map(({line, values: raw}) => {
    const v = Object.fromEntries(Object.entries(raw).map(([k, s]) => [k, s.trim()])) as Record<string, string>;
    const fail = (column: string, rule: string): never => {
      throw new SourceError(file, line, column, v[column] ?? null, rule);
    };
    if (!/^[a-z][a-z0-9_]*$/.test(v.route!)) fail("route", "route ids are lower-case snake_case");
    if (routes.has(v.route!)) fail("route", "duplicate route");
    routes.add(v.route!);
    for (const column of ["ore", "process", "product", "first_use", "source"]) if (!v[column]) fail(column, "must not be empty");
    for (const column of ["product_paper_id", "first_use_paper_id"]) if (v[column] && !ids.has(v[column]!)) fail(column, "not an id of paper_values.csv");
    return {
      route: v.route!,
      ore: v.ore!,
      process: v.process!,
      intermediate: v.intermediate || null,
      product: v.product!,
      first_use: v.first_use!,
      product_paper_id: v.product_paper_id || null,
      first_use_paper_id: v.first_use_paper_id || null,
      source: v.source!,
      note: v.note!
    };
  });
}
