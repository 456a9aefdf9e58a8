import {describe, expect, it} from "vitest";
import {indexNetwork, nodeIndex, undirectedAdjacency} from "../../../lib/resilience/network.js";

const abc = {
  nodes: [{id: "a"}, {id: "b"}, {id: "c"}],
  edges: [
    {from: "a", to: "b"},
    {from: "a", to: "c"},
    {from: "c", to: "b"}
  ]
};

describe("indexNetwork", () => {
  it("indexNetwork(network) lists each node's outgoing and incoming edges", () => {
    const g = indexNetwork(abc);
    const out = (i: number) => Array.from(g.outEdges.slice(g.outStart[i], g.outStart[i + 1]));
    const inn = (i: number) => Array.from(g.inEdges.slice(g.inStart[i], g.inStart[i + 1]));
    expect([out(0), out(1), out(2)]).toEqual([[0, 1], [], [2]]);
    expect([inn(0), inn(1), inn(2)]).toEqual([[], [0, 2], [1]]);
    expect(g.index.get("c")).toBe(2);
  });

  it("indexNetwork(network) throws, naming the item, on a duplicate id, an unknown end, a self-loop or a repeated edge", () => {
    expect(() => indexNetwork({nodes: [{id: "a"}, {id: "a"}], edges: []})).toThrow(/"a" appears twice/);
    expect(() => indexNetwork({nodes: [{id: "a"}], edges: [{from: "a", to: "z"}]})).toThrow(/ends at unknown node "z"/);
    expect(() => indexNetwork({nodes: [{id: "a"}], edges: [{from: "a", to: "a"}]})).toThrow(/self-loop on "a"/);
    expect(() => indexNetwork({nodes: [{id: "a"}, {id: "b"}], edges: [{from: "a", to: "b"}, {from: "a", to: "b"}]})).toThrow(/edge 1 \(a -> b\) is repeated/);
    expect(() => indexNetwork({nodes: [{id: ""}], edges: []})).toThrow(/invalid id/);
  });

  it("nodeIndex(indexed, id, role) names the role of an unknown node", () => {
    expect(() => nodeIndex(indexNetwork(abc), "x", "disrupted node")).toThrow('disrupted node "x" is not a node');
  });
});

describe("undirectedAdjacency", () => {
  it("undirectedAdjacency(indexed) gives each node its neighbours in both directions (row length = in + out degree)", () => {
    const {start, neighbours} = undirectedAdjacency(indexNetwork(abc));
    const row = (i: number) => Array.from(neighbours.slice(start[i], start[i + 1])).sort();
    expect([row(0), row(1), row(2)]).toEqual([[1, 2], [0, 2], [0, 1]]);
  });
});
