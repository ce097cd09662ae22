// Helpers for the exposure integration tests: the real app with a write API key, test entities written
// straight to the graph (entities alone change no determination), and reading a list's materialisation.
import { expect } from '@jest/globals';
import type { Database } from '../../server/src/db/database.js';
import { ExposureGraphRepo } from '../../server/src/db/repos/exposure-graph.js';
import { GraphWriter } from '../../server/src/db/repos/graph-writer.js';
import { ExposureStore, type StoredItem } from '../../server/src/db/repos/exposure-store.js';
import { today } from '../../server/src/domain/dates.js';
import { computeExposure } from '../../server/src/domain/exposure/engine.js';
import { buildIndex } from '../../server/src/domain/exposure/graph-index.js';
import type { EntityKind } from '../../server/src/domain/model.js';
import { startTestServer, testDatabase, type TestServer } from './server.js';

export const TEST_API_KEY = 'itest-exposure-api-key-0123456789';

/** The real app on port 0; `apiKey: null` starts it with writes disabled. */
export function startExposureServer(apiKey: string | null = TEST_API_KEY, db: Database = testDatabase()): Promise<TestServer> {
  return startTestServer({ apiKey: apiKey ?? undefined, db });
}

export async function createEntities(db: Database, entities: { id: string; name: string; kind?: EntityKind }[]): Promise<void> {
  await new GraphWriter(db).entities(
    entities.map((e) => ({ id: e.id, kind: e.kind ?? 'Company', name: e.name, aliases: [], country: null, identifiers: [], description: null, sourceIds: [] })),
  );
}

/** Every materialised row of a list, through the same paged query the API uses. */
export async function materialised(db: Database, list: string): Promise<StoredItem[]> {
  const store = new ExposureStore(db);
  const out: StoredItem[] = [];
  let after = '';
  for (;;) {
    const page = await store.page(list, null, after, 1000);
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]!.entityId;
  }
}

export function json(method: string, body: unknown, apiKey: string | null = TEST_API_KEY): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(apiKey !== null && { authorization: `Bearer ${apiKey}` }) },
    body: JSON.stringify(body),
  };
}

/** Every list's materialised rows for the entities `keep` picks equal a fresh whole-graph computation today. */
export async function expectMaterialisedEqualsScratch(db: Database, keep: (entityId: string) => boolean = () => true): Promise<void> {
  const repo = new ExposureGraphRepo(db);
  const index = buildIndex(await repo.loadAll());
  const byEntity = (a: { entityId: string }, b: { entityId: string }) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0);
  for (const { regime } of await repo.lists()) {
    if (regime === null) continue;
    const evaluation = computeExposure(index, regime, today());
    const expected = evaluation
      .nonClear()
      .filter((e) => keep(e.entityId))
      .map((e) => ({ entityId: e.entityId, status: e.status, aggregate: evaluation.determination(e.entityId, { explain: false })!.aggregate }))
      .sort(byEntity);
    const stored = (await materialised(db, regime.id))
      .filter((i) => keep(i.entityId))
      .map((i) => ({ entityId: i.entityId, status: i.status, aggregate: i.aggregate }))
      .sort(byEntity);
    expect([regime.id, stored]).toEqual([regime.id, expected]);
  }
}
