// The exposure API through HTTP on the real Neo4j with the Hikvision seed: determinations with explanations
// on any date, the timeline diff, validation, the materialised list kept current by the write API without a
// full recompute, and the recompute agreeing with a computation from scratch. Data this file writes has ids
// starting with `itest-exposure-` and is removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExposureStore } from '../../server/src/db/repos/exposure-store.js';
import { today } from '../../server/src/domain/dates.js';
import { recomputeExposure } from '../../server/src/services/exposure-recompute.js';
import { createEntities, expectMaterialisedEqualsScratch, json, startExposureServer } from '../support/exposure.js';
import { api, type TestServer } from '../support/server.js';
import { SEED_IDS, SEED_LISTS } from '../support/seed-ids.js';

const p = 'itest-exposure-';
const HAISHI = ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'];
const ours = (id: string): boolean => SEED_IDS.has(id) || id.startsWith(p);

let server: TestServer;

beforeAll(async () => {
  server = await startExposureServer();
  await createEntities(server.db, [
    { id: `${p}hik-affiliate`, name: 'Exposure test affiliate of Hikvision' },
    { id: `${p}owner`, name: 'Exposure test owner' },
    { id: `${p}owned`, name: 'Exposure test owned' },
    { id: `${p}grandchild`, name: 'Exposure test grandchild' },
    { id: `${p}parent`, name: 'Exposure test parent' },
  ]);
  // The materialisation the incremental tests keep current (tests run without main.ts's maintenance).
  await recomputeExposure(server.db);
});

afterAll(async () => {
  await server.db.write('test/delete-prefixed', { p });
  await server.close();
});

const get = (path: string) => api(server.baseUrl, `/api/v1${path}`);
const determination = async (id: string, asOf: string, list: string) => {
  const { status, body } = await get(`/entities/${id}/exposure?asOf=${asOf}&list=${list}`);
  expect(status).toBe(200);
  expect(body.determinations).toHaveLength(1);
  return body.determinations[0];
};

describe('the Hikvision case under the Entity List', () => {
  it('lists Hikvision and the five Haishi subsidiaries as of 2024-01-01, with their decisions', async () => {
    for (const id of ['hikvision', ...HAISHI]) {
      const d = await determination(id, '2024-01-01', 'us-bis-entity-list');
      expect(d).toMatchObject({ list: 'us-bis-entity-list', listName: 'Entity List', status: 'listed', ruleInForce: false });
      expect(d.explanation.sentence).toMatch(id === 'hikvision' ? /84 FR 54002/ : /88 FR 18983/);
    }
  });

  it('does not propagate upward: the shareholders are clear, with no explanation', async () => {
    for (const id of ['cethik', 'cetc', 'sasac', 'gong-hongjia', 'cetc-52nd-institute', 'xinjiang-weixun']) {
      const d = await determination(id, '2024-01-01', 'us-bis-entity-list');
      expect([id, d.status, d.explanation]).toEqual([id, 'clear', null]);
    }
  });

  it('answers every list when none is given', async () => {
    const { body } = await get('/entities/hikvision/exposure?asOf=2024-01-01');
    expect(body.entityId).toBe('hikvision');
    expect(body.asOf).toBe('2024-01-01');
    const statuses = Object.fromEntries(body.determinations.map((d: { list: string; status: string }) => [d.list, d.status]));
    expect(statuses).toMatchObject({ 'us-bis-entity-list': 'listed', 'us-ndaa-889': 'listed', 'us-ns-cmic': 'listed', 'us-ofac-sdn': 'clear' });
    // Every seeded list answers (other suites' imports may add lists of their own meanwhile).
    expect(Object.keys(statuses).filter((l) => SEED_LISTS.includes(l)).sort()).toEqual(['eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889', 'us-ns-cmic', 'us-ofac-sdn']);
    expect(SEED_LISTS).toEqual(['eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889', 'us-ns-cmic', 'us-ofac-sdn']);
  });

  it('makes an entity Hikvision owns with an unknown stake possibly exposed while the Affiliates Rule is in force', async () => {
    // Valid 2025-09-01 .. 2025-11-10 only, so today's ownership views of Hikvision (other tests) are unchanged.
    const put = await api(server.baseUrl, `/api/v1/ownerships/${p}hik-affiliate-own`, json('PUT', { owner: 'hikvision', owned: `${p}hik-affiliate`, start: '2025-09-01', end: '2025-11-10' }));
    expect(put.status).toBe(201);
    expect(put.body.ownership).toMatchObject({ owner: 'hikvision', owned: `${p}hik-affiliate`, percent: null, start: '2025-09-01', end: '2025-11-10' });

    const inForce = await determination(`${p}hik-affiliate`, '2025-10-01', 'us-bis-entity-list');
    expect(inForce.status).toBe('possibly_exposed');
    expect(inForce.ruleInForce).toBe(true);
    expect(inForce.aggregate).toMatchObject({ min: 0, max: 100 });
    expect(inForce.explanation.sentence).toContain('Hikvision');
    expect(inForce.explanation.sentence).toContain('84 FR 54002');
    expect(inForce.explanation.nodes).toEqual(expect.arrayContaining(['hikvision', `${p}hik-affiliate`]));
    expect(inForce.explanation.edges).toContain(`${p}hik-affiliate-own`);

    // Before the rule took effect (2025-09-29) the same stake leaves it clear.
    const before = await determination(`${p}hik-affiliate`, '2025-09-15', 'us-bis-entity-list');
    expect([before.status, before.ruleInForce]).toEqual(['clear', false]);
  });
});

