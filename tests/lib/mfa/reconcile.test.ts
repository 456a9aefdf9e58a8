import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {fromRows, luFactor, luSolve} from "../../../lib/mfa/linalg.js";
import type {Balance, ReconcileVariable} from "../../../lib/mfa/reconcile.js";
import {applyReconciliation, reconcile, reconcileSystem, reconciliationProblem, stockVariableId} from "../../../lib/mfa/reconcile.js";
import type {MfaSystem} from "../../../lib/mfa/system.js";
import {massBalance} from "../../../lib/mfa/system.js";
import {normalTail} from "./reference.js";

// One process: inputs a and b, output c.
const oneProcess: Balance[] = [{id: "P", terms: {a: 1, b: 1, c: -1}}];

describe("reconcile: hand-worked examples", () => {
  it("reconcile(vars, balances) distributes the imbalance equally over measurements with equal sigma", () => {
    // a + b - c = 10 + 20 - 33 = -3; S = 3 sigma^2, so each moves by 1 towards balance
    const r = reconcile([{id: "a", value: 10, sd: 1}, {id: "b", value: 20, sd: 1}, {id: "c", value: 33, sd: 1}], oneProcess);
    expect(r.values.a).toBeCloseTo(11, 12);
    expect(r.values.b).toBeCloseTo(21, 12);
    expect(r.values.c).toBeCloseTo(32, 12);
    expect(r.chiSquare).toBeCloseTo(3, 12);
    expect(r.degreesOfFreedom).toBe(1);
    // P(chi^2_1 >= 3) = P(|Z| >= sqrt 3)
    expect(r.pValue).toBeCloseTo(2 * normalTail(Math.sqrt(3)), 10);
    // Cov = I - a a^T / 3 with a = (1, 1, -1)
    const sd = Math.sqrt(2 / 3);
    for (const v of r.variables) expect(v.sd).toBeCloseTo(sd, 12);
    expect(r.covariance[0 * 3 + 1]).toBeCloseTo(-1 / 3, 12);
    expect(r.covariance[0 * 3 + 2]).toBeCloseTo(1 / 3, 12);
    // normalised adjustment 1 / sqrt(1 - 2/3) = sqrt 3 < 1.96
    for (const v of r.variables) {
      expect(v.normalizedAdjustment).toBeCloseTo(Math.sqrt(3), 12);
      expect(v.grossError).toBe(false);
      expect(v.redundant).toBe(true);
    }
  });

  it("reconcile(vars, balances) adjusts in proportion to the variances when sigmas differ", () => {
    // variances 1, 4, 1: adjustments -3 * (1, 4, -1) / 6 with the sign that closes the balance
    const r = reconcile([{id: "a", value: 10, sd: 1}, {id: "b", value: 20, sd: 2}, {id: "c", value: 33, sd: 1}], oneProcess);
    expect(r.values.a).toBeCloseTo(10.5, 12);
    expect(r.values.b).toBeCloseTo(22, 12);
    expect(r.values.c).toBeCloseTo(32.5, 12);
    expect(r.variables.map((v) => +v.adjustment.toFixed(12))).toEqual([0.5, 2, -0.5]);
    expect(r.chiSquare).toBeCloseTo(0.25 + 1 + 0.25, 12);
  });

  it("reconcile(vars, balances) flags a gross error on the measurement that is far off", () => {
    // chain f1 -> P1 -> f2 -> P2 -> f3, f2 measured 4 too high. Residuals (-4, 4), S = [[2,-1],[-1,2]]:
    // adjustments (4/3, -8/3, 4/3), each with variance 2/3
    const vars: ReconcileVariable[] = [{id: "f1", value: 100, sd: 1}, {id: "f2", value: 104, sd: 1}, {id: "f3", value: 100, sd: 1}];
    const balances: Balance[] = [{id: "P1", terms: {f1: 1, f2: -1}}, {id: "P2", terms: {f2: 1, f3: -1}}];
    const r = reconcile(vars, balances);
    for (const id of ["f1", "f2", "f3"]) expect(r.values[id]).toBeCloseTo(304 / 3, 12);
    const [f1, f2, f3] = r.variables;
    expect(f2!.normalizedAdjustment).toBeCloseTo(8 / 3 / Math.sqrt(2 / 3), 12); // 3.27
    expect(f1!.normalizedAdjustment).toBeCloseTo(4 / 3 / Math.sqrt(2 / 3), 12); // 1.63
    expect(f2!.grossError).toBe(true);
    expect(f1!.grossError).toBe(false);
    expect(f3!.grossError).toBe(false);
    expect(r.chiSquare).toBeCloseTo(32 / 3, 12);
    expect(r.degreesOfFreedom).toBe(2);
    expect(r.pValue).toBeCloseTo(Math.exp(-16 / 3), 13); // chi^2 with 2 dof: exp(-x/2)
    // a stricter threshold lets it pass
    expect(reconcile(vars, balances, {zThreshold: 3.5}).variables[1]!.grossError).toBe(false);
  });

  it("reconcile(vars, balances) computes an unmeasured flow from the reconciled measurements, with its sd", () => {
    // f1 -> P1 -> f2 (unmeasured) -> P2 -> f3 + f4; eliminating f2 leaves f1 - f3 - f4 = 0, residual 2
    const r = reconcile(
      [{id: "f1", value: 100, sd: 1}, {id: "f2"}, {id: "f3", value: 90, sd: 1}, {id: "f4", value: 8, sd: 1}],
      [{id: "P1", terms: {f1: 1, f2: -1}}, {id: "P2", terms: {f2: 1, f3: -1, f4: -1}}]
    );
    expect(r.values.f1).toBeCloseTo(100 - 2 / 3, 12);
    expect(r.values.f3).toBeCloseTo(90 + 2 / 3, 12);
    expect(r.values.f2).toBeCloseTo(100 - 2 / 3, 12);
    const f2 = r.variables[1]!;
    expect(f2.status).toBe("unmeasured");
    expect(f2.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.degreesOfFreedom).toBe(1);
    // Cov(f2, f1) = Cov(f1, f1), since f2 = f1
    expect(r.covariance[1 * 4 + 0]).toBeCloseTo(2 / 3, 12);
  });

  it("reconcile(vars, balances) leaves a non-redundant measurement as it is, untested", () => {
    // f1 measured into P, f2 unmeasured out of P: nothing checks f1
    const r = reconcile([{id: "f1", value: 50, sd: 5}, {id: "f2"}], [{id: "P", terms: {f1: 1, f2: -1}}]);
    const f1 = r.variables[0]!;
    expect(f1).toMatchObject({value: 50, adjustment: 0, redundant: false, normalizedAdjustment: null, grossError: false});
    expect(f1.sd).toBeCloseTo(5, 12);
    expect(r.values.f2).toBe(50);
    expect(r.variables[1]!.sd).toBeCloseTo(5, 12);
    expect(r.degreesOfFreedom).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it("reconcile(vars, balances) treats a value without sd as fixed and moves it to the right-hand side", () => {
    // c fixed at 33: a + b = 33, equal sigma -> each +1.5
    const r = reconcile([{id: "a", value: 10, sd: 1}, {id: "b", value: 20, sd: 1}, {id: "c", value: 33}], oneProcess);
    expect(r.values.a).toBeCloseTo(11.5, 12);
    expect(r.values.b).toBeCloseTo(21.5, 12);
    expect(r.variables[2]).toMatchObject({status: "fixed", value: 33, sd: 0});
  });
});

describe("reconcile: errors", () => {
  it("reconcile(vars, balances) throws when an unmeasured flow is not determined by the balances", () => {
    // two parallel unmeasured flows between P1 and P2: only their sum is known
    const vars: ReconcileVariable[] = [{id: "in", value: 10, sd: 1}, {id: "x"}, {id: "y"}, {id: "out", value: 10, sd: 1}];
    const balances: Balance[] = [{id: "P1", terms: {in: 1, x: -1, y: -1}}, {id: "P2", terms: {x: 1, y: 1, out: -1}}];
    expect(() => reconcile(vars, balances)).toThrow(RangeError);
    expect(() => reconcile(vars, balances)).toThrow(/unmeasured variables "x", "y" are not determined by the balances/);
    // a single unmeasured flow in no balance
    expect(() => reconcile([{id: "lost"}], [])).toThrow(/unmeasured variable "lost" is not determined by the balances/);
  });

  it("reconcile(vars, balances) throws when fixed values contradict a balance, naming it", () => {
    expect(() => reconcile([{id: "a", value: 10}, {id: "b", value: 20}, {id: "c", value: 33}], oneProcess)).toThrow(/balance "P" .*cannot hold.*off by -3/);
  });

  it("reconcile(vars, balances) throws on unknown variables, duplicates and bad numbers", () => {
    expect(() => reconcile([{id: "a", value: 1, sd: 1}], [{id: "P", terms: {a: 1, z: -1}}])).toThrow(/balance "P" refers to unknown variable "z"/);
    expect(() => reconcile([{id: "a", value: 1}, {id: "a", value: 2}], [])).toThrow(/duplicate variable "a"/);
    expect(() => reconcile([{id: "a", value: 1, sd: -1}], [])).toThrow(/invalid sd -1/);
    expect(() => reconcile([{id: "a", value: NaN}], [])).toThrow(/invalid value NaN/);
    expect(() => reconcile([], [], {zThreshold: 0})).toThrow(/zThreshold/);
  });
});

describe("reconcile: cross-checks and properties", () => {
  // Random networks: a chain of processes with side flows, some unmeasured, measurements noisy.
  const network = fc.record({
    n: fc.integer({min: 1, max: 8}),
    seed: fc.integer({min: 0, max: 2 ** 31 - 1}),
    unmeasuredShare: fc.double({min: 0, max: 0.4, noNaN: true})
  });
  function build({n, seed, unmeasuredShare}: {n: number; seed: number; unmeasuredShare: number}) {
    let s = seed;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const vars: ReconcileVariable[] = [];
    const balances: Balance[] = [];
    // main chain m0 .. mn through processes P1..Pn, plus a loss l_k from each process
    let flow = 1000 * (0.5 + rnd());
    vars.push({id: "m0", value: flow, sd: 0.02 * flow});
    for (let k = 1; k <= n; k++) {
      const loss = flow * 0.3 * rnd();
      const next = flow - loss;
      const lossVar: ReconcileVariable = rnd() < unmeasuredShare ? {id: `l${k}`} : {id: `l${k}`, value: loss * (1 + 0.1 * (rnd() - 0.5)), sd: 0.05 * loss + 0.1};
      vars.push(lossVar, {id: `m${k}`, value: next * (1 + 0.05 * (rnd() - 0.5)), sd: 0.02 * next + 0.1});
      balances.push({id: `P${k}`, terms: {[`m${k - 1}`]: 1, [`m${k}`]: -1, [`l${k}`]: -1}});
      flow = next;
    }
    return {vars, balances};
  }

  it("reconcile(vars, balances) satisfies every balance to 1e-9 on random networks (property)", () => {
    fc.assert(
      fc.property(network, (spec) => {
        const {vars, balances} = build(spec);
        const r = reconcile(vars, balances);
        const scale = Math.max(...vars.map((v) => Math.abs(v.value ?? 0)));
        for (const res of Object.values(r.balanceResiduals)) expect(Math.abs(res)).toBeLessThanOrEqual(1e-9 * scale);
        // chi-square equals the weighted sum of squared adjustments
        let chi = 0;
        for (const v of r.variables) if (v.status === "measured") chi += (v.adjustment / v.measuredSd!) ** 2;
        expect(Math.abs(chi - r.chiSquare)).toBeLessThanOrEqual(1e-8 * Math.max(1, chi));
        // reconciled variances never exceed the measured ones
        for (const v of r.variables) if (v.status === "measured") expect(v.sd).toBeLessThanOrEqual(v.measuredSd! * (1 + 1e-12));
      })
    );
  });

  it("reconcile(vars, balances) agrees with the full KKT system solved by LU (property)", () => {
    fc.assert(
      fc.property(network, (spec) => {
        const {vars, balances} = build(spec);
        const r = reconcile(vars, balances);
        // KKT: [W 0 A^T; 0 0 B^T; A B 0] [x; y; lambda] = [W m; 0; 0], W = diag(1/s^2), unknowns ordered as vars
        const nv = vars.length;
        const p = balances.length;
        const size = nv + p;
        const k = Array.from({length: size}, () => new Array<number>(size).fill(0));
        const rhs = new Array<number>(size).fill(0);
        vars.forEach((v, i) => {
          if (v.value !== undefined) {
            k[i]![i] = 1 / v.sd! ** 2;
            rhs[i] = v.value / v.sd! ** 2;
          }
        });
        balances.forEach((b, j) => {
          for (const [id, coef] of Object.entries(b.terms)) {
            const i = vars.findIndex((v) => v.id === id);
            k[nv + j]![i] = coef;
            k[i]![nv + j] = coef;
          }
        });
        const z = luSolve(luFactor(fromRows(k)), rhs);
        vars.forEach((v, i) => expect(Math.abs(z[i]! - r.values[v.id]!)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(z[i]!))));
      })
    );
  });

  it("reconcile(vars, balances) on a 100-flow network takes well under 20 ms once compiled", () => {
    const {vars, balances} = build({n: 50, seed: 7, unmeasuredShare: 0.2});
    expect(vars.length).toBe(101);
    for (let i = 0; i < 20; i++) reconcile(vars, balances); // warm-up: let the JIT compile it
    // best of 20: robust to a busy machine pre-empting single runs (bench/mfa-reconcile.ts has the distribution)
    let best = Infinity;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      reconcile(vars, balances);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(20);
  });
});

describe("reconcileSystem", () => {
  const U = "t";
  const system: MfaSystem = {
    processes: [{id: "env", boundary: true}, {id: "plant"}, {id: "use"}, {id: "out", boundary: true}],
    flows: [
      {id: "feed", from: "env", to: "plant", value: 100, unit: U, sd: 2},
      {id: "product", from: "plant", to: "use", value: 84, unit: U, sd: 2},
      {id: "waste", from: "plant", to: "out", value: 10, unit: U, sd: 1},
      {id: "discard", from: "use", to: "out", value: 50, unit: U, derived: true}
    ],
    stocks: [{process: "use", change: 30, unit: U, sd: 3}]
  };

  it("reconciliationProblem(system) has one balance per process inside the boundary and marks derived flows unmeasured", () => {
    const {variables, balances} = reconciliationProblem(system);
    expect(balances).toEqual([
      {id: "plant", terms: {feed: 1, product: -1, waste: -1}},
      {id: "use", terms: {product: 1, discard: -1, [stockVariableId("use")]: -1}}
    ]);
    expect(variables.find((v) => v.id === "discard")).toEqual({id: "discard"});
  });

  it("reconcileSystem(system) closes the plant balance and computes the derived discard flow", () => {
    // plant: 100 - 84 - 10 = 6 to distribute over variances 4, 4, 1 -> +-(8/3, 8/3, 2/3)
    const r = reconcileSystem(system);
    expect(r.values.feed).toBeCloseTo(100 - 8 / 3, 12);
    expect(r.values.product).toBeCloseTo(84 + 8 / 3, 12);
    expect(r.values.waste).toBeCloseTo(10 + 2 / 3, 12);
    expect(r.values.discard).toBeCloseTo(84 + 8 / 3 - 30, 12);
    const balanced = applyReconciliation(system, r);
    for (const b of massBalance(balanced, {tolerance: 1e-12})) expect(b.balanced).toBe(true);
    expect(balanced.flows[3]!.derived).toBe(true);
    expect(balanced.flows[0]!.sd).toBeLessThan(2);
  });
});
