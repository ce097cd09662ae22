// Property-based fuzzing of every route in the OpenAPI document, against the real app and the jest run's
// Neo4j with the seed: at least 10,000 generated requests (valid ones, one field made hostile, unknown
// parameters, broken bodies, neighbouring routes; with a valid, missing, wrong or malformed API key).
// Every answer must be a 2xx or a 4xx application/problem+json with a known `type` (a 400 naming the
// field at fault), never a 5xx, a stack trace or a server path, never a write without the key, never
// an echoed secret; and afterwards the seeded graph must be exactly as before.
//
// Seedable: FUZZ_SEED=<n> replays a run (the seed is printed); FUZZ_RUNS sets the number of requests;
// FUZZ_DEBUG='POST /decisions' prints the valid requests to that operation with their answers.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createApp } from '../../server/src/app.js';
import { answerClientErrors } from '../../server/src/http/client-errors.js';
import type { Database } from '../../server/src/db/database.js';
import { loadConfig } from '../../server/src/config.js';
import { IMPORT_FORMATS } from '../../server/src/services/import/types.js';
import { createLogger } from '../../server/src/logger.js';
import { createEntities } from '../support/exposure.js';
import { caseFor, type FuzzCase, type FuzzContext } from '../support/fuzz/cases.js';
import { FieldOracle, operationsOf, type Operation } from '../support/fuzz/operations.js';
import { problemsWith } from '../support/fuzz/verdict.js';
import { deletePrefixed, prefixedCounts, seedIds, seedState, tokens, type SeedIds } from '../support/graph-state.js';
import { MARKERS } from '../support/fuzz/values.js';
import { eachLimited, rawClient, type RawClient } from '../support/raw-http.js';
import { testDatabase } from '../support/server.js';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = 8;
const TAG = SEED.toString(36);
const PREFIX = `itest-fuzz-${TAG}-`;
const DATASET = `itest-fuzz-${TAG}`;
const API_KEY = `fuzz-api-key-${TAG}-0123456789abcdef`;
/** Routes whose 2xx the generator cannot reach: an import job id is only known after an import. */
const NO_2XX_EXPECTED = new Set(['GET /imports/{id}']);

let db: Database;
let ids: SeedIds;
let client: RawClient;
let baseUrl: string;
let closeServer: () => Promise<void>;
let operations: Operation[];
const prefixes = [PREFIX, ...IMPORT_FORMATS.map((f) => `${f}-${DATASET}`)];

beforeAll(async () => {
  db = testDatabase();
  ids = await seedIds();
  // The rate limit is the API contract tests' subject; here it would only turn requests into 429s.
  const config = { ...loadConfig({}), RATE_LIMIT_PER_MINUTE: 1_000_000 };
  const app = createApp({ db, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), apiKey: API_KEY, config });
  const server = app.listen(0, '127.0.0.1');
  answerClientErrors(server);
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  client = rawClient(baseUrl, CONCURRENCY);
}, 60_000);

afterAll(async () => {
  client?.close();
  await closeServer?.();
  await deletePrefixed(db, prefixes, [DATASET]).catch(() => {});
  await db?.close();
}, 60_000);

/** Waits until no import job of this server is queued or running (they write until they finish). */
async function importsSettled(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const r = await client.send({ method: 'GET', path: '/api/v1/imports', headers: { authorization: `Bearer ${API_KEY}` } });
    const jobs = (r.json as { jobs?: { status: string }[] } | undefined)?.jobs ?? [];
    if (!jobs.some((j) => j.status === 'queued' || j.status === 'running')) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error('import jobs still running after 2 minutes');
}

