/**
 * Benchmark: Monte Carlo percolation (lib/resilience/percolation.ts), 1,000 trials on a
 * 500-node network, for each removal strategy. Two generated networks: preferential attachment
 * (Barabasi-Albert, 2 links per new node, ~1,000 edges: hubs, like trade networks) and a sparse
 * random directed graph (mean degree ~6). Reports median and p95 over repeated runs.
 * Target: under 1 s per 1,000 trials. Run: npx tsx bench/resilience-percolation.ts
 */
import type {Network} from "../lib/resilience/network.js";
import {percolation, type RemovalStrategy} from "../lib/resilience/percolation.js";
import {seededRandom} from "../lib/random.js";
import {scaleFree} from "../tests/lib/resilience/graphs.ts";

function randomGraph(n: number, meanDegree: number, seed: number): Network {
  const r = seededRandom(seed);
  const p = meanDegree / (2 * (n - 1));
  const edges: {from: string; to: string}[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && r() < p) edges.push({from: `n${i}`, to: `n${j}`});
  return {nodes: Array.from({length: n}, (_, i) => ({id: `n${i}`})), edges};
}

function stats(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (n = ${s.length})`;
}

const runs = 15;
for (const [name, network] of [
  ["scale-free", scaleFree(500, 2, 1)],
  ["random", randomGraph(500, 6, 1)]
] as const) {
  console.log(`${name}: ${network.nodes.length} nodes, ${network.edges.length} edges`);
  for (const strategy of ["random", "degree-initial", "degree-adaptive"] as RemovalStrategy[]) {
    percolation(network, {strategy, trials: 1000, seed: 0}); // warm-up
    const times: number[] = [];
    let result = percolation(network, {strategy, trials: 1000, seed: 1});
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      result = percolation(network, {strategy, trials: 1000, seed: i + 1});
      times.push(performance.now() - t0);
    }
    console.log(
      `  ${strategy.padEnd(16)} 1,000 trials: ${stats(times)}; threshold ${result.threshold.toFixed(3)}, susceptibility peak ${result.susceptibilityPeak.toFixed(3)}, R ${result.robustness.toFixed(3)}`
    );
  }
}
