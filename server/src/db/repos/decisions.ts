// Listing decisions read page by page, all of them or those naming given entities (cypher/decision/).
import type { Database, Row } from '../database.js';
import type { DecisionAction } from '../../domain/model.js';

export interface DecisionPageParams {
  /** null → every decision; otherwise those naming at least one of these entities. */
  entityIds: string[] | null;
  listId: string | null;
  after: { date: string; id: string } | null;
  limit: number;
}

export interface DecisionRow {
  id: string;
  listId: string;
  listName: string;
  action: DecisionAction;
  date: string;
  effective: string | null;
  citation: string;
  summary: string;
  sourceIds: string[];
  /** The given entities it names (or, unfiltered, the first 100 it names, by id). */
  entityIds: string[];
  namedCount: number;
}

export class DecisionRepo {
  constructor(private readonly db: Database) {}

  async page(p: DecisionPageParams): Promise<DecisionRow[]> {
    const params = { listId: p.listId, afterDate: p.after?.date ?? null, afterId: p.after?.id ?? null, limit: p.limit };
    const rows = p.entityIds === null ? await this.db.read('decision/page', params) : await this.db.read('decision/page-naming', { ...params, entityIds: p.entityIds });
    return rows.map((r) => {
      const d = r.decision as Row;
      return {
        id: String(d.id),
        listId: String(r.listId),
        listName: String(r.listName ?? r.listId),
        action: d.action as DecisionAction,
        date: String(r.date),
        effective: (r.effective as string | null) ?? null,
        citation: String(d.citation ?? ''),
        summary: String(d.summary ?? ''),
        sourceIds: (d.sourceIds as string[] | null) ?? [],
        entityIds: (r.entityIds as string[]) ?? [],
        namedCount: Number(r.namedCount ?? 0),
      };
    });
  }

  async listExists(listId: string): Promise<boolean> {
    const [row] = await this.db.read('decision/list-exists', { listId });
    return row?.found === true;
  }
}
