// fast-check arbitraries for requests to one operation of the API: a valid request (values drawn from its
// JSON Schema and from the real seed), the same request with one field replaced by a hostile value, an
// unknown parameter added, a body broken below the JSON level (cut, oversized, not UTF-8, wrong type or
// charset), or a request to no route at all; each with a valid, missing, wrong or malformed API key.
//
// Writes must never touch the seeded graph other tests assert on: with a valid key every id a write
// names is one of the test's own (under ctx.prefix) or invalid, and imports always name the test's
// dataset, so whatever a write does is removed by deleting that prefix afterwards.
import querystring from 'node:querystring';
import fc from 'fast-check';
import type { RawRequest } from '../raw-http.js';
import { FieldOracle, bodyFields, types, type Location, type Operation, type Schema } from './operations.js';
import { BROKEN_ESCAPES, hostileJson, hostileString } from './values.js';

export interface FuzzContext {
  /** Prefix of every id a write may create (entities under it exist: ctx.writeEntities). */
  prefix: string;
  writeEntities: string[];
  /** The only dataset imports may name. */
  dataset: string;
  apiKey: string;
  seedEntities: string[];
  seedLists: string[];
  seedSources: string[];
  /** Seeded entity, decision and edge ids: a write with a valid key must not name one. */
  seedIdSet: ReadonlySet<string>;
  oracle: FieldOracle;
  /** 'GET /decisions'-style keys of the documented operations that need no key. */
  publicOperations: ReadonlySet<string>;
}

export type Auth = 'key' | 'none' | 'wrong' | 'malformed';

export interface FuzzCase {
  op: Operation;
  kind: 'valid' | 'field' | 'unknown-key' | 'structural' | 'route';
  /** What was done, for the failure report. */
  note: string;
  auth: Auth;
  /** A wrong key sent, which must never come back in a response. */
  secret?: string;
  /** For kind 'field': the field replaced and whether the server must refuse the value it received. */
  field?: { location: Location; name: string; invalid: boolean };
  /** For kind 'unknown-key': the field path the 400 must name. */
  unknown?: string;
  request: RawRequest;
}

const ENTITY_ID = '^[A-Za-z0-9][A-Za-z0-9._:-]*$';
const LIST_ID = '^[a-z0-9][a-z0-9-]*$';
const SEARCH_WORDS = ['hik', 'Hikvision', '海康', '海康威视', 'cetc', 'SASAC', 'haishi', 'group co', 'a', 'zzzz-nothing', 'Gong'];

/** Percent-encodes the UTF-8 bytes of `s` (lone surrogates become U+FFFD, as any client would send). */
export function encode(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const isoDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function writes(op: Operation): boolean {
  return op.needsKey && op.method !== 'GET';
}

/** A value the field's schema accepts, from the seed where the field names something. */
function validValue(schema: Schema, name: string, op: Operation, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const t = types(schema);
  // A query string has no null: 'null' is just text, which a number parameter refuses.
  if (t.includes('null') && t.length === 2 && op.params.some((p) => p.name === name && p.in === 'query')) return validValue({ ...schema, type: t.find((x) => x !== 'null') }, name, op, ctx);
  if (t.includes('null') && t.length === 2) {
    const other = { ...schema, type: t.find((x) => x !== 'null') };
    return fc.oneof({ weight: 4, arbitrary: validValue(other, name, op, ctx) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).filter((s) => Object.keys(s).length > 0).map((s) => validValue(s, name, op, ctx)));
  if (t.includes('string')) {
    if (schema.format === 'date') return isoDate;
    if (schema.format === 'uuid') return fc.uuid();
    if (schema.pattern === ENTITY_ID || name === 'root') {
      if (writes(op)) {
        // A write's own record id: an edge id from a small pool (so PUT updates and DELETE finds it), a
        // decision id mostly new (a repeat is a 409); the entities it names mostly exist.
        if (name === 'id' && op.params.some((p) => p.name === 'id')) return fc.nat(19).map((n) => `${ctx.prefix}own-${n}`);
        if (name === 'id') return fc.oneof({ weight: 9, arbitrary: fc.nat(1_000_000).map((n) => `${ctx.prefix}dec-${n}`) }, { weight: 1, arbitrary: fc.constant(`${ctx.prefix}dec-0`) });
        return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.writeEntities) }, { weight: 1, arbitrary: fc.nat(9).map((n) => `${ctx.prefix}missing-${n}`) });
      }
      if (name === 'sourceIds') return fc.constantFrom(...ctx.seedSources);
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.seedEntities) }, { weight: 1, arbitrary: fc.nat(99).map((n) => `zz-unknown-${n}`) });
    }
    if (schema.pattern === LIST_ID) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.seedLists) }, { weight: 1, arbitrary: fc.constant('no-such-list') });
    if (typeof schema.pattern === 'string' && name === 'dataset') return fc.constant(ctx.dataset);
    if (name === 'q') return fc.constantFrom(...SEARCH_WORDS);
    const min = Number(schema.minLength ?? 0);
    const max = Math.min(Number(schema.maxLength ?? 40), 40);
    return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }).filter((s) => s.length >= min);
  }
  if (t.includes('integer') || t.includes('number')) {
    const min = Number(schema.minimum ?? 0);
    const max = name === 'wait' ? 1 : Number(schema.maximum ?? 1000);
    const any = t.includes('integer') ? fc.integer({ min, max }) : fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));
    // Mostly small (a depth, hop count or limit near its minimum): the whole range is still drawn, but
    // ten-hop searches and whole-graph exports in every other request would only make the run slow.
    return t.includes('integer') && max - min > 3 ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min, max: min + 2 }) }, { weight: 1, arbitrary: any }) : any;
  }
  if (t.includes('boolean')) return fc.boolean();
  if (t.includes('array')) {
    const items = (schema.items ?? {}) as Schema;
    const minLength = Number(schema.minItems ?? 0);
    return fc.array(validValue(items, name, op, ctx), { minLength, maxLength: Math.max(minLength, Math.min(Number(schema.maxItems ?? 3), 3)) });
  }
  if (t.includes('object')) {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      // The import envelope's files: plain file names to contents.
      return fc.dictionary(fc.constantFrom('data.jsonl', 'nodes.csv', 'edges.csv', 'part-1.json', 'x.json'), importContent, { minKeys: 1, maxKeys: 2 });
    }
    return validObject(schema, op, ctx);
  }
  return fc.jsonValue({ maxDepth: 1 });
}

