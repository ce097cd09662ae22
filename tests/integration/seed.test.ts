// The seed loads idempotently: a second load leaves every node, relationship and property as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../server/src/db/database.js';
import { loadSeed } from '../../server/src/services/seed.js';
import { testDatabase } from '../support/server.js';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

async function fingerprint(): Promise<string> {
  const rows = await db.read('test/fingerprint');
  return JSON.stringify(rows);
}

describe('npm run seed', () => {
  it('changes nothing the second time', async () => {
    const first = await loadSeed(db);
    const before = await fingerprint();
    const second = await loadSeed(db);
    expect(second.entities).toBe(first.entities);
    expect(await fingerprint()).toBe(before);
    const [counts] = await db.read('test/counts');
    expect(counts?.entities).toBeGreaterThanOrEqual(first.entities);
  });

  it('leaves no edge or decision pointing at a missing node', async () => {
    const [row] = await db.read('test/dangling');
    expect(row).toEqual({ decisionsWithoutList: 0, edgesWithoutId: 0 });
  });
});
