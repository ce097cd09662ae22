import type { EvalState } from './state.js';
import type { DecisionRef } from './types.js';
import { decisionRef } from './wording.js';

/** Decisions in force that name u on a list the rule counts. */
export function decisionsOf(state: EvalState, u: number): DecisionRef[] {
  const all = state.snap.index.decisions;
  const refs: DecisionRef[] = [];
  if (state.ownListed[u]! >= 0) refs.push(decisionRef(all[state.ownListed[u]!]!));
  for (const o of state.otherListed) if (o.state[u]! >= 0) refs.push(decisionRef(all[o.state[u]!]!));
  return refs;
}
