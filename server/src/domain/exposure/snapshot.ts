// The graph as it stood on one date: the ownership stakes valid that day, one per (owner, owned) pair,
// the control edges valid that day, and who was listed on each list. Shared by every regime evaluated
// for that date.
//
// De-duplication: all OWNS edges between the same owner and owned entity that are valid on the date are
// reports of one stake and count once. Their intervals are intersected (an unknown report and a 30% report
// give 30%; two reports of 30% give 30%). If the reports cannot all be true (empty intersection, e.g. 30%
// and 40%), a conflicting_stakes warning is raised and their hull (30–40%) is used, so neither reading is lost.
import type { IsoDate } from '../model.js';
import { dayNumber, validOn } from './dates.js';
import type { GraphIndex } from './graph-index.js';
import { HUNDRED, hull, intersect, isEmpty, type Stake, toPercent } from './interval.js';
import type { DataWarning } from './types.js';

export interface Snapshot {
  readonly index: GraphIndex;
  readonly asOf: IsoDate;
  readonly day: number;
  readonly stakeCount: number;
  readonly sOwner: Int32Array;
  readonly sOwned: Int32Array;
  readonly sLo: Float64Array;
  readonly sHi: Float64Array;
  readonly sLoOpen: Uint8Array;
  readonly sHiOpen: Uint8Array;
  /** The pair's reported edges are index.own positions sEdgeFrom..sEdgeTo (filter by date to list them). */
  readonly sEdgeFrom: Int32Array;
  readonly sEdgeTo: Int32Array;
  /** Stakes in v: inStart[v]..inStart[v+1] (stake indices are grouped by owned). */
  readonly inStart: Int32Array;
  /** Stakes held by v: outStake[outStart[v]..outStart[v+1]]. */
  readonly outStart: Int32Array;
  readonly outStake: Int32Array;
  /** Control edges (index.ctl positions) valid on the date, by controller and by controlled. */
  readonly cOutStart: Int32Array;
  readonly cOut: Int32Array;
  readonly cInStart: Int32Array;
  readonly cIn: Int32Array;
  readonly warnings: DataWarning[];
  readonly warningsOf: Map<number, DataWarning[]>;
  /** Per entity, the position in index.decisions of the decision that lists it on `listId`, or -1. */
  listed(listId: string): Int32Array;
}

