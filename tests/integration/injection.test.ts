// Cypher injection through every string input of every route in the OpenAPI document: each query
// parameter, path segment and body field (nested ones and string arrays too) gets each payload of
// CYPHER_PAYLOADS on an otherwise valid request, with the API key where the route writes; bodies get
// payloads as property names; imports get them as FollowTheMoney schemas and property names, CSV headers
// and kinds, BODS keys. Input never becomes a label, relationship type, property name or sort key (those
// are whitelisted: enums select fixed query files or are compared as parameters), so none of it may have
// any effect: no 5xx, the seeded graph unchanged, and no marker name among the database's tokens.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import { loadConfig } from '../../server/src/config.js';
import { answerClientErrors } from '../../server/src/http/client-errors.js';
import { createLogger } from '../../server/src/logger.js';
import { IMPORT_FORMATS } from '../../server/src/services/import/types.js';
import { createEntities } from '../support/exposure.js';
import { toRequest, type Draft, type FuzzContext } from '../support/fuzz/cases.js';
import { operationsOf, types, type Operation, type Schema } from '../support/fuzz/operations.js';
import { CYPHER_PAYLOADS, MARKERS } from '../support/fuzz/values.js';
import { responseProblems } from '../support/fuzz/verdict.js';
import { deletePrefixed, prefixedCounts, seedIds, seedState, tokens, type SeedIds } from '../support/graph-state.js';
import { eachLimited, rawClient, type RawClient, type RawRequest } from '../support/raw-http.js';
import { testDatabase } from '../support/server.js';

const TAG = randomUUID().slice(0, 8);
const P = `itest-inject-${TAG}-`;
const DATASET = `itest-inject-${TAG}`;
const API_KEY = `inject-api-key-${TAG}-0123456789`;
const prefixes = [P, ...IMPORT_FORMATS.map((f) => `${f}-${DATASET}`)];
const LIST = 'us-bis-entity-list';

/** A valid request per operation, so a payload in one field rides on input that reaches the database. */
function bases(): Record<string, Omit<Draft, 'rawParams' | 'rawQuery'>> {
  let n = 0;
  const json = (value: unknown) => ({ kind: 'json' as const, value });
  return {
    'GET /health': { params: {}, query: {}, body: null },
    'GET /ready': { params: {}, query: {}, body: null },
    'GET /openapi.json': { params: {}, query: {}, body: null },
    'GET /entities': { params: {}, query: { q: 'hik', limit: 5 }, body: null },
    'GET /entities/{id}': { params: { id: 'hikvision' }, query: {}, body: null },
    'GET /entities/{id}/owners': { params: { id: 'hikvision' }, query: { depth: 2 }, body: null },
    'GET /entities/{id}/subsidiaries': { params: { id: 'cetc' }, query: { depth: 2 }, body: null },
    'GET /entities/{id}/exposure': { params: { id: 'hikvision' }, query: { list: LIST }, body: null },
    'GET /exposure': { params: {}, query: { list: LIST, limit: 5 }, body: null },
    'GET /exposure/changes': { params: {}, query: { from: '2019-01-01', to: '2024-01-01' }, body: null },
    'GET /lists': { params: {}, query: {}, body: null },
    'GET /decisions': { params: {}, query: { entity: 'hikvision,moyu-haishi', list: LIST, limit: 5 }, body: null },
    'POST /paths': { params: {}, query: {}, body: json({ from: 'sasac', to: 'hikvision' }) },
    'GET /subgraph': { params: {}, query: { root: 'hikvision', depth: 1 }, body: null },
    'POST /subgraph/export': { params: {}, query: {}, body: json({ format: 'cyjs', nodes: ['hikvision', 'cethik'] }) },
    get 'POST /decisions'() {
      return { params: {}, query: {}, body: json({ id: `${P}dec-${n++}`, listId: LIST, action: 'added', date: '2024-01-01', citation: 'c', entityIds: [`${P}e0`] }) };
    },
    'PUT /ownerships/{id}': { params: { id: `${P}own` }, query: {}, body: json({ owner: `${P}e0`, owned: `${P}e1`, percent: 10 }) },
    'DELETE /ownerships/{id}': { params: { id: `${P}own-gone` }, query: {}, body: null },
    'POST /imports': {
      params: {},
      query: { format: 'ftm', dataset: DATASET, wait: 10 },
      body: { kind: 'raw', contentType: 'application/x-ndjson', bytes: Buffer.from(`{"id": "a1", "schema": "Company", "properties": {"name": ["Injection Test Co"]}}\n`) },
    },
    'GET /imports': { params: {}, query: {}, body: null },
    'GET /imports/{id}': { params: { id: randomUUID() }, query: {}, body: null },
  };
}

/** Valid values for nested objects a base leaves out (subgraph/export's `paths`). */
const NESTED: Record<string, Record<string, unknown>> = { paths: { from: 'sasac', to: 'hikvision' } };

