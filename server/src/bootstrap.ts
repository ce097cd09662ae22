// Getting a ready database, shared by the server and the command-line tools: the configured Neo4j
// when NEO4J_URI is set, otherwise the embedded one (started, or reused if already running).
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './db/embedded.js';
import { applySchema } from './db/schema.js';
import { fromRoot } from './paths.js';

export interface Connected {
  db: Database;
  embedded: EmbeddedNeo4j | null;
  close(): Promise<void>;
}

export async function connect(config: Config, log: (line: string) => void): Promise<Connected> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.NEO4J_URI;
  if (!uri) {
    const started = performance.now();
    embedded = await startEmbeddedNeo4j({
      port: config.NEO4J_PORT,
      dataDir: fromRoot(config.NEO4J_DATA_DIR),
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      ...(config.NEO4J_PASSWORD !== undefined && { password: config.NEO4J_PASSWORD }),
      log,
    });
    uri = embedded.uri;
    log(`embedded Neo4j ${embedded.reused ? 'reused' : 'started'} at ${uri} in ${Math.round(performance.now() - started)} ms`);
  }
  const db = new Database({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
  await waitUntilReady(db, 60_000);
  await applySchema(db);
  return {
    db,
    embedded,
    async close() {
      await db.close();
      // A server we reused was started by someone else (npm run db:start): leave it running.
      if (embedded && !embedded.reused) await embedded.stop();
    },
  };
}

export async function waitUntilReady(db: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
