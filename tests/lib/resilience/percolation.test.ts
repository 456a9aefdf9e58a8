import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Network} from "../../../lib/resilience/network.js";
import {giantComponentCurve, percolation} from "../../../lib/resilience/percolation.js";
import {seededRandom} from "../../../lib/random.js";
import {ids, scaleFree} from "./graphs.ts";

function star(n: number): Network {
  return {nodes: ids(n).map((id) => ({id})), edges: ids(n).slice(1).map((id) => ({from: "n0", to: id}))};
}

function complete(n: number): Network {
  const edges = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push({from: `n${i}`, to: `n${j}`});
  return {nodes: ids(n).map((id) => ({id})), edges};
}

function randomGraph(n: number, p: number, seed: number): Network {
  const r = seededRandom(seed);
  const edges = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && r() < p) edges.push({from: `n${i}`, to: `n${j}`});
  return {nodes: ids(n).map((id) => ({id})), edges};
}

describe("giantComponentCurve", () => {
  it("giantComponentCurve(path of 5, order) matches the hand-worked curve", () => {
    const path: Network = {nodes: ids(5).map((id) => ({id})), edges: [0, 1, 2, 3].map((i) => ({from: `n${i}`, to: `n${i + 1}`}))};
    // Remove the middle (2 + 2 left), then an end (2), then n3 (singletons), then n1, then n4.
    expect(giantComponentCurve(path, ["n2", "n0", "n3", "n1", "n4"])).toEqual([1, 0.4, 0.4, 0.2, 0.2, 0]);
  });

  it("giantComponentCurve(network, order) ignores edge direction (weak components)", () => {
    const inward: Network = {nodes: ids(3).map((id) => ({id})), edges: [{from: "n1", to: "n0"}, {from: "n2", to: "n0"}]};
    expect(giantComponentCurve(inward, ["n1", "n0", "n2"])).toEqual([1, 2 / 3, 1 / 3, 0]);
  });

  it("giantComponentCurve(network, order) throws unless the order is a permutation of the nodes", () => {
    expect(() => giantComponentCurve(star(3), ["n0", "n1"])).toThrow(/lists 2 nodes, the network has 3/);
    expect(() => giantComponentCurve(star(3), ["n0", "n1", "n1"])).toThrow(/"n1" appears twice/);
    expect(() => giantComponentCurve(star(3), ["n0", "n1", "zz"])).toThrow(/"zz" is not a node/);
  });

  it("giantComponentCurve(network, order) is non-increasing, bounded by (N - k) / N and ends at 0 (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 30}), fc.double({min: 0, max: 0.3, noNaN: true}), fc.integer(), (n, p, seed) => {
        const g = randomGraph(n, p, seed);
        const order = ids(n);
        const r = seededRandom(seed ^ 0x5bd1e995);
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const curve = giantComponentCurve(g, order);
        return curve.every((s, k) => s <= (n - k) / n + 1e-12 && (k === 0 || s <= curve[k - 1]!)) && curve[n] === 0;
      })
    );
  });
});

describe("percolation", () => {
  it("percolation(star, targeted) collapses after removing 1 node, the hub", () => {
    for (const strategy of ["degree-initial", "degree-adaptive"] as const) {
      const r = percolation(star(20), {strategy, trials: 50, seed: 3});
      expect(r.giant[0]).toBe(1);
      expect(r.giant[1]).toBeCloseTo(1 / 20, 12);
      expect(r.threshold).toBeCloseTo(1 / 20, 12);
    }
  });

  it("percolation(star, random) keeps the giant component much longer than under attack", () => {
    const r = percolation(star(20), {strategy: "random", trials: 2000, seed: 3});
    // The hub survives the first removal with probability 19/20: giant[1] = 19/20 * 19/20 + 1/20 * 1/20.
    expect(r.giant[1]).toBeCloseTo((19 / 20) * (19 / 20) + (1 / 20) * (1 / 20), 2);
    expect(r.threshold).toBeGreaterThan(0.2);
  });

  it("percolation(complete graph, random) keeps its giant component: giant[k] = (N - k) / N", () => {
    const n = 16;
    const r = percolation(complete(n), {strategy: "random", trials: 100, seed: 11});
    r.giant.forEach((s, k) => expect(s).toBeCloseTo((n - k) / n, 12));
    // First k with (16 - k) / 16 < 0.5 is k = 9; robustness R = (N - 1) / (2N).
    expect(r.threshold).toBeCloseTo(9 / 16, 12);
    expect(r.robustness).toBeCloseTo(15 / 32, 12);
    expect(r.susceptibility.every((x) => x === 0)).toBe(true);
  });

  it("percolation(scale-free network, options) is more fragile to targeted than to random removal", () => {
    const g = scaleFree(300, 2, 5);
    const random = percolation(g, {strategy: "random", trials: 200, seed: 1});
    const initial = percolation(g, {strategy: "degree-initial", trials: 200, seed: 1});
    const adaptive = percolation(g, {strategy: "degree-adaptive", trials: 200, seed: 1});
    expect(initial.threshold).toBeLessThan(random.threshold);
    expect(adaptive.robustness).toBeLessThanOrEqual(initial.robustness + 1e-9);
    expect(adaptive.robustness).toBeLessThan(random.robustness);
  });

  it("percolation(network, {seed}) is reproducible with a seed and changes with it", () => {
    const g = randomGraph(60, 0.03, 9);
    const a = percolation(g, {strategy: "random", trials: 30, seed: 123});
    const b = percolation(g, {strategy: "random", trials: 30, seed: 123});
    const c = percolation(g, {strategy: "random", trials: 30, seed: 124});
    expect(b).toEqual(a);
    expect(c.giant).not.toEqual(a.giant);
  });

  it("percolation(network, options) averaged curve is non-increasing, starts at the largest component and crosses the level at the threshold (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 40}),
        fc.double({min: 0, max: 0.2, noNaN: true}),
        fc.integer(),
        fc.constantFrom("random", "degree-initial", "degree-adaptive" as const),
        (n, p, seed, strategy) => {
          const g = randomGraph(n, p, seed);
          const r = percolation(g, {strategy: strategy as "random", trials: 5, seed});
          const identity = giantComponentCurve(g, ids(n));
          return (
            r.giant.length === n + 1 &&
            Math.abs(r.giant[0]! - identity[0]!) < 1e-12 &&
            r.giant.every((s, k) => k === 0 || s <= r.giant[k - 1]! + 1e-12) &&
            r.giant[n] === 0 &&
            // the threshold is the first k / N where the curve is below the level
            r.giant[Math.round(r.threshold * n)]! < r.level &&
            r.giant.slice(0, Math.round(r.threshold * n)).every((s) => s >= r.level)
          );
        }
      ),
      {numRuns: 100}
    );
  });

  it("percolation(network, options) throws on an empty network, trials 0 or a level outside (0, 1]", () => {
    expect(() => percolation({nodes: [], edges: []}, {strategy: "random"})).toThrow(/no nodes/);
    expect(() => percolation(star(3), {strategy: "random", trials: 0})).toThrow(/trials must be a positive integer, got 0/);
    expect(() => percolation(star(3), {strategy: "random", level: 0})).toThrow(/level must lie in \(0, 1\], got 0/);
    expect(() => percolation(star(3), {strategy: "bogus" as "random"})).toThrow(/unknown strategy "bogus"/);
  });
});
