// The entity API slice over HTTP on a real Neo4j with the Hikvision seed loaded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_IDS } from '../support/seed-ids.js';
import { api, startTestServer, type TestServer } from '../support/server.js';

const HAISHI_NAMES = [
  'Luopu Haishi Dingxin Electronic Technology',
  'Moyu Haishi Electronic Technology',
  "Pishan Haishi Yong'an Electronic Technology",
  "Urumqi Haishi Xin'an Electronic Technology",
  'Yutian Haishi Meitian Electronic Technology',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect((await api(server.baseUrl, '/api/v1/health')).body).toEqual({ status: 'ok' });
    expect((await api(server.baseUrl, '/api/v1/ready')).status).toBe(200);
  });
});

describe('GET /entities', () => {
  it('finds Hikvision by name, first', async () => {
    const { status, body } = await api(server.baseUrl, '/api/v1/entities?q=hikvision');
    expect(status).toBe(200);
    expect(body.items[0].id).toBe('hikvision');
    expect(body.items[0].kind).toBe('Company');
    expect(body.items[0].listed).toEqual(expect.arrayContaining(['us-bis-entity-list', 'us-ndaa-889']));
  });

  it('finds Hikvision by its Chinese name and by its stock code', async () => {
    const zh = await api(server.baseUrl, `/api/v1/entities?q=${encodeURIComponent('海康威视')}`);
    expect(zh.body.items.map((i: { id: string }) => i.id)).toContain('hikvision');
    const code = await api(server.baseUrl, '/api/v1/entities?q=002415');
    expect(code.body.items[0]?.id).toBe('hikvision');
  });

  it('matches prefixes as the user types', async () => {
    const { body } = await api(server.baseUrl, '/api/v1/entities?q=hikv');
    expect(body.items.map((i: { id: string }) => i.id)).toContain('hikvision');
  });

  it('matches hyphenated names, names with stop words and a one-letter word being typed', async () => {
    // Ranked among the seeded entities: other suites import look-alikes (Zhejiang's SASAC) that tie on score.
    const ids = async (q: string) =>
      (await api(server.baseUrl, `/api/v1/entities?q=${encodeURIComponent(q)}&limit=100`)).body.items
        .map((i: { id: string }) => i.id)
        .filter((id: string) => SEED_IDS.has(id));
    expect((await ids('State-owned Assets'))[0]).toBe('sasac');
    expect((await ids('Commission of the State Council'))[0]).toBe('sasac');
    expect(await ids('Commission of the')).toContain('sasac');
    expect((await ids('China Electronics Technology H'))[0]).toBe('cethik');
  });

  it('pages with a cursor, without repeats, to the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/v1/entities?q=haishi&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await api(server.baseUrl, path);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(pages).toBe(Math.ceil(seen.length / 2));
  });

  it('browses by name without a query, filtered by kind', async () => {
    const { body } = await api(server.baseUrl, '/api/v1/entities?kind=StateBody&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { kind: string }) => i.kind === 'StateBody')).toBe(true);
    const names = body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort());
  });

  it('rejects bad input with a problem naming the field', async () => {
    const r = await api(server.baseUrl, '/api/v1/entities?limit=0');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.errors[0].path).toBe('query.limit');
    const c = await api(server.baseUrl, '/api/v1/entities?q=x&cursor=not-a-cursor');
    expect(c.status).toBe(400);
    expect(c.body.errors[0].path).toBe('query.cursor');
  });

  it('treats Lucene syntax in the query as words', async () => {
    const r = await api(server.baseUrl, `/api/v1/entities?q=${encodeURIComponent('hikvision OR *:* AND ~ "')}`);
    expect(r.status).toBe(200);
  });
});

