// Proofs for non-clear determinations: the listed parties, the OWNS/CONTROLS chains from them down to the
// entity (or, for affiliate rules, up from it), each entity on the way with its aggregate, and one sentence.
// Computed on demand for one entity by walking back through the members of the set that captured it.
import { clearMarks, markClosure } from './closure.js';
import { DownPass, type PassConfig, UpPass } from './fixpoint.js';
import { lowerMeets, upperMeets } from './interval.js';
import { EXPOSED, type EvalState, LISTED } from './state.js';
import { statusName } from './status.js';
import type { DecisionRef, Explanation, ProofEdge, ProofStep } from './types.js';
import { decisionsOf } from './decisions-of.js';
import { sentence } from './sentence.js';
import { aggregateOf, decisionRef } from './wording.js';

export interface Context {
  direction: 'down' | 'up';
  member: Uint8Array;
  isRoot: (u: number) => boolean;
  /** Per-listed-party aggregation: the party whose holding captured the entity, with its holding. */
  party: { id: number; lo: number; loOpen: boolean; hi: number; hiOpen: boolean } | null;
}

export function explain(state: EvalState, v: number): Explanation | null {
  const code = state.status[v]!;
  if (code === LISTED) return explainListed(state, v);
  if (code !== EXPOSED && code !== 1) return null;
  const certain = code === EXPOSED;
  const ctx = context(state, v, certain);
  const cfg = certain ? state.down.certain : state.down.possible;
  const proof = ctx.direction === 'down' ? walkDown(state, v, ctx, cfg) : walkUp(state, v, ctx, cfg);
  return assemble(state, v, certain, ctx, proof);
}

function explainListed(state: EvalState, v: number): Explanation {
  const d = decisionRef(state.snap.index.decisions[state.ownListed[v]!]!);
  const { regime, snap } = state;
  return {
    sentence: `Listed on ${regime.name} (${regime.id}) as of ${snap.asOf}: added ${d.effective ?? d.date} (${d.citation}).`,
    nodes: [snap.index.ids[v]!],
    edges: [],
    decisions: [d],
    steps: [step(state, v, [])],
  };
}

/** Arrays reused across explanations of one evaluation (passes are sized to the whole graph). */
interface Scratch {
  mask: Uint8Array;
  a: DownPass;
  b: DownPass;
  up: UpPass;
}
const scratchOf = new WeakMap<EvalState, Scratch>();
function scratch(state: EvalState): Scratch {
  let s = scratchOf.get(state);
  if (s === undefined) {
    const n = state.snap.index.size;
    s = { mask: new Uint8Array(n), a: new DownPass(n), b: new DownPass(n), up: new UpPass(n) };
    scratchOf.set(state, s);
  }
  return s;
}

/** Which set captured v, and where its proof stops. Membership arrays are copied out of the scratch passes. */
function context(state: EvalState, v: number, certain: boolean): Context {
  const { snap, regime } = state;
  const cfg = certain ? state.down.certain : state.down.possible;
  const other = certain ? state.down.possible : state.down.certain;
  const recomputed = state.recomputed.has(v);
  const notSelf = (u: number): boolean => u !== v && state.isSeed[u] === 1;
  const sc = scratch(state);

  if (regime.rule.aggregation === 'all') {
    let down = certain ? state.downCertain! : state.downPossible!;
    if (recomputed) {
      // Listed only on another counted list: its proof must not run through itself (see self-exclusion.ts).
      const marked = markClosure(snap, v, 'upstream', sc.mask);
      down = sc.a.run(snap, marked.filter(notSelf), cfg, sc.mask).inSet.slice();
      clearMarks(sc.mask, marked);
    }
    if (down[v] === 1) return { direction: 'down', member: down, isRoot: notSelf, party: null };
  } else {
    // The party with the best bound nearly always is the one; a single party's pass only touches what it reaches.
    const tryParty = (p: number, mask: Uint8Array | null): Context | null => {
      if (sc.a.run(snap, [p], cfg, mask).inSet[v] !== 1) return null;
      sc.b.run(snap, [p], other, mask);
      const [lo, hi] = certain ? [sc.a, sc.b] : [sc.b, sc.a];
      const party = { id: p, lo: lo.agg[v]!, loOpen: lo.open[v] === 1, hi: hi.agg[v]!, hiOpen: hi.open[v] === 1 };
      return { direction: 'down', member: sc.a.inSet.slice(), isRoot: (u) => u === p, party };
    };
    const first = certain ? state.bestLoParty![v]! : state.bestHiParty![v]!;
    const found = first >= 0 && first !== v ? tryParty(first, null) : null;
    if (found) return found;
    const marked = markClosure(snap, v, 'upstream', sc.mask);
    for (const p of marked) {
      if (p === first || !notSelf(p)) continue;
      const ctx = tryParty(p, sc.mask);
      if (ctx) {
        clearMarks(sc.mask, marked);
        return ctx;
      }
    }
    clearMarks(sc.mask, marked);
  }
  let up = certain ? state.upCertain! : state.upPossible!;
  if (recomputed) {
    const marked = markClosure(snap, v, 'both', sc.mask);
    up = sc.up.run(snap, marked.filter(notSelf), cfg, sc.mask).inSet.slice();
    clearMarks(sc.mask, marked);
  }
  return { direction: 'up', member: up, isRoot: notSelf, party: null };
}

interface Proof {
  nodes: number[];
  /** Per node, the stakes (snapshot stake indices) and controls (ctl positions) that make it count. */
  stakes: Map<number, number[]>;
  controls: Map<number, number[]>;
}

