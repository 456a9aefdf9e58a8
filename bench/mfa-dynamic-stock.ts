// Benchmark: inflow-driven dynamic stock model, 200 years x 200 cohorts, normal lifetime.
// Run: npx tsx bench/mfa-dynamic-stock.ts
// Workload only: the inflow curve and lifetime are round made-up numbers, not data.

import {loadavg} from "node:os";
import {inflowDrivenModel, stockBalance, stockDrivenModel} from "../lib/mfa/dynamic-stock.js";
import type {Lifetime} from "../lib/mfa/lifetime.js";

const YEARS = 200;
const LIFETIME: Lifetime = {type: "normal", mean: 15, sd: 5}; // benchmark workload, not data
// logistic growth of the inflow from ~1 to ~100 units/yr around year 100 (benchmark workload)
const inflow = Float64Array.from({length: YEARS}, (_, t) => 100 / (1 + Math.exp(-(t - 100) / 15)));

function measure(fn: () => void, runs: number, warmup: number) {
  const t0 = performance.now();
  fn();
  const cold = performance.now() - t0;
  for (let i = 0; i < warmup; i++) fn();
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    times[i] = performance.now() - s;
  }
  times.sort();
  const at = (p: number) => times[Math.min(runs - 1, Math.floor(p * (runs - 1)))]!;
  return {cold, min: times[0]!, median: at(0.5), p95: at(0.95), runs};
}

const fmt = (r: ReturnType<typeof measure>) =>
  `cold ${r.cold.toFixed(3)} ms | min ${r.min.toFixed(3)} ms | median ${r.median.toFixed(3)} ms | p95 ${r.p95.toFixed(3)} ms (${r.runs} runs)`;

console.log(`mfa-dynamic-stock: ${YEARS} years x ${YEARS} cohorts, normal lifetime mean ${LIFETIME.type === "normal" ? `${LIFETIME.mean}, sd ${LIFETIME.sd}` : ""}`);
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

const inflowDriven = measure(() => void inflowDrivenModel(inflow, LIFETIME), 500, 50);
console.log(`inflowDrivenModel (incl. survival table): ${fmt(inflowDriven)}`);

const forward = inflowDrivenModel(inflow, LIFETIME);
const stockDriven = measure(() => void stockDrivenModel(forward.stock, LIFETIME), 500, 50);
console.log(`stockDrivenModel  (incl. survival table): ${fmt(stockDriven)}`);

// Sanity checks on the benchmarked result, so a fast wrong answer does not pass unnoticed.
const balance = stockBalance(forward).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const back = stockDrivenModel(forward.stock, LIFETIME);
const roundTrip = inflow.reduce((m, v, t) => Math.max(m, Math.abs(back.inflow[t]! - v)), 0);
console.log(`check: max |inflow - outflow - stock change| = ${balance.toExponential(2)}; stock-driven round trip max |inflow error| = ${roundTrip.toExponential(2)}`);
console.log(`final stock ${forward.stock[YEARS - 1]!.toFixed(2)}, final outflow ${forward.outflow[YEARS - 1]!.toFixed(2)}`);
