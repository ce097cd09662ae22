// The numeric core of one evaluation (a regime on a snapshot): statuses and aggregates for every entity
// in typed arrays. Explanations are derived from it lazily, per entity (explain.ts).
import { clearMarks, closureDirection, markClosure } from './closure.js';
import { DownPass, type PassConfig, UpPass } from './fixpoint.js';
import { toMicro } from './interval.js';
import { decideWithoutSelf } from './self-exclusion.js';
import { type Regime, ruleInForce } from './regime.js';
import type { Snapshot } from './snapshot.js';

export const CLEAR = 0;
export const POSSIBLY = 1;
export const EXPOSED = 2;
export const LISTED = 3;

export interface EvalState {
  readonly snap: Snapshot;
  readonly regime: Regime;
  readonly inForce: boolean;
  readonly down: { certain: PassConfig; possible: PassConfig };
  /** Listing decision position per entity on the regime's own list (-1 if not listed). */
  readonly ownListed: Int32Array;
  /** Other lists counted as listed for the rule, with their listing state. */
  readonly otherListed: { listId: string; state: Int32Array }[];
  /** Listed parties for the rule on this date (all counted lists while in force, else the own list). */
  readonly seeds: Int32Array;
  readonly isSeed: Uint8Array;
  readonly status: Uint8Array;
  /** Aggregate lower bound (certain set) and upper bound (possible set), micro-percent, with openness. */
  readonly aggLo: Float64Array;
  readonly aggLoOpen: Uint8Array;
  readonly aggHi: Float64Array;
  readonly aggHiOpen: Uint8Array;
  /** Parties that are listed or captured: certainly, and possibly (flags and proofs use them). */
  readonly partyCertain: Uint8Array;
  readonly partyPossible: Uint8Array;
  /** Downward membership (all-party aggregation) — null under per-listed-party aggregation. */
  readonly downCertain: Uint8Array | null;
  readonly downPossible: Uint8Array | null;
  /** Per-listed-party aggregation: the party whose holding gives each entity its lower / upper aggregate. */
  readonly bestLoParty: Int32Array | null;
  readonly bestHiParty: Int32Array | null;
  /** Upward (affiliate) membership, or null. */
  readonly upCertain: Uint8Array | null;
  readonly upPossible: Uint8Array | null;
  /** Entities listed only on another counted list whose status was decided without counting themselves. */
  readonly recomputed: Set<number>;
}

