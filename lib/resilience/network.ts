/**
 * A small directed graph shared by the network metrics (path redundancy, percolation, time to
 * survive): nodes are identified by a string id (a mine, a refinery, a country), edges point
 * downstream, from supplier to customer.
 *
 * Networks are plain data, so that a page can build one from a table. `indexNetwork` checks one
 * and gives the compact integer form the algorithms run on.
 */

/** A node; metrics extend it with their own attributes (inventory, capacity...). */
export interface NetworkNode {
  readonly id: string;
}

/** A directed edge from supplier `from` to customer `to`. */
export interface NetworkEdge {
  readonly from: string;
  readonly to: string;
}

/** A directed graph: a node list and an edge list. */
export interface Network<N extends NetworkNode = NetworkNode, E extends NetworkEdge = NetworkEdge> {
  readonly nodes: readonly N[];
  readonly edges: readonly E[];
}

/**
 * A checked network in integer form: node i is `network.nodes[i]`, edge k is
 * `network.edges[k]`, going from node `from[k]` to node `to[k]`. The edges leaving node i are
 * `outEdges[outStart[i] .. outStart[i + 1])` and those entering it
 * `inEdges[inStart[i] .. inStart[i + 1])` (compressed sparse rows, edge indices in input order).
 */
export interface IndexedNetwork<N extends NetworkNode = NetworkNode, E extends NetworkEdge = NetworkEdge> {
  readonly network: Network<N, E>;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly index: ReadonlyMap<string, number>;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
}

/**
 * Checks a network and indexes it. Throws RangeError on an empty or duplicate node id, an edge
 * whose end is not a node, a self-loop, or a repeated edge (same from and to), naming the item.
 */
export function indexNetwork<N extends NetworkNode, E extends NetworkEdge>(network: Network<N, E>): IndexedNetwork<N, E> {
  const index = new Map<string, number>();
  network.nodes.forEach((node, i) => {
    if (typeof node.id !== "string" || node.id === "") {
      throw new RangeError(`network: node ${i} has invalid id ${JSON.stringify(node.id)}; ids must be non-empty strings`);
    }
    if (index.has(node.id)) throw new RangeError(`network: node id "${node.id}" appears twice (nodes ${index.get(node.id)} and ${i})`);
    index.set(node.id, i);
  });
  const n = network.nodes.length;
  const m = network.edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const seen = new Set<string>();
  network.edges.forEach((edge, k) => {
    const f = index.get(edge.from);
    const t = index.get(edge.to);
    if (f === undefined) throw new RangeError(`network: edge ${k} (${edge.from} -> ${edge.to}) starts at unknown node "${edge.from}"`);
    if (t === undefined) throw new RangeError(`network: edge ${k} (${edge.from} -> ${edge.to}) ends at unknown node "${edge.to}"`);
    if (f === t) throw new RangeError(`network: edge ${k} is a self-loop on "${edge.from}"`);
    const key = `${f} ${t}`;
    if (seen.has(key)) throw new RangeError(`network: edge ${k} (${edge.from} -> ${edge.to}) is repeated`);
    seen.add(key);
    from[k] = f;
    to[k] = t;
  });
  const [outStart, outEdges] = csr(n, from);
  const [inStart, inEdges] = csr(n, to);
  return {network, nodeCount: n, edgeCount: m, index, from, to, outStart, outEdges, inStart, inEdges};
}

function csr(n: number, key: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const k of key) start[k + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const items = new Int32Array(key.length);
  key.forEach((k, e) => {
    items[fill[k]!++] = e;
  });
  return [start, items];
}

/** The index of node `id`. Throws RangeError, naming the role ("source", "disrupted node"...), when it is unknown. */
export function nodeIndex(indexed: IndexedNetwork<NetworkNode, NetworkEdge>, id: string, role = "node"): number {
  const i = indexed.index.get(id);
  if (i === undefined) throw new RangeError(`network: ${role} "${id}" is not a node of the network`);
  return i;
}

/**
 * Undirected adjacency in compressed sparse rows: the neighbours of node i are
 * `neighbours[start[i] .. start[i + 1])`, one entry per incident edge in either direction (a pair
 * linked both ways appears twice), so that the row length is the total degree, in + out.
 */
export function undirectedAdjacency(indexed: IndexedNetwork<NetworkNode, NetworkEdge>): {start: Int32Array; neighbours: Int32Array} {
  const n = indexed.nodeCount;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    start[i + 1] = start[i]! + (indexed.outStart[i + 1]! - indexed.outStart[i]!) + (indexed.inStart[i + 1]! - indexed.inStart[i]!);
  }
  const neighbours = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let k = 0; k < indexed.edgeCount; k++) {
    const f = indexed.from[k]!;
    const t = indexed.to[k]!;
    neighbours[fill[f]!++] = t;
    neighbours[fill[t]!++] = f;
  }
  return {start, neighbours};
}
