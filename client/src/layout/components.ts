// Weakly connected parts of the view. Each part is ordered and placed on its own (smaller problems, and
// barycenter sweeps never interleave two unrelated groups), then the parts are set side by side.

/** Component id per node (0, 1, … in order of each component's lowest node index). */
export function connectedComponents(n: number, from: Int32Array, to: Int32Array): { id: Int32Array; count: number } {
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  for (let e = 0; e < from.length; e++) {
    const a = find(from[e]!);
    const b = find(to[e]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const id = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const root = find(v);
    if (id[root] === -1) id[root] = count++;
    id[v] = id[root]!;
  }
  return { id, count };
}