function walkDown(state: EvalState, v: number, ctx: Context, cfg: PassConfig): Proof {
  const { snap } = state;
  const controller = snap.index.ctl.controller;
  const bound = cfg.upper ? snap.sHi : snap.sLo;
  const boundOpen = cfg.upper ? snap.sHiOpen : snap.sLoOpen;
  const proof: Proof = { nodes: [v], stakes: new Map(), controls: new Map() };
  const seen = new Set([v]);
  for (let i = 0; i < proof.nodes.length; i++) {
    const u = proof.nodes[i]!;
    if (u !== v && ctx.isRoot(u)) continue;
    const stakes: number[] = [];
    for (let k = snap.inStart[u]!; k < snap.inStart[u + 1]!; k++) {
      const w = snap.sOwner[k]!;
      if (ctx.member[w] !== 1 || (bound[k] === 0 && boundOpen[k] === 0)) continue;
      stakes.push(k);
      if (!seen.has(w)) (seen.add(w), proof.nodes.push(w));
    }
    const controls: number[] = [];
    if (cfg.control) {
      for (let p = snap.cInStart[u]!; p < snap.cInStart[u + 1]!; p++) {
        const w = controller[snap.cIn[p]!]!;
        if (ctx.member[w] !== 1) continue;
        controls.push(snap.cIn[p]!);
        if (!seen.has(w)) (seen.add(w), proof.nodes.push(w));
      }
    }
    proof.stakes.set(u, stakes);
    proof.controls.set(u, controls);
  }
  return proof;
}

function walkUp(state: EvalState, v: number, ctx: Context, cfg: PassConfig): Proof {
  const { snap } = state;
  const proof: Proof = { nodes: [v], stakes: new Map(), controls: new Map() };
  const seen = new Set([v]);
  for (let i = 0; i < proof.nodes.length; i++) {
    const u = proof.nodes[i]!;
    if (u !== v && ctx.isRoot(u)) continue;
    const stakes: number[] = [];
    for (let p = snap.outStart[u]!; p < snap.outStart[u + 1]!; p++) {
      const k = snap.outStake[p]!;
      const w = snap.sOwned[k]!;
      const meets = cfg.upper
        ? upperMeets(snap.sHi[k]!, snap.sHiOpen[k] === 1, cfg.threshold, cfg.cmp)
        : lowerMeets(snap.sLo[k]!, snap.sLoOpen[k] === 1, cfg.threshold, cfg.cmp);
      if (ctx.member[w] !== 1 || !meets) continue;
      stakes.push(k);
      if (!seen.has(w)) (seen.add(w), proof.nodes.push(w));
    }
    proof.stakes.set(u, stakes);
  }
  return proof;
}

function stakeEdge(state: EvalState, k: number): ProofEdge {
  const { snap } = state;
  const own = snap.index.own;
  const edgeIds: string[] = [];
  for (let i = snap.sEdgeFrom[k]!; i < snap.sEdgeTo[k]!; i++) {
    if (own.start[i]! <= snap.day && snap.day < own.end[i]!) edgeIds.push(own.edgeIds[i]!);
  }
  return {
    type: 'OWNS',
    edgeIds,
    from: snap.index.ids[snap.sOwner[k]!]!,
    to: snap.index.ids[snap.sOwned[k]!]!,
    stake: aggregateOf(snap.sLo[k]!, snap.sLoOpen[k] === 1, snap.sHi[k]!, snap.sHiOpen[k] === 1),
    basis: null,
  };
}

function controlEdge(state: EvalState, c: number): ProofEdge {
  const { ctl, ids } = state.snap.index;
  return {
    type: 'CONTROLS',
    edgeIds: [ctl.edgeIds[c]!],
    from: ids[ctl.controller[c]!]!,
    to: ids[ctl.controlled[c]!]!,
    stake: null,
    basis: ctl.basis[c]!,
  };
}

function step(state: EvalState, u: number, via: ProofEdge[]): ProofStep {
  return {
    entityId: state.snap.index.ids[u]!,
    name: state.snap.index.names[u]!,
    status: statusName(state.status[u]!),
    aggregate: aggregateOf(state.aggLo[u]!, state.aggLoOpen[u] === 1, state.aggHi[u]!, state.aggHiOpen[u] === 1),
    decisions: decisionsOf(state, u),
    via,
  };
}

function assemble(state: EvalState, v: number, certain: boolean, ctx: Context, proof: Proof): Explanation {
  const { snap } = state;
  const ids = snap.index.ids;
  const steps: ProofStep[] = [];
  const edges: string[] = [];
  const decisions = new Map<string, DecisionRef>();
  const viaOf = new Map<number, ProofEdge[]>();
  for (const u of proof.nodes) {
    const via = [
      ...(proof.stakes.get(u) ?? []).map((k) => stakeEdge(state, k)),
      ...(proof.controls.get(u) ?? []).map((c) => controlEdge(state, c)),
    ];
    viaOf.set(u, via);
    for (const e of via) edges.push(...e.edgeIds);
    const s = step(state, u, via);
    // Only listed parties' decisions belong to the proof; an intermediate's own listing is shown in its step.
    if (u !== v && ctx.isRoot(u)) for (const d of s.decisions) decisions.set(d.id, d);
    steps.push(s);
  }
  return {
    sentence: sentence(state, v, certain, ctx, viaOf.get(v) ?? []),
    nodes: proof.nodes.map((u) => ids[u]!),
    edges: [...new Set(edges)],
    decisions: [...decisions.values()],
    steps,
  };
}
