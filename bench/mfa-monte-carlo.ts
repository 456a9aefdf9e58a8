// Benchmark: Monte Carlo propagation, 10,000 runs of a ~30-flow lithium-like system
// (mining -> refining -> cell manufacturing -> product assembly -> use -> end of life ->
// collection -> recycling -> back to refining).
// Run: npx tsx bench/mfa-monte-carlo.ts
// BENCHMARK WORKLOAD, NOT DATA: every parameter below is a round made-up number chosen to give the
// model a realistic shape. Nothing here describes the real lithium cycle.

import {loadavg} from "node:os";
import {monteCarlo} from "../lib/mfa/monte-carlo.js";
import type {Distribution} from "../lib/mfa/distributions.js";
import type {Flow, MfaSystem, StockChange} from "../lib/mfa/system.js";
import {massBalance} from "../lib/mfa/system.js";

const RUNS = 10_000;
const UNIT = "kt Li";
const PRODUCTS = ["ev", "ess", "electronics"] as const;

// Made-up benchmark parameters (kt Li per year and dimensionless shares).
const parameters = {
  oreLi: {kind: "lognormal", mean: 200, sd: 20},
  mineRecovery: {kind: "triangular", min: 0.5, mode: 0.6, max: 0.7},
  refiningYield: {kind: "uniform", min: 0.85, max: 0.95},
  batteryShare: {kind: "normal", mean: 0.8, sd: 0.03},
  exportShare: {kind: "uniform", min: 0.05, max: 0.15},
  cellYield: {kind: "triangular", min: 0.85, mode: 0.9, max: 0.95},
  splitEv: {kind: "normal", mean: 0.7, sd: 0.03},
  splitEss: {kind: "normal", mean: 0.2, sd: 0.02},
  assemblyYield: {kind: "uniform", min: 0.97, max: 0.99},
  eolEv: {kind: "uniform", min: 0.1, max: 0.2},
  eolEss: {kind: "uniform", min: 0.05, max: 0.15},
  eolElectronics: {kind: "uniform", min: 0.5, max: 0.7},
  collectEv: {kind: "triangular", min: 0.7, mode: 0.85, max: 0.95},
  collectEss: {kind: "triangular", min: 0.6, mode: 0.8, max: 0.9},
  collectElectronics: {kind: "triangular", min: 0.1, mode: 0.2, max: 0.4},
  recyclingRecovery: {kind: "uniform", min: 0.8, max: 0.95}
} satisfies Record<string, Distribution>;

type P = Record<keyof typeof parameters, number>;

/**
 * One year of the made-up system in steady state. Returns every flow and stock change by id.
 * The recycling loop (refining -> cells -> scrap and end-of-life -> recycling -> refining) is
 * linear, so refining input R solves R = concentrate + g R, R = concentrate / (1 - g).
 */
function model(p: Readonly<P>): Record<string, number> {
  const split = {ev: p.splitEv, ess: p.splitEss, electronics: Math.max(0, 1 - p.splitEv - p.splitEss)};
  const eol = {ev: p.eolEv, ess: p.eolEss, electronics: p.eolElectronics};
  const collect = {ev: p.collectEv, ess: p.collectEss, electronics: p.collectElectronics};
  const concentrate = p.oreLi * p.mineRecovery;
  // per unit of refining input: Li that returns from recycling
  const battery = p.refiningYield * p.batteryShare * (1 - p.exportShare);
  let back = 1 - p.cellYield; // cell scrap
  for (const k of PRODUCTS) back += p.cellYield * split[k] * ((1 - p.assemblyYield) + p.assemblyYield * eol[k] * collect[k]);
  const g = battery * back * p.recyclingRecovery;
  const refiningIn = concentrate / (1 - g);
  const refined = refiningIn * p.refiningYield;
  const batteryGrade = refined * p.batteryShare * (1 - p.exportShare);
  const out: Record<string, number> = {
    ore: p.oreLi,
    tailings: p.oreLi - concentrate,
    concentrate,
    refiningLosses: refiningIn - refined,
    refinedExport: refined * p.batteryShare * p.exportShare,
    nonBattery: refined * (1 - p.batteryShare),
    batteryGrade,
    cellScrap: batteryGrade * (1 - p.cellYield)
  };
  const cells = batteryGrade * p.cellYield;
  let collected = 0;
  let uncollected = 0;
  for (const k of PRODUCTS) {
    const toAssembly = cells * split[k];
    const toUse = toAssembly * p.assemblyYield;
    const discarded = toUse * eol[k];
    out[`cells_${k}`] = toAssembly;
    out[`assemblyScrap_${k}`] = toAssembly - toUse;
    out[`products_${k}`] = toUse;
    out[`eol_${k}`] = discarded;
    out[`stock_${k}`] = toUse - discarded;
    collected += discarded * collect[k];
    uncollected += discarded * (1 - collect[k]);
  }
  let scrap = out.cellScrap!;
  for (const k of PRODUCTS) scrap += out[`assemblyScrap_${k}`]!;
  const recyclingIn = scrap + collected;
  out.collected = collected;
  out.landfill = uncollected;
  out.recovered = recyclingIn * p.recyclingRecovery;
  out.recyclingLosses = recyclingIn * (1 - p.recyclingRecovery);
  return out;
}

