// Reads for exports: entities with their decisions, sources, and the edges among a node set.
import type { Database, Row } from '../database.js';
import { dateParam } from '../convert.js';
import type { Entity, Source } from '../../domain/model.js';
import { edgeFromRow, entityFromRow, type GraphEdge } from '../rows.js';
import type { ExportDecision } from '../../formats/export/graph.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export class ExportRepo {
  constructor(private readonly db: Database) {}

  async nodes(ids: string[], asOf: string): Promise<Map<string, { entity: Entity; decisions: ExportDecision[] }>> {
    const rows = ids.length === 0 ? [] : await this.db.read('export/nodes', { ids, asOf: dateParam(asOf) });
    return new Map(
      rows.map((r) => {
        const entity = entityFromRow(r.entity as Row, r.labels);
        const decisions = (r.decisions as Row[]).map(
          (d): ExportDecision => ({
            id: String(d.id),
            listId: String(d.listId),
            listName: String(d.listName ?? d.listId),
            authority: str(d.authority),
            jurisdiction: str(d.jurisdiction),
            action: String(d.action),
            date: String(d.date),
            effective: str(d.effective),
            citation: String(d.citation ?? ''),
            summary: String(d.summary ?? ''),
            sourceIds: strs(d.sourceIds),
          }),
        );
        decisions.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
        return [entity.id, { entity, decisions }];
      }),
    );
  }

  async sources(ids: string[]): Promise<Map<string, Source>> {
    const rows = ids.length === 0 ? [] : await this.db.read('export/sources', { ids });
    return new Map(
      rows.map((r) => {
        const s = r.source as Row;
        return [String(s.id), { id: String(s.id), publisher: String(s.publisher ?? ''), title: String(s.title ?? ''), date: str(s.date), url: str(s.url), file: str(s.file) }];
      }),
    );
  }

  async edgesBetween(ids: string[], asOf: string, limit: number): Promise<GraphEdge[]> {
    const rows = ids.length === 0 ? [] : await this.db.read('export/edges-between', { ids, asOf: dateParam(asOf), limit });
    return rows.map((r) => edgeFromRow(r.edge as Row));
  }
}