interface Target {
  location: 'query' | 'params' | 'body';
  /** Field path, e.g. ['paths', 'asOf']. */
  path: string[];
  array: boolean;
}

function isString(s: Schema): boolean {
  return types(s).includes('string') || (Array.isArray(s.anyOf) && (s.anyOf as Schema[]).some(isString));
}

/** Every string (or string array) input of the operation, body fields recursively. */
function targets(op: Operation): Target[] {
  const out: Target[] = [];
  for (const p of op.params) if (isString(p.schema)) out.push({ location: p.in, path: [p.name], array: false });
  const walk = (schema: Schema | undefined, path: string[]): void => {
    for (const [name, s] of Object.entries((schema?.properties ?? {}) as Record<string, Schema>)) {
      if (isString(s)) out.push({ location: 'body', path: [...path, name], array: false });
      else if (types(s).includes('array') && isString((s.items ?? {}) as Schema)) out.push({ location: 'body', path: [...path, name], array: true });
      else if (types(s).includes('object')) walk(s, [...path, name]);
    }
  };
  walk(op.body?.schema ?? undefined, []);
  return out;
}

function inject(base: Omit<Draft, 'rawParams' | 'rawQuery'>, t: Target, payload: string): Draft {
  const d: Draft = { ...structuredClone({ params: base.params, query: base.query }), rawParams: {}, rawQuery: {}, body: base.body };
  const value = t.array ? [payload] : payload;
  if (t.location === 'params') d.params[t.path[0]!] = value;
  else if (t.location === 'query') d.query[t.path[0]!] = value;
  else if (base.body?.kind === 'json') {
    const body = structuredClone(base.body.value) as Record<string, unknown>;
    let at = body;
    for (const key of t.path.slice(0, -1)) {
      if (at[key] === undefined) {
        at[key] = structuredClone(NESTED[key] ?? {});
        if (key === 'paths') delete body.nodes; // export takes paths or nodes, not both
      }
      at = at[key] as Record<string, unknown>;
    }
    at[t.path[t.path.length - 1]!] = value;
    d.body = { kind: 'json', value: body };
  }
  return d;
}

/** Import files whose schema names, property names, headers and kinds are the payloads. */
function importAttacks(): { query: Record<string, unknown>; contentType: string; text: string }[] {
  const q = (format: string) => ({ format, dataset: DATASET, wait: 30 });
  const ftm = CYPHER_PAYLOADS.map((payload, i) =>
    JSON.stringify({ id: `x${i}`, schema: payload, properties: { name: [payload], [MARKERS.property]: ['1'], [payload]: ['1'] } }),
  );
  const ftmMarker = [
    JSON.stringify({ id: 'm1', schema: MARKERS.label, properties: { name: ['Marker'] } }),
    JSON.stringify({ id: 'm2', schema: 'Company', properties: { name: ['Marker Co'], [MARKERS.property]: ['1'], topics: [MARKERS.label] } }),
    JSON.stringify({ id: 'm3', schema: 'Ownership', properties: { owner: ['m2'], asset: ['m1'], [MARKERS.relType]: ['1'], role: [MARKERS.relType] } }),
  ];
  const csvNodes = `id,kind,name,${MARKERS.property},"${CYPHER_PAYLOADS[3]}"\n${CYPHER_PAYLOADS.map((p, i) => `n${i},"${MARKERS.label}","${p.replace(/"/g, '""')}",1,1`).join('\n')}\nok,Company,Fine Co,1,1\n`;
  const csvEdges = `id,type,source,target,percent,${MARKERS.property}\ne1,${MARKERS.relType},ok,n1,10,1\ne2,OWNS,ok,n2,10,1\n`;
  const bods = JSON.stringify([
    { statementId: 's1', statementType: 'entityStatement', entityType: MARKERS.label, name: CYPHER_PAYLOADS[7], [MARKERS.property]: 1 },
    { statementId: 's2', recordType: 'entity', recordDetails: { entityType: { type: MARKERS.label }, name: CYPHER_PAYLOADS[8], [MARKERS.property]: 1 } },
  ]);
  return [
    { query: q('ftm'), contentType: 'application/x-ndjson', text: [...ftm, ...ftmMarker].join('\n') },
    { query: q('csv'), contentType: 'text/csv', text: csvNodes },
    { query: q('csv'), contentType: 'text/csv', text: csvEdges },
    { query: q('bods'), contentType: 'application/json', text: bods },
    { query: q('gleif'), contentType: 'text/csv', text: `Relationship.StartNode.NodeID,Relationship.EndNode.NodeID,Relationship.RelationshipType,${MARKERS.property}\nA,B,${MARKERS.relType},1\n` },
  ];
}

let db: Database;
let ids: SeedIds;
let client: RawClient;
let closeServer: () => Promise<void>;

