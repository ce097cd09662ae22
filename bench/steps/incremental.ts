// Incremental maintenance: one new listing of a well-connected entity (the first holding of level 1: its
// group's most-picked owner, whose downstream closure is among the largest), written through the write
// API's service so the materialisation is refreshed over the region the change can affect, then one new
// OWNS edge below it.
// The first write after start compiles the refresh's query plans, so another hub is listed first, on its own.
import type { Database } from '../../server/src/db/database.js';
import { ExposureStore } from '../../server/src/db/repos/exposure-store.js';
import { GraphEdits } from '../../server/src/db/repos/graph-edits.js';
import { createLogger } from '../../server/src/logger.js';
import { refreshExposure, type RefreshReport } from '../../server/src/services/exposure-refresh.js';
import { GraphEditService } from '../../server/src/services/graph-edits.js';
import type { SyntheticGraph } from '../../server/src/synthetic/generate.js';
import { msSince } from '../lib/stats.js';

export interface IncrementalRun {
  what: string;
  entityId: string;
  directSubsidiaries: number;
  totalMs: number;
  refreshMs: number;
  /** Where the refresh's time went (closures, reads, evaluation, writing). */
  phases: RefreshReport['phases'];
  lists: RefreshReport['lists'];
}

export async function incremental(db: Database, graph: SyntheticGraph): Promise<{ warmUp: IncrementalRun; listing: IncrementalRun; edge: IncrementalRun }> {
  const edits = new GraphEditService(new GraphEdits(db), new ExposureStore(db), (change) => refreshExposure(db, change), createLogger('warn'));
  const first = graph.layout.levelStart[1]!;
  const degree = async (id: string): Promise<number> => Number((await db.read('bench/out-degree', { id }))[0]?.n ?? 0);
  const list = async (i: number, listId: string, what: string): Promise<IncrementalRun> => {
    const entityId = graph.id(i);
    const t0 = performance.now();
    const result = await edits.createDecision({
      id: `${graph.layout.prefix}-bench-listing-${i}`, listId, action: 'added', date: '2026-01-01', effective: null,
      citation: 'BENCH NEW LISTING', summary: '', entityIds: [entityId], sourceIds: [graph.sourceId],
    });
    const totalMs = msSince(t0);
    if (!result.exposure.refreshed) throw new Error(`refresh failed: ${result.exposure.error}`);
    return { what, entityId, directSubsidiaries: await degree(entityId), totalMs, refreshMs: result.exposure.ms, phases: result.exposure.phases, lists: result.exposure.lists };
  };
  const warmUp = await list(first + 1, 'us-bis-entity-list', 'first write after start (query plans compile)');
  const listing = await list(first, 'us-ofac-sdn', 'new OFAC listing of a well-connected holding');
  const owned = graph.id(graph.layout.levelStart[5]!);
  const t0 = performance.now();
  const put = await edits.putOwnership(`${graph.layout.prefix}-bench-edge`, {
    owner: graph.id(first), owned, percent: 60, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [graph.sourceId],
  });
  const totalMs = msSince(t0);
  if (!put.exposure.refreshed) throw new Error(`refresh failed: ${put.exposure.error}`);
  const edge = { what: 'new 60% OWNS edge from the listed holding', entityId: owned, directSubsidiaries: await degree(owned), totalMs, refreshMs: put.exposure.ms, phases: put.exposure.phases, lists: put.exposure.lists };
  return { warmUp, listing, edge };
}
