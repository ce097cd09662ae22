// Writes import batches. Every row carries a hash of its content; before writing, one query reads the
// stored hashes of the batch's ids, so each row is classified new / changed / unchanged, only new and
// changed rows are sent, and the batch's exact counts go into the run's checkpoint — written in the
// same transaction as the rows (sources, lists, entities, OWNS, CONTROLS, decisions, the graph version
// bump, checkpoint), so a batch and its checkpoint land together or not at all.
import { createHash } from 'node:crypto';
import type { Database, Row } from '../database.js';
import { dateParam } from '../convert.js';
import { entityParams } from './graph-writer.js';
import type { ControlEdge, Entity, ListingDecision, OwnershipEdge, Source } from '../../domain/model.js';
import type { Regime } from '../../domain/exposure/regime.js';

export const ITEM_KINDS = ['lists', 'entities', 'owns', 'controls', 'decisions'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export type CountsByKind = Record<ItemKind, Counts>;

export interface BatchItems {
  sources: Source[];
  lists: Regime[];
  entities: Entity[];
  owns: OwnershipEdge[];
  controls: ControlEdge[];
  decisions: ListingDecision[];
}

/** A batch sorted against the graph: what to write, the counts, and whose exposure inputs change. */
export interface Classified {
  rows: Record<keyof BatchItems, Row[]>;
  counts: CountsByKind;
  /** Owned/controlled ends (old and new) of new or changed edges; entities changed decisions name or named. */
  touched: string[];
  /** Owning/controlling ends (old and new) of new or changed edges. */
  owners: string[];
}

export function zeroCounts(): CountsByKind {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as CountsByKind;
}

export function addCounts(a: CountsByKind, b: CountsByKind): CountsByKind {
  const out = zeroCounts();
  for (const k of ITEM_KINDS) {
    out[k] = { created: a[k].created + b[k].created, updated: a[k].updated + b[k].updated, unchanged: a[k].unchanged + b[k].unchanged };
  }
  return out;
}

const digest = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 24);

interface Hashed {
  id: string;
  hash: string;
  props: Record<string, unknown>;
  [k: string]: unknown;
}

function hashed(row: Omit<Hashed, 'hash'>): Hashed {
  return { ...row, hash: digest(row) } as Hashed;
}

/** Dates become neo4j Dates after hashing (the hash is over the plain ISO strings). */
function withDates(row: Hashed, keys: string[]): Hashed {
  const props = { ...row.props };
  for (const k of keys) props[k] = dateParam(props[k] as string | null);
  return { ...row, props };
}

/** The same properties the seed and the edit routes write (graph-writer.ts), hashed for change counting. */
export function entityRow(e: Entity): Hashed {
  return hashed(entityParams(e));
}

export function ownsRow({ id, owner, owned, ...props }: OwnershipEdge): Hashed {
  return withDates(hashed({ id, owner, owned, props }), ['start', 'end']);
}

export function controlsRow({ id, controller, controlled, ...props }: ControlEdge): Hashed {
  return withDates(hashed({ id, controller, controlled, props }), ['start', 'end']);
}

export function decisionRow({ id, listId, entityIds, ...props }: ListingDecision): Hashed {
  return withDates(hashed({ id, listId, entityIds: [...entityIds].sort(), props }), ['date', 'effective']);
}

export function listRow(r: Regime): Hashed {
  return hashed({ id: r.id, props: { name: r.name, authority: r.authority, jurisdiction: r.jurisdiction, rule: JSON.stringify(r.rule) } });
}

export function sourceRow({ id, ...props }: Source): Hashed {
  return withDates(hashed({ id, props }), ['date']);
}

const QUERIES: [keyof BatchItems, string][] = [
  ['sources', 'import/sync-sources'],
  ['lists', 'import/sync-lists'],
  ['entities', 'import/sync-entities'],
  ['owns', 'import/sync-owns'],
  ['controls', 'import/sync-controls'],
  ['decisions', 'import/sync-decisions'],
];

type Stored = Map<string, { hash: unknown; ends?: [string, string]; names?: string[] }>;

export class ImportWriter {
  constructor(private readonly db: Database) {}

