// Seeded test networks, shared by the percolation tests and bench/resilience-percolation.ts.
import type {Network} from "../../../lib/resilience/network.js";
import {seededRandom} from "../../../lib/random.js";

export const ids = (n: number) => Array.from({length: n}, (_, i) => `n${i}`);

/** Preferential attachment (Barabasi-Albert, m links per new node): a few large hubs. */
export function scaleFree(n: number, m: number, seed: number): Network {
  const r = seededRandom(seed);
  const ends: number[] = [];
  const edges: {from: string; to: string}[] = [];
  for (let v = 1; v < n; v++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(m, v)) targets.add(ends.length === 0 ? 0 : ends[Math.floor(r() * ends.length)]!);
    for (const t of targets) {
      edges.push({from: `n${t}`, to: `n${v}`});
      ends.push(t, v);
    }
  }
  return {nodes: ids(n).map((id) => ({id})), edges};
}
