// Entities listed only on another list the rule counts (an MEU List entry evaluated for the Entity List)
// are listed parties: they are seeds and pass their stakes. Whether the rule also captures them must be
// decided without counting themselves: v's status is its membership of lfp(seeds \ {v}).
//
// Cheaply and exactly, for all such candidates at once, per member set S (the certain or the possible set):
// - v's stakes can come back to it only round a cycle of members, i.e. within its strongly connected
//   component C of S. Members outside C that feed C are upstream of it and independent of v.
// - L0 = the least fixed point inside C without any of C's candidates as seeds (contributions from members
//   outside C fixed). L0 ⊆ lfp(seeds \ {v}) for every candidate v of C.
// - Only F = (S ∩ C) \ L0 can depend on candidates. If no owner or controller of v is in F, v receives exactly
//   what it received in S, and the main pass's aggregate stands. Otherwise the fixed point is rerun over F
//   alone, from L0's contributions, seeded with the other candidates.
import type { PassConfig } from './fixpoint.js';
import { lowerMeets, upperMeets } from './interval.js';
import { memberComponents } from './scc.js';
import type { Snapshot } from './snapshot.js';

export interface WithoutSelf {
  member: Uint8Array;
  agg: Float64Array;
  open: Uint8Array;
}

export function decideWithoutSelf(
  snap: Snapshot,
  candidates: number[],
  isSeed: Uint8Array,
  member: Uint8Array,
  mainAgg: Float64Array,
  mainOpen: Uint8Array,
  cfg: PassConfig,
): WithoutSelf {
  const n = snap.index.size;
  const control = cfg.propagate && cfg.control;
  const comp = memberComponents(snap, member, control);
  const bound = cfg.upper ? snap.sHi : snap.sLo;
  const boundOpen = cfg.upper ? snap.sHiOpen : snap.sLoOpen;
  const meets = (v: number, open: boolean) => cfg.propagate && (cfg.upper ? upperMeets : lowerMeets)(v, open, cfg.threshold, cfg.cmp);
  const { controller, controlled } = snap.index.ctl;
  const out: WithoutSelf = { member: new Uint8Array(candidates.length), agg: new Float64Array(candidates.length), open: new Uint8Array(candidates.length) };

  const isCandidate = new Uint8Array(n);
  for (const v of candidates) isCandidate[v] = 1;
  const byComp = new Map<number, number[]>();
  candidates.forEach((v, i) => {
    const list = byComp.get(comp[v]!);
    if (list === undefined) byComp.set(comp[v]!, [i]);
    else list.push(i);
  });
  const inComp = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const c = comp[u]!;
    if (c >= 0 && byComp.has(c)) {
      const list = inComp.get(c);
      if (list === undefined) inComp.set(c, [u]);
      else list.push(u);
    }
  }

  // L0 state, indexed by entity; only entries of the current component are used, then cleared.
  const inL0 = new Uint8Array(n);
  const agg0 = new Float64Array(n);
  const open0 = new Uint8Array(n);
  for (const [c, idxs] of byComp) {
    const C = inComp.get(c)!;
    const queue: number[] = [];
    const join = (u: number): void => {
      if (inL0[u] === 0) {
        inL0[u] = 1;
        queue.push(u);
      }
    };
    for (const u of C) {
      for (let k = snap.inStart[u]!; k < snap.inStart[u + 1]!; k++) {
        const w = snap.sOwner[k]!;
        if (member[w] !== 1 || comp[w] === c) continue;
        agg0[u] = agg0[u]! + bound[k]!;
        if (boundOpen[k] === 1) open0[u] = 1;
      }
      let fromOutside = false;
      if (control) {
        for (let p = snap.cInStart[u]!; p < snap.cInStart[u + 1]!; p++) {
          const w = controller[snap.cIn[p]!]!;
          if (member[w] === 1 && comp[w] !== c) fromOutside = true;
        }
      }
      if ((isSeed[u] === 1 && isCandidate[u] === 0) || fromOutside || meets(agg0[u]!, open0[u] === 1)) join(u);
    }
    propagate(queue, (w) => comp[w] === c, agg0, open0, join);

    // F: members of C outside L0; the only entities whose membership can depend on a candidate.
    const F = C.filter((u) => inL0[u] === 0);
    const inF = new Set(F);
    for (const i of idxs) {
      const v = candidates[i]!;
      let dependsOnF = false;
      for (let k = snap.inStart[v]!; k < snap.inStart[v + 1]! && !dependsOnF; k++) dependsOnF = inF.has(snap.sOwner[k]!);
      if (control) {
        for (let p = snap.cInStart[v]!; p < snap.cInStart[v + 1]! && !dependsOnF; p++) dependsOnF = inF.has(controller[snap.cIn[p]!]!);
      }
      if (!dependsOnF) {
        // Everything v receives in S comes from members that are members without v too.
        let ctl = false;
        if (control) for (let p = snap.cInStart[v]!; p < snap.cInStart[v + 1]!; p++) ctl ||= member[controller[snap.cIn[p]!]!] === 1;
        out.agg[i] = mainAgg[v]!;
        out.open[i] = mainOpen[v]!;
        out.member[i] = ctl || meets(mainAgg[v]!, mainOpen[v] === 1) ? 1 : 0;
        continue;
      }
      // Rerun over F ∪ {v}, from L0's contributions, seeded with C's other candidates.
      const local = new Map<number, { agg: number; open: boolean; in: boolean }>();
      for (const u of F) local.set(u, { agg: agg0[u]!, open: open0[u] === 1, in: false });
      if (!local.has(v)) local.set(v, { agg: agg0[v]!, open: open0[v] === 1, in: inL0[v] === 1 });
      const lq: number[] = [];
      const ljoin = (u: number): void => {
        const s = local.get(u)!;
        if (!s.in) {
          s.in = true;
          lq.push(u);
        }
      };
      for (const u of F) if (u !== v && isCandidate[u] === 1) ljoin(u);
      while (lq.length > 0) {
        const u = lq.pop()!;
        for (let p = snap.outStart[u]!; p < snap.outStart[u + 1]!; p++) {
          const k = snap.outStake[p]!;
          const t = local.get(snap.sOwned[k]!);
          if (t === undefined) continue;
          t.agg += bound[k]!;
          t.open ||= boundOpen[k] === 1;
          if (meets(t.agg, t.open)) ljoin(snap.sOwned[k]!);
        }
        if (control) {
          for (let p = snap.cOutStart[u]!; p < snap.cOutStart[u + 1]!; p++) {
            const w = controlled[snap.cOut[p]!]!;
            if (local.has(w)) ljoin(w);
          }
        }
      }
      const s = local.get(v)!;
      out.member[i] = s.in ? 1 : 0;
      out.agg[i] = s.agg;
      out.open[i] = s.open ? 1 : 0;
    }
    for (const u of C) {
      inL0[u] = 0;
      agg0[u] = 0;
      open0[u] = 0;
    }
  }
  return out;

  function propagate(queue: number[], inside: (w: number) => boolean, agg: Float64Array, open: Uint8Array, join: (u: number) => void): void {
    while (queue.length > 0) {
      const u = queue.pop()!;
      for (let p = snap.outStart[u]!; p < snap.outStart[u + 1]!; p++) {
        const k = snap.outStake[p]!;
        const w = snap.sOwned[k]!;
        if (!inside(w)) continue;
        agg[w] = agg[w]! + bound[k]!;
        if (boundOpen[k] === 1) open[w] = 1;
        if (meets(agg[w]!, open[w] === 1)) join(w);
      }
      if (control) {
        for (let p = snap.cOutStart[u]!; p < snap.cOutStart[u + 1]!; p++) {
          const w = controlled[snap.cOut[p]!]!;
          if (inside(w)) join(w);
        }
      }
    }
  }
}
