// Full recompute of the materialised current determinations (`npm run exposure:recompute`, and at start-up
// or once a day when the materialisation is missing, older than today or computed with another rule).
// Every list is computed as of today over the whole graph and replaced in one transaction per list
// (exposure-store.ts says why), so readers see each list either as it was or as it now is.
import type { Database } from '../db/database.js';
import { ExposureGraphRepo, type LoadKind } from '../db/repos/exposure-graph.js';
import { ExposureStore, type MaterialisedRow } from '../db/repos/exposure-store.js';
import { evaluate } from '../domain/exposure/engine.js';
import { buildIndex } from '../domain/exposure/graph-index.js';
import { takeSnapshot } from '../domain/exposure/snapshot.js';
import type { ExposureStatus } from '../domain/exposure/types.js';
import { today } from '../domain/dates.js';
import type { Logger } from '../logger.js';
import { serialiseExposureWrites } from './exposure-lock.js';
import { materialisedRow, ruleHash } from './exposure-rows.js';

export type RecomputeProgress =
  | { phase: 'load'; kind: LoadKind; loaded: number; total: number }
  | { phase: 'list'; list: string; done: number; total: number };

export interface ListReport {
  list: string;
  counts: Record<ExposureStatus, number>;
  computeMs: number;
  writeMs: number;
}

export interface RecomputeReport {
  asOf: string;
  entities: number;
  ownerships: number;
  controls: number;
  decisions: number;
  loadMs: number;
  indexMs: number;
  lists: ListReport[];
  /** Lists left out because their rule is missing or invalid. */
  skipped: { list: string; reason: string }[];
  /** Whether the graph changed (outside this process) while the last attempt computed. */
  graphChanged: boolean;
  attempts: number;
  totalMs: number;
}

export interface RecomputeOptions {
  asOf?: string;
  onProgress?: (p: RecomputeProgress) => void;
}

/** Recomputes every list; queued behind any refresh running in this process. */
export function recomputeExposure(db: Database, options: RecomputeOptions = {}): Promise<RecomputeReport> {
  return serialiseExposureWrites(() => recomputeNow(db, options));
}

const MAX_ATTEMPTS = 2;

async function recomputeNow(db: Database, { asOf = today(), onProgress = () => {} }: RecomputeOptions): Promise<RecomputeReport> {
  const repo = new ExposureGraphRepo(db);
  const store = new ExposureStore(db);
  const started = performance.now();
  // Tells every process's graph cache that whatever was loaded outside the write API is now in.
  await store.bumpVersion();
  for (let attempt = 1; ; attempt++) {
    // Writes whose refresh never ran: their markers commit with the writes, so every write seen here is in
    // the graph loaded below, and this recompute covers it. Markers of later writes stay for their refresh.
    const pendingSeen = await store.pendingRefreshes();
    const stamp = await repo.stamp();
    const totals: Record<LoadKind, number> = { entities: stamp.entities, ownerships: stamp.owns, controls: stamp.controls, decisions: stamp.decisions };
    const lists = await repo.lists();
    const t0 = performance.now();
    const graph = await repo.loadAll((kind, loaded) => onProgress({ phase: 'load', kind, loaded, total: totals[kind] }));
    const t1 = performance.now();
    const sizes = { entities: graph.entities.length, ownerships: graph.ownerships.length, controls: graph.controls.length, decisions: graph.decisions.length };
    const snapshot = takeSnapshot(buildIndex(graph), asOf);
    const t2 = performance.now();

    const valid = lists.flatMap((l) => (l.regime === null ? [] : [l.regime]));
    const reports: ListReport[] = [];
    for (const [i, regime] of valid.entries()) {
      const c0 = performance.now();
      const evaluation = evaluate(snapshot, regime);
      const rows: MaterialisedRow[] = [];
      for (const { entityId } of evaluation.nonClear()) {
        const row = materialisedRow(evaluation.determination(entityId, { explain: false })!);
        if (row !== null) rows.push(row);
      }
      const counts = evaluation.counts();
      const c1 = performance.now();
      await store.replaceList(regime.id, asOf, rows, ruleHash(regime), counts);
      reports.push({ list: regime.id, counts, computeMs: Math.round(c1 - c0), writeMs: Math.round(performance.now() - c1) });
      onProgress({ phase: 'list', list: regime.id, done: i + 1, total: valid.length });
    }
    await store.clearPending(pendingSeen);
    const graphChanged = (await repo.stamp()).key !== stamp.key;
    if (!graphChanged || attempt >= MAX_ATTEMPTS) {
      return {
        asOf,
        ...sizes,
        loadMs: Math.round(t1 - t0),
        indexMs: Math.round(t2 - t1),
        lists: reports,
        skipped: lists.filter((l) => l.regime === null).map((l) => ({ list: l.id, reason: l.ruleError ?? 'no rule' })),
        graphChanged,
        attempts: attempt,
        totalMs: Math.round(performance.now() - started),
      };
    }
  }
}

/**
 * Why the materialisation needs a full recompute (missing, older than today, another rule, or a write whose
 * refresh was cut off), or null.
 */
export async function exposureStaleness(db: Database, asOf = today()): Promise<string | null> {
  const lists = await new ExposureGraphRepo(db).lists();
  const store = new ExposureStore(db);
  const meta = await store.meta();
  for (const l of lists) {
    if (l.regime === null) continue;
    const m = meta.get(l.id);
    if (m === undefined) return `list ${l.id} has no materialised determinations`;
    if (m.asOf !== asOf) return `list ${l.id} was materialised as of ${m.asOf}, today is ${asOf}`;
    if (m.ruleHash !== ruleHash(l.regime)) return `the rule of list ${l.id} changed since it was materialised`;
  }
  const pending = await store.pendingRefreshes();
  if (pending.length > 0) return `${pending.length} write(s) committed without their exposure refresh (the server or the database stopped in between, or a write is in flight)`;
  return null;
}

/**
 * Keeps the materialisation current in a long-running server: checks at once (without delaying start-up:
 * until it is done, today's /exposure is computed from the graph) and then every `intervalMs`, because
 * time moves — decisions take effect and edges end at midnight.
 */
export function maintainExposure(db: Database, logger: Logger, intervalMs = 60 * 60 * 1000): { stop(): void } {
  const check = async (): Promise<void> => {
    try {
      const reason = await exposureStaleness(db);
      if (reason === null) return;
      logger.info(`exposure: ${reason}; recomputing every list`);
      const report = await recomputeExposure(db);
      const counts = Object.fromEntries(report.lists.map((l) => [l.list, l.counts]));
      logger.info({ exposure: { counts, loadMs: report.loadMs, skipped: report.skipped } }, `exposure recomputed as of ${report.asOf} in ${report.totalMs} ms`);
    } catch (err) {
      logger.error({ err }, 'exposure recompute failed; today is computed from the graph until it succeeds');
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
