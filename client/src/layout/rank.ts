// Ranks (rows) of an acyclic ownership graph: every owner at least one row above what it owns. Longest path
// from the top gives each entity the row of its deepest owner chain; then an owner with no owner of its own
// (a person, a fund) is pulled down to sit just above the highest thing it owns, instead of waiting in the
// top row with a long edge down: close to what network-simplex ranking gives ownership trees, in linear time.
import { buildAdjacency } from './adjacency.ts';

/** Ranks for `from → to` edges that form a DAG; each weakly connected part starts at rank 0. */
export function assignRanks(n: number, from: Int32Array, to: Int32Array): Int32Array {
  const out = buildAdjacency(n, from, to);
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) indegree[to[e]!]! += 1;

  // Kahn's topological order; longest path from the sources along it.
  const order = new Int32Array(n);
  const remaining = indegree.slice();
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (remaining[v] === 0) order[tail++] = v;
  const rank = new Int32Array(n);
  while (head < tail) {
    const v = order[head++]!;
    for (let s = out.start[v]!; s < out.start[v + 1]!; s++) {
      const w = out.to[s]!;
      if (rank[v]! + 1 > rank[w]!) rank[w] = rank[v]! + 1;
      if (--remaining[w]! === 0) order[tail++] = w;
    }
  }
  if (tail !== n) throw new Error('assignRanks needs an acyclic graph: break cycles with backEdges first');

  for (let i = n - 1; i >= 0; i--) {
    const v = order[i]!;
    if (indegree[v] !== 0 || out.start[v] === out.start[v + 1]) continue;
    let lowest = Infinity;
    for (let s = out.start[v]!; s < out.start[v + 1]!; s++) lowest = Math.min(lowest, rank[out.to[s]!]!);
    rank[v] = lowest - 1;
  }
  return rank;
}
