// One entity's exposure served from the cached whole graph equals the same answer read from Neo4j: the
// closure cut out of the in-memory index, and a cached whole-graph evaluation, against the closure queried
// from the database — determinations, explanations and proofs alike, on the seed and on a small graph of
// this file's own (ranged and unknown stakes, duplicate reports, control, a cycle, several owners), and
// after a write. Under the affiliate rule (NDAA 889) the whole graph's answer is the exact one: the same
// status, aggregate and proof as the closure's, and every flag the closure finds, plus controlled-by-
// affiliate flags the closure cannot see (the seed has one: CETC's 52nd Institute). Data this file writes has ids starting with `itest-memory-` and is removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ExposureGraphRepo } from '../../server/src/db/repos/exposure-graph.js';
import { ExposureStore } from '../../server/src/db/repos/exposure-store.js';
import { GraphWriter } from '../../server/src/db/repos/graph-writer.js';
import { today } from '../../server/src/domain/dates.js';
import type { Regime } from '../../server/src/domain/exposure/regime.js';
import { ExposureService } from '../../server/src/services/exposure.js';
import { ExposureGraphCache, type GraphSnapshotCache } from '../../server/src/services/exposure-cache.js';
import { closureDirection } from '../../server/src/domain/exposure/closure.js';
import type { Determination } from '../../server/src/domain/exposure/types.js';
import { entityInMemory } from '../../server/src/services/exposure-entity.js';
import { createEntities, json, startExposureServer } from '../support/exposure.js';
import { api, type TestServer } from '../support/server.js';

const p = 'itest-memory-';
const SEED_IDS = (JSON.parse(readFileSync('seed/hikvision/entities.json', 'utf8')) as { id: string }[]).map((e) => e.id);
const OURS = ['listed', 'a', 'b', 'c', 'd', 'ctl', 'top'].map((x) => `${p}${x}`);
const DATES = ['2019-10-09', '2023-03-28', '2024-01-01', '2025-06-01', today()];

let server: TestServer;
let cache: ExposureGraphCache;
let service: ExposureService;
let regimes: { regime: Regime }[];

const put = (id: string, body: object) => api(server.baseUrl, `/api/v1/ownerships/${p}${id}`, json('PUT', body));

beforeAll(async () => {
  server = await startExposureServer();
  const repo = new ExposureGraphRepo(server.db);
  cache = new ExposureGraphCache(repo);
  service = new ExposureService(repo, new ExposureStore(server.db), cache);
  regimes = (await repo.lists()).flatMap((l) => (l.regime ? [{ regime: l.regime }] : []));
  await createEntities(server.db, OURS.map((id) => ({ id, name: `Memory test ${id.slice(p.length)}` })));
  // a holds b twice (reports that agree and one that is a range), c is held by a, b and d (several owners,
  // so the proof's order matters), c and d hold each other (a cycle), ctl controls d, top holds listed.
  for (const [id, body] of [
    ['ab-1', { owner: `${p}a`, owned: `${p}b`, percent: 30 }],
    ['ab-2', { owner: `${p}a`, owned: `${p}b`, percentMin: 25, percentMax: 35 }],
    ['la', { owner: `${p}listed`, owned: `${p}a`, percent: 51 }],
    ['lb', { owner: `${p}listed`, owned: `${p}b`, percent: 22 }],
    ['ac', { owner: `${p}a`, owned: `${p}c`, percentMin: 10 }],
    ['bc', { owner: `${p}b`, owned: `${p}c`, percent: 20 }],
    ['dc', { owner: `${p}d`, owned: `${p}c`, percent: 15, start: '2022-01-01' }],
    ['cd', { owner: `${p}c`, owned: `${p}d`, percent: 40, end: '2025-01-01' }],
    ['top', { owner: `${p}top`, owned: `${p}listed`, percent: 60 }],
  ] as const) {
    expect((await put(id, body)).status).toBe(201);
  }
  await new GraphWriter(server.db).control([
    { id: `${p}ctl-d`, controller: `${p}listed`, controlled: `${p}d`, basis: 'board majority', start: null, end: null, sourceIds: [] },
    { id: `${p}ctl-c`, controller: `${p}ctl`, controlled: `${p}c`, basis: 'voting agreement', start: '2021-01-01', end: null, sourceIds: [] },
  ]);
  const listing = await api(server.baseUrl, '/api/v1/decisions', json('POST', { id: `${p}sdn`, listId: 'us-ofac-sdn', action: 'added', date: '2020-01-01', citation: 'itest memory', entityIds: [`${p}listed`] }));
  expect(listing.status).toBe(201);
  const bis = await api(server.baseUrl, '/api/v1/decisions', json('POST', { id: `${p}bis`, listId: 'us-bis-entity-list', action: 'added', date: '2021-05-01', citation: 'itest memory bis', entityIds: [`${p}listed`, `${p}d`] }));
  expect(bis.status).toBe(201);
});

afterAll(async () => {
  await server.db.write('test/delete-prefixed', { p });
  await server.close();
});

/**
 * The database path, then both in-memory paths over a graph loaded no earlier and still current after the
 * database read (other test files write to the same database meanwhile; a change in between is retried).
 */
