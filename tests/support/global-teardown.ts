// Stops the Neo4j that global-setup.ts started and deletes its throw-away data dir.
import { rm } from 'node:fs/promises';
import type { TestDatabase } from './global-setup.js';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __oeTestDatabase?: TestDatabase };
  const started = holder.__oeTestDatabase;
  if (!started) return; // skipped (OE_SKIP_DB=1 or unit tests only)
  delete holder.__oeTestDatabase;
  try {
    await started.db.stop();
  } finally {
    await rm(started.tmpDir, { recursive: true, force: true });
  }
}
