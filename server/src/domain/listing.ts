// Which lists name an entity on a date, from the decisions that name it. Only 'added' and 'removed'
// change the state; 'amended' keeps it, and 'proposed'/'reported' are shown but never list anyone.
import type { DecisionAction, IsoDate } from './model.js';

export interface DecisionRef {
  listId: string;
  action: DecisionAction;
  date: IsoDate;
  effective: IsoDate | null;
}

export function inForceFrom(d: Pick<DecisionRef, 'date' | 'effective'>): IsoDate {
  return d.effective ?? d.date;
}

/** List ids on which the decisions leave the entity listed on `asOf`, sorted. */
export function listedOn(decisions: readonly DecisionRef[], asOf: IsoDate): string[] {
  const latest = new Map<string, DecisionRef>();
  const ordered = decisions
    .filter((d) => (d.action === 'added' || d.action === 'removed') && inForceFrom(d) <= asOf)
    .sort((a, b) => inForceFrom(a).localeCompare(inForceFrom(b)));
  for (const d of ordered) latest.set(d.listId, d);
  return [...latest.values()].filter((d) => d.action === 'added').map((d) => d.listId).sort();
}
