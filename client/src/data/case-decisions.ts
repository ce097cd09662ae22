// The case's listing decisions: every decision naming an entity in view, from GET /decisions (a few
// requests for the whole view rather than one entity detail per entity), deduplicated — the timeline's
// ticks, and the "since" dates on LISTED badges.
import type { Api } from '../api.ts';
import type { Decision } from '../api-types.ts';
import { listsInForce } from '../ui/decisions.ts';

/** The server takes at most 100 ids per request … */
const MAX_IDS_PER_REQUEST = 100;
/** … and a URL of at most 4,096 characters: ids go in batches well under that once encoded. */
const MAX_QUERY_CHARS = 2400;
/** Decisions per page; a view's case rarely has more than a few dozen. */
const PAGE_SIZE = 500;
/** A runaway answer (a view of thousands of listed entities) stops here rather than paging on for ever. */
const MAX_PAGES = 20;

export interface CaseDecisions {
  /** Every decision, oldest first, with the ids of the entities in view that it names. */
  decisions: (Decision & { entityIds: string[] })[];
  /** For `list` on `asOf`: the date each listed entity's decision took effect. */
  listedSince(list: string, asOf: string): Map<string, string>;
}

export async function loadCaseDecisions(api: Pick<Api, 'getDecisions'>, ids: readonly string[], signal?: AbortSignal): Promise<CaseDecisions> {
  const byId = new Map<string, Decision & { entityIds: string[] }>();
  const batches = idBatches(ids);
  await Promise.all(
    batches.map(async (entities) => {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await api.getDecisions({ entities, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, signal);
        for (const { namedCount: _all, ...decision } of answer.items) {
          const known = byId.get(decision.id);
          if (known) known.entityIds = [...new Set([...known.entityIds, ...decision.entityIds])];
          else byId.set(decision.id, decision);
        }
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
    }),
  );
  const decisions = [...byId.values()].sort((a, b) => (a.effective ?? a.date).localeCompare(b.effective ?? b.date) || a.id.localeCompare(b.id));
  const perEntity = new Map<string, Decision[]>();
  for (const decision of decisions) {
    for (const id of decision.entityIds) perEntity.set(id, [...(perEntity.get(id) ?? []), decision]);
  }
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

/** The ids in batches that fit one request: at most 100, and a query string well under the URL limit. */
function idBatches(ids: readonly string[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const id of ids) {
    const cost = encodeURIComponent(id).length + 3; // the encoded comma between ids
    if (current.length > 0 && (current.length >= MAX_IDS_PER_REQUEST || chars + cost > MAX_QUERY_CHARS)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(id);
    chars += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
