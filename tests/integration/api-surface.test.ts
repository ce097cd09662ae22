// The API's contract for code clients, checked on real apps started with different configurations (the
// same env variables main.ts reads, through loadConfig): the API key on writes (401 without or with a
// wrong key, 403 when writes are disabled) and, when configured, on reads; the rate limit (429 with
// Retry-After); CORS for configured origins only; security headers; body and URL limits (413, 414);
// request ids echoed in headers, problem documents and the structured logs; one stable problem `type`
// per error; cursor paging over the lists that grow.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { KEEP_ALIVE_TIMEOUT_MS, createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { api, testDatabase } from '../support/server.js';
import { SEED_IDS } from '../support/seed-ids.js';

const KEY = 'surface-test-key-0123456789';
const PROBLEMS = 'https://ownership-explorer.dev/problems/';

interface Started {
  baseUrl: string;
  logs: Record<string, any>[];
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** The real app with the configuration these env variables give, its JSON logs collected. */
async function start(env: Record<string, string> = {}): Promise<Started> {
  const config = loadConfig(env);
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const db = testDatabase();
  const app = createApp({ db, logger: createLogger('info', sink), apiKey: config.API_KEY, config });
  const server = app.listen(0, '127.0.0.1');
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  await once(server, 'listening');
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logs };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A problem+json answer with the expected status and stable type. */
function expectProblem(r: { status: number; headers: Headers; body: any }, status: number, slug: string) {
  expect([r.status, r.headers.get('content-type')?.split(';')[0], r.body.type, r.body.status]).toEqual([status, 'application/problem+json', PROBLEMS + slug, status]);
  expect(r.body.requestId).toBe(r.headers.get('x-request-id'));
}

// A decision body the API refuses with 400 (unknown list id format) — passing auth shows as 400, not 401/403,
// and nothing is ever written.
const BAD_DECISION = { id: 'Not An Id!', listId: 'x', entityIds: [] };

describe('the API key on writes', () => {
  it('401 without a key, 401 (invalid_token) with a wrong one, through to validation with the right one', async () => {
    const s = await start({ API_KEY: KEY });
    const none = await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION));
    expectProblem(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="ownership-explorer"');
    const wrong = await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION, bearer('not-the-key-at-all-0000')));
    expectProblem(wrong, 401, 'unauthorized');
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="ownership-explorer", error="invalid_token"');
    expect(wrong.body.detail).toBe('The API key is not valid');
    expectProblem(await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION, { authorization: `Basic ${KEY}` })), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION, bearer(KEY))), 400, 'validation');
    // Every write route, imports included, is behind the same check.
    expectProblem(await api(s.baseUrl, '/api/v1/ownerships/own-x', { method: 'DELETE' }), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/ownerships/own-x', { ...json({}), method: 'PUT' }), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/imports?format=csv', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id\n' }), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/imports', { headers: bearer('wrong-key-wrong-key-0000') }), 401, 'unauthorized');
    const jobs = await api(s.baseUrl, '/api/v1/imports', { headers: bearer(KEY) });
    expect(jobs.status).toBe(200);
    expect(jobs.body.jobs).toEqual([]);
  });

  it('403 on every write when the server has no API_KEY (writes disabled), whatever the request sends', async () => {
    const s = await start({});
    for (const headers of [{}, bearer(KEY)]) {
      expectProblem(await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION, headers)), 403, 'forbidden');
      expectProblem(await api(s.baseUrl, '/api/v1/imports', { headers }), 403, 'forbidden');
    }
  });
});

