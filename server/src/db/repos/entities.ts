// Entity reads: search, one entity with its decisions and sources, and listing decisions by id.
import type { Database, Row } from '../database.js';
import type { DecisionRef } from '../../domain/listing.js';
import type { Entity, EntityKind, ListingDecision, Source } from '../../domain/model.js';
import { entityFromRow } from '../rows.js';
import { FreshRead } from '../fresh-read.js';
import { ExposureGraphRepo } from './exposure-graph.js';
import { SearchCache } from './search-cache.js';

export interface SearchHit {
  entity: Entity;
  score: number | null;
  decisions: DecisionRef[];
}

export interface SearchParams {
  lucene: string | null; // null → browse by name
  kind: EntityKind | null;
  country: string | null;
  after: { score?: number; name?: string; id: string } | null;
  limit: number;
}

export type DecisionWithList = ListingDecision & { listName: string };

export class EntityRepo {
  private readonly cache: SearchCache<SearchHit[]>;

  constructor(private readonly db: Database) {
    const graph = new ExposureGraphRepo(db);
    // Concurrent searches share one stamp read that began after each of them asked (fresh-read.ts).
    const stamps = new FreshRead(async () => (await graph.stamp()).key);
    this.cache = new SearchCache(() => stamps.get());
  }

  /** Answers are kept per graph stamp (search-cache.ts): the same search on the same graph is read once. */
  search(p: SearchParams): Promise<SearchHit[]> {
    return this.cache.get(JSON.stringify(p), () => this.searchNow(p));
  }

  private async searchNow(p: SearchParams): Promise<SearchHit[]> {
    const rows =
      p.lucene === null
        ? await this.db.read('entity/list', {
            kind: p.kind,
            country: p.country,
            afterName: p.after?.name ?? null,
            afterId: p.after?.id ?? null,
            limit: p.limit,
          })
        : await this.db.read('entity/search', {
            q: p.lucene,
            kind: p.kind,
            country: p.country,
            afterScore: p.after?.score ?? null,
            afterId: p.after?.id ?? null,
            limit: p.limit,
          });
    return rows.map((r) => ({
      entity: entityFromRow(r.entity as Row, r.labels),
      score: typeof r.score === 'number' ? r.score : null,
      decisions: (r.decisions as DecisionRef[]) ?? [],
    }));
  }

  async get(id: string): Promise<{ entity: Entity; decisions: DecisionWithList[]; sources: Source[] } | null> {
    const [row] = await this.db.read('entity/get', { id });
    if (!row) return null;
    const decisions = (row.decisions as Row[]).map(decisionFromRow);
    decisions.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const sources = (row.sources as Row[]).map(sourceFromRow).sort((a, b) => a.id.localeCompare(b.id));
    return { entity: entityFromRow(row.entity as Row, row.labels), decisions, sources };
  }

  async decisionsFor(ids: string[]): Promise<Map<string, DecisionRef[]>> {
    const rows = ids.length === 0 ? [] : await this.db.read('entity/listings', { ids });
    return new Map(rows.map((r) => [String(r.id), r.decisions as DecisionRef[]]));
  }

  async count(): Promise<number> {
    const [row] = await this.db.read('entity/count');
    return Number(row?.entities ?? 0);
  }
}

function decisionFromRow(r: Row): DecisionWithList {
  return {
    id: String(r.id),
    listId: String(r.listId),
    listName: String(r.listName ?? r.listId),
    action: r.action as ListingDecision['action'],
    date: String(r.date),
    effective: (r.effective as string | null) ?? null,
    citation: String(r.citation ?? ''),
    summary: String(r.summary ?? ''),
    entityIds: [],
    sourceIds: (r.sourceIds as string[] | null) ?? [],
  };
}

function sourceFromRow(r: Row): Source {
  return {
    id: String(r.id),
    publisher: String(r.publisher ?? ''),
    title: String(r.title ?? ''),
    date: (r.date as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    file: (r.file as string | null) ?? null,
  };
}
