// The whole graph, loaded and indexed once and kept in memory for whole-graph questions the materialised
// relationships cannot answer (/exposure on a date other than today, /exposure/changes) and for one
// entity's exposure. It is keyed by the graph stamp (a version every write path bumps in its own
// transaction, plus count-store counts), so each request learns from one constant-time read, shared by
// concurrent requests (fresh-read.ts), whether the copy is still current; snapshots (per date) and
// evaluations (per list, rule and date) are kept in small LRU maps on top of it. Entities and edges are
// indexed in id order, so an answer does not depend on the order the database happened to stream them in.
import type { ExposureGraphRepo, GraphStamp, ListRecord } from '../db/repos/exposure-graph.js';
import { evaluate, type ExposureEvaluation } from '../domain/exposure/engine.js';
import { buildIndex, type GraphIndex } from '../domain/exposure/graph-index.js';
import type { Regime } from '../domain/exposure/regime.js';
import { takeSnapshot, type Snapshot } from '../domain/exposure/snapshot.js';
import { indexAdjacency, type IndexAdjacency } from '../domain/exposure/sub-index.js';
import type { ExposureStatus } from '../domain/exposure/types.js';
import type { EntityKind } from '../domain/model.js';
import type { Logger } from '../logger.js';
import { FreshRead } from '../db/fresh-read.js';
import { ruleHash } from './exposure-rows.js';

const MAX_SNAPSHOTS = 4;
const MAX_EVALUATIONS = 32;

/** Rule hashes by regime object: one state read's regimes serve many requests, each checking the cache. */
const hashes = new WeakMap<Regime, string>();
function evaluationKey(regime: Regime, asOf: string): string {
  let hash = hashes.get(regime);
  if (hash === undefined) hashes.set(regime, (hash = ruleHash(regime)));
  return `${regime.id}|${hash}|${asOf}`;
}

export interface CachedEvaluation {
  evaluation: ExposureEvaluation;
  /** Non-clear entities sorted by id (keyset paging), computed on first use. */
  sorted(): { entityId: string; status: ExposureStatus }[];
}