beforeAll(async () => {
  db = testDatabase();
  ids = await seedIds();
  const config = { ...loadConfig({}), RATE_LIMIT_PER_MINUTE: 1_000_000 };
  const server = createApp({ db, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), apiKey: API_KEY, config }).listen(0, '127.0.0.1');
  answerClientErrors(server);
  await once(server, 'listening');
  client = rawClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 6);
  closeServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  await createEntities(db, [0, 1].map((i) => ({ id: `${P}e${i}`, name: `Injection entity ${i}` })));
}, 60_000);

afterAll(async () => {
  client?.close();
  await closeServer?.();
  await deletePrefixed(db, prefixes, [DATASET]).catch(() => {});
  await db?.close();
}, 60_000);

describe('Cypher injection through every string input', () => {
  it('has no effect: no 5xx, the seeded graph unchanged, no injected label, type or property name', async () => {
    const before = await seedState(db, ids);
    const tokensBefore = await tokens(db);
    const operations = operationsOf((await client.send({ method: 'GET', path: '/api/v1/openapi.json' })).json);
    const base = bases();
    const ctx = { apiKey: API_KEY } as FuzzContext;
    const requests: { label: string; request: RawRequest }[] = [];

    for (const op of operations) {
      expect([op.key, op.key in base]).toEqual([op.key, true]); // a new route needs a valid base here
      // The base itself must succeed (or, for ids that do not exist, be a 404), or the payloads would
      // only ever meet a refusal of something else.
      const plain = await client.send(toRequest(op, { ...base[op.key]!, rawParams: {}, rawQuery: {} }, 'key', undefined, ctx));
      expect([op.key, plain.status < 300 || plain.status === 404]).toEqual([op.key, true]);
      for (const t of targets(op)) {
        for (const payload of CYPHER_PAYLOADS) {
          requests.push({ label: `${op.key} ${t.location}.${t.path.join('.')} = ${JSON.stringify(payload)}`, request: toRequest(op, inject(base[op.key]!, t, payload), 'key', undefined, ctx) });
        }
      }
      // Payloads as property names: the strict schemas refuse unknown keys by name.
      if (op.body?.schema?.additionalProperties === false) {
        for (const key of [MARKERS.property, `n.${MARKERS.property}`, `\`${MARKERS.property}\``, `${MARKERS.property}: 1}) //`, `${MARKERS.label}:${MARKERS.property}`]) {
          const body = { ...((base[op.key]!.body as { value: Record<string, unknown> }).value), [key]: 1 };
          requests.push({ label: `${op.key} body key ${JSON.stringify(key)}`, request: toRequest(op, { params: base[op.key]!.params, query: {}, rawParams: {}, rawQuery: {}, body: { kind: 'json', value: body } }, 'key', undefined, ctx) });
        }
      }
    }
    const importOp = operations.find((o) => o.key === 'POST /imports')!;
    for (const [i, a] of importAttacks().entries()) {
      requests.push({ label: `import attack ${i}`, request: toRequest(importOp, { params: {}, query: a.query, rawParams: {}, rawQuery: {}, body: { kind: 'raw', contentType: a.contentType, bytes: Buffer.from(a.text) } }, 'key', undefined, ctx) });
    }

    const failures: string[] = [];
    const started = performance.now();
    await eachLimited(requests, 6, async ({ label, request }) => {
      const res = await client.send(request);
      const problems = responseProblems(res);
      if (res.status === 400 && label.includes(' body key ') && !JSON.stringify(res.json).includes(MARKERS.property)) problems.push('the 400 does not name the unknown key');
      if (problems.length > 0 && failures.length < 30) failures.push(`${label}: ${problems.join('; ')}`);
    });
    process.stdout.write(`injection: ${requests.length} requests (${CYPHER_PAYLOADS.length} payloads into every string input of ${operations.length} operations, plus imports) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    expect(failures).toEqual([]);

    // Where free text is accepted, a payload is stored as the text it is: every citation comes back verbatim.
    const named = (await client.send({ method: 'GET', path: `/api/v1/entities/${P}e0` })).json as { decisions: { citation: string }[] };
    const citations = new Set(named.decisions.map((d) => d.citation));
    expect(CYPHER_PAYLOADS.filter((payload) => !citations.has(payload))).toEqual([]);

    await deletePrefixed(db, prefixes, [DATASET]);
    expect(await prefixedCounts(db, prefixes)).toEqual({ nodes: 0, relationships: 0, decisions: 0 });
    expect(await seedState(db, ids)).toEqual(before);
    // No token was ever created from input: no marker, and nothing that is not a plain identifier
    // (Neo4j keeps tokens after their last use, so this also catches a label that lived a moment).
    const after = await tokens(db);
    for (const [kind, names] of Object.entries(after) as [keyof typeof after, string[]][]) {
      expect([kind, names.filter((n) => n.toLowerCase().includes('oeinjected') || n.toLowerCase().includes('oe_injected'))]).toEqual([kind, []]);
      const added = names.filter((n) => !tokensBefore[kind].includes(n));
      expect([kind, added.filter((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))]).toEqual([kind, []]);
    }
  }, 600_000);
});