  /** Reads the stored state of the batch's ids and sorts its rows into new, changed and unchanged. */
  async classify(items: BatchItems): Promise<Classified> {
    const rows = {
      sources: items.sources.map(sourceRow),
      lists: items.lists.map(listRow),
      entities: items.entities.map(entityRow),
      owns: items.owns.map(ownsRow),
      controls: items.controls.map(controlsRow),
      decisions: items.decisions.map(decisionRow),
    };
    const ids = (k: keyof BatchItems) => rows[k].map((r) => r.id);
    // A write transaction (on the leader), so it sees the batch committed just before.
    const [state] = await this.db.write('import/current-state', {
      entities: ids('entities'),
      owns: ids('owns'),
      controls: ids('controls'),
      decisions: ids('decisions'),
      lists: ids('lists'),
      sources: ids('sources'),
    });
    const stored = (key: string, shape: 'plain' | 'edge' | 'decision'): Stored => {
      const map: Stored = new Map();
      for (const t of (state?.[key] as unknown[][] | undefined) ?? []) {
        const [id, hash, a, b] = t as [string, unknown, unknown, unknown];
        if (shape === 'edge') map.set(id, { hash, ends: [a as string, b as string] });
        else if (shape === 'decision') map.set(id, { hash, names: a as string[] });
        else map.set(id, { hash });
      }
      return map;
    };
    const counts = zeroCounts();
    const touched: string[] = [];
    const owners: string[] = [];
    const out = {} as Record<keyof BatchItems, Row[]>;
    const sort = (key: keyof BatchItems, found: Stored, onChange: (row: Hashed, old: Stored extends Map<string, infer V> ? V | undefined : never) => void) => {
      out[key] = [];
      for (const row of rows[key]) {
        const old = found.get(row.id);
        const c = key === 'sources' ? null : counts[key as ItemKind];
        if (old !== undefined && old.hash === row.hash) {
          if (c) c.unchanged += 1;
          continue;
        }
        if (c) {
          if (old === undefined) c.created += 1;
          else c.updated += 1;
        }
        out[key].push(row);
        onChange(row, old);
      }
    };
    sort('sources', stored('sources', 'plain'), () => {});
    sort('lists', stored('lists', 'plain'), () => {});
    sort('entities', stored('entities', 'plain'), () => {});
    for (const [key, from, to] of [['owns', 'owner', 'owned'], ['controls', 'controller', 'controlled']] as const) {
      sort(key, stored(key, 'edge'), (row, old) => {
        owners.push(row[from] as string, ...(old?.ends ? [old.ends[0]] : []));
        touched.push(row[to] as string, ...(old?.ends ? [old.ends[1]] : []));
      });
    }
    sort('decisions', stored('decisions', 'decision'), (row, old) => touched.push(...(row.entityIds as string[]), ...(old?.names ?? [])));
    return { rows: out, counts, touched, owners };
  }

  /**
   * Writes the classified rows and moves the run's checkpoint in one transaction. Returns false when
   * the checkpoint did not move because another process has taken the run over.
   */
  async write(classified: Classified, checkpoint: { runId: string; owner: string; batch: number; counts: CountsByKind }): Promise<boolean> {
    const steps: { name: string; params: Row }[] = QUERIES.filter(([key]) => classified.rows[key].length > 0).map(([key, name]) => ({
      name,
      params: { rows: classified.rows[key] },
    }));
    // Caches of the loaded graph compare this version (cypher/exposure/bump-version.cypher).
    if (steps.length > 0) steps.push({ name: 'exposure/bump-version', params: {} });
    const results = await this.db.writeAll([
      ...steps,
      {
        name: 'import/run-checkpoint',
        params: { id: checkpoint.runId, owner: checkpoint.owner, batch: checkpoint.batch, counts: JSON.stringify(checkpoint.counts) },
      },
    ]);
    return Number(results[results.length - 1]?.[0]?.n ?? 0) > 0;
  }

  /** Which of the ids are entities in the graph. */
  async existingEntities(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const [row] = await this.db.write('import/existing-entities', { ids });
    return new Set((row?.ids as string[] | undefined) ?? []);
  }

  async existingSources(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const [row] = await this.db.write('import/existing-sources', { ids });
    return new Set((row?.ids as string[] | undefined) ?? []);
  }

  async listIds(): Promise<Set<string>> {
    const [row] = await this.db.read('import/list-ids');
    return new Set((row?.ids as string[] | undefined) ?? []);
  }
}
