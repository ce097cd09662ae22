// The database goes away while the API serves: readiness and data routes answer 503 problem+json with
// Retry-After quickly (no hang, no crash), and the API recovers by itself when the database returns.
// Uses its own embedded Neo4j (the shared one must stay up for the other suites).
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp } from '../../server/src/app.js';
import { Database } from '../../server/src/db/database.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/embedded.js';
import { applySchema } from '../../server/src/db/schema.js';
import { createLogger } from '../../server/src/logger.js';
import { api } from '../support/server.js';

let dataDir: string;
let port: number;
let neo: EmbeddedNeo4j | null = null;
let db: Database;
let close: () => Promise<void>;
let baseUrl: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'oe-outage-'));
  port = await findFreePort();
  neo = await startEmbeddedNeo4j({ port, dataDir, heap: '512m', pageCache: '128m' });
  db = new Database({ uri: neo.uri, user: 'neo4j', queryTimeoutMs: 5_000 });
  await applySchema(db);
  const server = createApp({ db, logger: createLogger('silent') }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
}, 180_000);

afterAll(async () => {
  await close?.();
  await db?.close();
  await neo?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

/** The status of `route` once it answers 200, or its last status after `attempts` tries half a second apart.
 * A fresh database plans its first queries cold, which on a loaded machine can pass the 5 s query timeout. */
async function statusOnceServing(route: string, attempts = 60): Promise<number> {
  let status = 0;
  for (let i = 0; i < attempts && status !== 200; i++) {
    status = (await api(baseUrl, route)).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 500));
  }
  return status;
}

describe('database outage', () => {
  it('answers 503 with Retry-After while Neo4j is down, then recovers without a restart', async () => {
    expect((await api(baseUrl, '/api/v1/ready')).status).toBe(200);
    expect(await statusOnceServing('/api/v1/entities?q=anything')).toBe(200);

    await neo!.stop();
    neo = null;

    for (const route of ['/api/v1/ready', '/api/v1/entities?q=hikvision', '/api/v1/entities/hikvision']) {
      const started = Date.now();
      const r = await api(baseUrl, route);
      const elapsed = Date.now() - started;
      expect(r.status).toBe(503);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.body.type).toMatch(/database-unavailable$/);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|Neo4jError|stack/);
      // Bounded by the driver's connection timeouts (3 s connect, 5 s acquisition), not a hang.
      expect(elapsed).toBeLessThan(10_000);
    }
    // The process is still alive and serving what needs no database.
    expect((await api(baseUrl, '/api/v1/health')).status).toBe(200);

    neo = await startEmbeddedNeo4j({ port, dataDir, heap: '512m', pageCache: '128m' });
    expect(await statusOnceServing('/api/v1/ready', 40)).toBe(200);
    expect(await statusOnceServing('/api/v1/entities?q=anything')).toBe(200);
  }, 180_000);
});