function validObject(schema: Schema, op: Operation, ctx: FuzzContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, s] of Object.entries(properties)) record[name] = validValue(s, name, op, ctx);
  return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
}

/** Import file contents: FollowTheMoney-like lines, CSV rows, JSON arrays, broken text. */
const importContent: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), schema: fc.constantFrom('Company', 'Person', 'Ownership', 'Sanction', 'Nope'), properties: fc.record({ name: fc.array(hostileString, { maxLength: 2 }) }) }).map((o) => JSON.stringify(o)),
        hostileString,
      ),
      { maxLength: 6 },
    )
    .map((lines) => lines.join('\n')),
  fc.array(fc.array(fc.oneof(fc.constantFrom('id', 'kind', 'name', 'Company', 'OWNS', '50'), hostileString), { maxLength: 6 }), { maxLength: 5 }).map((rows) => `id,kind,name\n${rows.map((r) => r.join(',')).join('\n')}`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  hostileString,
);

const RAW_TYPES: Record<string, string> = { ftm: 'application/x-ndjson', bods: 'application/json', csv: 'text/csv', gleif: 'text/csv' };

export interface Draft {
  params: Record<string, unknown>;
  /** Raw (already encoded) path segments that replace params by name. */
  rawParams: Record<string, string>;
  query: Record<string, unknown>;
  /** Raw query values (already encoded), by name. */
  rawQuery: Record<string, string>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string | null; bytes: Buffer; encoding?: string } | null;
}

/** A request every schema in it accepts. */
function validDraft(op: Operation, ctx: FuzzContext): fc.Arbitrary<Draft> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredQuery: string[] = [];
  for (const p of op.params) {
    if (p.in === 'params') params[p.name] = validValue(p.schema, p.name, op, ctx);
    else if (p.name !== 'cursor') {
      query[p.name] = validValue(p.schema, p.name, op, ctx);
      // An import must always name the test's dataset (without one it would write under 'upload').
      if (p.required || (op.path === '/imports' && p.name === 'dataset')) requiredQuery.push(p.name);
    }
  }
  const body: fc.Arbitrary<Draft['body']> =
    op.path === '/imports' && op.method === 'POST'
      ? importBody(ctx)
      : op.body?.schema
        ? validObject(op.body.schema, op, ctx).map((value) => ({ kind: 'json' as const, value }))
        : fc.constant(null);
  return fc
    .record({ params: fc.record(params), query: fc.record(query, { requiredKeys: requiredQuery }), body })
    .map(({ params: p, query: q, body: b }) => {
      // A raw import names its format in the query; an envelope carries it in the body.
      if (op.path === '/imports' && op.method === 'POST' && b?.kind === 'raw') q.format = Object.entries(RAW_TYPES).find(([, t]) => t === b.contentType)?.[0] ?? 'ftm';
      if (op.path === '/imports' && op.method === 'POST' && b?.kind === 'json') delete q.format;
      return { params: p, rawParams: {}, query: q, rawQuery: {}, body: b };
    });
}

