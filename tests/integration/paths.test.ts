// POST /paths over HTTP on the Hikvision seed: ownership chains in both directions, all paths, any
// connection, cut-offs and input errors.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, startTestServer, type TestServer } from '../support/server.js';

const HAISHI = ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'];
const AS_OF = '2024-01-01';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const paths = (body: unknown) =>
  api(server.baseUrl, '/api/v1/paths', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const edgeIds = (p: { edges: { id: string }[] }) => p.edges.map((e) => e.id);
const nodeIds = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id);

/** Hikvision's top shareholder on AS_OF, found from the data rather than assumed. */
async function topShareholder(): Promise<string> {
  const { body } = await api(server.baseUrl, `/api/v1/entities/hikvision/owners?depth=1&asOf=${AS_OF}`);
  const stakes = (body.edges as { type: string; source: string; percent: number | null; percentMin: number | null }[])
    .filter((e) => e.type === 'OWNS')
    .map((e) => ({ owner: e.source, atLeast: e.percent ?? e.percentMin ?? 0 }))
    .sort((a, b) => b.atLeast - a.atLeast);
  return stakes[0]!.owner;
}

describe('POST /paths: ownership chains', () => {
  it("finds the shortest ownership path from Hikvision's top shareholder to each Haishi subsidiary, edges in order", async () => {
    const top = await topShareholder();
    expect(top).toBe('cethik');
    for (const haishi of HAISHI) {
      const { status, body } = await paths({ from: top, to: haishi, asOf: AS_OF, relTypes: ['OWNS'] });
      expect(status).toBe(200);
      expect(body.paths).toHaveLength(1);
      const [p] = body.paths;
      expect(p.length).toBe(2);
      expect(nodeIds(p)).toEqual(['cethik', 'hikvision', haishi]);
      expect(edgeIds(p)).toEqual(['own-cethik-hikvision-2023', `own-hikvision-${haishi}`]);
      // Percentages and dates ride on the edges: CETHIK's 36.48% since 2023-10-16, Hikvision's stake unknown.
      expect(p.edges[0]).toMatchObject({ type: 'OWNS', source: 'cethik', target: 'hikvision', percent: 36.48, start: '2023-10-16', end: null });
      expect(p.edges[1]).toMatchObject({ source: 'hikvision', target: haishi, percent: null, percentMin: null, percentMax: null });
      expect(p.nodes[2].listed).toContain('us-bis-entity-list');
      expect(body.truncated).toBe(false);
      expect(body.cutOff).toBeNull();
    }
  });

  it('finds the whole state chain down from SASAC to each Haishi subsidiary over ownership alone', async () => {
    for (const haishi of HAISHI) {
      const { status, body } = await paths({ from: 'sasac', to: haishi, asOf: AS_OF, relTypes: ['OWNS'] });
      expect([haishi, status]).toEqual([haishi, 200]);
      expect(body.paths.map(nodeIds)).toEqual([['sasac', 'cetc', 'cethik', 'hikvision', haishi]]);
      expect(body.paths[0].edges.map((e: { type: string }) => e.type)).toEqual(['OWNS', 'OWNS', 'OWNS', 'OWNS']);
    }
    // Three hops are not enough for a four-hop chain.
    expect((await paths({ from: 'sasac', to: 'moyu-haishi', asOf: AS_OF, relTypes: ['OWNS'], maxHops: 3 })).body.paths).toEqual([]);
  });

  it('checks validity on asOf for every edge: in 2020 the path runs over the 2014 stake (a range)', async () => {
    const { body } = await paths({ from: 'cethik', to: 'moyu-haishi', asOf: '2020-01-01', relTypes: ['OWNS'] });
    expect(body.paths.map(edgeIds)).toEqual([['own-cethik-hikvision-2014', 'own-hikvision-moyu-haishi']]);
    expect(body.paths[0].edges[0]).toMatchObject({ percent: null, percentMin: 36, percentMax: 40.42 });
  });

  it('returns every shortest path when control edges tie with ownership', async () => {
    const { body } = await paths({ from: 'cethik', to: 'moyu-haishi', asOf: AS_OF });
    expect(body.paths.map(edgeIds)).toEqual([
      ['ctl-cethik-hikvision', 'own-hikvision-moyu-haishi'],
      ['own-cethik-hikvision-2023', 'own-hikvision-moyu-haishi'],
    ]);
    expect(body.subgraph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['cethik', 'hikvision', 'moyu-haishi']);
    expect(body.subgraph.edges).toHaveLength(3);
  });

  it('goes "up" from a subsidiary to SASAC, against the edges, with edges still pointing owner → owned', async () => {
    const { status, body } = await paths({ from: 'moyu-haishi', to: 'sasac', direction: 'up', asOf: AS_OF, relTypes: ['OWNS'] });
    expect(status).toBe(200);
    expect(body.paths).toHaveLength(1);
    expect(nodeIds(body.paths[0])).toEqual(['moyu-haishi', 'hikvision', 'cethik', 'cetc', 'sasac']);
    expect(edgeIds(body.paths[0])).toEqual(['own-hikvision-moyu-haishi', 'own-cethik-hikvision-2023', 'own-cetc-cethik', 'own-sasac-cetc']);
    expect(body.paths[0].edges[3]).toMatchObject({ source: 'sasac', target: 'cetc', percent: 100, start: '2002-03-01' });
    // The same question "down" finds nothing: SASAC is an owner, not a subsidiary.
    const down = await paths({ from: 'moyu-haishi', to: 'sasac', direction: 'down', asOf: AS_OF });
    expect(down.body.paths).toEqual([]);
  });

  it('with control edges, "up" is shorter: SASAC → CETC → (controls) Hikvision', async () => {
    const { body } = await paths({ from: 'moyu-haishi', to: 'sasac', direction: 'up', asOf: AS_OF });
    expect(body.paths.every((p: { length: number }) => p.length === 3)).toBe(true);
    expect(body.paths.map(edgeIds)).toContainEqual(['own-hikvision-moyu-haishi', 'ctl-cetc-hikvision', 'own-sasac-cetc']);
  });

  it('respects maxHops: SASAC is four ownership hops up, so three finds nothing', async () => {
    const { body } = await paths({ from: 'moyu-haishi', to: 'sasac', direction: 'up', asOf: AS_OF, relTypes: ['OWNS'], maxHops: 3 });
    expect(body.paths).toEqual([]);
    expect(body.cutOff).toBeNull();
  });

  it('minPercent drops stakes whose upper bound is below it but keeps unknown stakes', async () => {
    const kept = await paths({ from: 'cethik', to: 'moyu-haishi', asOf: AS_OF, relTypes: ['OWNS'], minPercent: 30 });
    expect(kept.body.paths).toHaveLength(1); // 36.48% and an unknown stake both may reach 30%
    const dropped = await paths({ from: 'cethik', to: 'moyu-haishi', asOf: AS_OF, relTypes: ['OWNS'], minPercent: 40 });
    expect(dropped.body.paths).toEqual([]);
  });
});