describe('what changed between two dates', () => {
  it('names exactly the five Haishi subsidiaries on 2023-03-28, citing 88 FR 18983', async () => {
    const { status, body } = await get('/exposure/changes?from=2023-03-27&to=2023-03-29&list=us-bis-entity-list');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2023-03-27', to: '2023-03-29', list: 'us-bis-entity-list' });
    // Seed entities only: other suites import entities that change on these dates too.
    const seeded = body.changes.filter((c: { entityId: string }) => SEED_IDS.has(c.entityId));
    expect(seeded.map((c: { entityId: string }) => c.entityId).sort()).toEqual([...HAISHI].sort());
    for (const c of seeded) {
      expect(c).toMatchObject({ list: 'us-bis-entity-list', before: 'clear', after: 'listed' });
      expect(c.causes.decisions.map((d: { citation: string }) => d.citation)).toContain('88 FR 18983');
    }
  });

  it('covers every list when none is given, each change carrying its list', async () => {
    const { body } = await get('/exposure/changes?from=2023-03-27&to=2023-03-29');
    expect(body.list).toBeNull();
    const entityList = body.changes.filter((c: { list: string; entityId: string }) => c.list === 'us-bis-entity-list' && SEED_IDS.has(c.entityId));
    expect(entityList.map((c: { entityId: string }) => c.entityId).sort()).toEqual([...HAISHI].sort());
  });
});