function importBody(ctx: FuzzContext): fc.Arbitrary<Draft['body']> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...Object.values(RAW_TYPES)), importContent).map(([contentType, text]) => ({ kind: 'raw' as const, contentType, bytes: Buffer.from(text, 'utf8') })),
    fc
      .record({
        format: fc.constantFrom('ftm', 'bods', 'csv', 'gleif'),
        dataset: fc.constant(ctx.dataset),
        files: fc.dictionary(fc.constantFrom('data.jsonl', 'nodes.csv', 'edges.csv', 'part-1.json'), importContent, { minKeys: 1, maxKeys: 2 }),
      }, { requiredKeys: ['format', 'files'] })
      .map((value) => ({ kind: 'json' as const, value })),
  );
}

/** Hostile values for one field; the dataset of an import is only ever replaced by an invalid one. */
function hostileFor(location: Location, name: string, schema: Schema, op: Operation, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const base: fc.Arbitrary<unknown> =
    location === 'body'
      ? fc.oneof({ weight: 8, arbitrary: hostileJson }, { weight: 1, arbitrary: fc.constant(undefined) })
      : fc.oneof(
          { weight: 8, arbitrary: hostileString },
          { weight: 1, arbitrary: fc.constant(undefined) },
          ...(location === 'query' ? [{ weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) }] : []),
        );
  if (name !== 'dataset' || !writes(op)) return base;
  return base.filter((v) => v !== undefined && !ctx.oracle.valid(schema, v, true, location));
}

/** Never let a write with a valid key name a seeded record (the seed must stay as it is). */
function guardSeed(value: unknown, ctx: FuzzContext): unknown {
  if (typeof value === 'string' && ctx.seedIdSet.has(value)) return `${ctx.prefix}guarded`;
  if (Array.isArray(value)) return value.map((v) => guardSeed(v, ctx));
  return value;
}

export function toRequest(op: Operation, d: Draft, auth: Auth, secret: string | undefined, ctx: FuzzContext): RawRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => d.rawParams[name] ?? encode(String(d.params[name] ?? '')));
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(d.query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) pairs.push(`${encode(k)}=${encode(String(one))}`);
  }
  for (const [k, v] of Object.entries(d.rawQuery)) pairs.push(`${encode(k)}=${v}`);
  const headers: Record<string, string> = {};
  if (auth === 'key') headers.authorization = `Bearer ${ctx.apiKey}`;
  if (auth === 'wrong') headers.authorization = `Bearer ${secret}`;
  if (auth === 'malformed') headers.authorization = secret ?? '';
  let body: Buffer | undefined;
  if (d.body?.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = Buffer.from(JSON.stringify(d.body.value) ?? '', 'utf8');
  } else if (d.body?.kind === 'raw') {
    if (d.body.contentType !== null) headers['content-type'] = d.body.contentType;
    if (d.body.encoding) headers['content-encoding'] = d.body.encoding;
    body = Buffer.from(d.body.bytes); // structuredClone turned it into a plain Uint8Array
  }
  return { method: op.method, path: `/api/v1${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`, headers, ...(body !== undefined && { body }) };
}

/** What the server sees for a query parameter or a path segment (undefined: absent or undecodable). */
export function serverValue(request: RawRequest, op: Operation, location: Location, name: string): unknown {
  const [pathPart, queryPart = ''] = request.path.split('?', 2) as [string, string?];
  if (location === 'query') return querystring.parse(queryPart)[name];
  if (location === 'params') {
    const template = `/api/v1${op.path}`.split('/');
    const segment = pathPart.split('/')[template.indexOf(`{${name}}`)];
    try {
      return decodeURIComponent(segment ?? '');
    } catch {
      return undefined;
    }
  }
  try {
    return (JSON.parse(request.body?.toString() ?? '') as Record<string, unknown>)?.[name];
  } catch {
    return undefined;
  }
}

