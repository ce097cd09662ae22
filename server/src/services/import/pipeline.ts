// The one import pipeline: reads a format's records, checks them (admit.ts), writes them in batches
// with their checkpoint in one transaction each, reports, and brings exposure up to date.
//
// Resuming. A run is named by format, dataset and the files' content hash, and stored as an ImportRun
// node holding the last batch written and the counts so far. A rerun after a kill replays the reader
// from the start — every record is read and checked again, so read/skipped/rejected come out exactly —
// but does not write the batches the checkpoint covers; their created/updated/unchanged counts come
// from the checkpoint. Batches are cut the same way every time (the batch size is stored with the run).
// Because every entity comes before any edge (readers guarantee it) and edges are checked against the
// entities admitted so far or already in the graph, no edge ever points at a node that is not written.
import path from 'node:path';
import { ConflictError, DatabaseUnavailableError } from '../../errors.js';
import type { Database } from '../../db/database.js';
import { ImportRunRepo } from '../../db/repos/import-runs.js';
import { addCounts, ImportWriter, zeroCounts, type BatchItems, type CountsByKind } from '../../db/repos/import-writer.js';
import type { Regime } from '../../domain/exposure/regime.js';
import type { Source } from '../../domain/model.js';
import { readRegimes } from '../../formats/seed-files.js';
import { SEED_DIR } from '../../paths.js';
import { admit, citedSources, references, type AdmitState } from './admit.js';
import { IdMaker, shortHash } from './ids.js';
import type { ResolvedInput } from './input.js';
import { readerFor } from './readers.js';
import { ReportBuilder, type ExposureOutcome, type ImportReport } from './report.js';
import { markActive, markInactive, newOwner, ownerAlive } from './run-owner.js';
import type { GraphItem, ImportFormat, ReaderEvent, Where } from './types.js';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * What a change to the graph means for exposure: see services/exposure-refresh.ts. It may say which
 * lists it brought up to date and which it left for the next recompute (not materialised, stale).
 */
export type ExposureRefresher = (change: { entities: string[]; owners: string[] }) => Promise<RefreshOutcome | void>;

export interface RefreshOutcome {
  lists: { list: string }[];
  skipped: { list: string; reason: string }[];
  /** Set when the refresher chose one full recompute over refreshing the changed entities' regions. */
  mode?: 'full-recompute';
}

export interface ImportProgress {
  phase: 'reading' | 'refreshing-exposure' | 'done';
  bytesRead: number;
  bytesTotal: number;
  read: number;
  rejected: number;
  skipped: number;
  batches: number;
  resumedAfterBatch: number | null;
}

export interface ImportJob {
  format: ImportFormat;
  dataset: string;
  input: ResolvedInput;
}

export interface PipelineOptions {
  /** Records per batch (one transaction each). A resumed run keeps the batch size it started with. */
  batchSize?: number;
  /** Ignore an interrupted run's checkpoint and start over (writes are idempotent either way). */
  restart?: boolean;
  /** Testing aid: stop, as if killed, once this run has written this many batches. */
  stopAfterBatches?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  refreshExposure?: ExposureRefresher | null;
  limits?: { rejections: number; warnings: number };
}

const LABELS: Record<ImportFormat, string> = { ftm: 'FollowTheMoney', bods: 'BODS', csv: 'CSV', gleif: 'GLEIF Level 2' };

class Stopped extends Error {}

export function runIdFor(format: ImportFormat, dataset: string, fileHash: string): string {
  return `${format}-${dataset}-run-${shortHash(`${format}\0${dataset}\0${fileHash}`, 16)}`;
}

