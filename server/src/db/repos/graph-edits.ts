// Single-record edits behind the small write API (listing decisions, OWNS edges). Each edit, the graph
// version bump that invalidates in-memory caches, and a marker saying its exposure refresh is still to
// run (`pending`, deleted by that refresh: exposure-store.ts) land in one transaction.
import { dateParam } from '../convert.js';
import type { Database, Row } from '../database.js';
import type { ListingDecision, OwnershipEdge } from '../../domain/model.js';
import { ownershipFromRow } from './exposure-graph.js';

const BUMP = { name: 'exposure/bump-version', params: {} };
const pendingStep = (id: string) => ({ name: 'exposure/mark-pending', params: { id } });

export interface DecisionCheck {
  exists: boolean;
  listExists: boolean;
  missing: string[];
}

export class GraphEdits {
  constructor(private readonly db: Database) {}

  async checkDecision(d: Pick<ListingDecision, 'id' | 'listId' | 'entityIds'>): Promise<DecisionCheck> {
    const [r] = await this.db.read('edit/check-decision', { id: d.id, listId: d.listId, entityIds: d.entityIds });
    return { exists: r?.exists === true, listExists: r?.listExists === true, missing: (r?.missing as string[] | undefined) ?? [] };
  }

  async createDecision(d: ListingDecision, pending: string): Promise<void> {
    const props = {
      action: d.action,
      date: dateParam(d.date),
      effective: dateParam(d.effective),
      citation: d.citation,
      summary: d.summary,
      sourceIds: d.sourceIds,
    };
    await this.db.writeAll([{ name: 'edit/create-decision', params: { id: d.id, listId: d.listId, entityIds: d.entityIds, props } }, BUMP, pendingStep(pending)]);
  }

  async missingEntities(ids: string[]): Promise<string[]> {
    const [r] = await this.db.read('edit/check-entities', { ids });
    return (r?.missing as string[] | undefined) ?? [];
  }

  async getOwnership(id: string): Promise<OwnershipEdge | null> {
    const [r] = await this.db.read('edit/get-ownership', { id });
    return r ? ownershipFromRow(r.edge as Row) : null;
  }

  /** Creates or fully replaces the OWNS edge `e.id`; returns the stored edge. */
  async putOwnership(e: OwnershipEdge, pending: string): Promise<OwnershipEdge> {
    const { id, owner, owned, start, end, ...rest } = e;
    const props = { ...rest, start: dateParam(start), end: dateParam(end) };
    const [rows] = await this.db.writeAll([{ name: 'edit/put-ownership', params: { id, owner, owned, props } }, BUMP, pendingStep(pending)]);
    return ownershipFromRow(rows![0]!.edge as Row);
  }

  /** Deletes the OWNS edge; returns its ends, or null when there was none. */
  async deleteOwnership(id: string, pending: string): Promise<{ owner: string; owned: string } | null> {
    const [rows] = await this.db.writeAll([{ name: 'edit/delete-ownership', params: { id } }, BUMP, pendingStep(pending)]);
    const r = rows?.[0];
    return r ? { owner: String(r.owner), owned: String(r.owned) } : null;
  }
}