const authArb = (op: Operation): fc.Arbitrary<{ auth: Auth; secret?: string }> =>
  fc.oneof(
    { weight: op.needsKey ? 14 : 1, arbitrary: fc.constant({ auth: 'key' as const }) },
    { weight: op.needsKey ? 2 : 16, arbitrary: fc.constant({ auth: 'none' as const }) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/).map((k) => ({ auth: 'wrong' as const, secret: `wrong-${k}` })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'bearer  two words here', 'Token abc', '\u00e9\u00e8', 'Bearer \u00ff\u00fe').map((secret) => ({ auth: 'malformed' as const, secret })),
    },
  );

/** Every kind of case for one operation. */
export function caseFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const fields: { location: Location; name: string; schema: Schema; required: boolean }[] = [
    ...op.params.map((p) => ({ location: p.in, name: p.name, schema: p.schema, required: p.required || (op.path === '/imports' && p.name === 'dataset' && op.method === 'POST') })),
    ...Object.entries(bodyFields(op).properties).map(([name, schema]) => ({ location: 'body' as const, name, schema, required: bodyFields(op).required.includes(name) })),
  ];
  const valid = validDraft(op, ctx);
  const kinds: fc.Arbitrary<Omit<FuzzCase, 'auth' | 'secret' | 'request'> & { draft: Draft }>[] = [
    valid.map((draft) => ({ op, kind: 'valid' as const, note: 'valid', draft })),
  ];
  if (fields.length > 0) {
    kinds.push(
      fc.tuple(valid, fc.constantFrom(...fields)).chain(([draft, f]) =>
        fc
          .oneof(
            { weight: 9, arbitrary: hostileFor(f.location, f.name, f.schema, op, ctx).map((v) => ({ value: v, raw: null as string | null })) },
            ...(f.location !== 'body' ? [{ weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES).map((raw) => ({ value: undefined as unknown, raw })) }] : []),
          )
          .map(({ value, raw }) => {
            const d: Draft = structuredClone(draft);
            if (f.location === 'params') {
              if (raw !== null) d.rawParams[f.name] = raw;
              else d.params[f.name] = value ?? '';
            } else if (f.location === 'query') {
              delete d.query[f.name];
              if (raw !== null) d.rawQuery[f.name] = raw;
              else d.query[f.name] = value;
            } else if (d.body?.kind === 'json' && d.body.value !== null && typeof d.body.value === 'object') {
              (d.body.value as Record<string, unknown>)[f.name] = value;
            }
            return { op, kind: 'field' as const, note: `${f.location}.${f.name} := ${describe(raw ?? value)}`, field: { location: f.location, name: f.name, invalid: false }, draft: d };
          }),
      ),
    );
  }
  // Only where a schema reads the query or the body: other routes ignore what they do not read.
  const strict: Location[] = [...(op.params.some((p) => p.in === 'query') ? ['query' as const] : []), ...(op.body?.schema?.additionalProperties === false ? ['body' as const] : [])];
  if (strict.length > 0) {
    const locations = strict;
    kinds.push(
      // (`__proto__` only in bodies: Express copies the query into a plain object, where it is no key.)
      fc.tuple(valid, fc.constantFrom(...locations), fc.constantFrom('x', 'oeInjected', 'constructor', '__proto__', 'limit ', 'ID', '海康')).filter(([, l, k]) => !(l === 'query' && k === '__proto__')).map(([draft, location, key]) => {
        const d: Draft = structuredClone(draft);
        if (location === 'query') d.query[key] = '1';
        else if (d.body?.kind === 'json') d.body = { kind: 'raw', contentType: 'application/json', bytes: Buffer.from(JSON.stringify(d.body.value).replace(/^\{/, `{${JSON.stringify(key)}:1,`).replace(/,\}$/, '}'), 'utf8') };
        return { op, kind: 'unknown-key' as const, note: `unknown ${location}.${key}`, unknown: `${location}.${key}`, draft: d };
      }),
    );
  }
  if (op.body) kinds.push(brokenBody(op, valid));
  kinds.push(otherRoute(op, ctx));
  return fc
    .tuple(fc.oneof(...kinds.map((arbitrary, i) => ({ weight: i === 0 ? 3 : i === 1 ? 6 : 1, arbitrary }))), authArb(op))
    .map(([c, { auth, secret }]) => {
      const { draft, ...rest } = c;
      const keyed = writes(op) && auth === 'key';
      if (keyed) {
        draft.params = Object.fromEntries(Object.entries(draft.params).map(([k, v]) => [k, guardSeed(v, ctx)]));
        if (draft.body?.kind === 'json' && draft.body.value !== null && typeof draft.body.value === 'object' && !Array.isArray(draft.body.value)) {
          draft.body.value = Object.fromEntries(Object.entries(draft.body.value as Record<string, unknown>).map(([k, v]) => [k, guardSeed(v, ctx)]));
        }
      }
      const request = toRequest(rest.op, draft, auth, secret, ctx);
      const out: FuzzCase = { ...rest, auth, ...(secret !== undefined && { secret }), request };
      if (out.field) {
        const f = fields.find((x) => x.location === out.field!.location && x.name === out.field!.name)!;
        const seen = serverValue(request, op, f.location, f.name);
        const undecodable = f.location === 'params' && seen === undefined;
        out.field = { ...out.field, invalid: undecodable || !ctx.oracle.valid(f.schema, seen, f.required, f.location) };
      }
      return out;
    });
}