export function computeState(snap: Snapshot, regime: Regime): EvalState {
  const n = snap.index.size;
  const rule = regime.rule;
  const inForce = ruleInForce(rule, snap.asOf);
  const threshold = toMicro(rule.threshold);
  const base = { threshold, cmp: rule.comparison, propagate: inForce };
  const down = {
    certain: { ...base, upper: false, control: rule.control === 'exposed' },
    possible: { ...base, upper: true, control: rule.control !== 'flag' },
  };

  const ownListed = snap.listed(regime.id);
  const otherListed = rule.countsAsListed.filter((id) => id !== regime.id).map((listId) => ({ listId, state: snap.listed(listId) }));
  const isSeed = new Uint8Array(n);
  const seedList: number[] = [];
  for (let v = 0; v < n; v++) {
    const counted = ownListed[v]! >= 0 || (inForce && otherListed.some((o) => o.state[v]! >= 0));
    if (counted) {
      isSeed[v] = 1;
      seedList.push(v);
    }
  }
  const seeds = Int32Array.from(seedList);

  const status = new Uint8Array(n);
  let aggLo: Float64Array;
  let aggLoOpen: Uint8Array;
  let aggHi: Float64Array;
  let aggHiOpen: Uint8Array;
  let partyCertain: Uint8Array;
  let partyPossible: Uint8Array;
  let downCertain: Uint8Array | null = null;
  let downPossible: Uint8Array | null = null;
  let bestLoParty: Int32Array | null = null;
  let bestHiParty: Int32Array | null = null;

  const certain = new DownPass(n);
  const possible = new DownPass(n);
  // Entities captured by the rule (never just by being a seed themselves).
  let capturedCertain: Uint8Array;
  let capturedPossible: Uint8Array;
  if (rule.aggregation === 'all') {
    certain.run(snap, seeds, down.certain);
    possible.run(snap, seeds, down.possible);
    // The passes' own arrays become the aggregates (the passes are not reused).
    aggLo = certain.agg;
    aggLoOpen = certain.open;
    aggHi = possible.agg;
    aggHiOpen = possible.open;
    downCertain = certain.inSet;
    downPossible = possible.inSet;
    // Upward members are added to the party sets below, not to the downward ones: copy only then.
    const affiliate = rule.propagation === 'affiliate' && inForce;
    partyCertain = affiliate ? certain.inSet.slice() : certain.inSet;
    partyPossible = affiliate ? possible.inSet.slice() : possible.inSet;
    capturedCertain = certain.inSet;
    capturedPossible = possible.inSet;
  } else {
    // One pass per listed party, seeded with that party alone: its holding in an entity is its own stake plus
    // the stakes of the entities it already captures; different parties are never summed.
    capturedCertain = new Uint8Array(n);
    capturedPossible = new Uint8Array(n);
    aggLo = new Float64Array(n);
    aggLoOpen = new Uint8Array(n);
    aggHi = new Float64Array(n);
    aggHiOpen = new Uint8Array(n);
    bestLoParty = new Int32Array(n).fill(-1);
    bestHiParty = new Int32Array(n).fill(-1);
    for (const p of seeds) {
      certain.run(snap, [p], down.certain);
      for (let i = 0; i < certain.touchedCount(); i++) {
        const v = certain.touchedAt(i);
        if (v === p) continue;
        if (certain.inSet[v] === 1) capturedCertain[v] = 1;
        if (bestLoParty[v] === -1 || loBetter(certain.agg[v]!, certain.open[v]!, aggLo[v]!, aggLoOpen[v]!)) {
          aggLo[v] = certain.agg[v]!;
          aggLoOpen[v] = certain.open[v]!;
          bestLoParty[v] = p;
        }
      }
      possible.run(snap, [p], down.possible);
      for (let i = 0; i < possible.touchedCount(); i++) {
        const v = possible.touchedAt(i);
        if (v === p) continue;
        if (possible.inSet[v] === 1) capturedPossible[v] = 1;
        if (bestHiParty[v] === -1 || hiBetter(possible.agg[v]!, possible.open[v]!, aggHi[v]!, aggHiOpen[v]!)) {
          aggHi[v] = possible.agg[v]!;
          aggHiOpen[v] = possible.open[v]!;
          bestHiParty[v] = p;
        }
      }
    }
    partyCertain = new Uint8Array(n);
    partyPossible = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      partyCertain[v] = isSeed[v]! | capturedCertain[v]!;
      partyPossible[v] = isSeed[v]! | capturedPossible[v]!;
    }
  }

  let upCertain: Uint8Array | null = null;
  let upPossible: Uint8Array | null = null;
  if (rule.propagation === 'affiliate' && inForce) {
    upCertain = new UpPass(n).run(snap, seeds, down.certain).inSet;
    upPossible = new UpPass(n).run(snap, seeds, down.possible).inSet;
    for (let v = 0; v < n; v++) {
      if (upCertain[v] === 1) partyCertain[v] = 1;
      if (upPossible[v] === 1) partyPossible[v] = 1;
    }
  }

  for (let v = 0; v < n; v++) {
    if (ownListed[v]! >= 0) status[v] = LISTED;
    else if (isSeed[v] === 1) continue; // listed on another counted list: decided below
    else if (partyCertain[v] === 1) status[v] = EXPOSED;
    else if (partyPossible[v] === 1) status[v] = POSSIBLY;
  }

  const recomputed = new Set<number>();
  const state: EvalState = {
    snap, regime, inForce, down, ownListed, otherListed, seeds, isSeed, status,
    aggLo, aggLoOpen, aggHi, aggHiOpen, partyCertain, partyPossible, downCertain, downPossible,
    bestLoParty, bestHiParty, upCertain, upPossible, recomputed,
  };
  const candidates = Array.from(seeds).filter((v) => ownListed[v]! < 0);
  if (candidates.length > 0) decideSeedsWithoutThemselves(state, candidates, capturedCertain, capturedPossible);
  return state;
}

