// The offline bulk path (CSV files + Neo4j's importer + the finishing steps) and the online path (UNWIND
// batches over Bolt) must build the same graph for the same seed: the same nodes per label and relationships
// per type, the same ids, labels, property names, Cypher types and values (one checksum over all of it),
// and, after the same recompute, the same exposure answers from the real API. The one known difference is
// normalised, and only it: the importer cannot store an empty list, so an entity without aliases has no
// `aliases` property after the bulk path where the online path stores [] (synthetic/csv.ts says why). Each path gets its own
// embedded Neo4j in a temp dir (the import needs a stopped, empty store); both are built side by side.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '../../server/src/db/database.js';
import { bulkImportRefusal, findFreePort, runBulkImport, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/embedded.js';
import { applySchema } from '../../server/src/db/schema.js';
import { readRegimes } from '../../server/src/formats/seed-files.js';
import { SEED_DIR } from '../../server/src/paths.js';
import { recomputeExposure } from '../../server/src/services/exposure-recompute.js';
import { finishBulkLoad } from '../../server/src/synthetic/bulk.js';
import { writeSyntheticCsv } from '../../server/src/synthetic/csv.js';
import { SyntheticGraph } from '../../server/src/synthetic/generate.js';
import { loadSynthetic } from '../../server/src/synthetic/load.js';
import { startExposureServer } from '../support/exposure.js';
import { api, type TestServer } from '../support/server.js';

const ENTITIES = 2000;
const SEED = 20261123;
const NEO = { heap: '512m', pageCache: '128m' };

interface Side {
  dir: string;
  neo: EmbeddedNeo4j | null;
  db: Database | null;
  server: TestServer | null;
}
const online: Side = { dir: '', neo: null, db: null, server: null };
const bulk: Side = { dir: '', neo: null, db: null, server: null };
let csvDir = '';
let graph: SyntheticGraph;
let refusalWhileRunning: string | null = null;

async function start(side: Side): Promise<Database> {
  side.neo = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir: side.dir, ...NEO });
  side.db = new Database({ uri: side.neo.uri, user: 'neo4j', queryTimeoutMs: 30_000 });
  return side.db;
}

beforeAll(async () => {
  const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
  graph = new SyntheticGraph({ entities: ENTITIES, seed: SEED, listIds: regimes.map((r) => r.id) });
  const temp = (k: string): Promise<string> => mkdtemp(path.join(os.tmpdir(), `oe-bulk-test-${k}-`));
  [online.dir, bulk.dir, csvDir] = await Promise.all([temp('online'), temp('bulk'), temp('csv')]);
  await Promise.all([
    (async () => {
      const db = await start(online);
      await applySchema(db);
      await loadSynthetic(db, graph, { regimes });
      await recomputeExposure(db);
    })(),
    (async () => {
      await writeSyntheticCsv(graph, regimes, csvDir);
      await runBulkImport({ dataDir: bulk.dir, csvDir, heap: NEO.heap });
      const db = await start(bulk);
      refusalWhileRunning = await bulkImportRefusal(bulk.dir);
      await finishBulkLoad(db);
      await recomputeExposure(db);
    })(),
  ]);
  online.server = await startExposureServer(null, online.db!);
  bulk.server = await startExposureServer(null, bulk.db!);
}, 240_000);

afterAll(async () => {
  for (const side of [online, bulk]) {
    await (side.server ? side.server.close() : side.db?.close()); // the server closes its db
    await side.neo?.stop();
  }
  await Promise.all([online.dir, bulk.dir, csvDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
}, 120_000);

const counts = async (db: Database): Promise<Record<string, number>> =>
  Object.fromEntries((await db.read('test/label-counts')).map((r) => [`${r.kind}:${r.name}`, Number(r.n)]));

/** [key, type, value] triples in key order: keys() lists them in storage order, which differs between the paths. */
const byKey = (props: unknown): unknown[] => [...(props as [string, string, unknown][])].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

/** Drops an empty `aliases` list (the online path's) so it compares equal to the bulk path's absent one. */
const withoutEmptyAliases = (props: unknown[]): unknown[] =>
  props.filter((p) => !((p as [string, string, unknown])[0] === 'aliases' && ((p as [string, string, unknown[]])[2]).length === 0));

async function dump(db: Database): Promise<string[]> {
  return (await db.read('test/graph-dump')).map((r) => {
    const out = (r.out as [string, string, unknown][]).map(([type, to, props]) => JSON.stringify([type, to, byKey(props)])).sort();
    return JSON.stringify([r.id, [...(r.labels as string[])].sort(), withoutEmptyAliases(byKey(r.props)), out]);
  });
}
const checksum = (rows: string[]): string => createHash('sha256').update(rows.join('\n')).digest('hex');

describe('bulk load (offline import) against the online load of the same synthetic graph', () => {
  it('has the same nodes per label and relationships per type', async () => {
    const [a, b] = await Promise.all([counts(online.db!), counts(bulk.db!)]);
    expect(a['label:Entity']).toBe(ENTITIES);
    expect(a['type:OWNS']).toBeGreaterThan(ENTITIES);
    expect(a['type:NAMES']).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('has the same ids, labels and typed properties (one checksum)', async () => {
    const [a, b] = await Promise.all([dump(online.db!), dump(bulk.db!)]);
    expect(a.length).toBeGreaterThan(ENTITIES);
    // The first differing row, so a failure shows what differs rather than two hashes.
    const first = a.findIndex((row, i) => row !== b[i]);
    expect(first < 0 ? null : { online: a[first], bulk: b[first] }).toBeNull();
    expect(checksum(b)).toBe(checksum(a));
  });

  it('answers exposure identically through the API, for sampled and for every non-clear entity', async () => {
    const ids = Array.from({ length: 20 }, (_, k) => graph.id((k * 7919) % ENTITIES));
    for (const list of ['us-ofac-sdn', 'us-bis-entity-list']) {
      const [a, b] = await Promise.all([online, bulk].map((s) => api(s.server!.baseUrl, `/api/v1/exposure?list=${list}&limit=500`)));
      expect(a!.status).toBe(200);
      expect(b!.body).toEqual(a!.body);
      ids.push(...(a!.body.items as { entityId: string }[]).slice(0, 10).map((i) => i.entityId));
    }
    expect(ids.length).toBeGreaterThan(20); // some sampled entities are exposed, not only clear ones
    for (const id of ids) {
      const [a, b] = await Promise.all([online, bulk].map((s) => api(s.server!.baseUrl, `/api/v1/entities/${id}/exposure`)));
      expect(a!.status).toBe(200);
      expect({ id, body: b!.body }).toEqual({ id, body: a!.body });
    }
  });

  it('refuses to import into a data dir whose server is running or that already holds a database', async () => {
    expect(refusalWhileRunning).toMatch(/is running on .* stopped/);
    await expect(runBulkImport({ dataDir: online.dir, csvDir })).rejects.toThrow(/running/);
  });
});