describe('POST /paths: mode all and any direction', () => {
  it('mode "all" lists simple paths shortest first, and says when the limit cut it off', async () => {
    const { body } = await paths({ from: 'sasac', to: 'moyu-haishi', mode: 'all', asOf: AS_OF, limit: 100 });
    const lengths = body.paths.map((p: { length: number }) => p.length);
    expect(lengths).toEqual([...lengths].sort((a: number, b: number) => a - b));
    expect(lengths[0]).toBe(3);
    expect(body.paths.map(edgeIds)).toContainEqual(['own-sasac-cetc', 'own-cetc-cethik', 'own-cethik-hikvision-2023', 'own-hikvision-moyu-haishi']);
    for (const p of body.paths) expect(new Set(nodeIds(p)).size).toBe(p.nodes.length); // no entity twice
    expect(body.truncated).toBe(false);
    const total = body.paths.length;
    expect(total).toBeGreaterThan(3);

    const cut = await paths({ from: 'sasac', to: 'moyu-haishi', mode: 'all', asOf: AS_OF, limit: 3 });
    expect(cut.body.paths).toHaveLength(3);
    expect(cut.body.truncated).toBe(true);
    expect(cut.body.cutOff).toBe('limit');
    expect(cut.body.paths.map(edgeIds)).toEqual(body.paths.slice(0, 3).map(edgeIds));
  });

  it('connects two peers with no ownership between them through their shared parent ("any")', async () => {
    const chain = await paths({ from: 'luopu-haishi-dingxin', to: 'moyu-haishi', asOf: AS_OF });
    expect(chain.body.paths).toEqual([]);
    const { body } = await paths({ from: 'luopu-haishi-dingxin', to: 'moyu-haishi', direction: 'any', mode: 'all', asOf: AS_OF });
    expect(body.paths.map(nodeIds)).toEqual([['luopu-haishi-dingxin', 'hikvision', 'moyu-haishi']]);
    expect(body.paths[0].edges.map((e: { source: string; target: string }) => [e.source, e.target])).toEqual([
      ['hikvision', 'luopu-haishi-dingxin'],
      ['hikvision', 'moyu-haishi'],
    ]);
  });

  it('connects two CETC-group holders of Hikvision through CETC in any direction', async () => {
    const { body } = await paths({ from: 'cetc-52nd-institute', to: 'cethik', direction: 'any', asOf: AS_OF });
    expect(body.paths.length).toBeGreaterThan(0);
    for (const p of body.paths) expect(p.length).toBe(2);
    expect(body.paths.map(nodeIds)).toContainEqual(['cetc-52nd-institute', 'cetc', 'cethik']);
    expect(body.paths.map(nodeIds)).toContainEqual(['cetc-52nd-institute', 'hikvision', 'cethik']);
  });
});

