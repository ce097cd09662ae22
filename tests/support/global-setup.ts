// Starts ONE embedded Neo4j for the whole jest run, on a free port with a throw-away data dir, and
// publishes it as NEO4J_URI: jest workers are forked after this runs, so they inherit it. Each
// integration test still works on its own data; only the server is shared (starting one costs ~10 s).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
// `.ts`, not the usual `.js`: jest loads this file through its CommonJS require hook, where the
// moduleNameMapper that maps `.js` to the TypeScript source for the tests does not apply.
import { ensureNeo4jJars, findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/embedded.ts';

/** Read back by global-teardown.ts (jest runs both in its main process). */
export interface TestDatabase {
  db: EmbeddedNeo4j;
  tmpDir: string;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

export default async function globalSetup(): Promise<void> {
  // For runs that need no database (unit tests). Jest 30 does not tell a global setup which projects
  // were selected (globalConfig.selectProjects is undefined), so this cannot be inferred here.
  if (process.env['OE_SKIP_DB'] === '1') return;

  const buildStart = Date.now();
  await ensureNeo4jJars(log);
  const buildMs = Date.now() - buildStart;

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'oe-neo4j-'));
  const started = Date.now();
  // 1g heap + 512m page cache: test graphs are tiny, and the tests share the 2 cores and RAM with
  // the jest workers (and Chromium for e2e), so a smaller JVM than the 2g + 2g default is enough.
  const db = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir: tmpDir, heap: '1g', pageCache: '512m' }).catch(
    async (err: unknown) => {
      await rm(tmpDir, { recursive: true, force: true }); // jest skips the teardown when the setup fails
      throw err;
    },
  );
  const readyMs = Date.now() - started;
  (globalThis as { __oeTestDatabase?: TestDatabase }).__oeTestDatabase = { db, tmpDir };

  // The first query on a fresh JVM takes seconds (Cypher's planner and runtime still loading and
  // compiling); pay that here rather than inside whichever test happens to run first and its timeout.
  const warmStart = Date.now();
  const driver = neo4j.driver(db.uri);
  try {
    await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
  } finally {
    await driver.close();
  }
  log(`\nembedded Neo4j ready at ${db.uri} in ${readyMs} ms, first query ${Date.now() - warmStart} ms (jars check ${buildMs} ms, data ${tmpDir})`);

  // Schema and seed once, here, before the workers start: from parallel workers their DDL and MERGEs
  // would deadlock on the same locks. Tests then read the seed and write only their own data.
  // Through the real `npm run seed` entry point (tsx), which also applies the schema.
  const seedStart = Date.now();
  const seeded = await promisify(execFile)('node_modules/.bin/tsx', ['server/src/cli/seed.ts'], {
    cwd: process.cwd(), // jest's rootDir: npm test runs from the project root
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' },
  });
  log(`${seeded.stdout.trim()} (schema + seed ${Date.now() - seedStart} ms)`);

  // Materialise exposure as a running server does at start-up (main.ts), so writes in the tests
  // (imports, the write API) are refreshed incrementally from the start, whatever order files run in.
  const recomputeStart = Date.now();
  await promisify(execFile)('node_modules/.bin/tsx', ['server/src/cli/exposure-recompute.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' },
  });
  log(`exposure materialised (${Date.now() - recomputeStart} ms)`);

  process.env['NEO4J_URI'] = db.uri;
  // No auth on this loopback-only server: make sure a developer's own password does not leak into tests.
  delete process.env['NEO4J_PASSWORD'];
}