describe('paged non-clear entities', () => {
  it('pages a past date computed over the whole graph, in id order', async () => {
    const first = await get('/exposure?list=us-bis-entity-list&asOf=2024-01-01&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.source).toBe('computed');
    expect(first.body.items).toHaveLength(3);
    const all = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await get(`/exposure?list=us-bis-entity-list&asOf=2024-01-01&limit=3&cursor=${cursor}`);
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    const ids = all.map((i: { entityId: string }) => i.entityId);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['hikvision', ...HAISHI]));
    expect(ids).not.toContain('cethik');
    const hik = all.find((i: { entityId: string }) => i.entityId === 'hikvision');
    expect(hik).toMatchObject({ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', kind: 'Company', status: 'listed' });
  });

  it('filters by status', async () => {
    const { body } = await get('/exposure?list=us-ndaa-889&asOf=2024-01-01&status=listed&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((i: { status: string }) => i.status))).toEqual(new Set(['listed']));
  });

  it('serves today from the materialised relationships', async () => {
    const { body } = await get('/exposure?list=us-bis-entity-list');
    expect(body).toMatchObject({ list: 'us-bis-entity-list', asOf: today(), source: 'materialised' });
    expect(body.items.map((i: { entityId: string }) => i.entityId)).toEqual(expect.arrayContaining(['hikvision', ...HAISHI]));
  });
});

describe('validation', () => {
  it('rejects an impossible date naming query.asOf', async () => {
    for (const path of ['/entities/hikvision/exposure?asOf=2023-02-30', '/exposure?list=us-ofac-sdn&asOf=2023-02-30']) {
      const { status, body, headers } = await get(path);
      expect(status).toBe(400);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body.errors[0].path).toBe('query.asOf');
    }
  });

  it('rejects an unknown list naming query.list', async () => {
    for (const path of ['/entities/hikvision/exposure?list=nope', '/exposure?list=nope', '/exposure/changes?from=2023-01-01&to=2024-01-01&list=nope']) {
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(body.errors[0].path).toBe('query.list');
      expect(body.errors[0].message).toContain('nope');
    }
  });

  it('names the missing or bad parameters of /exposure and /exposure/changes', async () => {
    expect((await get('/exposure')).body.errors[0].path).toBe('query.list');
    expect((await get('/exposure?list=us-ofac-sdn&status=clear')).body.errors[0].path).toBe('query.status');
    expect((await get('/exposure?list=us-ofac-sdn&cursor=garbage')).body.errors[0].path).toBe('query.cursor');
    expect((await get('/exposure/changes?to=2024-01-01')).body.errors[0].path).toBe('query.from');
  });

  it('answers 404 for an unknown entity', async () => {
    const { status, body } = await get('/entities/nobody-at-all/exposure');
    expect(status).toBe(404);
    expect(body.type).toContain('not-found');
  });
});

describe('lists', () => {
  it('returns the seven regimes with their rules, the Affiliates Rule windows included', async () => {
    const { status, body } = await get('/lists');
    expect(status).toBe(200);
    const byId = Object.fromEntries(body.items.map((l: { id: string }) => [l.id, l]));
    expect(Object.keys(byId).filter((l) => SEED_LISTS.includes(l)).sort()).toEqual(['eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889', 'us-ns-cmic', 'us-ofac-sdn']);
    expect(byId['us-ofac-sdn'].rule).toMatchObject({ threshold: 50, comparison: 'gte', aggregation: 'all', control: 'flag' });
    expect(byId['uk-sanctions'].rule).toMatchObject({ comparison: 'gt', aggregation: 'per-listed-party' });
    expect(byId['us-bis-entity-list'].rule.inForce.map((w: { start: string; end: string | null }) => [w.start, w.end])).toEqual([
      ['2025-09-29', '2025-11-10'],
      ['2026-11-10', null],
    ]);
  });
});

describe('graph nodes carry their current exposure', () => {
  it('adds exposure per list to subsidiaries and search results', async () => {
    const subs = await get('/entities/hikvision/subsidiaries?depth=1&asOf=2024-01-01');
    for (const id of HAISHI) {
      expect(subs.body.nodes.find((n: { id: string }) => n.id === id).exposure).toMatchObject({ 'us-bis-entity-list': 'listed' });
    }
    const search = await get('/entities?q=hikvision');
    expect(search.body.items.find((i: { id: string }) => i.id === 'hikvision').exposure).toMatchObject({ 'us-bis-entity-list': 'listed' });
  });
});

describe('the write API keeps the materialisation current without a full recompute', () => {
  const statusOf = async (list: string, id: string) => {
    const { body } = await get(`/exposure?list=${list}&limit=1000`);
    expect(body.source).toBe('materialised');
    return body.items.find((i: { entityId: string }) => i.entityId === id) ?? null;
  };

  it('captures a 60% subsidiary of a new listing, and clears it when the ownership is deleted', async () => {
    const computedAt = (await new ExposureStore(server.db).meta()).get('us-ofac-sdn')!.computedAt;

    const own = await api(server.baseUrl, `/api/v1/ownerships/${p}own`, json('PUT', { owner: `${p}owner`, owned: `${p}owned`, percent: 60 }));
    expect(own.status).toBe(201);
    expect(await statusOf('us-ofac-sdn', `${p}owned`)).toBeNull();

    const listing = await api(
      server.baseUrl,
      '/api/v1/decisions',
      json('POST', { id: `${p}sdn`, listId: 'us-ofac-sdn', action: 'added', date: '2020-01-01', citation: 'itest citation', entityIds: [`${p}owner`] }),
    );
    expect(listing.status).toBe(201);
    expect(listing.body.exposure.refreshed).toBe(true);
    expect(await statusOf('us-ofac-sdn', `${p}owner`)).toMatchObject({ status: 'listed' });
    expect(await statusOf('us-ofac-sdn', `${p}owned`)).toMatchObject({ status: 'exposed', aggregate: { min: 60, max: 60 } });

    // A new edge below an exposed entity: the region is the grandchild alone; its owner's stored status counts.
    const below = await api(server.baseUrl, `/api/v1/ownerships/${p}own-2`, json('PUT', { owner: `${p}owned`, owned: `${p}grandchild`, percentMin: 50, percentMax: 70 }));
    expect(below.status).toBe(201);
    expect(below.body.exposure.lists.find((l: { list: string }) => l.list === 'us-ofac-sdn')).toMatchObject({ mode: 'boundary', region: 1 });
    expect(await statusOf('us-ofac-sdn', `${p}grandchild`)).toMatchObject({ status: 'exposed', aggregate: { min: 50, max: 70 } });

    // Replacing the stake with 40% leaves the subsidiary (and so the grandchild) clear.
    const replaced = await api(server.baseUrl, `/api/v1/ownerships/${p}own`, json('PUT', { owner: `${p}owner`, owned: `${p}owned`, percent: 40 }));
    expect(replaced.status).toBe(200);
    expect(await statusOf('us-ofac-sdn', `${p}owned`)).toBeNull();
    expect(await statusOf('us-ofac-sdn', `${p}grandchild`)).toBeNull();

    const back = await api(server.baseUrl, `/api/v1/ownerships/${p}own`, json('PUT', { owner: `${p}owner`, owned: `${p}owned`, percent: 60 }));
    expect(back.status).toBe(200);
    expect(await statusOf('us-ofac-sdn', `${p}grandchild`)).toMatchObject({ status: 'exposed' });

    const deleted = await api(server.baseUrl, `/api/v1/ownerships/${p}own`, { method: 'DELETE', headers: { authorization: 'Bearer itest-exposure-api-key-0123456789' } });
    expect(deleted.status).toBe(200);
    expect(await statusOf('us-ofac-sdn', `${p}owned`)).toBeNull();
    expect(await statusOf('us-ofac-sdn', `${p}grandchild`)).toBeNull();
    expect(await statusOf('us-ofac-sdn', `${p}owner`)).toMatchObject({ status: 'listed' });

    // No full recompute happened in between.
    expect((await new ExposureStore(server.db).meta()).get('us-ofac-sdn')!.computedAt).toBe(computedAt);
  });

  it('leaves the materialisation equal to a computation from scratch, on every list', async () => {
    await api(server.baseUrl, `/api/v1/ownerships/${p}own`, json('PUT', { owner: `${p}owner`, owned: `${p}owned`, percent: 55 }));
    await api(server.baseUrl, `/api/v1/ownerships/${p}own-parent`, json('PUT', { owner: `${p}parent`, owned: `${p}owner`, percent: 20 }));
    // The regimes refreshed over whole closures (UK: per listed party; NDAA 889: affiliates, both ways).
    for (const list of ['uk-sanctions', 'us-ndaa-889', 'eu-fsf']) {
      const r = await api(server.baseUrl, '/api/v1/decisions', json('POST', { id: `${p}${list}`, listId: list, action: 'added', date: '2020-01-01', citation: 'itest', entityIds: [`${p}owner`] }));
      expect(r.status).toBe(201);
    }
    // NDAA 889 affiliates run upward too: a 20% owner of a named company is captured, and so is its subsidiary chain.
    expect(await statusOf('us-ndaa-889', `${p}parent`)).toMatchObject({ status: 'exposed' });
    expect(await statusOf('us-ndaa-889', `${p}grandchild`)).toMatchObject({ status: 'exposed' });
    expect(await statusOf('uk-sanctions', `${p}owned`)).toMatchObject({ status: 'exposed', aggregate: { min: 55 } });
    expect(await statusOf('uk-sanctions', `${p}parent`)).toBeNull();
    await expectMaterialisedEqualsScratch(server.db, ours);
  });

  it('rejects bad writes naming the field, and writes without the key', async () => {
    const bad = await api(server.baseUrl, `/api/v1/ownerships/${p}bad`, json('PUT', { owner: `${p}owner`, owned: `${p}owned`, percent: 120 }));
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'body.percent']);
    const unknown = await api(server.baseUrl, `/api/v1/ownerships/${p}bad`, json('PUT', { owner: `${p}nobody`, owned: `${p}owned` }));
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([400, 'body.owner']);
    const list = await api(server.baseUrl, '/api/v1/decisions', json('POST', { listId: 'nope', action: 'added', date: '2020-01-01', citation: 'x', entityIds: [`${p}owner`] }));
    expect([list.status, list.body.errors[0].path]).toEqual([400, 'body.listId']);
    const dup = await api(server.baseUrl, '/api/v1/decisions', json('POST', { id: `${p}sdn`, listId: 'us-ofac-sdn', action: 'added', date: '2020-01-01', citation: 'x', entityIds: [`${p}owner`] }));
    expect(dup.status).toBe(409);
    const gone = await api(server.baseUrl, `/api/v1/ownerships/${p}never-existed`, { method: 'DELETE', headers: { authorization: 'Bearer itest-exposure-api-key-0123456789' } });
    expect(gone.status).toBe(404);

    const noKey = await api(server.baseUrl, `/api/v1/ownerships/${p}bad`, json('PUT', { owner: `${p}owner`, owned: `${p}owned` }, null));
    expect(noKey.status).toBe(401);
    const wrongKey = await api(server.baseUrl, `/api/v1/ownerships/${p}bad`, json('PUT', { owner: `${p}owner`, owned: `${p}owned` }, 'wrong-key'));
    expect(wrongKey.status).toBe(401);

    const readOnly = await startExposureServer(null);
    try {
      const disabled = await api(readOnly.baseUrl, `/api/v1/ownerships/${p}bad`, json('PUT', { owner: `${p}owner`, owned: `${p}owned` }));
      expect(disabled.status).toBe(403);
      expect(disabled.body.detail).toMatch(/writes are disabled/i);
    } finally {
      await readOnly.close();
    }
  });
});

describe('the full recompute', () => {
  it('gives the same materialised set as computing from scratch', async () => {
    const report = await recomputeExposure(server.db);
    expect(report.lists.map((l) => l.list).filter((l) => SEED_LISTS.includes(l)).sort()).toEqual(['eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889', 'us-ns-cmic', 'us-ofac-sdn']);
    expect(report.asOf).toBe(today());
    await expectMaterialisedEqualsScratch(server.db, ours);
  });
});
