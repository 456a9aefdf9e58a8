import * as Plot from "@observablehq/plot";
import type {RankDistribution} from "../../lib/resilience/composite.js";
import {hover} from "../reader/hover.js";

/** A unit's rank distribution, as lib/resilience/composite.ts computes it. */
export type RankRow = RankDistribution;

/**
 * Rank sensitivity of a composite index: for each unit, its rank under the reader's weights (dot),
 * and the range (bar) and median (tick) of its ranks when the weights are perturbed at random.
 * Units without a rank are listed in the caption with their reason. `label` names units.
 */
export function RankChart(rows: readonly RankRow[], {label = (u: string) => u, width = 640, document}: {label?: (unit: string) => string; width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const ranked = rows.filter((r) => r.baseRank !== null && r.min !== null).sort((a, b) => a.baseRank! - b.baseRank! || a.unit.localeCompare(b.unit));
  const unranked = rows.filter((r) => r.baseRank === null || r.min === null);
  const n = Math.max(1, ...ranked.map((r) => r.max!));
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 26 * ranked.length + 50,
    marginLeft: 180,
    x: {domain: [0.5, n + 0.5], ticks: n, label: "Rank (1 = most resilient) →", grid: true},
    y: {domain: ranked.map((r) => label(r.unit)), label: null},
    caption: unranked.length ? `Not ranked: ${unranked.map((r) => `${label(r.unit)} (${r.reason ?? "no rank"})`).join("; ")}.` : undefined,
    marks: [
      Plot.ruleY(ranked, {y: (r: RankRow) => label(r.unit), x1: "min", x2: "max", stroke: "var(--miners-blue-light, #9db4e8)", strokeWidth: 8}),
      Plot.tickX(ranked, {y: (r: RankRow) => label(r.unit), x: "median", stroke: "var(--miners-blue, #3b5fc0)", strokeWidth: 2}),
      Plot.dot(ranked, {y: (r: RankRow) => label(r.unit), x: "baseRank", fill: "currentColor", r: 4, ...hover((r: RankRow) => `${label(r.unit)}: rank ${r.baseRank}; under perturbed weights ${r.min}-${r.max}, median ${r.median}`)})
    ]
  });
}