describe('reads, open or closed by READ_API_KEY_REQUIRED', () => {
  it('are open by default', async () => {
    const s = await start({ API_KEY: KEY });
    expect((await api(s.baseUrl, '/api/v1/entities/hikvision')).status).toBe(200);
  });

  it('need the key when closed; probes, the OpenAPI document and the docs page stay open', async () => {
    const s = await start({ API_KEY: KEY, READ_API_KEY_REQUIRED: 'true' });
    expectProblem(await api(s.baseUrl, '/api/v1/entities/hikvision'), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/subgraph?root=hikvision'), 401, 'unauthorized');
    expectProblem(await api(s.baseUrl, '/api/v1/paths', json({ from: 'cethik', to: 'hikvision' })), 401, 'unauthorized');
    const wrong = await api(s.baseUrl, '/api/v1/entities/hikvision', { headers: bearer('wrong-key-wrong-key-0000') });
    expectProblem(wrong, 401, 'unauthorized');
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const ok = await api(s.baseUrl, '/api/v1/entities/hikvision', { headers: bearer(KEY) });
    expect([ok.status, ok.body.entity?.id]).toEqual([200, 'hikvision']);
    for (const open of ['/api/v1/health', '/api/v1/openapi.json', '/api/docs/']) expect([open, (await fetch(s.baseUrl + open)).status]).toEqual([open, 200]);
    expect([200, 503]).toContain((await fetch(`${s.baseUrl}/api/v1/ready`)).status);
  });

  it('cannot be closed without a key: the configuration is refused at start-up', () => {
    expect(() => loadConfig({ READ_API_KEY_REQUIRED: 'true' })).toThrow(/READ_API_KEY_REQUIRED: is true but API_KEY is not set/);
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past RATE_LIMIT_PER_MINUTE, and spares the probes', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${s.baseUrl}/api/v1/lists`);
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-policy')).toMatch(/q=3/);
      await r.arrayBuffer();
    }
    const limited = await api(s.baseUrl, '/api/v1/lists');
    expectProblem(limited, 429, 'rate-limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit')).toMatch(/r=0/);
    // Other routes share the budget; health checks are never limited.
    expectProblem(await api(s.baseUrl, '/api/v1/paths', json({ from: 'cethik', to: 'hikvision' })), 429, 'rate-limited');
    expect((await fetch(`${s.baseUrl}/api/v1/health`)).status).toBe(200);
    // A separately configured server has its own budget.
    const other = await start({ RATE_LIMIT_PER_MINUTE: '3' });
    expect((await fetch(`${other.baseUrl}/api/v1/lists`)).status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (baseUrl: string, origin: string) =>
    fetch(`${baseUrl}/api/v1/paths`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows the configured origins (preflight and actual request) and no others', async () => {
    const s = await start({ CORS_ORIGINS: 'https://notebook.example.org, http://localhost:3000', API_KEY: KEY, READ_API_KEY_REQUIRED: 'true' });
    const ok = await preflight(s.baseUrl, 'https://notebook.example.org');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://notebook.example.org');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(ok.headers.get('vary')).toContain('Origin');
    const refused = await preflight(s.baseUrl, 'https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();

    const actual = await fetch(`${s.baseUrl}/api/v1/entities/hikvision`, { headers: { origin: 'http://localhost:3000', ...bearer(KEY) } });
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(actual.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id.*Content-Disposition.*Retry-After/);
    const other = await fetch(`${s.baseUrl}/api/v1/entities/hikvision`, { headers: { origin: 'https://evil.example.com', ...bearer(KEY) } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("is off unless configured, and '*' allows any origin", async () => {
    const off = await start({});
    expect((await preflight(off.baseUrl, 'https://notebook.example.org')).headers.get('access-control-allow-origin')).toBeNull();
    const any = await start({ CORS_ORIGINS: '*' });
    const r = await preflight(any.baseUrl, 'https://anything.example.net');
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
    expect(() => loadConfig({ CORS_ORIGINS: 'notebook.example.org' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('headers, limits and request ids', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const s = await start({});
    for (const path of ['/api/v1/entities/hikvision', '/api/v1/entities/nobody-here', '/api/docs/']) {
      const r = await fetch(s.baseUrl + path);
      await r.arrayBuffer();
      expect([path, r.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, r.headers.get('content-security-policy')]).toEqual([path, expect.stringContaining("default-src 'self'")]);
      expect([path, r.headers.get('x-frame-options')]).toEqual([path, 'SAMEORIGIN']);
      expect([path, r.headers.get('strict-transport-security')]).toEqual([path, expect.stringContaining('max-age=')]);
      expect([path, r.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, r.headers.get('x-powered-by')]).toEqual([path, null]);
    }
  });

  it('413 for a JSON body over 1 MB, 414 for a URL over MAX_URL_LENGTH', async () => {
    const s = await start({ MAX_URL_LENGTH: '512' });
    const big = await api(s.baseUrl, '/api/v1/paths', json({ from: 'cethik', to: 'hikvision', pad: 'x'.repeat(1_100_000) }));
    expectProblem(big, 413, 'payload-too-large');
    const long = await api(s.baseUrl, `/api/v1/entities?q=${'a'.repeat(600)}`);
    expectProblem(long, 414, 'uri-too-long');
    expect(long.body.detail).toContain('512');
    expect((await api(s.baseUrl, `/api/v1/entities?q=${'a'.repeat(400)}`)).status).not.toBe(414);
    // The default limit is 4096 characters.
    const d = await start({});
    expectProblem(await api(d.baseUrl, `/api/v1/subgraph?root=${'hikvision,'.repeat(450)}hikvision`), 414, 'uri-too-long');
  });

  it("echoes a caller's X-Request-Id (or makes one) in the header, the problem document and the log line", async () => {
    const s = await start({});
    const given = await api(s.baseUrl, '/api/v1/entities/nobody-here', { headers: { 'x-request-id': 'client-req.42_a' } });
    expect(given.headers.get('x-request-id')).toBe('client-req.42_a');
    expectProblem(given, 404, 'not-found');
    const made = await fetch(`${s.baseUrl}/api/v1/entities/hikvision`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // An id that could forge log lines or headers is replaced, not echoed.
    const unsafe = await fetch(`${s.baseUrl}/api/v1/entities/hikvision`, { headers: { 'x-request-id': 'a b"c' } });
    expect(unsafe.headers.get('x-request-id')).not.toBe('a b"c');
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const line = s.logs.find((l) => l.req?.id === 'client-req.42_a');
    expect(line).toMatchObject({ level: 30, service: 'ownership-explorer', msg: 'request completed', req: { method: 'GET', url: '/api/v1/entities/nobody-here' }, res: { statusCode: 404 } });
    expect(typeof line!.responseTime).toBe('number');
    expect(s.logs.some((l) => l.req?.id === made.headers.get('x-request-id') && l.res?.statusCode === 200)).toBe(true);
  });

  it('never logs the API key', async () => {
    const s = await start({ API_KEY: KEY });
    await api(s.baseUrl, '/api/v1/decisions', json(BAD_DECISION, bearer(KEY)));
    expect(JSON.stringify(s.logs)).not.toContain(KEY);
    expect(s.logs.some((l) => l.req?.url === '/api/v1/decisions')).toBe(true);
  });

  it('gives each kind of error its own stable problem type', async () => {
    const s = await start({});
    expectProblem(await api(s.baseUrl, '/api/v1/entities?limit=0'), 400, 'validation');
    expectProblem(await api(s.baseUrl, '/api/v1/entities/nobody-here'), 404, 'not-found');
    expectProblem(await api(s.baseUrl, '/api/v1/no-such-route'), 404, 'not-found');
    expectProblem(await api(s.baseUrl, '/api/v1/paths', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 400, 'validation');
  });
});

describe('cursor paging over lists that grow', () => {
  let s: Started;
  const seeded = (ids: string[]) => ids.filter((id) => SEED_IDS.has(id));

  /** Follows nextCursor from the first page to the last; other tests' data may come and go, so the
   *  comparison with a single large page is on seeded entities only. */
  async function walk(path: string, items: (body: any) => string[]): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await api(s.baseUrl, `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect([path, r.status]).toEqual([path, 200]);
      ids.push(...items(r.body));
      cursor = r.body.nextCursor;
      pages++;
      expect(pages).toBeLessThan(100);
    } while (cursor !== null);
    return { ids, pages };
  }

  it('search, the exposure list and the changes each page to the same answer as one big page', async () => {
    s = await start({});
    const search = await walk('/api/v1/entities?q=haishi&limit=2', (b) => b.items.map((i: { id: string }) => i.id));
    const all = await api(s.baseUrl, '/api/v1/entities?q=haishi&limit=100');
    expect(search.pages).toBeGreaterThan(2);
    expect(new Set(search.ids).size).toBe(search.ids.length);
    expect(seeded(search.ids)).toEqual(seeded(all.body.items.map((i: { id: string }) => i.id)));

    const exposure = await walk('/api/v1/exposure?list=us-bis-entity-list&asOf=2024-01-01&limit=2', (b) => b.items.map((i: { entityId: string }) => i.entityId));
    const allExposure = await api(s.baseUrl, '/api/v1/exposure?list=us-bis-entity-list&asOf=2024-01-01&limit=1000');
    expect(exposure.pages).toBeGreaterThan(2);
    expect(exposure.ids).toEqual([...exposure.ids].sort());
    expect(seeded(exposure.ids)).toEqual(seeded(allExposure.body.items.map((i: { entityId: string }) => i.entityId)));

    const changes = await walk('/api/v1/exposure/changes?from=2023-03-27&to=2023-03-29&limit=2', (b) =>
      b.changes.map((c: { list: string; entityId: string }) => `${c.list} ${c.entityId}`),
    );
    const allChanges = await api(s.baseUrl, '/api/v1/exposure/changes?from=2023-03-27&to=2023-03-29');
    expect(allChanges.body).toMatchObject({ truncated: false, nextCursor: null });
    const whole = allChanges.body.changes.map((c: { list: string; entityId: string }) => `${c.list} ${c.entityId}`);
    expect(changes.pages).toBe(Math.ceil(whole.length / 2));
    expect(changes.ids).toEqual(whole);
    // The five Haishi listings (other suites may list their own entities on these dates meanwhile).
    const seededListings = whole.filter((c: string) => c.startsWith('us-bis-entity-list ') && SEED_IDS.has(c.split(' ')[1]!));
    expect(seededListings.map((c: string) => c.split(' ')[1]).sort()).toEqual(
      ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'],
    );
    const first = await api(s.baseUrl, '/api/v1/exposure/changes?from=2023-03-27&to=2023-03-29&limit=2');
    expect(first.body).toMatchObject({ truncated: true, nextCursor: expect.any(String) });
  }, 120_000);

  it('refuses a cursor it did not make, naming query.cursor', async () => {
    s ??= await start({});
    for (const path of ['/api/v1/entities?q=haishi&cursor=bm9wZQ', '/api/v1/exposure?list=us-bis-entity-list&cursor=bm9wZQ', '/api/v1/exposure/changes?from=2023-01-01&to=2024-01-01&cursor=%7B']) {
      const r = await api(s.baseUrl, path);
      expectProblem(r, 400, 'validation');
      expect([path, r.body.errors[0].path]).toEqual([path, 'query.cursor']);
    }
  });
});
