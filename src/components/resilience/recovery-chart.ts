import * as Plot from "@observablehq/plot";
import {hover} from "../reader/hover.js";

export interface RecoveryChartOptions {
  /** Demand per period. */
  demand: number;
  /** Demand lost in each period of the outage (index 0 = period 1). */
  lost: readonly number[];
  /** Time to survive, in periods; drawn as a rule when finite. */
  timeToSurvive?: number | null;
  /** Periods drawn after the outage ends, when supply is back at its baseline; default 2. */
  after?: number;
  /** The period's name, for the axis, e.g. "month". */
  period?: string;
  width?: number;
  document?: Document;
}

interface Bar {
  period: number;
  part: "demand met" | "demand lost" | "after recovery";
  share: number;
}

/**
 * The recovery path of a shock: for each period, the share of demand met and lost while the
 * outage lasts (from the performance-impact linear program), then the periods after recovery at
 * 100 %. The time to survive is marked where it falls inside the chart. Stocks are not rebuilt in
 * the model, so the path after recovery is the baseline.
 */
export function RecoveryChart({demand, lost, timeToSurvive = null, after = 2, period = "period", width = 640, document}: RecoveryChartOptions): SVGSVGElement | HTMLElement {
  if (!(demand > 0)) throw new RangeError(`RecoveryChart: demand must be > 0, got ${demand}`);
  const bars: Bar[] = [];
  lost.forEach((l, i) => {
    const share = Math.min(1, Math.max(0, l / demand));
    bars.push({period: i + 1, part: "demand met", share: 1 - share}, {period: i + 1, part: "demand lost", share});
  });
  for (let p = lost.length + 1; p <= lost.length + after; p++) bars.push({period: p, part: "after recovery", share: 1});
  const end = lost.length + after;
  const tts = timeToSurvive !== null && Number.isFinite(timeToSurvive) && timeToSurvive <= lost.length ? [timeToSurvive] : [];
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 240,
    marginTop: 24,
    x: {domain: [0, end], label: `${period[0]!.toUpperCase()}${period.slice(1)} since the shock →`, ticks: Math.min(end, 12)},
    y: {domain: [0, 100], percent: true, label: "↑ Demand (%)", grid: true},
    color: {domain: ["demand met", "demand lost", "after recovery"], range: ["var(--miners-blue, #3b5fc0)", "var(--miners-red, #c0392b)", "var(--miners-blue-light, #9db4e8)"], legend: true},
    marks: [
      Plot.rectY(bars, {x1: (d: Bar) => d.period - 1, x2: (d: Bar) => d.period, y: "share", fill: "part", inset: 1, order: ["demand met", "demand lost", "after recovery"], ...hover((d: Bar) => `${period} ${d.period}: ${d.part} ${(d.share * 100).toFixed(1)} %`)}),
      Plot.ruleX([lost.length], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.text([lost.length], {x: (d: number) => d, y: 1, text: () => "supply restored", dy: -8, textAnchor: "start", dx: 3}),
      Plot.ruleX(tts, {stroke: "var(--miners-red, #c0392b)", strokeWidth: 2}),
      Plot.text(tts, {x: (d: number) => d, y: 0, text: (d: number) => `TTS ${d.toFixed(2)}`, dy: 10, textAnchor: "start", dx: 3, fill: "var(--miners-red, #c0392b)"}),
      Plot.ruleY([0])
    ]
  });
}