/** The model's outputs as an MfaSystem, to check that every process balances. */
function asSystem(v: Record<string, number>): MfaSystem {
  const f = (id: string, from: string, to: string): Flow => ({id, from, to, value: v[id]!, unit: UNIT});
  const flows: Flow[] = [
    f("ore", "env", "mining"),
    f("tailings", "mining", "env"),
    f("concentrate", "mining", "refining"),
    f("refiningLosses", "refining", "env"),
    f("refinedExport", "refining", "export"),
    f("nonBattery", "refining", "otherUses"),
    f("batteryGrade", "refining", "cellMfg"),
    f("cellScrap", "cellMfg", "recycling"),
    f("collected", "collection", "recycling"),
    f("landfill", "collection", "env"),
    f("recovered", "recycling", "refining"),
    f("recyclingLosses", "recycling", "env")
  ];
  const stocks: StockChange[] = [];
  for (const k of PRODUCTS) {
    flows.push(f(`cells_${k}`, "cellMfg", `assembly_${k}`), f(`assemblyScrap_${k}`, `assembly_${k}`, "recycling"));
    flows.push(f(`products_${k}`, `assembly_${k}`, `use_${k}`), f(`eol_${k}`, `use_${k}`, "collection"));
    stocks.push({process: `use_${k}`, change: v[`stock_${k}`]!, unit: UNIT});
  }
  const inside = ["mining", "refining", "cellMfg", "collection", "recycling", ...PRODUCTS.flatMap((k) => [`assembly_${k}`, `use_${k}`])];
  return {processes: [...["env", "export", "otherUses"].map((id) => ({id, boundary: true})), ...inside.map((id) => ({id}))], flows, stocks};
}

console.log(`mfa-monte-carlo: ${RUNS} runs, ${Object.keys(parameters).length} uncertain parameters (benchmark workload, not data)`);
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

const REPS = 15;
let t0 = performance.now();
let last = monteCarlo(parameters, model, {runs: RUNS, seed: 1});
const cold = performance.now() - t0;
const times: number[] = [];
for (let rep = 0; rep < REPS; rep++) {
  t0 = performance.now();
  last = monteCarlo(parameters, model, {runs: RUNS, seed: rep + 2});
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * (times.length - 1)))]!;
console.log(
  `monteCarlo (${RUNS} runs incl. summaries): cold ${cold.toFixed(1)} ms | min ${times[0]!.toFixed(1)} ms | median ${at(0.5).toFixed(1)} ms | p95 ${at(0.95).toFixed(1)} ms (${REPS} repetitions)`
);

const outputs = Object.keys(last.outputs);
console.log(`${outputs.length} outputs (flows + stock changes). Selected summaries (kt Li/yr):`);
for (const id of ["concentrate", "batteryGrade", "recovered", "landfill", "stock_ev"]) {
  const s = last.outputs[id]!;
  console.log(`  ${id.padEnd(14)} mean ${s.mean.toFixed(2).padStart(7)}  sd ${s.sd.toFixed(2).padStart(6)}  p5 ${s.p5.toFixed(2).padStart(7)}  p50 ${s.p50.toFixed(2).padStart(7)}  p95 ${s.p95.toFixed(2).padStart(7)}`);
}

// Sanity check: the model must close every process balance, here for the mean parameters.
const meanParams = Object.fromEntries(
  Object.entries(parameters).map(([k, d]) => [k, d.kind === "uniform" ? (d.min + d.max) / 2 : d.kind === "triangular" ? (d.min + d.mode + d.max) / 3 : d.mean])
) as P;
const worst = massBalance(asSystem(model(meanParams)), {tolerance: 1e-9}).filter((b) => !b.balanced);
console.log(`check: ${worst.length === 0 ? "all processes balance (relative 1e-9)" : `UNBALANCED: ${worst.map((b) => b.process).join(", ")}`}`);
