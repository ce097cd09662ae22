// Cycle breaking. Cross-holdings make ownership cycles (A owns B owns A); a layered drawing needs a DAG, so
// a depth-first search from the top owners marks each edge that closes a cycle (a back edge) to be drawn
// upwards. Starting from the entities nobody owns keeps as many edges as possible pointing down.
import { buildAdjacency } from './adjacency.ts';

/**
 * Flags (1) the edges to reverse so that `source → target` is acyclic. The search starts at nodes without
 * incoming edges (in index order), then at `preferred` nodes, then at any node left (cycles nobody owns).
 */
export function backEdges(n: number, source: Int32Array, target: Int32Array, preferred: readonly number[] = []): Uint8Array {
  const out = buildAdjacency(n, source, target);
  const indegree = new Int32Array(n);
  for (let e = 0; e < target.length; e++) indegree[target[e]!]! += 1;

  const reversed = new Uint8Array(source.length);
  const state = new Uint8Array(n); // 0 unvisited, 1 on the DFS stack, 2 finished
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n); // next adjacency slot to look at for the node at that depth

  const visit = (startNode: number): void => {
    if (state[startNode] !== 0) return;
    let depth = 0;
    stackNode[0] = startNode;
    stackNext[0] = out.start[startNode]!;
    state[startNode] = 1;
    while (depth >= 0) {
      const v = stackNode[depth]!;
      const slot = stackNext[depth]!;
      if (slot === out.start[v + 1]) {
        state[v] = 2;
        depth -= 1;
        continue;
      }
      stackNext[depth] = slot + 1;
      const w = out.to[slot]!;
      if (state[w] === 1) reversed[out.edge[slot]!] = 1;
      else if (state[w] === 0) {
        state[w] = 1;
        depth += 1;
        stackNode[depth] = w;
        stackNext[depth] = out.start[w]!;
      }
    }
  };

  for (let v = 0; v < n; v++) if (indegree[v] === 0) visit(v);
  for (const v of preferred) visit(v);
  for (let v = 0; v < n; v++) visit(v);
  return reversed;
}