async function threeWays(id: string, asOf: string) {
  for (let attempt = 0; ; attempt++) {
    const graph: GraphSnapshotCache = await cache.get();
    const fromDb = await service.entityFromDatabase(regimes, id, asOf);
    if ((await cache.state()).stamp.key !== graph.key && attempt < 5) continue;
    const cut = entityInMemory(graph, regimes, id, asOf);
    for (const { regime } of regimes) graph.evaluate(regime, asOf);
    const whole = entityInMemory(graph, regimes, id, asOf);
    const answer = (evs: typeof fromDb) => evs.map((e) => e.determination(id));
    return { fromDb: answer(fromDb), cut: answer(cut), whole: answer(whole) };
  }
}

/** The three answers agree as the header says: equal, except the affiliate rule's extra flags in memory. */
function expectAgree({ fromDb, cut, whole }: Awaited<ReturnType<typeof threeWays>>): void {
  const noFlags = (d: Determination | undefined) => d && { ...d, flags: [] };
  regimes.forEach(({ regime }, i) => {
    if (closureDirection(regime) === 'upstream') {
      expect([regime.id, cut[i]]).toEqual([regime.id, fromDb[i]]);
      expect([regime.id, whole[i]]).toEqual([regime.id, fromDb[i]]);
    } else {
      expect([regime.id, noFlags(whole[i])]).toEqual([regime.id, noFlags(fromDb[i])]);
      expect([regime.id, cut[i]]).toEqual([regime.id, whole[i]]);
      expect(whole[i]!.flags).toEqual(expect.arrayContaining(fromDb[i]!.flags));
    }
  });
}

describe('an entity exposure from the cached graph equals the one read from Neo4j', () => {
  it('on every seed entity, every list and five dates', async () => {
    let explained = 0;
    for (const id of SEED_IDS) {
      for (const asOf of DATES) {
        const { fromDb, cut, whole } = await threeWays(id, asOf);
        expectAgree({ fromDb, cut, whole });
        explained += fromDb.filter((d) => d?.explanation).length;
      }
    }
    // The comparison covers real proofs, not only clear entities.
    expect(explained).toBeGreaterThan(50);
  });

  it("on this file's graph: duplicate and ranged stakes, a cycle, control, several owners", async () => {
    const statuses = new Set<string>();
    for (const id of OURS) {
      for (const asOf of DATES) {
        const { fromDb, cut, whole } = await threeWays(id, asOf);
        expectAgree({ fromDb, cut, whole });
        for (const d of fromDb) statuses.add(d!.status);
      }
    }
    expect([...statuses].sort()).toEqual(['clear', 'exposed', 'listed', 'possibly_exposed']);
  });

  it('after a write: the next read reflects it, from Neo4j until the cache reloads, then from memory', async () => {
    const ofac = async () => (await service.entityExposure(`${p}c`, today(), 'us-ofac-sdn')).determinations[0]!;
    await cache.get();
    const before = await ofac();
    expect(before.status).not.toBe('exposed');

    // Through another process's API (the server's own cache is not this one): only the stamp can tell.
    expect((await put('ac', { owner: `${p}a`, owned: `${p}c`, percent: 50 })).status).toBe(200);
    const after = await ofac();
    expect(after).toMatchObject({ status: 'exposed', aggregate: { min: 70, max: 70 } });
    expect(after.explanation!.edges).toEqual(expect.arrayContaining([`${p}ac`, `${p}la`]));

    expectAgree(await threeWays(`${p}c`, today()));

    // The server itself drops its cache on its own writes: its HTTP answer right after the write agrees.
    const http = await api(server.baseUrl, `/api/v1/entities/${p}c/exposure?list=us-ofac-sdn`);
    expect(http.status).toBe(200);
    expect(http.body.determinations[0]).toMatchObject({ status: 'exposed', aggregate: { min: 70, max: 70 } });
  });

  it('flags control by an NDAA 889 affiliate that only the whole graph shows: CETC over its 52nd Institute', async () => {
    const { fromDb, whole } = await threeWays('cetc-52nd-institute', '2019-10-09');
    const i = regimes.findIndex(({ regime }) => regime.id === 'us-ndaa-889');
    expect(fromDb[i]!.flags).toEqual([]);
    expect(whole[i]!.flags).toEqual([{ kind: 'controlled_by_listed', certain: true, controllers: ['cetc'], edges: ['ctl-cetc-cetc-52nd-institute'] }]);
    // The API answers the exact one (it waits for the whole graph under an affiliate rule).
    const http = await api(server.baseUrl, '/api/v1/entities/cetc-52nd-institute/exposure?list=us-ndaa-889&asOf=2019-10-09');
    expect(http.body.determinations[0].flags).toEqual(whole[i]!.flags);
  });

  it('answers 404 for an unknown entity from memory as from Neo4j', async () => {
    const graph = await cache.get();
    expect(() => entityInMemory(graph, regimes, `${p}missing`, today())).toThrow(/No entity/);
    await expect(service.entityFromDatabase(regimes, `${p}missing`, today())).rejects.toThrow(/No entity/);
  });
});
