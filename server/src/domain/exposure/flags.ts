// Flags are not determinations: facts an investigator must see next to the status.
import { decisionsOf } from './decisions-of.js';
import { lowerMeets, toMicro } from './interval.js';
import { EXPOSED, type EvalState, LISTED } from './state.js';
import type { Flag } from './types.js';
import { aggregateOf } from './wording.js';

export function flagsOf(state: EvalState, v: number): Flag[] {
  const { snap, regime, status } = state;
  const rule = regime.rule;
  const flags: Flag[] = [];
  if (status[v] === LISTED) return flags;

  // Control by a listed or (possibly) captured party, where control does not decide the status.
  if (rule.control === 'flag' || !state.inForce) {
    const ctl = snap.index.ctl;
    const controllers = new Set<string>();
    const edges: string[] = [];
    let certain = false;
    for (let p = snap.cInStart[v]!; p < snap.cInStart[v + 1]!; p++) {
      const c = snap.cIn[p]!;
      const w = ctl.controller[c]!;
      if (state.partyPossible[w] !== 1) continue;
      controllers.add(snap.index.ids[w]!);
      edges.push(ctl.edgeIds[c]!);
      certain ||= state.partyCertain[w] === 1;
    }
    if (controllers.size > 0) flags.push({ kind: 'controlled_by_listed', controllers: [...controllers], edges, certain });
  }

  // A significant minority held by listed parties: at least `significantMinority` on lower bounds, but not
  // enough to meet the rule.
  const lo = state.aggLo[v]!;
  const open = state.aggLoOpen[v] === 1;
  if (
    status[v] !== EXPOSED &&
    lowerMeets(lo, open, toMicro(rule.significantMinority), 'gte') &&
    !lowerMeets(lo, open, toMicro(rule.threshold), rule.comparison)
  ) {
    const agg = aggregateOf(lo, open, state.aggHi[v]!, state.aggHiOpen[v] === 1);
    flags.push({ kind: 'significant_minority', min: agg.min, atLeast: rule.significantMinority, threshold: rule.threshold });
  }

  const elsewhere = decisionsOf(state, v).filter((d) => d.listId !== regime.id);
  if (elsewhere.length > 0) {
    flags.push({ kind: 'listed_on_counted_list', lists: [...new Set(elsewhere.map((d) => d.listId))], decisions: elsewhere });
  }
  return flags;
}