describe(`fuzzing every route (seed ${SEED})`, () => {
  it(`answers ${RUNS} generated requests with 2xx or a 4xx problem, and leaves the seeded graph unchanged`, async () => {
    const doc = (await client.send({ method: 'GET', path: '/api/v1/openapi.json' })).json;
    operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(20);

    // Each path query is one large generated Cypher text whose first planning takes seconds of CPU; eight
    // first requests planning at once on two shared cores would run past the query timeout (503). A
    // server warms up once; so does this test, before it starts counting.
    for (const mode of ['shortest', 'all']) {
      for (const direction of ['up', 'down', 'any']) {
        const body = JSON.stringify({ from: 'sasac', to: 'hikvision', mode, direction, maxHops: 10 });
        await client.send({ method: 'POST', path: '/api/v1/paths', headers: { 'content-type': 'application/json' }, body }, 120_000);
      }
    }

    const before = await seedState(db, ids);
    expect(before.nodes).toBe(ids.nodes.length);
    await createEntities(db, Array.from({ length: 4 }, (_, i) => ({ id: `${PREFIX}e${i}`, name: `Fuzz entity ${i}` })));

    const ctx: FuzzContext = {
      prefix: PREFIX,
      writeEntities: Array.from({ length: 4 }, (_, i) => `${PREFIX}e${i}`),
      dataset: DATASET,
      apiKey: API_KEY,
      seedEntities: ids.entities,
      seedLists: ids.lists,
      seedSources: ids.sources,
      // Lists and sources may be named (a decision on a seeded list changes nothing seeded); records may not.
      seedIdSet: new Set([...ids.entities, ...ids.decisions, ...ids.edges]),
      oracle: new FieldOracle(),
      publicOperations: new Set(operations.filter((o) => !o.needsKey).map((o) => `${o.method.toUpperCase()} ${o.path}`)),
    };
    const arb = fc.constantFrom(...operations).chain((op) => caseFor(op, ctx));
    const cases: FuzzCase[] = fc.sample(arb, { seed: SEED, numRuns: RUNS });

    const started = performance.now();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const okByOp = new Map<string, number>();
    const msByOp = new Map<string, number>();
    const nByOp = new Map<string, number>();
    const fieldNamedByOp = new Map<string, number>();
    let sent = 0;
    await eachLimited(cases, CONCURRENCY, async (c, i) => {
      let problems: string[];
      try {
        const res = await client.send(c.request);
        sent++;
        msByOp.set(c.op.key, (msByOp.get(c.op.key) ?? 0) + res.ms);
        nByOp.set(c.op.key, (nByOp.get(c.op.key) ?? 0) + 1);
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        if (res.status < 300 && c.kind !== 'route') okByOp.set(c.op.key, (okByOp.get(c.op.key) ?? 0) + 1);
        if (res.status === 400 && c.kind === 'field') fieldNamedByOp.set(c.op.key, (fieldNamedByOp.get(c.op.key) ?? 0) + 1);
        problems = problemsWith(c, res);
        if (process.env.FUZZ_DEBUG && c.op.key === process.env.FUZZ_DEBUG && c.kind === 'valid') process.stdout.write(`DEBUG ${c.auth} ${c.request.body?.toString().slice(0, 300)} -> ${res.status} ${res.text.slice(0, 300)}\n`);
      } catch (err) {
        problems = [`no answer: ${(err as Error).message}`];
      }
      if (problems.length > 0 && failures.length < 40) {
        const body = c.request.body ? ` body ${JSON.stringify(c.request.body.toString('utf8').slice(0, 200))}` : '';
        failures.push(`#${i} ${c.op.key} [${c.kind}: ${c.note}; auth ${c.auth}] ${c.request.method} ${c.request.path.slice(0, 200)}${body}\n    ${problems.join('\n    ')}`);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    await importsSettled();

    const summary = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    process.stdout.write(
      `fuzz: seed ${SEED}, ${sent} requests over ${operations.length} operations in ${seconds.toFixed(1)} s ` +
        `(${Math.round(sent / seconds)}/s, concurrency ${CONCURRENCY}); statuses ${summary}\n`,
    );
    const slowest = [...msByOp.entries()].sort(([, a], [, b]) => b - a).slice(0, 6).map(([k, ms]) => `${k} ${Math.round(ms / 1000)} s (${nByOp.get(k)} requests)`);
    process.stdout.write(`fuzz: most time in ${slowest.join(', ')}\n`);
    expect(failures).toEqual([]);
    expect(sent).toBe(RUNS);

    // The generator reached past validation on every route, and found the field at fault on each.
    for (const op of operations) {
      if (!NO_2XX_EXPECTED.has(op.key)) expect([op.key, okByOp.get(op.key) ?? 0]).not.toEqual([op.key, 0]);
      if (op.params.length > 0 || op.body?.schema?.properties) expect([op.key, fieldNamedByOp.get(op.key) ?? 0]).not.toEqual([op.key, 0]);
    }

    // Nothing a write did survives the clean-up, and the seeded graph is exactly as it was.
    await deletePrefixed(db, prefixes, [DATASET]);
    expect(await prefixedCounts(db, prefixes)).toEqual({ nodes: 0, relationships: 0, decisions: 0 });
    expect(await seedState(db, ids)).toEqual(before);
    const seen = await tokens(db);
    expect(seen.labels).not.toContain(MARKERS.label);
    expect(seen.relationshipTypes).not.toContain(MARKERS.relType);
    expect(seen.propertyKeys).not.toContain(MARKERS.property);
  }, 600_000);
});
