import * as Plot from "@observablehq/plot";
import {hover} from "../reader/hover.js";

/** The fields of a percolation result (lib/resilience/percolation.ts) the chart draws. */
export interface PercolationCurve {
  strategy: string;
  removed: readonly number[];
  giant: readonly number[];
  level: number;
  threshold: number;
}

const LABELS: Record<string, string> = {
  random: "random failures",
  "degree-initial": "targeted: largest degree first",
  "degree-adaptive": "targeted: largest degree first, recomputed"
};

/**
 * Giant-component curves: the mean size of the largest connected component, as a share of the
 * network, against the share of nodes removed, one line per removal strategy, with the level
 * that defines the threshold and each strategy's threshold marked.
 */
export function PercolationChart(curves: readonly PercolationCurve[], {width = 640, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const points = curves.flatMap((c) => c.removed.map((removed, k) => ({strategy: LABELS[c.strategy] ?? c.strategy, removed, giant: c.giant[k]!})));
  const thresholds = curves.map((c) => ({strategy: LABELS[c.strategy] ?? c.strategy, threshold: c.threshold, level: c.level}));
  const level = curves[0]?.level ?? 0.5;
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 300,
    x: {domain: [0, 100], percent: true, label: "Nodes removed (%) →", grid: true},
    y: {domain: [0, 100], percent: true, label: "↑ Largest connected component (% of nodes)", grid: true},
    color: {domain: curves.map((c) => LABELS[c.strategy] ?? c.strategy), legend: true},
    marks: [
      Plot.ruleY([level], {strokeDasharray: "4,3"}),
      Plot.line(points, {x: "removed", y: "giant", stroke: "strategy", curve: "step-after"}),
      Plot.dot(thresholds, {x: "threshold", y: "level", stroke: "strategy", r: 4, ...hover((d: {strategy: string; threshold: number}) => `${d.strategy}: threshold ${(d.threshold * 100).toFixed(1)} %`)}),
      Plot.ruleY([0])
    ]
  });
}
