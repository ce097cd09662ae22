// The graph an incremental refresh evaluates (services/exposure-refresh.ts), read with region-graph.cypher:
// entities with their incoming edges and the decisions naming them, in compact rows. Same values as
// ExposureGraphRepo.subgraph (ownershipFromRow's reading of each field) minus what no stored row depends on
// (source ids, decision summaries).
import type { Database } from '../database.js';
import type { ExposureGraph } from '../../domain/exposure/types.js';
import type { ControlEdge, DecisionAction, ListingDecision, OwnershipEdge } from '../../domain/model.js';
import { PAGE_SIZE } from './exposure-graph.js';

const BULK_TIMEOUT_MS = 120_000;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The entities `ids` with the edges into them from owners in `keep` (any owner when `keep` is null: the
 * caller treats owners outside as a boundary) and the decisions naming them, each decision's entityIds
 * restricted to `ids`.
 */
export async function readRegionGraph(db: Database, ids: Iterable<string>, keep: ReadonlySet<string> | null): Promise<ExposureGraph> {
  const all = [...new Set(ids)];
  const graph: ExposureGraph = { entities: [], ownerships: [], controls: [], decisions: [] };
  const decisions = new Map<string, ListingDecision>();
  for (let i = 0; i < all.length; i += PAGE_SIZE) {
    for (const r of await db.read('exposure/region-graph', { ids: all.slice(i, i + PAGE_SIZE) }, BULK_TIMEOUT_MS)) {
      const id = String(r.id);
      graph.entities.push({ id, name: str(r.name) ?? id });
      for (const e of r.owns as unknown[][]) if (keep === null || keep.has(String(e[1]))) graph.ownerships.push(ownership(e, id));
      for (const e of r.controls as unknown[][]) if (keep === null || keep.has(String(e[1]))) graph.controls.push(control(e, id));
      for (const d of r.decisions as unknown[][]) {
        const known = decisions.get(String(d[0]));
        if (known) known.entityIds.push(id);
        else decisions.set(String(d[0]), decision(d, id));
      }
    }
  }
  graph.decisions = [...decisions.values()];
  return graph;
}

/** Decisions of both, one per id, naming what either names (each lists the ids of its own scope). */
export function mergeDecisions(a: ListingDecision[], b: ListingDecision[]): ListingDecision[] {
  const byId = new Map(a.map((d) => [d.id, { ...d, entityIds: [...d.entityIds] }]));
  for (const d of b) {
    const known = byId.get(d.id);
    if (known) known.entityIds.push(...d.entityIds.filter((x) => !known.entityIds.includes(x)));
    else byId.set(d.id, d);
  }
  return [...byId.values()];
}

function ownership([id, owner, percent, percentMin, percentMax, minInclusive, maxInclusive, start, end]: unknown[], owned: string): OwnershipEdge {
  return {
    id: String(id), owner: String(owner), owned, percent: num(percent), percentMin: num(percentMin), percentMax: num(percentMax),
    minInclusive: minInclusive !== false, maxInclusive: maxInclusive !== false, start: str(start), end: str(end), sourceIds: [],
  };
}

function control([id, controller, basis, start, end]: unknown[], controlled: string): ControlEdge {
  return { id: String(id), controller: String(controller), controlled, basis: str(basis) ?? '', start: str(start), end: str(end), sourceIds: [] };
}

function decision([id, listId, action, date, effective, citation]: unknown[], entityId: string): ListingDecision {
  return {
    id: String(id), listId: String(listId), action: String(action) as DecisionAction, date: String(date), effective: str(effective),
    citation: str(citation) ?? '', summary: '', entityIds: [entityId], sourceIds: [],
  };
}
