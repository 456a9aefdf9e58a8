/**
 * Benchmark: time to survive (lib/resilience/recovery.ts) on a generated 200-node supply
 * network (5 tiers of 40: mines -> concentrators -> refiners -> component makers -> plants, each
 * node sourcing one input from 2-3 alternative suppliers of the tier above, plants also needing
 * a second input from a component maker). Reports median and p95 over repeated runs of:
 * - one LP solve (HiGHS on the prebuilt TTS LP text),
 * - a whole TTS computation for one disrupted node (build + solve + read),
 * - the multi-period performance impact over a 12-period TTR (two LP solves, or one with
 *   lossTiming: false).
 * Target: one LP under 100 ms. Run: npx tsx bench/resilience-tts.ts
 */
import {buildLostSalesLp, buildTimeToSurviveLp, loadHighs, performanceImpact, timeToSurvive, type SupplyNetwork} from "../lib/resilience/recovery.js";
import {seededRandom} from "../lib/random.js";

function generate(seed: number, tiers = 5, width = 40): SupplyNetwork {
  const r = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const nodes: SupplyNetwork["nodes"][number][] = [];
  const edges: {from: string; to: string; input?: string; ratio?: number}[] = [];
  for (let t = 0; t < tiers; t++) {
    for (let i = 0; i < width; i++) {
      const last = t === tiers - 1;
      nodes.push({id: `t${t}n${i}`, inventory: int(0, 30), capacity: int(8, 20), ...(last ? {demand: int(1, 4)} : {})});
      if (t === 0) continue;
      const k = int(2, 3);
      const picked = new Set<number>();
      while (picked.size < k) picked.add(int(0, width - 1));
      for (const p of picked) edges.push({from: `t${t - 1}n${p}`, to: `t${t}n${i}`, input: "main", ratio: t === 2 ? 2 : 1});
      if (last) {
        let q = int(0, width - 1);
        while (picked.has(q)) q = (q + 1) % width;
        edges.push({from: `t${t - 2}n${q}`, to: `t${t}n${i}`, input: "second"});
      }
    }
  }
  return {nodes, edges};
}

function stats(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms (n = ${s.length})`;
}

function time(runs: number, f: () => void): number[] {
  f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}

const t0 = performance.now();
const highs = await loadHighs();
console.log(`HiGHS load: ${(performance.now() - t0).toFixed(0)} ms`);
const network = generate(2024);
console.log(`network: ${network.nodes.length} nodes, ${network.edges.length} edges`);
// Disrupt the busiest refiner (most customers).
const customers = new Map<string, number>();
for (const e of network.edges) customers.set(e.from, (customers.get(e.from) ?? 0) + 1);
const disrupted = [...customers.entries()].filter(([id]) => id.startsWith("t2")).sort((a, b) => b[1] - a[1])[0]![0];
const lp = buildTimeToSurviveLp(network, disrupted);
console.log(`TTS LP: ${lp.length} characters; TTS of ${disrupted} = ${timeToSurvive(highs, network, disrupted).value} periods`);

console.log(`build TTS LP:          ${stats(time(50, () => buildTimeToSurviveLp(network, disrupted)))}`);
console.log(`one LP solve (TTS):    ${stats(time(50, () => highs.solve(lp, {output_flag: false})))}`);
console.log(`whole TTS, one node:   ${stats(time(50, () => timeToSurvive(highs, network, disrupted)))}`);
const impact = performanceImpact(highs, network, disrupted, 12);
const lpImpact = buildLostSalesLp(network, disrupted, 12).lp;
console.log(`impact LP (12 periods): ${lpImpact.length} characters; lost sales over TTR 12 = ${impact.value?.toFixed(2)}`);
console.log(`one LP solve (impact): ${stats(time(10, () => highs.solve(lpImpact, {output_flag: false})))}`);
console.log(`whole impact, TTR 12:  ${stats(time(10, () => performanceImpact(highs, network, disrupted, 12)))}`);
console.log(`impact, no timing:     ${stats(time(10, () => performanceImpact(highs, network, disrupted, 12, {lossTiming: false})))}`);
const all = time(3, () => {
  for (const node of network.nodes) timeToSurvive(highs, network, node.id);
});
console.log(`TTS for all 200 nodes: ${stats(all)}`);
