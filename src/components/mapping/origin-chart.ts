import * as Plot from "@observablehq/plot";
import type {OriginCount} from "../../lib/mapping/value-origins.js";
import {hover} from "../reader/hover.js";

const ORIGINS = ["observed", "modelled", "missing"] as const;

/**
 * For each column, the rows whose value is observed, modelled or missing, as stacked bars that add
 * up to all rows: modelled values are seen apart from observations, and missing ones as missing.
 */
export function OriginChart(counts: readonly OriginCount[], {labels = {}, width = 640, document}: {labels?: Record<string, string>; width?: number; document?: Document}): SVGSVGElement | HTMLElement {
  const label = (column: string) => labels[column] ?? column;
  const rows = counts.flatMap((c) => ORIGINS.map((origin) => ({column: label(c.column), origin, count: c[origin]})));
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 26 * counts.length + 70,
    marginLeft: 150,
    x: {label: "Sites →", grid: true},
    y: {domain: counts.map((c) => label(c.column)), label: null},
    color: {domain: [...ORIGINS], range: ["#2b6cb0", "#dd6b20", "var(--theme-foreground-faintest, #e2e8f0)"], legend: true},
    marks: [
      Plot.barX(rows, {x: "count", y: "column", fill: "origin", stroke: "var(--theme-foreground-faint, #999999)", strokeWidth: 0.5, ...hover((d: {column: string; origin: string; count: number}) => `${d.column}: ${d.count} ${d.origin}`), order: [...ORIGINS]}),
      Plot.text(rows, Plot.stackX({x: "count", y: "column", text: (d: {count: number}) => (d.count ? String(d.count) : ""), order: [...ORIGINS], z: "origin", fill: (d: {origin: string}) => (d.origin === "observed" ? "white" : d.origin === "missing" ? "var(--theme-foreground, black)" : "black")})),
      Plot.ruleX([0])
    ]
  });
}
