// Which lists an entity is on today, from its decisions: the latest `added` or `removed` decision per list
// that has taken effect wins; `amended`, `proposed` and `reported` never list anyone.
// (A stop-gap: the entity endpoint could return `listed` as search and graph nodes do.)
import type { Decision } from '../api-types.ts';

export function listsInForce(decisions: readonly Decision[], today: string): { listId: string; listName: string; since: string }[] {
  const latest = new Map<string, Decision>();
  for (const decision of decisions) {
    if (decision.action !== 'added' && decision.action !== 'removed') continue;
    const when = decision.effective ?? decision.date;
    if (when > today) continue;
    const previous = latest.get(decision.listId);
    if (!previous || when >= (previous.effective ?? previous.date)) latest.set(decision.listId, decision);
  }
  return [...latest.values()]
    .filter((decision) => decision.action === 'added')
    .map((decision) => ({ listId: decision.listId, listName: decision.listName, since: decision.effective ?? decision.date }));
}

export function byDateDescending(a: Decision, b: Decision): number {
  return (b.effective ?? b.date).localeCompare(a.effective ?? a.date);
}
