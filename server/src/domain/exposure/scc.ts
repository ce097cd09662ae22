// Strongly connected components of the graph induced by a member set (stakes and, where control counts,
// control edges between members). An entity's stakes can only come back to it round a cycle, i.e. within
// its component, which bounds what must be recomputed when it must not count itself (state.ts).
import type { Snapshot } from './snapshot.js';

/** Component id per entity (-1 for non-members), iterative Tarjan, O(members + their edges). */
export function memberComponents(snap: Snapshot, member: Uint8Array, control: boolean): Int32Array {
  const n = snap.index.size;
  const { outStart, outStake, sOwned, cOutStart, cOut } = snap;
  const controlled = snap.index.ctl.controlled;
  const comp = new Int32Array(n).fill(-1);
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callCursor = new Int32Array(n);
  let sp = 0;
  let depth = 0;
  let counter = 0;
  let comps = 0;
  // Successor number c of u: stakes first, then control edges.
  const successor = (u: number, c: number): number => {
    const stakes = outStart[u + 1]! - outStart[u]!;
    if (c < stakes) return sOwned[outStake[outStart[u]! + c]!]!;
    const k = c - stakes;
    if (!control || k >= cOutStart[u + 1]! - cOutStart[u]!) return -2; // exhausted
    return controlled[cOut[cOutStart[u]! + k]!]!;
  };
  for (let root = 0; root < n; root++) {
    if (member[root] !== 1 || order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[0] = root;
    callCursor[0] = 0;
    depth = 1;
    while (depth > 0) {
      const u = callNode[depth - 1]!;
      const w = successor(u, callCursor[depth - 1]!);
      if (w !== -2) {
        callCursor[depth - 1]!++;
        if (member[w] !== 1 || w === u) continue;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[depth] = w;
          callCursor[depth] = 0;
          depth++;
        } else if (onStack[w] === 1) {
          low[u] = Math.min(low[u]!, order[w]!);
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[u]!);
      }
      if (low[u] === order[u]) {
        let x: number;
        do {
          x = stack[--sp]!;
          onStack[x] = 0;
          comp[x] = comps;
        } while (x !== u);
        comps++;
      }
    }
  }
  return comp;
}
