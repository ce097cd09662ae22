// Materialised current determinations: (:Entity)-[:EXPOSURE {list, entityId, status, min, max,
// minExclusive, maxExclusive, flags (JSON), asOf, computedAt}]->(:List), non-clear only (clear = no
// relationship), and one (:Meta {id: 'exposure:<list>'}) per list saying when it was complete.
//
// A full list is replaced in ONE write transaction (delete the list's relationships, create the new ones,
// set its Meta): Neo4j commits it atomically, so a reader sees the old list or the new one, never half of
// each, and no generation bookkeeping leaks into every read query. The cost is a transaction as large as the
// list's non-clear set (measured by `npm run bench`, bench/run.ts); batches tagged with a generation and a switch
// at the end would bound it, at the price of a generation filter on every read — worth it only for lists with
// millions of non-clear entities.
import { dateParam } from '../convert.js';
import type { Database, Row } from '../database.js';
import { kindOf } from '../rows.js';
import type { EntityKind } from '../../domain/model.js';
import type { Aggregate, ExposureStatus } from '../../domain/exposure/types.js';

/** Rows per CREATE statement inside a transaction (keeps each statement's parameter map small). */
const ROWS_PER_STATEMENT = 10_000;
const WRITE_TIMEOUT_MS = 300_000;

export interface MaterialisedRow {
  entityId: string;
  status: Exclude<ExposureStatus, 'clear'>;
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
  /** JSON of the determination's flags. */
  flags: string;
}

export interface MaterialisedMeta {
  list: string;
  asOf: string;
  computedAt: string;
  ruleHash: string;
  counts: Record<string, number>;
}

export interface StoredItem {
  entityId: string;
  name: string;
  kind: EntityKind;
  status: ExposureStatus;
  aggregate: Aggregate;
}

export class ExposureStore {
  constructor(private readonly db: Database) {}

  /** Replaces a list's materialisation in one transaction and records its Meta. */
  async replaceList(list: string, asOf: string, rows: MaterialisedRow[], ruleHash: string, counts: Record<string, number>): Promise<void> {
    const computedAt = new Date().toISOString();
    await this.db.writeAll(
      [
        { name: 'exposure/delete-list', params: { list } },
        ...this.createSteps(list, asOf, computedAt, rows),
        { name: 'exposure/set-meta', params: { list, asOf: dateParam(asOf), computedAt, ruleHash, counts: JSON.stringify(counts) } },
      ],
      WRITE_TIMEOUT_MS,
    );
  }

