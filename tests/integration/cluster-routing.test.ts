// "Beyond one machine": the app's Database through a routing URI (neo4j://, as for a cluster or Aura with
// neo4j+s://). The driver then asks the server for a routing table and sends read transactions to the
// readers it lists; against the single test server that is the server itself, so reads must answer exactly
// as over bolt://, and the shared bookmark manager must not get in the way of a read after a write.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '../../server/src/db/database.js';

let bolt: Database;
let routed: Database;

beforeAll(() => {
  const uri = process.env['NEO4J_URI'];
  if (!uri) throw new Error('NEO4J_URI is not set: run through jest (the global setup starts Neo4j)');
  bolt = new Database({ uri, user: 'neo4j', queryTimeoutMs: 15_000 });
  routed = new Database({ uri: uri.replace(/^bolt:/, 'neo4j:'), user: 'neo4j', queryTimeoutMs: 15_000 });
});

afterAll(async () => {
  await bolt?.close();
  await routed?.close();
});

describe('a routing URI (neo4j://)', () => {
  it('routes read transactions and answers as bolt:// does', async () => {
    const [direct] = await bolt.read('entity/count');
    const [viaRouting] = await routed.read('entity/count');
    expect(viaRouting).toEqual(direct);
    expect(Number(viaRouting?.entities)).toBeGreaterThan(0); // the seed
  }, 30_000);

  it('reads its own write in the next read transaction (shared bookmarks)', async () => {
    const [before] = await routed.read('exposure/graph-stamp');
    const [bumped] = await routed.write('exposure/bump-version');
    const [after] = await routed.read('exposure/graph-stamp');
    expect(Number(after?.version)).toBeGreaterThanOrEqual(Number(bumped?.version));
    expect(Number(after?.version)).toBeGreaterThan(Number(before?.version ?? 0));
  }, 30_000);
});
