// Date-independent index of the graph: entity ids mapped to dense integers and every edge held in typed
// arrays, ownership edges grouped by (owned, owner) so duplicate reports of one stake sit side by side.
// Built once per data load; snapshots for any date and evaluations for any regime reuse it.
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../model.js';
import { dayNumber, endDay, startDay } from './dates.js';
import { stakeOfEdge, toMicro, UNKNOWN_STAKE } from './interval.js';
import type { ExposureGraph } from './types.js';

export interface GraphIndex {
  readonly size: number;
  readonly ids: string[];
  readonly names: string[];
  /** Only looked up (a cut of the index answers from its parent's map instead of building one). */
  readonly indexOf: Pick<ReadonlyMap<string, number>, 'get' | 'has'>;
  /** Ownership edges sorted by owned then owner; arrays are parallel, in that order. */
  readonly own: {
    /** Edge ids only: the index keeps no reference to the input objects, so callers can drop them. */
    edgeIds: string[];
    owner: Int32Array;
    owned: Int32Array;
    start: Int32Array;
    end: Int32Array;
    lo: Float64Array;
    hi: Float64Array;
    loOpen: Uint8Array;
    hiOpen: Uint8Array;
    /** Malformed stake (treated as unknown); message by position. */
    invalid: Map<number, string>;
    /** inStart[v]..inStart[v+1] are the edges owned by v. */
    inStart: Int32Array;
  };
  readonly ctl: {
    edgeIds: string[];
    basis: string[];
    controller: Int32Array;
    controlled: Int32Array;
    start: Int32Array;
    end: Int32Array;
  };
  /** Decisions sorted by the day they take effect, then publication day, then id. */
  readonly decisions: ListingDecision[];
  readonly decisionDay: Int32Array;
  readonly decisionEntities: Int32Array[];
  /** Positions in `decisions` per list id, in that order. */
  readonly decisionsByList: Map<string, number[]>;
}

export function buildIndex(graph: ExposureGraph): GraphIndex {
  const ids: string[] = [];
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (id: string, name?: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      indexOf.set(id, i);
      ids.push(id);
      names.push(name ?? id);
    } else if (name !== undefined) {
      names[i] = name;
    }
    return i;
  };
  for (const e of graph.entities) intern(e.id, e.name);
  const m = graph.ownerships.length;
  const ownerOf = new Int32Array(m);
  const ownedOf = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const e = graph.ownerships[k]!;
    ownerOf[k] = intern(e.owner);
    ownedOf[k] = intern(e.owned);
  }
  const c = graph.controls.length;
  const controller = new Int32Array(c);
  const controlled = new Int32Array(c);
  for (let k = 0; k < c; k++) {
    const e = graph.controls[k]!;
    controller[k] = intern(e.controller);
    controlled[k] = intern(e.controlled);
  }
  const decisionIds = graph.decisions.map((d) => Int32Array.from(d.entityIds, (id) => intern(id)));
  const n = ids.length;

  const own = indexOwnership(graph.ownerships, ownerOf, ownedOf, n);
  const ctl = indexControl(graph.controls, controller, controlled);

  const decisions = [...graph.decisions].sort(
    (a, b) =>
      dayNumber(a.effective ?? a.date) - dayNumber(b.effective ?? b.date) ||
      dayNumber(a.date) - dayNumber(b.date) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const decisionDay = Int32Array.from(decisions, (d) => dayNumber(d.effective ?? d.date));
  const position = new Map(graph.decisions.map((d, i) => [d, i]));
  const decisionEntities = decisions.map((d) => decisionIds[position.get(d)!]!);
  const decisionsByList = new Map<string, number[]>();
  decisions.forEach((d, i) => {
    const list = decisionsByList.get(d.listId) ?? [];
    list.push(i);
    decisionsByList.set(d.listId, list);
  });

  return { size: n, ids, names, indexOf, own, ctl, decisions, decisionDay, decisionEntities, decisionsByList };
}

function indexOwnership(edges: OwnershipEdge[], ownerOf: Int32Array, ownedOf: Int32Array, n: number): GraphIndex['own'] {
  const m = edges.length;
  // Counting sort by owned, then each (small) bucket by owner: O(m) where a comparison sort would dominate.
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) inStart[ownedOf[k]! + 1]!++;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, n);
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[fill[ownedOf[k]!]!++] = k;
  for (let v = 0; v < n; v++) {
    const a = inStart[v]!;
    const b = inStart[v + 1]!;
    for (let i = a + 1; i < b; i++) {
      const k = order[i]!;
      let j = i - 1;
      while (j >= a && ownerOf[order[j]!]! > ownerOf[k]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = k;
    }
  }

  const edgeIds: string[] = new Array(m);
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
    const k = order[i]!;
    const e = edges[k]!;
    edgeIds[i] = e.id;
    owner[i] = ownerOf[k]!;
    owned[i] = ownedOf[k]!;
    start[i] = startDay(e.start);
    end[i] = endDay(e.end);
    const p = e.percent;
    if (p !== null && p >= 0 && p <= 100) {
      // The common case, without allocating an interval.
      lo[i] = hi[i] = toMicro(p);
      continue;
    }
    let s = stakeOfEdge(e);
    if (typeof s === 'string') {
      invalid.set(i, s);
      s = UNKNOWN_STAKE;
    }
    lo[i] = s.lo;
    hi[i] = s.hi;
    loOpen[i] = s.loOpen ? 1 : 0;
    hiOpen[i] = s.hiOpen ? 1 : 0;
  }
  return { edgeIds, owner, owned, start, end, lo, hi, loOpen, hiOpen, invalid, inStart };
}

function indexControl(edges: ControlEdge[], controller: Int32Array, controlled: Int32Array): GraphIndex['ctl'] {
  const start = new Int32Array(edges.length);
  const end = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    start[k] = startDay(edges[k]!.start);
    end[k] = endDay(edges[k]!.end);
  }
  return { edgeIds: edges.map((e) => e.id), basis: edges.map((e) => e.basis), controller, controlled, start, end };
}
