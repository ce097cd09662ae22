// The whole graph, loaded and indexed once and kept in memory for whole-graph questions the materialised
// relationships cannot answer: /exposure on a date other than today and /exposure/changes. It is keyed by
// the graph stamp (a version every write path bumps in its own transaction, plus count-store counts), so
// each request pays one constant-time read to learn whether the copy is still current; snapshots (per date)
// and evaluations (per list, rule and date) are kept in small LRU maps on top of it.
import type { ExposureGraphRepo } from '../db/repos/exposure-graph.js';
import { evaluate, type ExposureEvaluation } from '../domain/exposure/engine.js';
import { buildIndex, type GraphIndex } from '../domain/exposure/graph-index.js';
import type { Regime } from '../domain/exposure/regime.js';
import { takeSnapshot, type Snapshot } from '../domain/exposure/snapshot.js';
import type { ExposureStatus } from '../domain/exposure/types.js';
import type { EntityKind } from '../domain/model.js';
import { ruleHash } from './exposure-rows.js';

const MAX_SNAPSHOTS = 4;
const MAX_EVALUATIONS = 32;

export interface CachedEvaluation {
  evaluation: ExposureEvaluation;
  /** Non-clear entities sorted by id (keyset paging), computed on first use. */
  sorted(): { entityId: string; status: ExposureStatus }[];
}

export class GraphSnapshotCache {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly evaluations = new Map<string, CachedEvaluation>();

  constructor(
    readonly key: string,
    readonly index: GraphIndex,
    readonly kinds: Map<string, EntityKind>,
  ) {}

  evaluate(regime: Regime, asOf: string): CachedEvaluation {
    const key = `${regime.id}|${ruleHash(regime)}|${asOf}`;
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

export class ExposureGraphCache {
  private current: GraphSnapshotCache | null = null;
  private loading: { key: string; promise: Promise<GraphSnapshotCache> } | null = null;

  constructor(private readonly repo: ExposureGraphRepo) {}

  /** The indexed graph as it is now: the cached copy when the stamp still matches, else a fresh load. */
  async get(): Promise<GraphSnapshotCache> {
    const { key } = await this.repo.stamp();
    if (this.current?.key === key) return this.current;
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

  /** Drops the cached copy (the stamp check would notice anyway; this frees the memory at once). */
  invalidate(): void {
    this.current = null;
  }

  private async load(key: string): Promise<GraphSnapshotCache> {
    const graph = await this.repo.loadAll();
    const kinds = new Map(graph.entities.map((e) => [e.id, e.kind]));
    return new GraphSnapshotCache(key, buildIndex(graph), kinds);
  }
}