describe('GET /entities/:id', () => {
  it('returns the entity with its decisions and sources', async () => {
    const { status, body } = await api(server.baseUrl, '/api/v1/entities/hikvision');
    expect(status).toBe(200);
    expect(body.entity.name).toMatch(/Hangzhou Hikvision Digital Technology/);
    expect(body.entity.aliases).toContain('海康威视');
    const citations = body.decisions.map((d: { citation: string }) => d.citation);
    expect(citations).toEqual(expect.arrayContaining(['84 FR 54002']));
    const el = body.decisions.find((d: { citation: string }) => d.citation === '84 FR 54002');
    expect(el.listId).toBe('us-bis-entity-list');
    expect(el.effective ?? el.date).toBe('2019-10-09');
    expect(body.sources.length).toBeGreaterThan(0);
    const sourceIds = new Set(body.sources.map((s: { id: string }) => s.id));
    for (const id of [...body.entity.sourceIds, ...el.sourceIds]) expect(sourceIds).toContain(id);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await api(server.baseUrl, '/api/v1/entities/no-such-entity');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/not-found$/);
    const bad = await api(server.baseUrl, `/api/v1/entities/${encodeURIComponent('bad id!')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('params.id');
  });
});

describe('ownership chains', () => {
  it('lists the five Xinjiang Haishi subsidiaries with unknown stakes', async () => {
    const { status, body } = await api(server.baseUrl, '/api/v1/entities/hikvision/subsidiaries?depth=1&asOf=2024-01-01');
    expect(status).toBe(200);
    const haishi = body.nodes.filter((n: { name: string }) => /Haishi/.test(n.name));
    expect(haishi).toHaveLength(5);
    for (const name of HAISHI_NAMES) expect(haishi.map((n: { name: string }) => n.name).join('|')).toContain(name);
    for (const n of haishi) {
      expect(n.depth).toBe(1);
      expect(n.listed).toContain('us-bis-entity-list');
      const edge = body.edges.find((e: { source: string; target: string; type: string }) => e.source === 'hikvision' && e.target === n.id && e.type === 'OWNS');
      expect(edge).toBeDefined();
      expect(edge.percent).toBeNull();
      expect(edge.percentMin).toBeNull();
      expect(edge.percentMax).toBeNull();
    }
    expect(body.truncated).toBe(false);
  });

  it('shows the subsidiaries as not yet listed before 88 FR 18983 took effect', async () => {
    const { body } = await api(server.baseUrl, '/api/v1/entities/hikvision/subsidiaries?depth=1&asOf=2023-03-27');
    const haishi = body.nodes.filter((n: { name: string }) => /Haishi/.test(n.name));
    for (const n of haishi) expect(n.listed).not.toContain('us-bis-entity-list');
  });

  it('walks up to the state at the top, with percentages on the way', async () => {
    const { body } = await api(server.baseUrl, '/api/v1/entities/hikvision/owners?depth=5&asOf=2024-01-01');
    const ids = body.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe('hikvision');
    const top = body.nodes.find((n: { kind: string; name: string }) => n.kind === 'StateBody' && /Assets Supervision/.test(n.name));
    expect(top).toBeDefined();
    expect(top.depth).toBeGreaterThanOrEqual(2);
    const direct = body.edges.filter((e: { target: string; type: string; percent: number | null }) => e.target === 'hikvision' && e.type === 'OWNS');
    const biggest = Math.max(...direct.map((e: { percent: number | null }) => e.percent ?? 0));
    expect(biggest).toBeGreaterThan(30);
    expect(biggest).toBeLessThan(50);
  });

  it('validates depth and asOf', async () => {
    const deep = await api(server.baseUrl, '/api/v1/entities/hikvision/owners?depth=11');
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].path).toBe('query.depth');
    const date = await api(server.baseUrl, '/api/v1/entities/hikvision/owners?asOf=2023-02-30');
    expect(date.status).toBe(400);
    expect(date.body.errors[0].path).toBe('query.asOf');
    const unknown = await api(server.baseUrl, '/api/v1/entities/nobody/owners');
    expect(unknown.status).toBe(404);
  });
});

describe('unknown API routes', () => {
  it('answer a 404 problem, not the front end', async () => {
    const r = await api(server.baseUrl, '/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
