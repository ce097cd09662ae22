// GET /api/v1/decisions over HTTP on a real Neo4j with the Hikvision seed: the decisions naming a view's
// entities in one request (what the timeline needs), keyset paging, and problems naming the field.
// Other test files add decisions on the same lists while this one runs, so assertions look at the seed's
// decisions (ids starting `dec-`) among the answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, startTestServer, type TestServer } from '../support/server.js';

const HAISHI = ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'];
const VIEW = ['hikvision', ...HAISHI, 'cethik'];

interface Item {
  id: string;
  listId: string;
  listName: string;
  action: string;
  date: string;
  effective: string | null;
  citation: string;
  entityIds: string[];
  namedCount: number;
  sourceIds: string[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const seedOnly = (items: Item[]): Item[] => items.filter((d) => d.id.startsWith('dec-'));

/** Every page of a query, following nextCursor. */
async function allPages(query: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api(server.baseUrl, `/api/v1/decisions?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Item[]));
    cursor = res.body.nextCursor as string | null;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { items, pages };
}

describe('GET /decisions?entity=…&list=…', () => {
  it('gives the Entity List decisions naming Hikvision and the Haishi subsidiaries, oldest first, with the entities of the view each names', async () => {
    const res = await api(server.baseUrl, `/api/v1/decisions?entity=${VIEW.join(',')}&list=us-bis-entity-list`);
    expect(res.status).toBe(200);
    const items = seedOnly(res.body.items as Item[]);
    expect(items.map((d) => [d.date, d.id, d.action])).toEqual([
      ['2019-05-22', 'dec-bis-el-reported-2019-05', 'reported'],
      ['2019-10-09', 'dec-bis-el-84fr54002', 'added'],
      ['2023-03-28', 'dec-bis-el-88fr18983', 'added'],
    ]);
    const [, october, march] = items;
    expect(october).toMatchObject({ listId: 'us-bis-entity-list', citation: '84 FR 54002', effective: '2019-10-09', entityIds: ['hikvision'], namedCount: 9 });
    expect(october!.listName).toMatch(/Entity List/);
    expect(october!.sourceIds).toEqual(expect.arrayContaining(['src-fr-84-54002']));
    expect(march).toMatchObject({ citation: '88 FR 18983', effective: '2023-03-28', entityIds: [...HAISHI].sort(), namedCount: 5 });
    expect(res.body.nextCursor).toBeNull();
  });

  it('without a list, gives Hikvision’s decisions on every list (NDAA 889, NS-CMIC, OFAC report) and nothing that does not name it', async () => {
    const { items } = await allPages('entity=hikvision');
    const seed = seedOnly(items);
    expect(seed.map((d) => d.id)).toEqual([
      'dec-ndaa-889',
      'dec-bis-el-reported-2019-05',
      'dec-bis-el-84fr54002',
      'dec-ns-cmic-eo14032',
      'dec-ofac-sdn-reported-2022-05',
    ]);
    expect(seed.find((d) => d.id === 'dec-ndaa-889')).toMatchObject({ listId: 'us-ndaa-889', date: '2018-08-13', effective: '2019-08-13', namedCount: 5 });
    for (const d of items) expect(d.entityIds).toEqual(['hikvision']);
  });

  it('pages with a cursor: the pages together are the one-page answer, in order, without repeats', async () => {
    const whole = await api(server.baseUrl, `/api/v1/decisions?entity=${VIEW.join(',')}&limit=500`);
    const paged = await allPages(`entity=${VIEW.join(',')}&limit=2`);
    expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.body.items.length / 2));
    expect(paged.items.map((d) => d.id)).toEqual((whole.body.items as Item[]).map((d) => d.id));
    const keys = paged.items.map((d) => `${d.date}|${d.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('lists every decision on a list when no entity is given, each with the entities it names', async () => {
    const { items } = await allPages('list=us-bis-entity-list&limit=3');
    const seed = seedOnly(items);
    expect(seed.map((d) => d.id)).toEqual(['dec-bis-el-84fr22961-huawei', 'dec-bis-el-reported-2019-05', 'dec-bis-el-84fr54002', 'dec-bis-el-88fr18983']);
    expect(seed[2]!.entityIds).toEqual(expect.arrayContaining(['hikvision', 'dahua', 'xinjiang-psb']));
    expect(seed[2]!.entityIds).toHaveLength(9);
    for (const d of items) expect(d.listId).toBe('us-bis-entity-list');
  });

  it('gives an empty page for entities no decision names', async () => {
    const res = await api(server.baseUrl, '/api/v1/decisions?entity=cethik');
    expect(res.status).toBe(200);
    expect(seedOnly(res.body.items)).toEqual([]);
  });
});

describe('GET /decisions with bad input', () => {
  it.each([
    ['entity=hikvision,not%20an%20id', 'query.entity.1'],
    ['entity=', 'query.entity.0'],
    [`entity=${Array.from({ length: 101 }, (_, i) => `e${i}`).join(',')}`, 'query.entity'],
    ['list=Not-A-List', 'query.list'],
    ['list=no-such-list', 'query.list'],
    ['limit=0', 'query.limit'],
    ['limit=501', 'query.limit'],
    ['cursor=garbage', 'query.cursor'],
    ['entitiy=hikvision', 'query.entitiy'],
  ])('%s → 400 problem naming %s', async (query, path) => {
    const res = await api(server.baseUrl, `/api/v1/decisions?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(/validation$/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
