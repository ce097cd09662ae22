// One entity's closure cut out of an already built whole-graph index, so an on-the-fly determination costs
// work in proportion to the closure instead of a database round trip per request. The closure is the one
// the database layer loads (ExposureGraphRepo.closure): OWNS and CONTROLS edges of any date, upstream, and
// downstream too when asked. The cut keeps the whole index's relative order of entities, edges and
// decisions, so it is the index buildIndex would make of the same subgraph given in that order.
import type { GraphIndex } from './graph-index.js';

/** Reverse and forward adjacency of an index over edges of any date, built once per index. */
export interface IndexAdjacency {
  /** Control edges (ctl positions) into v: ctlIn[ctlInStart[v]..ctlInStart[v+1]]. */
  ctlInStart: Int32Array;
  ctlIn: Int32Array;
  /** Ownership edges (own positions) held by v, and control edges by controller. */
  ownOutStart: Int32Array;
  ownOut: Int32Array;
  ctlOutStart: Int32Array;
  ctlOut: Int32Array;
  /** Decisions (positions in index.decisions) naming v. */
  decStart: Int32Array;
  decOf: Int32Array;
  /** Scratch: new position of each kept entity during one cut, -1 otherwise (reset after each cut). */
  newOf: Int32Array;
}

/** Groups items by a key per item: out[start[k]..start[k+1]] are the items with key k, in item order. */
function group(n: number, count: number, keyOf: (i: number) => number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) start[keyOf(i) + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[fill[keyOf(i)]!++] = i;
  return { start, items };
}

export function indexAdjacency(index: GraphIndex): IndexAdjacency {
  const n = index.size;
  const { own, ctl } = index;
  const ctlIn = group(n, ctl.controlled.length, (i) => ctl.controlled[i]!);
  const ownOut = group(n, own.owner.length, (i) => own.owner[i]!);
  const ctlOut = group(n, ctl.controller.length, (i) => ctl.controller[i]!);
  const pairs: number[] = [];
  index.decisionEntities.forEach((es, d) => es.forEach((e) => pairs.push(e, d)));
  const dec = group(n, pairs.length / 2, (i) => pairs[2 * i]!);
  const decOf = dec.items.map((i) => pairs[2 * i + 1]!);
  return {
    ctlInStart: ctlIn.start, ctlIn: ctlIn.items,
    ownOutStart: ownOut.start, ownOut: ownOut.items,
    ctlOutStart: ctlOut.start, ctlOut: ctlOut.items,
    decStart: dec.start, decOf,
    newOf: new Int32Array(n).fill(-1),
  };
}

/** v and everything upstream of it (owners, controllers, transitively); downstream too when `down`. */
export function closureOf(index: GraphIndex, adj: IndexAdjacency, v: number, down: boolean): number[] {
  const { own, ctl } = index;
  const seen = new Set<number>([v]);
  const walk = (next: (u: number, visit: (w: number) => void) => void): void => {
    const queue = [v];
    const visited = new Set<number>([v]);
    const visit = (w: number): void => {
      if (!visited.has(w)) (visited.add(w), seen.add(w), queue.push(w));
    };
    for (let i = 0; i < queue.length; i++) next(queue[i]!, visit);
  };
  walk((u, visit) => {
    for (let i = own.inStart[u]!; i < own.inStart[u + 1]!; i++) visit(own.owner[i]!);
    for (let p = adj.ctlInStart[u]!; p < adj.ctlInStart[u + 1]!; p++) visit(ctl.controller[adj.ctlIn[p]!]!);
  });
  if (down) {
    walk((u, visit) => {
      for (let p = adj.ownOutStart[u]!; p < adj.ownOutStart[u + 1]!; p++) visit(own.owned[adj.ownOut[p]!]!);
      for (let p = adj.ctlOutStart[u]!; p < adj.ctlOutStart[u + 1]!; p++) visit(ctl.controlled[adj.ctlOut[p]!]!);
    });
  }
  return [...seen];
}