export function takeSnapshot(index: GraphIndex, asOf: IsoDate): Snapshot {
  const day = dayNumber(asOf);
  const n = index.size;
  const own = index.own;
  const m = own.edgeIds.length;
  const warnings: DataWarning[] = [];
  const warningsOf = new Map<number, DataWarning[]>();
  const warn = (w: DataWarning, entity: number): void => {
    warnings.push(w);
    const list = warningsOf.get(entity) ?? [];
    list.push(w);
    warningsOf.set(entity, list);
  };

  const sOwner = new Int32Array(m);
  const sOwned = new Int32Array(m);
  const sLo = new Float64Array(m);
  const sHi = new Float64Array(m);
  const sLoOpen = new Uint8Array(m);
  const sHiOpen = new Uint8Array(m);
  const sEdgeFrom = new Int32Array(m);
  const sEdgeTo = new Int32Array(m);
  const inStart = new Int32Array(n + 1);
  let s = 0;
  for (let v = 0; v < n; v++) {
    inStart[v] = s;
    let totalLo = 0;
    let totalOpen = false;
    const end = own.inStart[v + 1]!;
    let i = own.inStart[v]!;
    while (i < end) {
      const owner = own.owner[i]!;
      let j = i;
      let first = -1;
      let cut: Stake | null = null;
      let wide: Stake | null = null;
      for (; j < end && own.owner[j] === owner; j++) {
        if (!validOn(own.start[j]!, own.end[j]!, day)) continue;
        const msg = own.invalid.get(j);
        if (msg !== undefined) warn({ kind: 'invalid_stake', edgeId: own.edgeIds[j]!, message: msg }, v);
        if (owner === v) {
          warn({ kind: 'self_ownership', edgeId: own.edgeIds[j]!, entityId: index.ids[v]! }, v);
          continue;
        }
        if (first === -1) {
          first = j;
          continue;
        }
        // A second report of the same stake: combine as intervals (rare, so objects are fine here).
        if (cut === null || wide === null) cut = wide = stakeAt(own, first);
        const st = stakeAt(own, j);
        cut = intersect(cut, st);
        wide = hull(wide, st);
      }
      if (first !== -1) {
        sOwner[s] = owner;
        sOwned[s] = v;
        sEdgeFrom[s] = i;
        sEdgeTo[s] = j;
        if (cut === null || wide === null) {
          sLo[s] = own.lo[first]!;
          sHi[s] = own.hi[first]!;
          sLoOpen[s] = own.loOpen[first]!;
          sHiOpen[s] = own.hiOpen[first]!;
        } else {
          let use = cut;
          if (isEmpty(cut)) {
            use = wide;
            const edgeIds: string[] = [];
            for (let k = i; k < j; k++) if (validOn(own.start[k]!, own.end[k]!, day)) edgeIds.push(own.edgeIds[k]!);
            warn({ kind: 'conflicting_stakes', ownerId: index.ids[owner]!, ownedId: index.ids[v]!, edges: edgeIds }, v);
          }
          sLo[s] = use.lo;
          sHi[s] = use.hi;
          sLoOpen[s] = use.loOpen ? 1 : 0;
          sHiOpen[s] = use.hiOpen ? 1 : 0;
        }
        totalLo += sLo[s]!;
        totalOpen ||= sLoOpen[s] === 1;
        s++;
      }
      i = j;
    }
    if (totalLo > HUNDRED || (totalLo === HUNDRED && totalOpen)) {
      const edgeIds: string[] = [];
      for (let k = own.inStart[v]!; k < end; k++) {
        if (validOn(own.start[k]!, own.end[k]!, day) && own.owner[k] !== v) edgeIds.push(own.edgeIds[k]!);
      }
      warn({ kind: 'ownership_over_100', entityId: index.ids[v]!, min: toPercent(totalLo), edges: edgeIds }, v);
    }
  }
  inStart[n] = s;

  const [outStart, outStake] = groupBy(sOwner, s, n, null);
  const ctl = index.ctl;
  const cCount = ctl.edgeIds.length;
  const cValid = new Uint8Array(cCount);
  for (let k = 0; k < cCount; k++) {
    cValid[k] = validOn(ctl.start[k]!, ctl.end[k]!, day) && ctl.controller[k] !== ctl.controlled[k] ? 1 : 0;
  }
  const [cOutStart, cOut] = groupBy(ctl.controller, cCount, n, cValid);
  const [cInStart, cIn] = groupBy(ctl.controlled, cCount, n, cValid);

  const listedCache = new Map<string, Int32Array>();
  const listed = (listId: string): Int32Array => {
    let state = listedCache.get(listId);
    if (state === undefined) {
      state = listingState(index, listId, day);
      listedCache.set(listId, state);
    }
    return state;
  };

  return {
    index, asOf, day, stakeCount: s,
    sOwner, sOwned, sLo, sHi, sLoOpen, sHiOpen, sEdgeFrom, sEdgeTo, inStart, outStart, outStake,
    cOutStart, cOut, cInStart, cIn, warnings, warningsOf, listed,
  };
}

function stakeAt(own: GraphIndex['own'], j: number): Stake {
  return { lo: own.lo[j]!, hi: own.hi[j]!, loOpen: own.loOpen[j] === 1, hiOpen: own.hiOpen[j] === 1 };
}

/** CSR grouping of items 0..count-1 by key (counting sort); `keep` filters items. */
function groupBy(key: Int32Array, count: number, n: number, keep: Uint8Array | null): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) if (keep === null || keep[k] === 1) start[key[k]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const items = new Int32Array(start[n]!);
  for (let k = 0; k < count; k++) if (keep === null || keep[k] === 1) items[fill[key[k]!]!++] = k;
  return [start, items];
}

/**
 * Decisions on one list applied in the order they take effect (effective ?? date), up to and including
 * `day`: added lists an entity (the first addition of a run is kept as "listed since"), removed ends it,
 * amended changes nothing about whether it is listed, proposed and reported never list anyone.
 */
function listingState(index: GraphIndex, listId: string, day: number): Int32Array {
  const state = new Int32Array(index.size).fill(-1);
  for (const pos of index.decisionsByList.get(listId) ?? []) {
    if (index.decisionDay[pos]! > day) break;
    const action = index.decisions[pos]!.action;
    if (action !== 'added' && action !== 'removed') continue;
    for (const e of index.decisionEntities[pos]!) {
      if (action === 'removed') state[e] = -1;
      else if (state[e]! < 0) state[e] = pos;
    }
  }
  return state;
}