/** Bodies broken below the schema: cut JSON, not JSON, not UTF-8, oversized, deeply nested, wrong type. */
function brokenBody(op: Operation, valid: fc.Arbitrary<Draft>): fc.Arbitrary<Omit<FuzzCase, 'auth' | 'secret' | 'request'> & { draft: Draft }> {
  const isImport = op.path === '/imports';
  const variants: fc.Arbitrary<{ note: string; contentType: string | null; bytes: Buffer; encoding?: string }>[] = [
    fc.tuple(valid, fc.nat()).map(([d, n]) => {
      const text = JSON.stringify(d.body?.kind === 'json' ? d.body.value : { a: 1 });
      return { note: 'JSON cut short', contentType: 'application/json', bytes: Buffer.from(text.slice(0, n % Math.max(1, text.length)), 'utf8') };
    }),
    fc.constantFrom('', ' ', 'null', 'true', '1', '"x"', '[]', '[{}]', "{'a': 1}", '{"a":1,}', '{"a":}', '{a:1}', 'NaN', '\u0000', '{"a":"\\ud800"}', '{"a": 1e400}', '{"a": -0}').map((t) => ({ note: `body ${JSON.stringify(t)}`, contentType: 'application/json', bytes: Buffer.from(t, 'utf8') })),
    fc.constantFrom(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d])).map((bytes) => ({ note: 'bytes that are not UTF-8', contentType: 'application/json', bytes })),
    fc.constantFrom(1000, 100_000).map((n) => ({ note: `nested ${n} deep`, contentType: 'application/json', bytes: Buffer.from(`{"a":${'['.repeat(n)}${']'.repeat(n)}}`, 'utf8') })),
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=koi8-r', 'application/x-www-form-urlencoded', null).map((contentType) => ({ note: `content-type ${contentType}`, contentType, bytes: Buffer.from('{"a":1}', 'utf8') })),
    fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown').map((encoding) => ({ note: `content-encoding ${encoding} on plain bytes`, contentType: 'application/json', bytes: Buffer.from('{"a":1}', 'utf8'), encoding })),
  ];
  // Over the 1 MB JSON limit; imports take 100 MB, which is the API contract tests' business, not a fuzz's.
  if (!isImport) variants.push(fc.constant({ note: 'body over 1 MB', contentType: 'application/json', bytes: Buffer.from(`{"a":"${'a'.repeat(1_100_000)}"}`, 'utf8') }));
  return fc.tuple(valid, fc.oneof(...variants)).map(([draft, v]) => ({
    op,
    kind: 'structural' as const,
    note: v.note,
    draft: { ...draft, body: { kind: 'raw' as const, contentType: v.contentType, bytes: v.bytes, ...(v.encoding && { encoding: v.encoding }) } },
  }));
}

/** Requests next to the operation: another method, extra or empty segments. */
function otherRoute(op: Operation, ctx: FuzzContext): fc.Arbitrary<Omit<FuzzCase, 'auth' | 'secret' | 'request'> & { draft: Draft }> {
  return fc.tuple(fc.constantFrom('PATCH', 'PUT', 'DELETE', 'POST', 'GET'), fc.constantFrom('/x', '/', '//', '/..', '/%2e%2e', '/%00', '/' + encode('海康'))).map(([method, suffix]) => {
    const path = op.path.replace(/\{\w+\}/g, 'hikvision') + suffix;
    // A trailing slash reaches the path's own route (routing is not strict): with another method that may
    // be a public read beside a keyed write (GET /decisions beside POST /decisions), which needs no key.
    const lands = suffix === '/' && ctx.publicOperations.has(`${method} ${op.path}`);
    const other: Operation = { ...op, method, path, params: [], body: null, needsKey: op.needsKey && !lands };
    return { op: other, kind: 'route' as const, note: `${method} ${path}`, draft: { params: {}, rawParams: {}, query: {}, rawQuery: {}, body: null } };
  });
}

function describe(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…(${s.length})` : s;
}