/** The index of the subgraph on `keep`: its entities, the edges among them, the decisions naming them. */
export function subIndex(index: GraphIndex, adj: IndexAdjacency, keep: number[]): GraphIndex {
  const kept = Int32Array.from(keep).sort();
  const newOf = adj.newOf;
  kept.forEach((v, i) => (newOf[v] = i));
  try {
    return cut(index, adj, kept);
  } finally {
    for (const v of kept) newOf[v] = -1;
  }
}

function cut(index: GraphIndex, adj: IndexAdjacency, kept: Int32Array): GraphIndex {
  const { own, ctl } = index;
  const newOf = adj.newOf;
  const n = kept.length;
  // Ownership edges are grouped by owned, then owner; both renumberings keep order, so copying the kept
  // edges of each kept entity in turn gives the order buildIndex would.
  const pos: number[] = [];
  const inStart = new Int32Array(n + 1);
  kept.forEach((v, i) => {
    for (let k = own.inStart[v]!; k < own.inStart[v + 1]!; k++) if (newOf[own.owner[k]!]! >= 0) pos.push(k);
    inStart[i + 1] = pos.length;
  });
  const invalid = new Map<number, string>();
  pos.forEach((k, i) => {
    const why = own.invalid.get(k);
    if (why !== undefined) invalid.set(i, why);
  });
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(a: A, make: new (n: number) => A): A => {
    const out = new make(pos.length);
    pos.forEach((k, i) => (out[i] = a[k]!));
    return out;
  };
  const renumber = (a: Int32Array, at: number[]): Int32Array => Int32Array.from(at, (k) => newOf[a[k]!]!);

  const cpos: number[] = [];
  for (const v of kept) {
    for (let p = adj.ctlInStart[v]!; p < adj.ctlInStart[v + 1]!; p++) {
      const c = adj.ctlIn[p]!;
      if (newOf[ctl.controller[c]!]! >= 0) cpos.push(c);
    }
  }
  cpos.sort((a, b) => a - b);

  const dset = new Set<number>();
  for (const v of kept) for (let p = adj.decStart[v]!; p < adj.decStart[v + 1]!; p++) dset.add(adj.decOf[p]!);
  const dpos = [...dset].sort((a, b) => a - b);
  const decisions = dpos.map((d) => index.decisions[d]!);
  const decisionsByList = new Map<string, number[]>();
  decisions.forEach((d, i) => decisionsByList.set(d.listId, [...(decisionsByList.get(d.listId) ?? []), i]));

  const ids = Array.from(kept, (v) => index.ids[v]!);
  return {
    size: n,
    ids,
    names: Array.from(kept, (v) => index.names[v]!),
    indexOf: new Map(ids.map((id, i) => [id, i])),
    own: {
      edgeIds: pos.map((k) => own.edgeIds[k]!),
      owner: renumber(own.owner, pos),
      owned: renumber(own.owned, pos),
      start: pick(own.start, Int32Array),
      end: pick(own.end, Int32Array),
      lo: pick(own.lo, Float64Array),
      hi: pick(own.hi, Float64Array),
      loOpen: pick(own.loOpen, Uint8Array),
      hiOpen: pick(own.hiOpen, Uint8Array),
      invalid,
      inStart,
    },
    ctl: {
      edgeIds: cpos.map((c) => ctl.edgeIds[c]!),
      basis: cpos.map((c) => ctl.basis[c]!),
      controller: renumber(ctl.controller, cpos),
      controlled: renumber(ctl.controlled, cpos),
      start: Int32Array.from(cpos, (c) => ctl.start[c]!),
      end: Int32Array.from(cpos, (c) => ctl.end[c]!),
    },
    decisions,
    decisionDay: Int32Array.from(dpos, (d) => index.decisionDay[d]!),
    decisionEntities: dpos.map((d) => Int32Array.from(index.decisionEntities[d]!.filter((e) => newOf[e]! >= 0), (e) => newOf[e]!)),
    decisionsByList,
  };
}
