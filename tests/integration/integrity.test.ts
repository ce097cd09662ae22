// `npm run check`'s service on the real database: the seed is clean, and a fixture with one of each
// problem is reported, each finding naming the offending ids.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../server/src/db/database.js';
import { checkIntegrity, hasErrors } from '../../server/src/services/integrity.js';
import { testDatabase } from '../support/server.js';

let db: Database;
const p = 'itest-integrity-';
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db.write('test/delete-prefixed', { p });
  await db.close();
});

describe('integrity check', () => {
  it('finds nothing wrong in the seed', async () => {
    const report = await checkIntegrity(db, '2024-01-01');
    // Test files running alongside write under ids containing `itest-` (imports put `<format>-` before it).
    const seedOnly = Object.fromEntries(Object.entries(report).map(([k, rows]) => [k, rows.filter((r) => !String(r.id).includes('itest-'))]));
    expect(seedOnly).toEqual({ missingSources: [], orphanDecisions: [], ownershipOver100: [], badWindowsOrStakes: [], ownershipCycles: [] });
  });

  it('reports each problem with the ids at fault', async () => {
    await db.write('test/integrity-fixture', { p });
    const report = await checkIntegrity(db, '2024-01-01');
    const mine = (rows: Record<string, unknown>[]) => rows.filter((r) => String(r.id).startsWith(p));
    expect(mine(report.missingSources)).toEqual([{ kind: 'Entity', id: `${p}a`, sid: `${p}missing-source` }]);
    expect(mine(report.orphanDecisions)).toEqual([{ id: `${p}orphan`, names: false, onList: false }]);
    expect(mine(report.ownershipOver100)).toEqual([{ id: `${p}b`, total: 130, edges: expect.arrayContaining([`${p}ab`, `${p}cb`]) }]);
    expect(mine(report.badWindowsOrStakes).map((r) => r.id)).toEqual([`${p}ac`]);
    // Both a→b→a and a→c→b→a (the check ignores dates: a cycle in any period is worth a look).
    expect(mine(report.ownershipCycles)).toEqual([
      { id: `${p}a`, cycle: [`${p}a`, `${p}b`, `${p}a`] },
      { id: `${p}a`, cycle: [`${p}a`, `${p}c`, `${p}b`, `${p}a`] },
    ]);
    expect(hasErrors(report)).toBe(true);
  });
});
