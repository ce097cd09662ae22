// Exposure queries: one entity's determinations (computed on the fly over its closure, so every date
// behaves the same and explanations are always there), the paged list of non-clear entities (today from the
// materialised relationships, other dates from the cached whole graph), the timeline diff, and the lists.
import { z } from 'zod';
import type { ExposureGraphRepo, ListRecord } from '../db/repos/exposure-graph.js';
import type { ExposureStore, StoredItem } from '../db/repos/exposure-store.js';
import { closureDirection } from '../domain/exposure/closure.js';
import { diffExposure } from '../domain/exposure/diff.js';
import { evaluate, type ExposureEvaluation } from '../domain/exposure/engine.js';
import { buildIndex } from '../domain/exposure/graph-index.js';
import type { Regime } from '../domain/exposure/regime.js';
import { takeSnapshot } from '../domain/exposure/snapshot.js';
import type { Determination, ExposureStatus, StatusChange } from '../domain/exposure/types.js';
import { today } from '../domain/dates.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import type { ExposureGraphCache } from './exposure-cache.js';
import { entityInMemory } from './exposure-entity.js';
import { ruleHash } from './exposure-rows.js';

export type EntityDetermination = Omit<Determination, 'entityId' | 'listId' | 'asOf'> & { list: string; listName: string };

export interface PageInput {
  list: string;
  asOf: string;
  status?: Exclude<ExposureStatus, 'clear'> | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface ExposurePage {
  list: string;
  asOf: string;
  /** Where the answer came from: the materialised relationships (today) or a computation over the graph. */
  source: 'materialised' | 'computed';
  items: StoredItem[];
  nextCursor: string | null;
}

export type ListedChange = StatusChange & { list: string };

/** A pending-refresh marker this old belongs to a write whose refresh was cut off, not to one in flight. */
const ABANDONED_AFTER_SECONDS = 30;
/**
 * How long an answer under an affiliate rule waits for the whole graph to load (after a write or at
 * start-up) before falling back to the entity's closure, whose answer can lack a controlled-by-affiliate
 * flag (statuses agree). Measured loads: ~5 s at 100k entities on a quiet machine, ~90 s at 1M.
 */
const WHOLE_GRAPH_WAIT_MS = 15_000;
const CursorKey = z.object({ i: z.string() });
const ChangesCursor = z.object({ l: z.string(), i: z.string() });
/** Code-unit order, the same as Neo4j's string order used for the other keyset pages. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = <T extends { id: string }>(a: T, b: T): number => cmp(a.id, b.id);

export class ExposureService {
  constructor(
    private readonly graphs: ExposureGraphRepo,
    private readonly store: ExposureStore,
    private readonly cache: ExposureGraphCache,
  ) {}

  async lists() {
    const lists = await this.graphs.lists();
    return {
      items: lists.map((l) => ({
        id: l.id,
        name: l.name,
        authority: l.authority,
        jurisdiction: l.jurisdiction,
        rule: l.regime?.rule ?? null,
        ...(l.ruleError !== null && { ruleError: l.ruleError }),
      })),
    };
  }

  /**
   * One entity's determinations, each with its explanation. Served from the cached whole graph when it is
   * the graph as of a stamp read after this request arrived (a cached whole-graph evaluation when there is
   * one, else the entity's closure cut out of the index); otherwise from its closure read from Neo4j, while
   * the cache reloads in the background. Both evaluate the same closure in the same (id) order, so they
   * give the same answers (tests/integration/exposure-memory.test.ts).
   */
  async entityExposure(entityId: string, asOf: string, list?: string) {
    const { stamp, lists } = await this.cache.state();
    const regimes = pickRegimes(lists, list);
    // Affiliate rules (NDAA 889) are exact only over the whole graph (see exposure-entity.ts), so they wait
    // a while for it; the others answer from the database's closure while the graph loads.
    const affiliate = regimes.some(({ regime }) => closureDirection(regime) === 'both');
    const graph = affiliate ? await this.cache.within(stamp.key, WHOLE_GRAPH_WAIT_MS) : this.cache.ifCurrent(stamp.key);
    const evaluations = graph ? entityInMemory(graph, regimes, entityId, asOf) : await this.entityFromDatabase(regimes, entityId, asOf);
    const determinations: EntityDetermination[] = regimes.map(({ regime, name }, i) => {
      const { entityId: _e, listId, asOf: _a, ...d } = evaluations[i]!.determination(entityId)!;
      return { list: listId, listName: name, ...d };
    });
    return { entityId, asOf, determinations };
  }

