// The seed loads idempotently: a second load leaves every node, relationship and property as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../server/src/db/database.js';
import { loadSeed } from '../../server/src/services/seed.js';
import { seedIds, seedState } from '../support/graph-state.js';
import { testDatabase } from '../support/server.js';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

/**
 * The seeded part of the graph (the seed's own ids, with their labels, properties and the relationships
 * among them): other test files write under their own prefixes while this runs, so the whole graph moves.
 */
async function fingerprint(): Promise<string> {
  return JSON.stringify(await seedState(db, await seedIds()));
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