export async function runImport(db: Database, job: ImportJob, opts: PipelineOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const { format, dataset, input } = job;
  const runId = runIdFor(format, dataset, input.hash);
  const runs = new ImportRunRepo(db);
  const writer = new ImportWriter(db);

  const existing = await runs.get(runId);
  let resumeAfter = 0;
  let counts: CountsByKind = zeroCounts();
  let batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH_SIZE));
  if (existing?.status === 'running') {
    if (ownerAlive(existing.owner, runId, existing.heartbeat)) {
      throw new ConflictError(`This import (run ${runId}) is already running; wait for it or check GET /api/v1/imports`);
    }
    if (!opts.restart && existing.lastBatch > 0 && existing.counts && existing.batchSize > 0) {
      resumeAfter = existing.lastBatch;
      counts = existing.counts;
      batchSize = existing.batchSize;
    }
  }
  const owner = newOwner();
  markActive(runId);
  try {
    await runs.start(runId, { owner, format, dataset, fileHash: input.hash, files: input.names, batchSize, lastBatch: resumeAfter, counts, fresh: resumeAfter === 0 });
    return await execute();
  } finally {
    markInactive(runId);
  }

  async function execute(): Promise<ImportReport> {
    const ids = new IdMaker(format, dataset);
    const report = new ReportBuilder(opts.limits);
    const builtins = new Map<string, Regime>((await readRegimes(path.join(SEED_DIR, 'lists.json'))).map((r) => [r.id, r]));
    const source: Source = {
      id: ids.sourceId,
      publisher: `${LABELS[format]} import`,
      title: `${LABELS[format]} dataset '${dataset}'`,
      date: null,
      url: null,
      file: input.names.join(', '),
    };
    const state: AdmitState = {
      known: new Map(),
      inGraph: new Set(),
      notImported: new Map(),
      rejected: new Map(),
      edgeIds: new Map(),
      decisionIds: new Map(),
      lists: await writer.listIds(),
      builtInLists: builtins,
      importLists: new Map(),
      importListsWritten: new Set(),
      sources: new Set([source.id]),
      importSource: source.id,
    };
    const checkedAbsent = new Set<string>();
    const checkedSources = new Set<string>();
    const touched = new Set<string>();
    const owners = new Set<string>();
    let pending: Extract<ReaderEvent, { type: 'record' }>[] = [];
    let batchNo = 0;
    let written = 0;
    let bytesRead = 0;
    let lastProgress = 0;
    const bytesTotal = input.bytes * readerFor(format).passes;

    const progress = (phase: ImportProgress['phase'], force = false) => {
      const now = performance.now();
      if (!opts.onProgress || (!force && now - lastProgress < 200)) return;
      lastProgress = now;
      opts.onProgress({ phase, bytesRead, bytesTotal, read: report.read, rejected: report.rejected, skipped: report.skipped, batches: batchNo, resumedAfterBatch: resumeAfter || null });
    };

    const flush = async () => {
      if (pending.length === 0) return;
      batchNo += 1;
      const records = pending;
      pending = [];
      // One lookup per batch for what the records cite that this import has not produced.
      const unknownRefs = [...new Set(records.flatMap((r) => references(r.items)))].filter(
        (id) => !state.known.has(id) && !state.inGraph.has(id) && !checkedAbsent.has(id) && !state.notImported.has(id) && !state.rejected.has(id),
      );
      const found = await writer.existingEntities(unknownRefs);
      for (const id of unknownRefs) (found.has(id) ? state.inGraph : checkedAbsent).add(id);
      const cited = [...new Set(records.flatMap((r) => citedSources(r.items)))].filter((s) => !state.sources.has(s) && !checkedSources.has(s));
      for (const s of await writer.existingSources(cited)) state.sources.add(s);
      for (const s of cited) checkedSources.add(s);

      const batch: BatchItems = { sources: [source], lists: [], entities: [], owns: [], controls: [], decisions: [] };
      for (const rec of records) {
        const result = admit(rec.items, state);
        if (!result.ok) {
          if (result.skip) report.skip(result.reason);
          else report.reject(rec.at, result.reason);
          for (const item of rec.items) if (item.kind === 'entity' && !state.known.has(item.entity.id)) state.rejected.set(item.entity.id, rec.at);
          continue;
        }
        report.record();
        for (const w of [...(rec.warnings ?? []), ...result.warnings]) report.warn(rec.at, w);
        for (const l of result.newLists) {
          batch.lists.push(l);
          state.lists.add(l.id);
          if (state.importLists.has(l.id)) state.importListsWritten.add(l.id);
        }
        for (const item of result.items) addItem(batch, item, rec.at);
      }

      if (batchNo <= resumeAfter) {
        // Written by the interrupted run: its counts are in the checkpoint. Its changes may not have been
        // refreshed, so its edges and decisions count as changed for exposure (a superset, never less).
        for (const e of batch.owns) (touched.add(e.owned), owners.add(e.owner));
        for (const e of batch.controls) (touched.add(e.controlled), owners.add(e.controller));
        for (const d of batch.decisions) d.entityIds.forEach((id) => touched.add(id));
        progress('reading');
        return;
      }
      const classified = await retrying(() => writer.classify(batch));
      const next = addCounts(counts, classified.counts);
      const moved = await retrying(() => writer.write(classified, { runId, owner, batch: batchNo, counts: next }));
      if (!moved) throw new ConflictError(`Another process took over import run ${runId}; this one stopped`);
      counts = next;
      classified.touched.forEach((id) => touched.add(id));
      classified.owners.forEach((id) => owners.add(id));
      written += 1;
      progress('reading', true);
      if (opts.stopAfterBatches !== undefined && written >= opts.stopAfterBatches) throw new Stopped();
    };

    const addItem = (batch: BatchItems, item: GraphItem, at: Where) => {
      switch (item.kind) {
        case 'entity':
          batch.entities.push(item.entity);
          state.known.set(item.entity.id, at);
          break;
        case 'owns':
          batch.owns.push(item.edge);
          state.edgeIds.set(item.edge.id, at);
          break;
        case 'controls':
          batch.controls.push(item.edge);
          state.edgeIds.set(item.edge.id, at);
          break;
        case 'decision':
          batch.decisions.push(item.decision);
          state.decisionIds.set(item.decision.id, at);
          break;
      }
    };

    let status: ImportReport['status'] = 'completed';
    try {
      const ctx = { format, dataset, onBytes: (n: number) => void (bytesRead += n) };
      for await (const ev of readerFor(format).events(input, ctx)) {
        if (opts.signal?.aborted) throw new Stopped();
        switch (ev.type) {
          case 'record':
            pending.push(ev);
            if (pending.length >= batchSize) await flush();
            break;
          case 'reject':
            report.reject(ev.at, ev.reason);
            if (ev.entityId) state.rejected.set(ev.entityId, ev.at);
            break;
          case 'skip':
            report.skip(ev.reason);
            if (ev.entityId) state.notImported.set(ev.entityId, ev.reason);
            break;
          case 'merged':
            report.merge();
            break;
          case 'warn':
            report.warn(ev.at, ev.message);
            break;
        }
        progress('reading');
      }
      await flush();
    } catch (err) {
      if (!(err instanceof Stopped)) throw err;
      status = 'aborted';
    }
    report.add(counts);

    let exposure: ExposureOutcome;
    if (status === 'aborted') {
      exposure = { refreshed: false, entities: 0, note: 'import stopped before the end: run it again to resume, exposure is refreshed then' };
    } else {
      // The run is finished only after the refresh: killed during it, a rerun resumes after the last
      // batch and refreshes everything the run wrote (never less than what changed).
      progress('refreshing-exposure', true);
      exposure = await refresh(opts.refreshExposure ?? null, [...touched], [...owners]);
      await runs.finish(runId, owner, 'completed', { counts, read: report.read, rejected: report.rejected, skipped: report.skipped });
    }
    const result = report.build({
      runId,
      format,
      dataset,
      files: input.names,
      fileHash: input.hash,
      status,
      resumedAfterBatch: resumeAfter || null,
      batches: batchNo,
      ms: Math.round(performance.now() - started),
      exposure,
    });
    progress('done', true);
    return result;
  }
}

