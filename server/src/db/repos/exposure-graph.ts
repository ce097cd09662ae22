// Loads what the exposure engine evaluates: the regimes from the (:List) nodes, the whole graph (one streamed
// query per kind), and the subgraph one entity's or one region's
// determinations depend on (closures by breadth-first steps, one query per level).
import type { Database, Row } from '../database.js';
import { kindOf } from '../rows.js';
import { parseRegime, type Regime } from '../../domain/exposure/regime.js';
import type { EntityRef, ExposureGraph } from '../../domain/exposure/types.js';
import type { ControlEdge, DecisionAction, EntityKind, ListingDecision, OwnershipEdge } from '../../domain/model.js';

/** Ids per query when loading a subgraph. */
export const PAGE_SIZE = 20_000;
/** Records per batch when streaming the whole graph (see the README's Benchmarks for the measurement). */
const FETCH_SIZE = 10_000;
const PROGRESS_EVERY = 20_000;
/** Up to this many roots, a closure is one var-length query; beyond, breadth-first steps. */
const SINGLE_QUERY_ROOTS = 8;
/** Bulk reads may take longer than an API read's timeout on a large graph. */
const BULK_TIMEOUT_MS = 120_000;

export interface LoadedEntity extends EntityRef {
  kind: EntityKind;
}

/** An ExposureGraph whose entities also carry their kind (the API lists it next to each status). */
export interface LoadedGraph extends ExposureGraph {
  entities: LoadedEntity[];
}

export interface ListRecord {
  id: string;
  name: string;
  authority: string;
  jurisdiction: string;
  /** null when the list has no rule or its rule does not validate (`ruleError` says why). */
  regime: Regime | null;
  ruleError: string | null;
}

/** Version bumped by every write path, plus count-store counts (see cypher/exposure/graph-stamp.cypher). */
export interface GraphStamp {
  key: string;
  entities: number;
  owns: number;
  controls: number;
  decisions: number;
}

export type LoadKind = 'entities' | 'ownerships' | 'controls' | 'decisions';
export type LoadProgress = (kind: LoadKind, loaded: number) => void;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function ownershipFromRow(p: Row): OwnershipEdge {
  return {
    id: String(p.id),
    owner: String(p.owner),
    owned: String(p.owned),
    percent: num(p.percent),
    percentMin: num(p.percentMin),
    percentMax: num(p.percentMax),
    minInclusive: p.minInclusive !== false,
    maxInclusive: p.maxInclusive !== false,
    start: str(p.start),
    end: str(p.end),
    sourceIds: strs(p.sourceIds),
  };
}

function ownershipFromColumns(r: unknown[]): OwnershipEdge {
  return {
    id: String(r[0]),
    owner: String(r[1]),
    owned: String(r[2]),
    percent: num(r[3]),
    percentMin: num(r[4]),
    percentMax: num(r[5]),
    minInclusive: r[6] !== false,
    maxInclusive: r[7] !== false,
    start: str(r[8]),
    end: str(r[9]),
    sourceIds: [],
  };
}

function controlFromRow(p: Row): ControlEdge {
  return {
    id: String(p.id),
    controller: String(p.controller),
    controlled: String(p.controlled),
    basis: str(p.basis) ?? '',
    start: str(p.start),
    end: str(p.end),
    sourceIds: strs(p.sourceIds),
  };
}

function decisionFromRow(p: Row): ListingDecision {
  return {
    id: String(p.id),
    listId: String(p.listId),
    action: String(p.action) as DecisionAction,
    date: String(p.date),
    effective: str(p.effective),
    citation: str(p.citation) ?? '',
    summary: str(p.summary) ?? '',
    entityIds: strs(p.entityIds),
    sourceIds: strs(p.sourceIds),
  };
}

function entityFromRow(r: Row): LoadedEntity {
  return { id: String(r.id), name: str(r.name) ?? String(r.id), kind: kindOf(r.labels) };
}

