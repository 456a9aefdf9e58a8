import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {pathRedundancy, substitutabilityShare} from "../../../lib/resilience/adaptation.js";
import type {Network} from "../../../lib/resilience/network.js";

function net(ids: string[], edges: [string, string][]): Network {
  return {nodes: ids.map((id) => ({id})), edges: edges.map(([from, to]) => ({from, to}))};
}

describe("substitutabilityShare", () => {
  it("substitutabilityShare({demand, substitutes, recycling}) is (substitutes + recycling) / demand", () => {
    expect(substitutabilityShare({demand: 100, substitutes: 20, recycling: 15}).value).toBeCloseTo(0.35, 12);
  });

  it("substitutabilityShare({..., recycling: null}) is missing: missing recycling is not zero recycling", () => {
    const r = substitutabilityShare({demand: 100, substitutes: 20, recycling: null});
    expect(r.value).toBeNull();
    expect(r.reason).toBe("substitutabilityShare: recycling is missing");
  });

  it("substitutabilityShare(inputs) throws when the parts exceed demand or a part is negative", () => {
    expect(() => substitutabilityShare({demand: 10, substitutes: 8, recycling: 5})).toThrow(/substitutes 8 \+ recycling 5 exceed demand 10/);
    expect(() => substitutabilityShare({demand: 10, substitutes: -1, recycling: 5})).toThrow(/substitutes is -1/);
  });
});

describe("pathRedundancy", () => {
  const diamond = net(["s", "a", "b", "t"], [["s", "a"], ["s", "b"], ["a", "t"], ["b", "t"]]);

  it("pathRedundancy(diamond, [s], [t]) is 2", () => {
    expect(pathRedundancy(diamond, ["s"], ["t"])).toBe(2);
  });

  it("pathRedundancy(chain, [s], [t]) is 1: every intermediate node is a single point of failure", () => {
    expect(pathRedundancy(net(["s", "a", "b", "t"], [["s", "a"], ["a", "b"], ["b", "t"]]), ["s"], ["t"])).toBe(1);
  });

  it("pathRedundancy(diamond, [s], [t], {endpoints: 'disjoint'}) is 1: one source serves one path", () => {
    expect(pathRedundancy(diamond, ["s"], ["t"], {endpoints: "disjoint"})).toBe(1);
  });

  it("pathRedundancy(network, mines, [refinery]) counts a shared trader once", () => {
    // Two mines both selling through trader x: one path; a second trader y for m2 makes two.
    const oneTrader = net(["m1", "m2", "x", "r"], [["m1", "x"], ["m2", "x"], ["x", "r"]]);
    expect(pathRedundancy(oneTrader, ["m1", "m2"], ["r"])).toBe(1);
    const twoTraders = net(["m1", "m2", "x", "y", "r"], [["m1", "x"], ["m2", "x"], ["m2", "y"], ["x", "r"], ["y", "r"]]);
    expect(pathRedundancy(twoTraders, ["m1", "m2"], ["r"])).toBe(2);
  });

  it("pathRedundancy(network, sources, sinks) counts a direct source -> sink edge as one path and 0 when disconnected", () => {
    expect(pathRedundancy(net(["s", "a", "t"], [["s", "t"], ["s", "a"], ["a", "t"]]), ["s"], ["t"])).toBe(2);
    expect(pathRedundancy(net(["s", "a", "t"], [["s", "a"], ["t", "a"]]), ["s"], ["t"])).toBe(0);
  });

  it("pathRedundancy(network, sources, sinks) follows edge direction", () => {
    expect(pathRedundancy(net(["s", "a", "t"], [["a", "s"], ["t", "a"]]), ["s"], ["t"])).toBe(0);
  });

  it("pathRedundancy(network, sources, sinks) throws on an unknown node, an empty set or a node in both sets", () => {
    expect(() => pathRedundancy(diamond, ["q"], ["t"])).toThrow(/source "q" is not a node/);
    expect(() => pathRedundancy(diamond, [], ["t"])).toThrow(/source set is empty/);
    expect(() => pathRedundancy(diamond, ["s", "t"], ["t"])).toThrow(/"t" is both a source and a sink/);
  });

  it("pathRedundancy(network, [s], [t]) equals the brute-force minimum node cut (Menger) on random graphs (property)", () => {
    const graph = fc.integer({min: 3, max: 7}).chain((n) =>
      fc.record({n: fc.constant(n), edges: fc.uniqueArray(fc.tuple(fc.integer({min: 0, max: n - 1}), fc.integer({min: 0, max: n - 1})), {maxLength: n * 3, selector: ([a, b]) => `${a},${b}`})})
    );
    fc.assert(
      fc.property(graph, ({n, edges}) => {
        // node 0 = source, node n-1 = sink; no self-loops, no direct source -> sink edge (it cannot be cut by nodes).
        const e = edges.filter(([a, b]) => a !== b && !(a === 0 && b === n - 1));
        const ids = Array.from({length: n}, (_, i) => `v${i}`);
        const flow = pathRedundancy(net(ids, e.map(([a, b]) => [`v${a}`, `v${b}`])), ["v0"], [`v${n - 1}`]);
        const reachable = (cut: number): boolean => {
          const seen = new Set([0]);
          const stack = [0];
          while (stack.length) {
            const u = stack.pop()!;
            for (const [a, b] of e) {
              if (a !== u || seen.has(b) || (cut >> b) & 1) continue;
              seen.add(b);
              stack.push(b);
            }
          }
          return seen.has(n - 1);
        };
        let best = Infinity;
        for (let cut = 0; cut < 1 << n; cut++) {
          if (cut & 1 || (cut >> (n - 1)) & 1) continue;
          let size = 0;
          for (let b = cut; b; b >>= 1) size += b & 1;
          if (size < best && !reachable(cut)) best = size;
        }
        return flow === best;
      }),
      {numRuns: 200}
    );
  });
});
