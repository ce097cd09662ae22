// The case's listing decisions: every decision naming an entity in view, gathered from entity details,
// deduplicated — the timeline's ticks, and the "since" dates on LISTED badges.
import type { Decision } from '../api-types.ts';
import { listsInForce } from '../ui/decisions.ts';
import { forEachLimited, type EntityCache } from './entity-cache.ts';

/** Entity details fetched for the timeline at most: beyond this, the entities most likely to be named first. */
const MAX_ENTITIES = 120;

export interface CaseDecisions {
  /** Every decision, oldest first, with the ids of the entities in view that it names. */
  decisions: (Decision & { entityIds: string[] })[];
  /** For `list` on `asOf`: the date each listed entity's decision took effect. */
  listedSince(list: string, asOf: string): Map<string, string>;
}

export async function loadCaseDecisions(cache: EntityCache, ids: readonly string[]): Promise<CaseDecisions> {
  const chosen = ids.slice(0, MAX_ENTITIES);
  const byId = new Map<string, Decision & { entityIds: string[] }>();
  const perEntity = new Map<string, Decision[]>();
  await forEachLimited(chosen, 4, async (id) => {
    const detail = await cache.get(id);
    perEntity.set(id, detail.decisions);
    for (const decision of detail.decisions) {
      const known = byId.get(decision.id) ?? { ...decision, entityIds: [] };
      known.entityIds.push(id);
      byId.set(decision.id, known);
    }
  });
  const decisions = [...byId.values()].sort((a, b) => (a.effective ?? a.date).localeCompare(b.effective ?? b.date));
  return {
    decisions,
    listedSince(list, asOf) {
      const since = new Map<string, string>();
      for (const [id, entityDecisions] of perEntity) {
        const inForce = listsInForce(entityDecisions, asOf).find((entry) => entry.listId === list);
        if (inForce) since.set(id, inForce.since);
      }
      return since;
    },
  };
}