async function refresh(refresher: ExposureRefresher | null, entities: string[], owners: string[]): Promise<ExposureOutcome> {
  if (entities.length === 0 && owners.length === 0) return { refreshed: false, entities: 0, note: 'nothing that affects exposure changed' };
  if (refresher === null) {
    return { refreshed: false, entities: entities.length, note: 'no exposure refresher configured: determinations update at the next recompute' };
  }
  try {
    const done = await refresher({ entities, owners });
    if (!done) return { refreshed: true, entities: entities.length, note: 'determinations refreshed for the changed entities and everything downstream of them' };
    const lists = done.lists.map((l) => l.list);
    const skipped = done.skipped.map((l) => ({ list: l.list, reason: l.reason }));
    const note = [
      lists.length === 0
        ? 'no materialised list was refreshed'
        : done.mode === 'full-recompute'
          ? `determinations recomputed on ${lists.length} list(s) for the whole graph (the import changed too large a share of it for a refresh by region)`
          : `determinations refreshed on ${lists.length} list(s) for the changed entities and everything downstream of them`,
      skipped.length > 0 ? `${skipped.length} list(s) left for the next recompute (see skipped)` : '',
    ].filter(Boolean).join('; ');
    return { refreshed: lists.length > 0, entities: entities.length, note, lists, skipped };
  } catch (err) {
    return { refreshed: false, entities: entities.length, note: `exposure refresh failed (${(err as Error).message}); the data is imported, run a recompute` };
  }
}

/** Deadlocks and leader switches are transient: try a batch again a few times before giving up. */
async function retrying<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 250 * i));
    }
  }
}