  /** The Neo4j path: the entity's closure (up, and down for affiliate rules) read and indexed in id order. */
  async entityFromDatabase(regimes: { regime: Regime }[], entityId: string, asOf: string): Promise<ExposureEvaluation[]> {
    const rules = regimes.map((r) => r.regime);
    let keep = await this.graphs.closure([entityId], 'up');
    if (rules.some((r) => closureDirection(r) === 'both')) {
      keep = new Set([...keep, ...(await this.graphs.closure([entityId], 'down'))]);
    }
    const closure = await this.graphs.subgraph(keep);
    if (!closure.entities.some((e) => e.id === entityId)) throw new NotFoundError(`No entity with id '${entityId}'`);
    // Id order, as the cached graph is indexed: explanations list owners in index order.
    closure.entities.sort(byId);
    closure.ownerships.sort(byId);
    closure.controls.sort(byId);
    const snapshot = takeSnapshot(buildIndex(closure), asOf);
    return rules.map((r) => evaluate(snapshot, r));
  }

  async page(input: PageInput): Promise<ExposurePage> {
    const [{ regime }] = (await this.regimes(input.list)) as [ListRecord & { regime: Regime }];
    const after = decodeCursor(input.cursor, CursorKey)?.i ?? '';
    const status = input.status ?? null;
    let items: StoredItem[];
    let source: ExposurePage['source'] = 'computed';
    if (input.asOf === today() && (await this.materialisedFor(regime, input.asOf))) {
      source = 'materialised';
      items = await this.store.page(regime.id, status, after, input.limit + 1);
    } else {
      items = await this.computedPage(regime, input.asOf, status, after, input.limit + 1);
    }
    const page = items.slice(0, input.limit);
    const nextCursor = items.length > input.limit ? encodeCursor({ i: page[page.length - 1]!.entityId }) : null;
    return { list: regime.id, asOf: input.asOf, source, items: page, nextCursor };
  }

