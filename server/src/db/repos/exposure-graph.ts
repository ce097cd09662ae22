// Loads what the exposure engine evaluates: the regimes from the (:List) nodes, the whole graph (paged by
// id, so 100k+ entities never travel in one result), and the subgraph one entity's or one region's
// determinations depend on (closures by breadth-first steps, one query per level).
import type { Database, Row } from '../database.js';
import { kindOf } from '../rows.js';
import { parseRegime, type Regime } from '../../domain/exposure/regime.js';
import type { EntityRef, ExposureGraph } from '../../domain/exposure/types.js';
import type { ControlEdge, DecisionAction, EntityKind, ListingDecision, OwnershipEdge } from '../../domain/model.js';

/** Rows per page when loading the whole graph, and ids per query when loading a subgraph. */
export const PAGE_SIZE = 20_000;
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

  /** The whole graph, each kind read in keyset pages. Pages are separate transactions: an edge may name an
   * entity written after its page was read, which the engine tolerates (it interns ids it has not seen). */
  async loadAll(progress: LoadProgress = () => {}): Promise<LoadedGraph> {
    const entities = await this.pages('exposure/all-entities', (r) => entityFromRow(r), (e) => e.id, (n) => progress('entities', n));
    const ownerships = await this.pages('exposure/all-owns', (r) => ownershipFromRow(r.edge as Row), (e) => e.id, (n) => progress('ownerships', n));
    const controls = await this.pages('exposure/all-controls', (r) => controlFromRow(r.edge as Row), (e) => e.id, (n) => progress('controls', n));
    const decisions = await this.pages('exposure/all-decisions', (r) => decisionFromRow(r.decision as Row), (d) => d.id, (n) => progress('decisions', n));
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

  private async pages<T>(query: string, map: (r: Row) => T, key: (t: T) => string, progress: (n: number) => void): Promise<T[]> {
    const out: T[] = [];
    let after = '';
    for (;;) {
      const rows = await this.db.read(query, { after, limit: PAGE_SIZE }, BULK_TIMEOUT_MS);
      for (const r of rows) out.push(map(r));
      progress(out.length);
      if (rows.length < PAGE_SIZE) return out;
      after = key(out[out.length - 1]!);
    }
  }
}
