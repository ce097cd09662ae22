// The OpenAPI document: valid OpenAPI 3.1 by @seriousme/openapi-schema-validator (the specification's own
// JSON Schema), every route of the real app documented with its schemas (and nothing documented that the
// app lacks), every component a valid JSON Schema, and real responses of the seeded server matching the
// schemas the document gives for them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import { api, startTestServer, testDatabase, type TestServer } from '../support/server.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startTestServer();
  const res = await api(server.baseUrl, '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await server.close();
});

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/** Every (method, path) the Express app routes under /api/v1, by walking its router stack. */
function appRoutes(): { method: string; path: string }[] {
  const db = testDatabase();
  const app = createApp({ db, logger: createLogger('silent') }) as any;
  void db.close();
  const out: { method: string; path: string }[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const method of Object.keys(layer.route.methods)) out.push({ method, path: prefix + layer.route.path });
      } else if (layer.handle?.stack) {
        // A router mounted with app.use(path, router) keeps its mount path in rawPath.
        walk(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
      }
    }
  };
  walk(app.router.stack, '');
  return out
    .filter((r) => r.path.startsWith('/api/v1/'))
    .map((r) => ({ method: r.method, path: r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1') }));
}

describe('GET /api/v1/openapi.json', () => {
  const validate = async (document: unknown) => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
    return { valid: result.valid, version: validator.version, errors: result.errors };
  };

  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(doc);
    if (!result.valid) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.version).toBe('3.1');
    // The validator has teeth: a response without description, or an unknown member, fails.
    const broken: any = structuredClone(doc);
    delete broken.paths['/paths'].post.responses['200'].description;
    expect((await validate(broken)).valid).toBe(false);
    expect((await validate({ ...doc, paths: { ...doc.paths, '/x': { get: { responses: { 200: { description: 'x' } }, bogus: 1 } } } })).valid).toBe(false);
  });

  it('documents every route of the app, and only those', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const missing = routes.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect(documented.filter((d) => !routed.has(d))).toEqual([]);
  });

  it('gives every operation its parameters, request body and responses with schemas', () => {
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, op.summary?.length > 0]).toEqual([where, true]);
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const p = (op.parameters ?? []).find((x: any) => x.in === 'path' && `{${x.name}}` === name);
          expect([where, name, p?.required, typeof p?.schema]).toEqual([where, name, true, 'object']);
        }
        for (const p of op.parameters ?? []) expect([where, p.name, typeof p.schema]).toEqual([where, p.name, 'object']);
        if (method === 'post' || method === 'put') {
          const body = op.requestBody?.content?.['application/json']?.schema;
          expect([where, typeof body]).toEqual([where, 'object']);
        }
        for (const [code, response] of Object.entries<any>(op.responses)) {
          expect([where, code, response.headers?.['X-Request-Id']?.schema?.type]).toEqual([where, code, 'string']);
          if (code === '429') expect([where, typeof response.headers['Retry-After']]).toEqual([where, 'object']);
        }
        const success = Object.keys(op.responses).filter((c) => c.startsWith('2'));
        expect([where, success.length > 0]).toEqual([where, true]);
        for (const code of success) {
          const content = op.responses[code].content ?? {};
          expect([where, code, Object.keys(content).length > 0]).toEqual([where, code, true]);
          for (const media of Object.values<any>(content)) expect([where, typeof media.schema]).toEqual([where, 'object']);
        }
        if (path !== '/health' && path !== '/openapi.json') {
          expect([where, op.responses['503']?.content?.['application/problem+json']?.schema?.$ref]).toEqual([where, '#/components/schemas/Problem']);
        }
      }
    }
    expect(doc.paths['/paths'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/PathsRequest');
    const maxHops = doc.components.schemas.PathsRequest.properties.maxHops;
    expect(maxHops).toMatchObject({ type: 'integer', minimum: 1, maximum: 10, default: 6 });
    const format = doc.paths['/subgraph'].get.parameters.find((p: any) => p.name === 'format');
    expect(format.schema.enum).toEqual(['cyjs', 'graphml', 'gexf', 'csv', 'ftm', 'bods']);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/decisions'].post.security).toEqual([{ apiKey: [] }]);
  });

  it('has components that are valid JSON Schemas', () => {
    const ajv = newAjv();
    ajv.addSchema(doc, 'openapi.json');
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` })).not.toThrow();
    }
    // … and the check has teeth: a misspelt type is refused.
    const broken: any = structuredClone(doc);
    broken.components.schemas.PathsRequest.properties.maxHops.type = 'integr';
    const strict = newAjv();
    strict.addSchema(broken, 'broken.json');
    expect(() => strict.compile({ $ref: 'broken.json#/components/schemas/PathsRequest' })).toThrow();
  });
});

describe('real responses match the documented schemas', () => {
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  async function check(method: 'get' | 'post', docPath: string, url: string, body?: unknown, code = '200', media = 'application/json'): Promise<any> {
    const res = await api(server.baseUrl, url, body === undefined ? undefined : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect([url, res.status]).toEqual([url, Number(code)]);
    const ajv = newAjv();
    ajv.addSchema(doc, 'openapi.json');
    const validate = ajv.compile({ $ref: `openapi.json#/${pointer('paths', docPath, method, 'responses', code, 'content', media, 'schema')}` });
    if (!validate(res.body)) throw new Error(`${url}: ${ajv.errorsText(validate.errors)}`);
    return res.body;
  }

  it('for the health, entity and list routes', async () => {
    await check('get', '/health', '/api/v1/health');
    await check('get', '/ready', '/api/v1/ready');
    const search = await check('get', '/entities', '/api/v1/entities?q=hikvision&limit=3');
    expect(search.items.length).toBeGreaterThan(0);
    await check('get', '/entities/{id}', '/api/v1/entities/hikvision');
    await check('get', '/entities/{id}/owners', '/api/v1/entities/moyu-haishi/owners?depth=3&asOf=2024-01-01');
    await check('get', '/entities/{id}/subsidiaries', '/api/v1/entities/cethik/subsidiaries?depth=2');
    await check('get', '/lists', '/api/v1/lists');
    const decisions = await check('get', '/decisions', '/api/v1/decisions?entity=hikvision,moyu-haishi&list=us-bis-entity-list');
    expect(decisions.items.map((d: { id: string }) => d.id)).toContain('dec-bis-el-88fr18983');
  });

  it('for the exposure routes', async () => {
    const one = await check('get', '/entities/{id}/exposure', '/api/v1/entities/moyu-haishi/exposure?asOf=2024-01-01');
    expect(one.determinations.length).toBeGreaterThan(0);
    await check('get', '/exposure', '/api/v1/exposure?list=us-bis-entity-list&asOf=2024-01-01&limit=5');
    await check('get', '/exposure/changes', '/api/v1/exposure/changes?from=2023-01-01&to=2024-01-01&list=us-bis-entity-list');
  }, 120_000);

  it('for paths, and problems for errors', async () => {
    const paths = await check('post', '/paths', '/api/v1/paths', { from: 'cethik', to: 'moyu-haishi', asOf: '2024-01-01' });
    expect(paths.paths.length).toBeGreaterThan(0);
    const bad = await check('post', '/paths', '/api/v1/paths', { from: 'cethik', to: 'moyu-haishi', maxHops: 40 }, '400', 'application/problem+json');
    expect(bad.errors[0].path).toBe('body.maxHops');
    await check('get', '/entities/{id}', '/api/v1/entities/nobody-at-all', undefined, '404', 'application/problem+json');
  });

  it('for headers over 16 KB: the documented 431 problem, answered before routing', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/entities/hikvision`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect([res.status, res.headers.get('content-type')]).toEqual([431, 'application/problem+json']);
    const documented = doc.paths['/entities/{id}'].get.responses['431'];
    expect(Object.keys(documented.content)).toEqual(['application/problem+json']);
    const ajv = newAjv();
    ajv.addSchema(doc, 'openapi.json');
    const validate = ajv.compile({ $ref: `openapi.json#/${pointer('paths', '/entities/{id}', 'get', 'responses', '431', 'content', 'application/problem+json', 'schema')}` });
    const body = (await res.json()) as { status: number; instance: string; requestId: string };
    if (!validate(body)) throw new Error(ajv.errorsText(validate.errors));
    expect([body.status, body.instance, res.headers.get('x-request-id')]).toEqual([431, '/api/v1/entities/hikvision', body.requestId]);
  });
});

describe('GET /api/docs', () => {
  it('serves a self-contained reference page that loads the document from this server', async () => {
    const page = await fetch(`${server.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.every((a) => a.startsWith('/'))).toBe(true); // nothing from a CDN
    for (const asset of assets) expect([asset, (await fetch(server.baseUrl + asset)).status]).toEqual([asset, 200]);
    const script = await (await fetch(`${server.baseUrl}/api/docs/docs.js`)).text();
    expect(script).toContain("fetch('/api/v1/openapi.json')");
    expect((await fetch(`${server.baseUrl}/api/docs`, { redirect: 'manual' })).status).toBe(301);
  });
});