describe('POST /paths: bad requests', () => {
  const field = async (body: unknown) => {
    const r = await paths(body);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.type).toBe('https://ownership-explorer.dev/problems/validation');
    return r.body.errors.map((e: { path: string }) => e.path);
  };

  it('names the field that is wrong', async () => {
    expect(await field({ from: 'cethik', to: 'hikvision', maxHops: 0 })).toEqual(['body.maxHops']);
    expect(await field({ from: 'cethik', to: 'hikvision', maxHops: 11 })).toEqual(['body.maxHops']);
    expect(await field({ from: 'cethik', to: 'hikvision', maxHops: 2.5 })).toEqual(['body.maxHops']);
    expect(await field({ from: 'cethik', to: 'hikvision', maxHops: '6' })).toEqual(['body.maxHops']);
    expect(await field({ from: 'cethik', to: 'hikvision', mode: 'longest' })).toEqual(['body.mode']);
    expect(await field({ from: 'cethik', to: 'hikvision', direction: 'sideways' })).toEqual(['body.direction']);
    expect(await field({ from: 'cethik', to: 'hikvision', relTypes: ['OWNS', 'MANAGES'] })).toEqual(['body.relTypes.1']);
    expect(await field({ from: 'cethik', to: 'hikvision', relTypes: [] })).toEqual(['body.relTypes']);
    expect(await field({ from: 'cethik', to: 'hikvision', relTypes: 'OWNS' })).toEqual(['body.relTypes']);
    expect(await field({ from: 'cethik', to: 'hikvision', asOf: '01/01/2024' })).toEqual(['body.asOf']);
    expect(await field({ from: 'cethik', to: 'hikvision', limit: 101 })).toEqual(['body.limit']);
    expect(await field({ from: 'cethik', to: 'hikvision', minPercent: 120 })).toEqual(['body.minPercent']);
    expect(await field({ from: 'cethik', to: 'hikvision', asOf: '2024-02-30' })).toEqual(['body.asOf']);
    expect(await field({ from: 'cethik', to: 'cethik' })).toEqual(['body.to']);
    expect(await field({ to: 'hikvision' })).toEqual(['body.from']);
    expect(await field({ from: 'cethik', to: 'x y' })).toEqual(['body.to']);
    expect(await field({ from: 'cethik', to: 'hikvision', depth: 3 })).toEqual(['body.depth']);
  });

  it('rejects a body that is not JSON', async () => {
    const r = await api(server.baseUrl, '/api/v1/paths', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"from":' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('body');
  });

  it('answers 404 naming an unknown end', async () => {
    const r = await paths({ from: 'cethik', to: 'no-such-entity' });
    expect(r.status).toBe(404);
    expect(r.body.type).toBe('https://ownership-explorer.dev/problems/not-found');
    expect(r.body.detail).toContain('no-such-entity');
    const from = await paths({ from: 'nobody-here', to: 'cethik' });
    expect(from.status).toBe(404);
    expect(from.body.detail).toContain('nobody-here');
  });
});