  /**
   * Rewrites the determinations of some entities, list by list, all in one transaction (incremental
   * refresh): readers see the change on every list at once or not at all. The same transaction deletes
   * the pending-refresh markers of the writes this refresh covers (mark-pending.cypher).
   */
  async replaceEntities(asOf: string, updates: { list: string; ids: string[]; rows: MaterialisedRow[] }[], coveredPending: string[] = []): Promise<void> {
    const computedAt = new Date().toISOString();
    const steps = updates.flatMap(({ list, ids, rows }) => {
      const deletes = [];
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        deletes.push({ name: 'exposure/delete-entities', params: { list, ids: ids.slice(i, i + ROWS_PER_STATEMENT) } });
      }
      return [...deletes, ...this.createSteps(list, asOf, computedAt, rows)];
    });
    if (coveredPending.length > 0) steps.push({ name: 'exposure/clear-pending', params: { ids: coveredPending } });
    if (steps.length > 0) await this.db.writeAll(steps, WRITE_TIMEOUT_MS);
  }

  /**
   * Writes whose exposure refresh has not run, committed at least `olderThanSeconds` ago. A write creates
   * its marker in its own transaction and its refresh deletes it, so one that outlives its write by more
   * than a refresh takes means the refresh was cut off (the process or the database stopped in between).
   */
  async pendingRefreshes(olderThanSeconds = 0): Promise<string[]> {
    const rows = await this.db.read('exposure/pending', { olderThanSeconds });
    return rows.map((r) => String(r.id));
  }

  /** Deletes pending-refresh markers a recompute has covered. */
  async clearPending(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.db.write('exposure/clear-pending', { ids });
  }

  /** Bumps the graph version that in-memory caches of the loaded graph compare (graph-stamp.cypher). */
  async bumpVersion(): Promise<number> {
    const [row] = await this.db.write('exposure/bump-version');
    return Number(row?.version ?? 0);
  }

  /** Forgets every list's Meta, so the materialisation counts as missing until the next recompute. */
  async invalidate(): Promise<void> {
    await this.db.write('exposure/invalidate-meta');
  }

  async meta(): Promise<Map<string, MaterialisedMeta>> {
    const rows = await this.db.read('exposure/meta');
    return new Map(
      rows.map((r) => [
        String(r.list),
        {
          list: String(r.list),
          asOf: String(r.asOf),
          computedAt: String(r.computedAt),
          ruleHash: String(r.ruleHash ?? ''),
          counts: parseCounts(r.counts),
        },
      ]),
    );
  }

  /** One keyset page of a list's materialised non-clear entities, by entity id. */
  async page(list: string, status: ExposureStatus | null, after: string, limit: number): Promise<StoredItem[]> {
    const rows = status === null
      ? await this.db.read('exposure/page', { list, after, limit })
      : await this.db.read('exposure/page-by-status', { list, status, after, limit });
    return rows.map((r) => ({
      entityId: String(r.entityId),
      name: String(r.name ?? r.entityId),
      kind: kindOf(r.labels),
      status: r.status as ExposureStatus,
      aggregate: { min: Number(r.min), max: Number(r.max), minExclusive: r.minExclusive === true, maxExclusive: r.maxExclusive === true },
    }));
  }

  /**
   * Stored rows of one list, by entity id: every one (`ids` null), or those of `ids` (one seek per id:
   * cheaper when `ids` are fewer than the list's non-clear entities).
   */
  async storedRows(list: string, ids: string[] | null): Promise<Map<string, MaterialisedRow>> {
    const out = new Map<string, MaterialisedRow>();
    const parts = ids === null ? [null] : Array.from({ length: Math.ceil(ids.length / ROWS_PER_STATEMENT) }, (_, i) => ids.slice(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT));
    for (const part of parts) {
      const rows = part === null ? await this.db.read('exposure/stored-rows', { list }) : await this.db.read('exposure/stored-rows-of', { list, ids: part });
      for (const r of rows) {
        out.set(String(r.entityId), {
          entityId: String(r.entityId),
          status: r.status as MaterialisedRow['status'],
          min: Number(r.min),
          max: Number(r.max),
          minExclusive: r.minExclusive === true,
          maxExclusive: r.maxExclusive === true,
          flags: String(r.flags),
        });
      }
    }
    return out;
  }

  /** Current non-clear statuses of the entities, per list (entities clear on every list are absent). */
  async statusesOf(ids: string[]): Promise<Map<string, Record<string, ExposureStatus>>> {
    const out = new Map<string, Record<string, ExposureStatus>>();
    for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
      for (const r of await this.db.read('exposure/statuses-of', { ids: ids.slice(i, i + ROWS_PER_STATEMENT) })) {
        const id = String(r.id);
        const entry = out.get(id) ?? {};
        entry[String(r.list)] = r.status as ExposureStatus;
        out.set(id, entry);
      }
    }
    return out;
  }

  private createSteps(list: string, asOf: string, computedAt: string, rows: MaterialisedRow[]): { name: string; params: Row }[] {
    const steps = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      steps.push({ name: 'exposure/create-rows', params: { list, asOf: dateParam(asOf), computedAt, rows: rows.slice(i, i + ROWS_PER_STATEMENT) } });
    }
    return steps;
  }
}

function parseCounts(v: unknown): Record<string, number> {
  if (typeof v !== 'string') return {};
  try {
    const parsed = JSON.parse(v) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}
