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
  /** Scratch, -1 between calls: marks during a closure walk, new positions of kept entities during a cut. */
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
  // Marks in the scratch array (-1 none, -2 reached upstream, -3 reached downstream), cleared before returning.
  const mark = adj.newOf;
  const up = [v];
  mark[v] = -2;
  for (let i = 0; i < up.length; i++) {
    const u = up[i]!;
    for (let k = own.inStart[u]!; k < own.inStart[u + 1]!; k++) {
      const w = own.owner[k]!;
      if (mark[w] === -1) (mark[w] = -2, up.push(w));
    }
    for (let p = adj.ctlInStart[u]!; p < adj.ctlInStart[u + 1]!; p++) {
      const w = ctl.controller[adj.ctlIn[p]!]!;
      if (mark[w] === -1) (mark[w] = -2, up.push(w));
    }
  }
  const all = up.slice();
  if (down) {
    // The downstream walk has its own marks (-3), so it goes on through entities the upstream walk took.
    const queue = [v];
    mark[v] = -3;
    const visit = (w: number): void => {
      if (mark[w] === -3) return;
      if (mark[w] === -1) all.push(w);
      mark[w] = -3;
      queue.push(w);
    };
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let p = adj.ownOutStart[u]!; p < adj.ownOutStart[u + 1]!; p++) visit(own.owned[adj.ownOut[p]!]!);
      for (let p = adj.ctlOutStart[u]!; p < adj.ctlOutStart[u + 1]!; p++) visit(ctl.controlled[adj.ctlOut[p]!]!);
    }
  }
  for (const w of all) mark[w] = -1;
  return all;
}

/** The index of the subgraph on `keep`: its entities, the edges among them, the decisions naming them. */
export function subIndex(index: GraphIndex, adj: IndexAdjacency, keep: number[]): GraphIndex {
  const kept = Int32Array.from(keep).sort();
  const newOf = adj.newOf;
  for (let i = 0; i < kept.length; i++) newOf[kept[i]!] = i;
  try {
    return cut(index, adj, kept);
  } finally {
    for (const v of kept) newOf[v] = -1;
  }
}

// Plain loops over typed arrays: this runs per request, and closures per element cost more than the copying.
function cut(index: GraphIndex, adj: IndexAdjacency, kept: Int32Array): GraphIndex {
  const { own, ctl } = index;
  const newOf = adj.newOf;
  const n = kept.length;
  // Ownership edges are grouped by owned, then owner; both renumberings keep order, so copying the kept
  // edges of each kept entity in turn gives the order buildIndex would.
  let m = 0;
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = kept[i]!;
    for (let k = own.inStart[v]!; k < own.inStart[v + 1]!; k++) if (newOf[own.owner[k]!]! >= 0) m++;
    inStart[i + 1] = m;
  }
  const pos = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    const v = kept[i]!;
    for (let k = own.inStart[v]!; k < own.inStart[v + 1]!; k++) if (newOf[own.owner[k]!]! >= 0) pos[j++] = k;
  }
  const edgeIds = new Array<string>(m);
  const owner = new Int32Array(m);
  const owned = new Int32Array(m);
  const start = new Int32Array(m);
  const end = new Int32Array(m);
  const lo = new Float64Array(m);
  const hi = new Float64Array(m);
  const loOpen = new Uint8Array(m);
  const hiOpen = new Uint8Array(m);
  const invalid = new Map<number, string>();
  for (let i = 0; i < m; i++) {
    const k = pos[i]!;
    edgeIds[i] = own.edgeIds[k]!;
    owner[i] = newOf[own.owner[k]!]!;
    owned[i] = newOf[own.owned[k]!]!;
    start[i] = own.start[k]!;
    end[i] = own.end[k]!;
    lo[i] = own.lo[k]!;
    hi[i] = own.hi[k]!;
    loOpen[i] = own.loOpen[k]!;
    hiOpen[i] = own.hiOpen[k]!;
    if (own.invalid.size > 0) {
      const why = own.invalid.get(k);
      if (why !== undefined) invalid.set(i, why);
    }
  }

  const cpos: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = kept[i]!;
    for (let p = adj.ctlInStart[v]!; p < adj.ctlInStart[v + 1]!; p++) {
      const c = adj.ctlIn[p]!;
      if (newOf[ctl.controller[c]!]! >= 0) cpos.push(c);
    }
  }
  cpos.sort((a, b) => a - b);

  const dset = new Set<number>();
  for (let i = 0; i < n; i++) {
    const v = kept[i]!;
    for (let p = adj.decStart[v]!; p < adj.decStart[v + 1]!; p++) dset.add(adj.decOf[p]!);
  }
  const dpos = [...dset].sort((a, b) => a - b);
  const decisions = dpos.map((d) => index.decisions[d]!);
  const decisionsByList = new Map<string, number[]>();
  for (let i = 0; i < decisions.length; i++) {
    const list = decisionsByList.get(decisions[i]!.listId);
    if (list) list.push(i);
    else decisionsByList.set(decisions[i]!.listId, [i]);
  }

  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = index.ids[kept[i]!]!;
    names[i] = index.names[kept[i]!]!;
  }
  // Position in `kept` of the parent's number for the id (binary search): no map of the closure's ids.
  const get = (id: string): number | undefined => {
    const v = index.indexOf.get(id);
    if (v === undefined) return undefined;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (kept[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && kept[lo] === v ? lo : undefined;
  };
  const indexOf = { get, has: (id: string) => get(id) !== undefined };
  return {
    size: n,
    ids,
    names,
    indexOf,
    own: { edgeIds, owner, owned, start, end, lo, hi, loOpen, hiOpen, invalid, inStart },
    ctl: {
      edgeIds: cpos.map((c) => ctl.edgeIds[c]!),
      basis: cpos.map((c) => ctl.basis[c]!),
      controller: Int32Array.from(cpos, (c) => newOf[ctl.controller[c]!]!),
      controlled: Int32Array.from(cpos, (c) => newOf[ctl.controlled[c]!]!),
      start: Int32Array.from(cpos, (c) => ctl.start[c]!),
      end: Int32Array.from(cpos, (c) => ctl.end[c]!),
    },
    decisions,
    decisionDay: Int32Array.from(dpos, (d) => index.decisionDay[d]!),
    decisionEntities: dpos.map((d) => Int32Array.from(index.decisionEntities[d]!.filter((e) => newOf[e]! >= 0), (e) => newOf[e]!)),
    decisionsByList,
  };
}