/** Lower bounds: larger is better; at equal value an open bound (strictly above) is better. */
function loBetter(a: number, aOpen: number, b: number, bOpen: number): boolean {
  return a > b || (a === b && aOpen === 1 && bOpen === 0);
}

/** Upper bounds: larger is better; at equal value a closed bound is better. */
function hiBetter(a: number, aOpen: number, b: number, bOpen: number): boolean {
  return a > b || (a === b && aOpen === 0 && bOpen === 1);
}

/**
 * A seed listed only on another counted list (e.g. on the MEU List, evaluated for the Entity List) is a listed
 * party for the rule, but whether the rule also captures it must not count its own stakes coming back to it.
 * Under per-party aggregation the other parties' passes already decided that; under all-party aggregation
 * see self-exclusion.ts.
 */
function decideSeedsWithoutThemselves(state: EvalState, candidates: number[], capturedCertain: Uint8Array, capturedPossible: Uint8Array): void {
  const { snap, regime } = state;
  const n = snap.index.size;
  if (regime.rule.aggregation !== 'all') {
    for (const v of candidates) {
      state.status[v] = capturedCertain[v] === 1 ? EXPOSED : capturedPossible[v] === 1 ? POSSIBLY : CLEAR;
    }
  } else {
    const { snap: sn, isSeed, down } = state;
    const certain = decideWithoutSelf(sn, candidates, isSeed, state.downCertain!, state.aggLo, state.aggLoOpen, down.certain);
    const possible = decideWithoutSelf(sn, candidates, isSeed, state.downPossible!, state.aggHi, state.aggHiOpen, down.possible);
    candidates.forEach((v, i) => {
      state.aggLo[v] = certain.agg[i]!;
      state.aggLoOpen[v] = certain.open[i]!;
      state.aggHi[v] = possible.agg[i]!;
      state.aggHiOpen[v] = possible.open[i]!;
      state.status[v] = certain.member[i] === 1 ? EXPOSED : possible.member[i] === 1 ? POSSIBLY : CLEAR;
    });
  }
  if (state.upPossible !== null) {
    // Affiliate rules with several counted lists (none built in): recompute the upward sets over the
    // candidate's closure without it.
    const mask = new Uint8Array(n);
    const uc = new UpPass(n);
    const up = new UpPass(n);
    for (const v of candidates) {
      if (!hasPartyDownstream(state, v)) continue;
      const marked = markClosure(snap, v, closureDirection(regime), mask);
      const others = marked.filter((u) => u !== v && state.isSeed[u] === 1);
      if (uc.run(snap, others, state.down.certain, mask).inSet[v] === 1) state.status[v] = EXPOSED;
      else if (state.status[v] === CLEAR && up.run(snap, others, state.down.possible, mask).inSet[v] === 1) state.status[v] = POSSIBLY;
      clearMarks(mask, marked);
    }
  }
  for (const v of candidates) state.recomputed.add(v);
}

function hasPartyDownstream(state: EvalState, v: number): boolean {
  const { snap } = state;
  for (let p = snap.outStart[v]!; p < snap.outStart[v + 1]!; p++) {
    if (state.upPossible![snap.sOwned[snap.outStake[p]!]!] === 1) return true;
  }
  return false;
}
