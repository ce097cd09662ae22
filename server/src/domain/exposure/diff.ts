// "What changed between two dates": entities whose status differs, and the decisions and edges whose
// validity differs between the dates that touch them — that feed an entity of either date's proof (or, for
// a listing, name one). A rule window opening or closing between the dates is reported too.
import { validOn } from './dates.js';
import type { ExposureEvaluation } from './engine.js';
import { explain } from './explain.js';
import { statusName } from './status.js';
import type { DecisionRef, StatusChange } from './types.js';
import { decisionRef } from './wording.js';

interface Changed {
  decisions: Map<string, DecisionRef[]>;
  ownerships: Map<string, string[]>;
  controls: Map<string, string[]>;
}

export function diffExposure(before: ExposureEvaluation, after: ExposureEvaluation): StatusChange[] {
  if (before.regime.id !== after.regime.id) throw new Error('diffExposure compares one list at two dates');
  const upward = after.regime.rule.propagation === 'affiliate';
  const changed = changedElements(before, after, upward);
  const ruleWindow = before.ruleInForce !== after.ruleInForce;
  const ids = new Set([...before.snapshot.index.ids, ...after.snapshot.index.ids]);
  const changes: StatusChange[] = [];
  for (const id of [...ids].sort()) {
    const was = before.status(id) ?? 'clear';
    const now = after.status(id) ?? 'clear';
    if (was === now) continue;
    const touched = new Set<string>([id, ...proofNodes(before, id), ...proofNodes(after, id)]);
    const decisions = new Map<string, DecisionRef>();
    const ownerships = new Set<string>();
    const controls = new Set<string>();
    for (const t of touched) {
      for (const d of changed.decisions.get(t) ?? []) decisions.set(d.id, d);
      for (const e of changed.ownerships.get(t) ?? []) ownerships.add(e);
      for (const e of changed.controls.get(t) ?? []) controls.add(e);
    }
    const index = after.snapshot.index.indexOf.has(id) ? after.snapshot.index : before.snapshot.index;
    changes.push({
      entityId: id,
      name: index.names[index.indexOf.get(id)!]!,
      before: was,
      after: now,
      causes: { decisions: [...decisions.values()], ownerships: [...ownerships], controls: [...controls], ruleWindow },
    });
  }
  return changes;
}

function proofNodes(ev: ExposureEvaluation, id: string): string[] {
  const v = ev.snapshot.index.indexOf.get(id);
  if (v === undefined || statusName(ev.state.status[v]!) === 'clear') return [];
  return explain(ev.state, v)?.nodes ?? [];
}

/** Decisions taking effect, and edges starting or ending, between the two dates, keyed by the entity they touch. */
function changedElements(before: ExposureEvaluation, after: ExposureEvaluation, upward: boolean): Changed {
  const a = before.snapshot.day;
  const b = after.snapshot.day;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const changed: Changed = { decisions: new Map(), ownerships: new Map(), controls: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, item: T): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [item]);
    else list.push(item);
  };
  const counted = new Set([...before.regime.rule.countsAsListed, ...after.regime.rule.countsAsListed]);
  for (const index of new Set([before.snapshot.index, after.snapshot.index])) {
    index.decisions.forEach((d, pos) => {
      const day = index.decisionDay[pos]!;
      if (!counted.has(d.listId) || (d.action !== 'added' && d.action !== 'removed') || day <= lo || day > hi) return;
      for (const id of d.entityIds) add(changed.decisions, id, decisionRef(d));
    });
    const own = index.own;
    for (let i = 0; i < own.edgeIds.length; i++) {
      if (validOn(own.start[i]!, own.end[i]!, a) === validOn(own.start[i]!, own.end[i]!, b)) continue;
      add(changed.ownerships, index.ids[own.owned[i]!]!, own.edgeIds[i]!);
      if (upward) add(changed.ownerships, index.ids[own.owner[i]!]!, own.edgeIds[i]!);
    }
    const ctl = index.ctl;
    for (let i = 0; i < ctl.edgeIds.length; i++) {
      if (validOn(ctl.start[i]!, ctl.end[i]!, a) === validOn(ctl.start[i]!, ctl.end[i]!, b)) continue;
      add(changed.controls, index.ids[ctl.controlled[i]!]!, ctl.edgeIds[i]!);
    }
  }
  for (const map of [changed.ownerships, changed.controls]) for (const [k, v] of map) map.set(k, [...new Set(v)]);
  for (const [k, v] of changed.decisions) changed.decisions.set(k, [...new Map(v.map((d) => [d.id, d])).values()]);
  return changed;
}
