// The exposure reads that run in the API process, timed in-process (from the first exposure benchmark):
// one entity's determinations on the fly (a leaf, and a hub whose downstream closure NDAA 889 loads; read from
// Neo4j while the cache loads, which the first of them starts in the background, then again from memory), today's
// /exposure page from the materialised relationships, a past date's page (loads and indexes the whole graph
// into the cache), another list on the cached graph, and a year of /exposure/changes.
import type { Database } from '../../server/src/db/database.js';
import { ExposureGraphRepo } from '../../server/src/db/repos/exposure-graph.js';
import { ExposureStore } from '../../server/src/db/repos/exposure-store.js';
import { today } from '../../server/src/domain/dates.js';
import { ExposureService } from '../../server/src/services/exposure.js';
import { ExposureGraphCache } from '../../server/src/services/exposure-cache.js';
import type { SyntheticGraph } from '../../server/src/synthetic/generate.js';
import { msSince } from '../lib/stats.js';

export type ReadTimings = { what: string; ms: number; note?: string }[];

export async function exposureReads(db: Database, graph: SyntheticGraph): Promise<ReadTimings> {
  const service = new ExposureService(new ExposureGraphRepo(db), new ExposureStore(db), new ExposureGraphCache(new ExposureGraphRepo(db)));
  const out: ReadTimings = [];
  const time = async (what: string, run: () => Promise<string | void>): Promise<void> => {
    const t0 = performance.now();
    const note = await run();
    out.push({ what, ms: msSince(t0), ...(note && { note }) });
  };
  const leaf = graph.id(graph.layout.organisations - 1);
  const hub = graph.id(graph.layout.levelStart[1]!);
  await time(`one entity on the fly, every list (leaf ${leaf})`, async () => void (await service.entityExposure(leaf, '2024-01-01')));
  await time(`one entity on the fly, every list (hub ${hub}, downstream closure for NDAA 889)`, async () => void (await service.entityExposure(hub, '2024-01-01')));
  await time('/exposure today, 100 items', async () => (await service.page({ list: 'us-ofac-sdn', asOf: today(), limit: 100 })).source);
  await time('/exposure 2024-01-01, 100 items (loads the whole graph into the cache)', async () => (await service.page({ list: 'us-ofac-sdn', asOf: '2024-01-01', limit: 100 })).source);
  await time('/exposure 2024-01-01, another list (cached graph)', async () => (await service.page({ list: 'us-bis-entity-list', asOf: '2024-01-01', limit: 100 })).source);
  // The same two entities again, now that the page above loaded the whole graph: the in-memory path.
  await time(`one entity from the cached graph, every list (leaf ${leaf})`, async () => void (await service.entityExposure(leaf, '2024-01-01')));
  await time(`one entity from the cached graph, every list (hub ${hub})`, async () => void (await service.entityExposure(hub, '2024-01-01')));
  await time('/exposure/changes 2023-01-01..2024-01-01, every list', async () => {
    const c = await service.changes('2023-01-01', '2024-01-01', undefined, 10_000);
    return `${c.changes.length} changes${c.truncated ? ' (truncated)' : ''}`;
  });
  return out;
}
