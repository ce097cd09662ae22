// Date-independent index of the graph: entity ids mapped to dense integers and every edge held in typed
// arrays, ownership edges grouped by (owned, owner) so duplicate reports of one stake sit side by side.
// Built once per data load; snapshots for any date and evaluations for any regime reuse it.
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../model.js';
import { dayNumber, endDay, startDay } from './dates.js';
import { stakeOfEdge, UNKNOWN_STAKE } from './interval.js';
import type { ExposureGraph } from './types.js';

export interface GraphIndex {
  readonly size: number;
  readonly ids: string[];
  readonly names: string[];
  readonly indexOf: Map<string, number>;
  /** Ownership edges sorted by owned then owner; arrays are parallel, in that order. */
  readonly own: {
    edges: OwnershipEdge[];
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
    edges: ControlEdge[];
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
  for (const e of graph.ownerships) {
    intern(e.owner);
    intern(e.owned);
  }
  for (const e of graph.controls) {
    intern(e.controller);
    intern(e.controlled);
  }
  for (const d of graph.decisions) for (const id of d.entityIds) intern(id);
  const n = ids.length;

  const own = indexOwnership(graph.ownerships, indexOf, n);
  const ctl = indexControl(graph.controls, indexOf);

  const decisions = [...graph.decisions].sort(
    (a, b) =>
      dayNumber(a.effective ?? a.date) - dayNumber(b.effective ?? b.date) ||
      dayNumber(a.date) - dayNumber(b.date) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const decisionDay = Int32Array.from(decisions, (d) => dayNumber(d.effective ?? d.date));
  const decisionEntities = decisions.map((d) => Int32Array.from(d.entityIds, (id) => indexOf.get(id)!));
  const decisionsByList = new Map<string, number[]>();
  decisions.forEach((d, i) => {
    const list = decisionsByList.get(d.listId) ?? [];
    list.push(i);
    decisionsByList.set(d.listId, list);
  });

  return { size: n, ids, names, indexOf, own, ctl, decisions, decisionDay, decisionEntities, decisionsByList };
}

function indexOwnership(edges: OwnershipEdge[], indexOf: Map<string, number>, n: number): GraphIndex['own'] {
  const m = edges.length;
  const ownedOf = Int32Array.from(edges, (e) => indexOf.get(e.owned)!);
  const ownerOf = Int32Array.from(edges, (e) => indexOf.get(e.owner)!);
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

  const sorted: OwnershipEdge[] = new Array(m);
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
    sorted[i] = e;
    owner[i] = ownerOf[k]!;
    owned[i] = ownedOf[k]!;
    start[i] = startDay(e.start);
    end[i] = endDay(e.end);
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
  return { edges: sorted, owner, owned, start, end, lo, hi, loOpen, hiOpen, invalid, inStart };
}

function indexControl(edges: ControlEdge[], indexOf: Map<string, number>): GraphIndex['ctl'] {
  return {
    edges,
    controller: Int32Array.from(edges, (e) => indexOf.get(e.controller)!),
    controlled: Int32Array.from(edges, (e) => indexOf.get(e.controlled)!),
    start: Int32Array.from(edges, (e) => startDay(e.start)),
    end: Int32Array.from(edges, (e) => endDay(e.end)),
  };
}
