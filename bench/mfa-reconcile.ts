// Benchmark: data reconciliation of a generated 100-flow system with noisy measurements.
// Run: npx tsx bench/mfa-reconcile.ts
// Workload only: a random layered network whose true flows balance exactly; measurements are the
// true values plus seeded normal noise (2-5 % relative sd); about 15 % of flows are left
// unmeasured. Not data.

import {loadavg} from "node:os";
import {createRng} from "../lib/random.js";
import {standardNormal} from "../lib/mfa/distributions.js";
import {reconcileSystem} from "../lib/mfa/reconcile.js";
import type {Flow, MfaSystem, Process} from "../lib/mfa/system.js";

const TARGET_FLOWS = 100;
const PROCESSES = 36;
const rng = createRng(20240601);

// True system: "in" feeds the first processes; every process sends to "out" and to one or two later
// processes; its total input is split over its outputs by random shares, so every process balances.
function trueSystem(): MfaSystem {
  const processes: Process[] = [{id: "in", boundary: true}, {id: "out", boundary: true}];
  for (let i = 0; i < PROCESSES; i++) processes.push({id: `P${i}`});
  const edges: {from: string; to: string}[] = [];
  for (let i = 0; i < 4; i++) edges.push({from: "in", to: `P${i}`});
  for (let i = 0; i < PROCESSES && edges.length < TARGET_FLOWS; i++) {
    edges.push({from: `P${i}`, to: "out"});
    const later = PROCESSES - i - 1;
    const k = Math.min(later, rng.next() < 0.6 ? 2 : 1);
    const targets = new Set<number>();
    while (targets.size < k) targets.add(i + 1 + Math.floor(rng.next() * later));
    for (const j of targets) if (edges.length < TARGET_FLOWS) edges.push({from: `P${i}`, to: `P${j}`});
  }
  // every process must have an input; "in" feeds those that got none
  for (let i = 0; i < PROCESSES; i++) if (!edges.some((e) => e.to === `P${i}`)) edges.push({from: "in", to: `P${i}`});
  // trim to exactly TARGET_FLOWS by dropping forward links whose target has another input
  for (let idx = edges.length - 1; idx >= 0 && edges.length > TARGET_FLOWS; idx--) {
    const e = edges[idx]!;
    if (e.from === "in" || e.to === "out") continue;
    if (edges.filter((g) => g.to === e.to).length > 1) edges.splice(idx, 1);
  }
  // propagate true values in process order (edges only go forward)
  const value = new Map<number, number>();
  const input = new Map<string, number>();
  edges.forEach((e, idx) => {
    if (e.from === "in") {
      const v = 100 + 900 * rng.next();
      value.set(idx, v);
      input.set(e.to, (input.get(e.to) ?? 0) + v);
    }
  });
  for (let i = 0; i < PROCESSES; i++) {
    const outs = edges.map((e, idx) => ({e, idx})).filter(({e}) => e.from === `P${i}`);
    const w = outs.map(() => 0.2 + rng.next());
    const total = w.reduce((a, b) => a + b, 0);
    const inp = input.get(`P${i}`) ?? 0;
    outs.forEach(({e, idx}, j) => {
      const v = (inp * w[j]!) / total;
      value.set(idx, v);
      input.set(e.to, (input.get(e.to) ?? 0) + v);
    });
  }
  const flows: Flow[] = edges.map((e, idx) => ({id: `f${idx}`, from: e.from, to: e.to, value: value.get(idx)!, unit: "t"}));
  return {processes, flows};
}

// Measurements: truth + noise, sd 2-5 % of the value; a share of flows marked unmeasured (derived),
// skipping any choice that would leave a flow undetermined.
function measured(truth: MfaSystem): MfaSystem {
  let flows: Flow[] = truth.flows.map((f) => {
    const rel = 0.02 + 0.03 * rng.next();
    const sd = rel * f.value;
    return {...f, value: Math.max(0, f.value + sd * standardNormal(rng)), sd};
  });
  for (const f of truth.flows) {
    if (rng.next() > 0.15) continue;
    const trial = flows.map((g) => (g.id === f.id ? {...g, derived: true} : g));
    try {
      reconcileSystem({...truth, flows: trial});
      flows = trial;
    } catch {
      // leave it measured
    }
  }
  return {...truth, flows};
}

const truth = trueSystem();
const system = measured(truth);
const unmeasured = system.flows.filter((f) => f.derived).length;
console.log(
  `mfa-reconcile: ${system.flows.length} flows (${unmeasured} unmeasured), ${PROCESSES} balanced processes (benchmark workload, not data)`
);
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

let t0 = performance.now();
let result = reconcileSystem(system);
const cold = performance.now() - t0;
for (let i = 0; i < 50; i++) reconcileSystem(system);
const RUNS = 300;
const times = new Float64Array(RUNS);
for (let i = 0; i < RUNS; i++) {
  t0 = performance.now();
  result = reconcileSystem(system);
  times[i] = performance.now() - t0;
}
times.sort();
const at = (p: number) => times[Math.min(RUNS - 1, Math.floor(p * (RUNS - 1)))]!;
console.log(
  `reconcileSystem: cold ${cold.toFixed(2)} ms | min ${times[0]!.toFixed(3)} ms | median ${at(0.5).toFixed(3)} ms | p95 ${at(0.95).toFixed(3)} ms (${RUNS} runs after 50 warm-up)`
);

// Sanity checks: balances close, the chi-square is plausible, and reconciliation moved the
// measurements towards the truth on average.
const worst = Object.values(result.balanceResiduals).reduce((m, r) => Math.max(m, Math.abs(r)), 0);
let before = 0;
let after = 0;
for (const f of truth.flows) {
  const m = system.flows.find((g) => g.id === f.id)!;
  if (m.derived) continue;
  before += ((m.value - f.value) / m.sd!) ** 2;
  after += ((result.values[f.id]! - f.value) / m.sd!) ** 2;
}
const flagged = result.variables.filter((v) => v.grossError).length;
console.log(
  `check: max |balance residual| ${worst.toExponential(2)}; chi2 ${result.chiSquare.toFixed(1)} on ${result.degreesOfFreedom} dof (p = ${result.pValue.toFixed(3)}); ` +
    `sum of squared standardised errors vs truth ${before.toFixed(1)} -> ${after.toFixed(1)}; ${flagged} measurements flagged at z > ${result.zThreshold}`
);