  /** The changes ordered by list, then entity id, one keyset page at a time (`cursor` = nextCursor). */
  async changes(from: string, to: string, list: string | undefined, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, ChangesCursor);
    const regimes = (await this.regimes(list)).sort((a, b) => cmp(a.regime.id, b.regime.id));
    const graph = await this.cache.get();
    const changes: ListedChange[] = [];
    for (const { regime } of regimes) {
      if (after && regime.id < after.l) continue;
      const before = graph.evaluate(regime, from).evaluation;
      const later = graph.evaluate(regime, to).evaluation;
      const diff = diffExposure(before, later)
        .filter((c) => !after || regime.id > after.l || c.entityId > after.i)
        .sort((a, b) => cmp(a.entityId, b.entityId));
      for (const change of diff) changes.push({ list: regime.id, ...change });
      if (changes.length > limit) break;
    }
    const page = changes.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = changes.length > limit && last ? encodeCursor({ l: last.list, i: last.entityId }) : null;
    return { from, to, list: list ?? null, changes: page, truncated: nextCursor !== null, nextCursor };
  }

  /** Current (materialised) non-clear statuses per entity and list, for colouring graph nodes. */
  async currentStatuses(ids: string[]): Promise<Map<string, Record<string, ExposureStatus>>> {
    return ids.length === 0 ? new Map() : this.store.statusesOf(ids);
  }

  /**
   * Status per list (every list with a valid rule) of some entities on a date, for exports: from the
   * materialised relationships for lists materialised for that date, otherwise computed over the cached
   * graph. `byEntity` holds non-clear statuses only; an entity the graph lacks is left out.
   */
  async statusesOn(ids: string[], asOf: string): Promise<{ lists: string[]; byEntity: Map<string, Record<string, ExposureStatus>> }> {
    const regimes = await this.regimes();
    const byEntity = new Map<string, Record<string, ExposureStatus>>();
    const set = (id: string, list: string, status: ExposureStatus) => {
      if (status !== 'clear') byEntity.set(id, { ...byEntity.get(id), [list]: status });
    };
    const stored: Regime[] = [];
    const computed: Regime[] = [];
    for (const { regime } of regimes) (asOf === today() && (await this.materialisedFor(regime, asOf)) ? stored : computed).push(regime);
    if (stored.length > 0 && ids.length > 0) {
      const found = await this.store.statusesOf(ids);
      for (const regime of stored) for (const [id, statuses] of found) if (statuses[regime.id]) set(id, regime.id, statuses[regime.id]!);
    }
    if (computed.length > 0 && ids.length > 0) {
      const graph = await this.cache.get();
      for (const regime of computed) {
        const { evaluation } = graph.evaluate(regime, asOf);
        for (const id of ids) {
          const d = evaluation.determination(id, { explain: false });
          if (d) set(id, regime.id, d.status);
        }
      }
    }
    return { lists: regimes.map((r) => r.regime.id), byEntity };
  }

  /**
   * Whether the list's materialisation holds for `asOf`, was computed with the list's current rule, and no
   * write's refresh was cut off (a pending marker older than any refresh takes; younger ones are writes in
   * flight, whose refresh is about to land, as it always is between a commit and its refresh).
   */
  private async materialisedFor(regime: Regime, asOf: string): Promise<boolean> {
    const meta = (await this.store.meta()).get(regime.id);
    if (meta === undefined || meta.asOf !== asOf || meta.ruleHash !== ruleHash(regime)) return false;
    return (await this.store.pendingRefreshes(ABANDONED_AFTER_SECONDS)).length === 0;
  }

  private async computedPage(regime: Regime, asOf: string, status: ExposureStatus | null, after: string, want: number): Promise<StoredItem[]> {
    const graph = await this.cache.get();
    const { evaluation, sorted } = graph.evaluate(regime, asOf);
    const all = sorted();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.entityId <= after) lo = mid + 1;
      else hi = mid;
    }
    const items: StoredItem[] = [];
    for (let i = lo; i < all.length && items.length < want; i++) {
      const { entityId, status: s } = all[i]!;
      if (status !== null && s !== status) continue;
      const d = evaluation.determination(entityId, { explain: false })!;
      const v = graph.index.indexOf.get(entityId)!;
      items.push({ entityId, name: graph.index.names[v]!, kind: graph.kinds.get(entityId) ?? 'Company', status: s, aggregate: d.aggregate });
    }
    return items;
  }

  /** The lists asked for (one, or all with a valid rule); an unknown list is a 400 on query.list. */
  private async regimes(list?: string): Promise<(ListRecord & { regime: Regime })[]> {
    return pickRegimes(await this.graphs.lists(), list);
  }
}

/** The lists asked for (one, or all with a valid rule); an unknown list is a 400 on query.list. */
function pickRegimes(lists: ListRecord[], list?: string): (ListRecord & { regime: Regime })[] {
  if (list === undefined) return lists.filter((l): l is ListRecord & { regime: Regime } => l.regime !== null);
  const found = lists.find((l) => l.id === list);
  if (!found) {
    throw new ValidationError([{ path: 'query.list', message: `unknown list '${list}' (known: ${lists.map((l) => l.id).join(', ')})` }]);
  }
  if (found.regime === null) {
    throw new ValidationError([{ path: 'query.list', message: `list '${list}' has no valid rule: ${found.ruleError}` }]);
  }
  return [found as ListRecord & { regime: Regime }];
}
