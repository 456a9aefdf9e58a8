/**
 * The paper's Figure 8 as a graph: the routes of data/sources/mfa/nickel_routes.csv (read by
 * lib/sources/nickel-routes.ts) joined into nodes by column and links between them.
 */

import type {NickelRoute} from "../sources/nickel-routes.js";

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