function chunks<T>(items: T[], size = PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class ExposureGraphRepo {
  constructor(private readonly db: Database) {}

  /** Every list with its rule parsed; a list whose rule is missing or invalid has regime null. */
  async lists(): Promise<ListRecord[]> {
    const rows = await this.db.read('exposure/lists');
    return rows.map((r) => {
      const base = { id: String(r.id), name: str(r.name) ?? String(r.id), authority: str(r.authority) ?? '', jurisdiction: str(r.jurisdiction) ?? '' };
      if (typeof r.rule !== 'string') return { ...base, regime: null, ruleError: 'the list has no rule' };
      try {
        return { ...base, regime: parseRegime({ ...base, rule: JSON.parse(r.rule) }), ruleError: null };
      } catch (err) {
        return { ...base, regime: null, ruleError: err instanceof Error ? err.message : String(err) };
      }
    });
  }

  async stamp(): Promise<GraphStamp> {
    const [r] = await this.db.read('exposure/graph-stamp');
    const n = (k: string): number => Number(r?.[k] ?? 0);
    const stamp = { entities: n('entities'), owns: n('owns'), controls: n('controls'), decisions: n('decisions') };
    return { ...stamp, key: [n('version'), stamp.entities, stamp.owns, stamp.controls, stamp.decisions, n('names')].join(':') };
  }

  /**
   * The whole graph, one streamed query per kind (Database.stream), in no particular order. Kinds are
   * separate transactions: an edge may name an entity written after the entities were read, which the
   * engine tolerates (it interns ids it has not seen). Edges come without sourceIds (the engine never uses them).
   */
  async loadAll(progress: LoadProgress = () => {}): Promise<LoadedGraph> {
    const entities = await this.streamAll('exposure/stream-entities', (r): LoadedEntity => ({ id: r[0] as string, name: str(r[1]) ?? String(r[0]), kind: kindOf(r[2]) }), (n) => progress('entities', n));
    const ownerships = await this.streamAll('exposure/stream-owns', ownershipFromColumns, (n) => progress('ownerships', n));
    const controls = await this.streamAll(
      'exposure/stream-controls',
      (r): ControlEdge => ({ id: String(r[0]), controller: String(r[1]), controlled: String(r[2]), basis: str(r[3]) ?? '', start: str(r[4]), end: str(r[5]), sourceIds: [] }),
      (n) => progress('controls', n),
    );
    const decisions = await this.streamAll(
      'exposure/stream-decisions',
      (r): ListingDecision => ({
        id: String(r[0]), listId: String(r[1]), action: String(r[2]) as DecisionAction, date: String(r[3]), effective: str(r[4]),
        citation: str(r[5]) ?? '', summary: str(r[6]) ?? '', entityIds: strs(r[7]), sourceIds: [],
      }),
      (n) => progress('decisions', n),
    );
    return { entities, ownerships, controls, decisions };
  }

  /** The roots and every entity reachable from them through OWNS and CONTROLS edges of any date. */
  async closure(roots: Iterable<string>, direction: 'up' | 'down'): Promise<Set<string>> {
    const seen = new Set(roots);
    // A few roots (one entity's exposure, a listing's region): one var-length query. Measured on the
    // synthetic 5k graph, a leaf's exposure made ~35 round trips (one per level per closure and kind) and
    // took 3.4 s under load; see the README's Benchmarks. Many roots: level by level with one shared `seen`
    // set, so closures that overlap are not walked once per root.
    if (seen.size <= SINGLE_QUERY_ROOTS) {
      const rows = await this.db.read(direction === 'up' ? 'exposure/closure-up' : 'exposure/closure-down', { roots: [...seen] }, BULK_TIMEOUT_MS);
      for (const r of rows) seen.add(String(r.id));
      return seen;
    }
    let frontier = [...seen];
    const query = direction === 'up' ? 'exposure/step-up' : 'exposure/step-down';
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const part of chunks(frontier)) {
        for (const r of await this.db.read(query, { frontier: part }, BULK_TIMEOUT_MS)) {
          const id = String(r.id);
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  /**
   * The entities `ids` with the OWNS and CONTROLS edges into them — from owners among `ids`, or from any
   * owner when `anyOwner` (the caller then handles the owners outside as a boundary) — and, unless
   * `withDecisions` is false, the decisions naming them.
   */
  async subgraph(ids: Iterable<string>, options: { anyOwner?: boolean; withDecisions?: boolean } = {}): Promise<LoadedGraph> {
    const all = [...new Set(ids)];
    const keep = options.anyOwner ? null : all;
    const entities: LoadedEntity[] = [];
    const ownerships: OwnershipEdge[] = [];
    const controls: ControlEdge[] = [];
    // One query per chunk for entities and their incoming edges: reading the closure is most of an on-the-fly
    // exposure's time (README, Benchmarks); one pass was 1.3x faster than three queries seeking every id.
    for (const part of chunks(all)) {
      for (const r of await this.db.read('exposure/sub-graph', { ids: part, keep }, BULK_TIMEOUT_MS)) {
        entities.push(entityFromRow(r));
        for (const e of r.owns as Row[]) ownerships.push(ownershipFromRow(e));
        for (const e of r.controls as Row[]) controls.push(controlFromRow(e));
      }
    }
    const decisions = options.withDecisions === false ? [] : await this.decisionsNaming(all);
    return { entities, ownerships, controls, decisions };
  }

  /** Decisions naming any of `ids`, each restricted to the ids among `ids` it names. */
  async decisionsNaming(ids: Iterable<string>): Promise<ListingDecision[]> {
    const scope = [...new Set(ids)];
    const byId = new Map<string, ListingDecision>();
    for (const part of chunks(scope)) {
      for (const r of await this.db.read('exposure/sub-decisions', { ids: part, keep: scope }, BULK_TIMEOUT_MS)) {
        const d = decisionFromRow(r.decision as Row);
        byId.set(d.id, d);
      }
    }
    return [...byId.values()];
  }

  private streamAll<T>(query: string, map: (r: unknown[]) => T, progress: (n: number) => void): Promise<T[]> {
    return this.db.stream(
      query,
      {},
      () => {
        const out: T[] = [];
        return {
          row: (r) => {
            if (out.push(map(r)) % PROGRESS_EVERY === 0) progress(out.length);
          },
          done: () => (progress(out.length), out),
        };
      },
      { fetchSize: FETCH_SIZE, timeoutMs: BULK_TIMEOUT_MS },
    );
  }
}
