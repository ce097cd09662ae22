// Compressed adjacency (CSR): the neighbours of node v are `to[start[v] .. start[v+1])`, with the edge index
// beside each. Flat typed arrays keep a 7,000-element graph's passes in cache and allocation-free.

export interface Adjacency {
  start: Int32Array;
  to: Int32Array;
  edge: Int32Array;
}

/** Out-neighbours (from → to) of each of `n` nodes, in edge order. */
export function buildAdjacency(n: number, from: Int32Array, to: Int32Array): Adjacency {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e]! + 1]! += 1;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(from.length);
  const edges = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const slot = fill[from[e]!]!++;
    targets[slot] = to[e]!;
    edges[slot] = e;
  }
  return { start, to: targets, edge: edges };
}
