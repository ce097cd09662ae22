// The one plain-English sentence of a proof: the decisive owners (or holdings, for affiliate rules), their
// stakes, the listing decisions with dates and citations, the aggregate and the threshold.
import { decisionsOf } from './decisions-of.js';
import type { Context } from './explain.js';
import type { EvalState } from './state.js';
import { statusName } from './status.js';
import type { ProofEdge } from './types.js';
import { aggregateOf, intervalText, listedText, stakeText, thresholdText } from './wording.js';

function describe(state: EvalState, u: number, ctx: Context): string {
  const name = state.snap.index.names[u]!;
  if (ctx.isRoot(u) || state.isSeed[u] === 1) {
    const refs = decisionsOf(state, u);
    if (refs.length > 0) return `${name} (${refs.map((d) => listedText(d, state.regime.id)).join('; ')})`;
  }
  return `${name} (itself ${statusName(state.status[u]!).replace('_', ' ')})`;
}

export function sentence(state: EvalState, v: number, certain: boolean, ctx: Context, via: ProofEdge[]): string {
  const { regime, snap } = state;
  const rule = regime.rule;
  const index = snap.index;
  const head = `${certain ? 'Exposed' : 'Possibly exposed'} under the ${rule.name} (${regime.id}) as of ${snap.asOf}`;
  const threshold = thresholdText(rule.threshold, rule.comparison);
  if (ctx.direction === 'up') {
    const parts = via.map((e) => `${index.names[v]!} owns ${stakeText(e.stake!)} of ${describe(state, index.indexOf.get(e.to)!, ctx)}`);
    return `${head}: ${parts.join('; ')}; an affiliate holds ${threshold} either way, directly or indirectly.`;
  }
  const parts = via.map((e) => {
    const who = describe(state, index.indexOf.get(e.from)!, ctx);
    return e.type === 'OWNS' ? `${who} owns ${stakeText(e.stake!)}` : `${who} controls it (${e.basis})`;
  });
  const byControl = via.some((e) => e.type === 'CONTROLS');
  const controlNote = byControl ? '; control by a listed or captured party counts under this rule' : '';
  if (ctx.party !== null) {
    const p = ctx.party;
    const held = intervalText(aggregateOf(p.lo, p.loOpen, p.hi, p.hiOpen));
    const name = index.names[p.id]!;
    return `${head}: ${parts.join('; ')}; ${name} holds ${held} directly or through entities it owns or controls (holdings of different listed parties are not added up), threshold ${threshold}${controlNote}.`;
  }
  const agg = aggregateOf(state.aggLo[v]!, state.aggLoOpen[v] === 1, state.aggHi[v]!, state.aggHiOpen[v] === 1);
  const owners = via.some((e) => !ctx.isRoot(index.indexOf.get(e.from)!)) ? 'listed and captured owners' : 'listed owners';
  return `${head}: ${parts.join('; ')}; ${owners} together hold ${intervalText(agg)}, threshold ${threshold}${controlNote}.`;
}