export class GraphSnapshotCache {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly evaluations = new Map<string, CachedEvaluation>();
  private adj: IndexAdjacency | null = null;
  private readonly scheduled = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly key: string,
    readonly index: GraphIndex,
    readonly kinds: Map<string, EntityKind>,
  ) {}

  evaluate(regime: Regime, asOf: string): CachedEvaluation {
    const key = evaluationKey(regime, asOf);
    const hit = this.evaluations.get(key);
    if (hit) {
      this.evaluations.delete(key);
      this.evaluations.set(key, hit);
      return hit;
    }
    const evaluation = evaluate(this.snapshot(asOf), regime);
    let sorted: { entityId: string; status: ExposureStatus }[] | null = null;
    const entry: CachedEvaluation = {
      evaluation,
      sorted: () => (sorted ??= evaluation.nonClear().sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0))),
    };
    remember(this.evaluations, key, entry, MAX_EVALUATIONS);
    return entry;
  }

  /** The evaluation when it is already cached, without computing it. */
  peek(regime: Regime, asOf: string): CachedEvaluation | undefined {
    return this.evaluations.get(evaluationKey(regime, asOf));
  }

  /**
   * Computes these whole-graph evaluations off the current request, one list per turn of the event loop
   * (each blocks it for the evaluation's time: ~0.2 s per list at 100k entities), skipping cached ones.
   */
  evaluateLater(regimes: Regime[], asOf: string): void {
    for (const regime of regimes) {
      const key = evaluationKey(regime, asOf);
      if (this.evaluations.has(key) || this.scheduled.has(key)) continue;
      this.scheduled.add(key);
      this.queue = this.queue.then(
        () =>
          new Promise<void>((resolve) =>
            setImmediate(() => {
              this.scheduled.delete(key);
              try {
                this.evaluate(regime, asOf);
              } catch {
                // A request computing the same evaluation would meet the same error and report it.
              } finally {
                resolve();
              }
            }),
          ),
      );
    }
  }

  /** Closure adjacency for one-entity cuts (sub-index.ts), built on first use. */
  adjacency(): IndexAdjacency {
    return (this.adj ??= indexAdjacency(this.index));
  }

  private snapshot(asOf: string): Snapshot {
    const hit = this.snapshots.get(asOf);
    if (hit) return hit;
    const snap = takeSnapshot(this.index, asOf);
    remember(this.snapshots, asOf, snap, MAX_SNAPSHOTS);
    return snap;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/** What one shared read tells a request: the graph stamp and the lists with their rules. */
export interface GraphState {
  stamp: GraphStamp;
  lists: ListRecord[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class ExposureGraphCache {
  private current: GraphSnapshotCache | null = null;
  private loading: { key: string; promise: Promise<GraphSnapshotCache> } | null = null;
  private readonly states = new FreshRead<GraphState>(async () => {
    const [stamp, lists] = await Promise.all([this.repo.stamp(), this.repo.lists()]);
    return { stamp, lists };
  });

  constructor(
    private readonly repo: ExposureGraphRepo,
    private readonly logger?: Logger,
  ) {}

  /** The stamp and lists as read by a query that began after this call (shared with concurrent callers). */
  state(): Promise<GraphState> {
    return this.states.get();
  }

  /** The indexed graph as it is now: the cached copy when the stamp still matches, else a fresh load. */
  async get(): Promise<GraphSnapshotCache> {
    const { key } = (await this.state()).stamp;
    if (this.current?.key === key) return this.current;
    return this.loadFor(key);
  }

  /**
   * The cached copy if it is the graph as of `key`; otherwise null, and a load starts in the background
   * (unless one is running) so later requests find it: a caller that cannot wait a whole-graph load (88 s
   * at 1M entities) answers from the database meanwhile.
   */
  ifCurrent(key: string): GraphSnapshotCache | null {
    if (this.current?.key === key) return this.current;
    if (this.loading === null) this.loadInBackground(key);
    return null;
  }

  /**
   * The copy as of `key`, waiting up to `ms` for it to load (joining a load in progress); null when it
   * did not load in time or failed (the load goes on in the background).
   */
  async within(key: string, ms: number): Promise<GraphSnapshotCache | null> {
    if (this.current?.key === key) return this.current;
    let timer: NodeJS.Timeout | undefined;
    const load = this.loadFor(key).catch((err: unknown) => {
      this.logger?.warn({ err }, 'exposure graph cache: load failed; reads use the database');
      return null;
    });
    try {
      return await Promise.race([load, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts loading the graph as it is now, without waiting (at start-up, so the first reads find it). */
  warm(): void {
    this.state().then(
      ({ stamp }) => this.ifCurrent(stamp.key),
      (err: unknown) => this.logger?.warn({ err }, 'exposure graph cache: could not read the graph stamp to warm up'),
    );
  }

  /** Drops the cached copy (the stamp check would notice anyway; this frees the memory at once). */
  invalidate(): void {
    this.current = null;
  }

  private loadInBackground(key: string): void {
    const started = performance.now();
    this.loadFor(key).then(
      (g) => this.logger?.info({ entities: g.index.size, ms: Math.round(performance.now() - started) }, 'exposure graph cache loaded'),
      (err: unknown) => this.logger?.warn({ err }, 'exposure graph cache: background load failed; reads use the database'),
    );
  }

  private async loadFor(key: string): Promise<GraphSnapshotCache> {
    if (this.loading?.key === key) return this.loading.promise;
    const promise = this.load(key);
    this.loading = { key, promise };
    try {
      const loaded = await promise;
      // A load that finished after a newer one started must not replace it.
      if (this.loading?.key === key) this.current = loaded;
      return loaded;
    } finally {
      if (this.loading?.promise === promise) this.loading = null;
    }
  }

  private async load(key: string): Promise<GraphSnapshotCache> {
    const graph = await this.repo.loadAll();
    graph.entities.sort(byId);
    graph.ownerships.sort(byId);
    graph.controls.sort(byId);
    const kinds = new Map(graph.entities.map((e) => [e.id, e.kind]));
    return new GraphSnapshotCache(key, buildIndex(graph), kinds);
  }
}
