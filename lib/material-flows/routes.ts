/**
 * The main routes from nickel ore to first use (the paper's Figure 8), as data
 * (data/sources/mfa/nickel_routes.csv): one row per route, from ore type through a process and,
 * where there is one, an intermediate to a product and a first use. Where the paper states the
 * product's 2021 output or the first use's share, the row names that figure; no source splits
 * 2021 output by route, so the routes themselves carry no tonnage.
 */

import {parseCsv} from "../sources/csv.js";
import type {PaperValue} from "../sources/paper-values.js";
import {SourceError} from "../sources/source-error.js";

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

/** One step of the route diagram: from a node of one column to a node of a later one. */
export interface RouteLink {
  source: string;
  target: string;
  routes: string[];
}

/** A node of the route diagram: its column (0 ore, 1 process, 2 intermediate, 3 product, 4 first use) and its 2021 tonnage where the paper gives one. */
export interface RouteNode {
  id: string;
  label: string;
  column: number;
  kt: number | null;
  basis: string | null;
}

/** The figure's rows: the routes with the product's and the first use's 2021 tonnage from the paper (kt, null where it gives none). */
export type RouteRow = Pick<NickelRoute, "route" | "ore" | "process" | "intermediate" | "product" | "first_use"> & {
  product_kt: number | null;
  first_use_kt: number | null;
};

const COLUMNS = ["ore", "process", "intermediate", "product", "first_use"] as const;

/**
 * The nodes and links of the route diagram from the figure's rows. Nodes are named by column and
 * label, so that a process used by several routes is one node; a route without an intermediate goes
 * from its process straight to its product. Throws RangeError on a row missing a step, or on one
 * product or first use given two different tonnages.
 */
export function routeGraph(rows: readonly RouteRow[]): {nodes: RouteNode[]; links: RouteLink[]} {
  const nodes = new Map<string, RouteNode>();
  const links = new Map<string, RouteLink>();
  const node = (column: number, label: string, kt: number | null = null, basis: string | null = null) => {
    const id = `${COLUMNS[column]}:${label}`;
    const known = nodes.get(id);
    if (known && known.kt !== null && kt !== null && Math.abs(known.kt - kt) > 1e-9) throw new RangeError(`${label}: two different 2021 tonnages, ${known.kt} and ${kt} kt`);
    if (!known) nodes.set(id, {id, label, column, kt, basis});
    else if (known.kt === null && kt !== null) Object.assign(known, {kt, basis});
    return id;
  };
  rows.forEach((r, i) => {
    for (const c of ["route", "ore", "process", "product", "first_use"] as const) {
      if (typeof r[c] !== "string" || !r[c]) throw new RangeError(`row ${i + 1}: ${c} must be text, got ${JSON.stringify(r[c] ?? null)}`);
    }
    const path = [node(0, r.ore), node(1, r.process), ...(r.intermediate ? [node(2, r.intermediate)] : []), node(3, r.product, r.product_kt ?? null, r.product_kt === null || r.product_kt === undefined ? null : "product"), node(4, r.first_use, r.first_use_kt ?? null, r.first_use_kt === null || r.first_use_kt === undefined ? null : "first use")];
    for (let k = 0; k + 1 < path.length; k++) {
      const key = `${path[k]}→${path[k + 1]}`;
      const link = links.get(key) ?? {source: path[k]!, target: path[k + 1]!, routes: []};
      link.routes.push(r.route);
      links.set(key, link);
    }
  });
  return {nodes: [...nodes.values()], links: [...links.values()]};
}
