// The real app on port 0 against the test run's Neo4j. global-setup.ts starts that Neo4j once,
// applies the schema and loads the Hikvision seed once, before any worker runs: schema changes and
// seed MERGEs from parallel workers would otherwise deadlock on the same locks.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { KEEP_ALIVE_TIMEOUT_MS, createApp } from '../../server/src/app.js';
import { Database } from '../../server/src/db/database.js';
import { answerClientErrors } from '../../server/src/http/client-errors.js';
import { createLogger } from '../../server/src/logger.js';
import { fromRoot } from '../../server/src/paths.js';

export function testDatabase(): Database {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the tests through `npm test` (the global setup starts Neo4j)');
  return new Database({ uri, user: 'neo4j', password: process.env.NEO4J_PASSWORD, queryTimeoutMs: 15_000 });
}

export interface TestServer {
  baseUrl: string;
  db: Database;
  close(): Promise<void>;
}

/** The real app on port 0, set up as main.ts sets it up; without `apiKey` writes are disabled. */
export async function startTestServer({ apiKey, db = testDatabase() }: { apiKey?: string; db?: Database } = {}): Promise<TestServer> {
  const app = createApp({ db, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), clientDir: fromRoot('dist/client'), apiKey });
  const server = app.listen(0, '127.0.0.1');
  answerClientErrors(server);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** GET (or another method) returning status, headers and the parsed JSON body. */
export async function api(baseUrl: string, path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(baseUrl + path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}
