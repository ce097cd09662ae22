// `npm run bench:soak [-- --seconds 300] [--connections 50] [--window 60]`: a bounded soak. The real
// server (server/src/main.ts, its own process on 127.0.0.1) over a fresh embedded Neo4j with the Hikvision
// seed takes a mix of read routes from `connections` concurrent keep-alive connections (autocannon) for
// `seconds`. Reports errors (must be 0), latency p50/p95/p99 per window (a minute by default, 10 s for runs
// under 3 minutes), and the API process's resident memory at start, end and peak, sampled every second.
//
// Stated bounds, checked at the end (the process exits 1 when one fails; latency is reported, not judged):
//  - errors: no non-2xx answer, no socket error, no timeout;
//  - memory: the API's RSS in the last window stays within MEMORY_BOUND_MB of its RSS at the end of the
//    first window (warm-up: the heap and the caches fill there), i.e. no leak of more than that over the run.
// Writes bench/results/soak.json. Timings depend on what else runs on the machine: see `machine.loadAverage`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Database } from '../server/src/db/database.js';
import { ensureNeo4jJars, findFreePort, startEmbeddedNeo4j } from '../server/src/db/embedded.js';
import { applySchema } from '../server/src/db/schema.js';
import { fromRoot } from '../server/src/paths.js';
import { loadSeed } from '../server/src/services/seed.js';
import { startApiServer } from './lib/api-server.js';
import { machine, memoryOf } from './lib/machine.js';
import { summarise, type Latency } from './lib/stats.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  const v = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
};
const SECONDS = arg('seconds', 30);
const CONNECTIONS = arg('connections', 50);
const WINDOW = arg('window', SECONDS >= 180 ? 60 : 10);
const MEMORY_BOUND_MB = arg('memory-bound', 64);
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** What an investigator's browser and scripts ask most: search, details, chains, exposure, paths, exports. */
const REQUESTS: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/v1/entities?q=hik' },
  { method: 'GET', path: `/api/v1/entities?q=${encodeURIComponent('海康')}` },
  { method: 'GET', path: '/api/v1/entities?kind=Company&limit=20' },
  { method: 'GET', path: '/api/v1/entities/hikvision' },
  { method: 'GET', path: '/api/v1/entities/hikvision/owners?depth=4' },
  { method: 'GET', path: '/api/v1/entities/cetc/subsidiaries?depth=4' },
  { method: 'GET', path: '/api/v1/entities/moyu-haishi/exposure?asOf=2024-01-01' },
  { method: 'GET', path: '/api/v1/exposure?list=us-bis-entity-list' },
  { method: 'GET', path: '/api/v1/exposure/changes?from=2019-01-01&to=2024-01-01&list=us-bis-entity-list' },
  { method: 'GET', path: '/api/v1/lists' },
  { method: 'POST', path: '/api/v1/paths', body: { from: 'sasac', to: 'hikvision' } },
  { method: 'POST', path: '/api/v1/paths', body: { from: 'cetc', to: 'moyu-haishi', mode: 'all', maxHops: 6 } },
  { method: 'GET', path: '/api/v1/subgraph?root=hikvision&depth=2' },
  { method: 'POST', path: '/api/v1/subgraph/export', body: { format: 'graphml', nodes: ['hikvision', 'cethik', 'cetc', 'sasac'] } },
];

interface Sample {
  atMs: number;
  latencyMs: number;
  status: number;
}

interface WindowReport {
  fromS: number;
  toS: number;
  requests: number;
  perSecond: number;
  non2xx: number;
  latencyMs: Latency;
  rssMB: { min: number; max: number; last: number };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'oe-soak-'));
await ensureNeo4jJars(log);
const neo4j = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir: tmp, heap: '1g', pageCache: '256m', log });
const db = new Database({ uri: neo4j.uri, user: 'neo4j', queryTimeoutMs: 60_000 });
let exitCode = 0;
try {
  await applySchema(db);
  await loadSeed(db);
  const api = await startApiServer(neo4j.uri, log);
  try {
    // Warm-up outside the measurement: each query text is planned once by Neo4j (seconds for the paths).
    for (const r of REQUESTS) {
      const res = await fetch(api.baseUrl + r.path, { method: r.method, ...(r.body !== undefined && { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`warm-up ${r.method} ${r.path} answered ${res.status}`);
    }
    // Each route alone (one request at a time, 3 each): what the concurrent figures are made of.
    const alone: Record<string, Latency> = {};
    for (const r of REQUESTS) {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const res = await fetch(api.baseUrl + r.path, { method: r.method, ...(r.body !== undefined && { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }) });
        await res.arrayBuffer();
        ms.push(performance.now() - t);
      }
      alone[`${r.method} ${r.path}${r.body !== undefined ? ` ${JSON.stringify(r.body)}` : ''}`] = summarise(ms);
    }
    const startMemory = memoryOf(api.pid);
    const neo4jStartMemory = memoryOf(neo4j.pid);
    log(`soak: ${CONNECTIONS} connections for ${SECONDS} s over ${REQUESTS.length} read routes; API pid ${api.pid}, RSS ${startMemory?.rssMB} MB`);

    const samples: Sample[] = [];
    const rss: { atMs: number; mb: number }[] = [];
    const t0 = performance.now();
    const sampler = setInterval(() => {
      const m = memoryOf(api.pid);
      if (m) rss.push({ atMs: performance.now() - t0, mb: m.rssMB });
    }, 1_000);
    const progress = setInterval(() => log(`soak: ${Math.round((performance.now() - t0) / 1000)} s, ${samples.length} responses, RSS ${rss.at(-1)?.mb ?? '?'} MB`), 30_000);
    let next = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: api.baseUrl,
          connections: CONNECTIONS,
          duration: SECONDS,
          timeout: 30,
          requests: [
            {
              setupRequest: (req) => {
                const r = REQUESTS[next++ % REQUESTS.length]!;
                return { ...req, method: r.method, path: r.path, ...(r.body !== undefined && { body: JSON.stringify(r.body), headers: { ...req.headers, 'content-type': 'application/json' } }) };
              },
            },
          ],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_client, status, _bytes, responseTime) => samples.push({ atMs: performance.now() - t0, latencyMs: responseTime, status }));
    });
    clearInterval(sampler);
    clearInterval(progress);
    const endMemory = memoryOf(api.pid);

    const windows: WindowReport[] = [];
    for (let from = 0; from < SECONDS; from += WINDOW) {
      const to = Math.min(SECONDS, from + WINDOW);
      const inWindow = samples.filter((s) => s.atMs >= from * 1000 && s.atMs < to * 1000);
      const mem = rss.filter((r) => r.atMs >= from * 1000 && r.atMs < to * 1000).map((r) => r.mb);
      windows.push({
        fromS: from,
        toS: to,
        requests: inWindow.length,
        perSecond: Math.round(inWindow.length / (to - from)),
        non2xx: inWindow.filter((s) => s.status < 200 || s.status >= 300).length,
        latencyMs: summarise(inWindow.map((s) => s.latencyMs)),
        rssMB: { min: Math.min(...mem), max: Math.max(...mem), last: mem.at(-1) ?? NaN },
      });
    }
    const errors = { non2xx: result.non2xx, socketErrors: result.errors, timeouts: result.timeouts };
    const first = windows[0]!;
    const last = windows.at(-1)!;
    const growthMB = last.rssMB.max - first.rssMB.last;
    const checks = {
      noErrors: errors.non2xx === 0 && errors.socketErrors === 0 && errors.timeouts === 0,
      memoryWithinBound: growthMB <= MEMORY_BOUND_MB,
    };
    const report = {
      name: 'soak',
      date: new Date().toISOString(),
      machine: machine(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      windowSeconds: WINDOW,
      routes: REQUESTS.map((r) => `${r.method} ${r.path}`),
      /** Each route alone before the soak: p50 of 3 sequential requests, ms. */
      aloneP50Ms: Object.fromEntries(Object.entries(alone).map(([k, l]) => [k, l.p50])),
      requests: result.requests.total,
      perSecond: Math.round(result.requests.average),
      errors,
      latencyMs: summarise(samples.map((s) => s.latencyMs)),
      windows,
      apiRssMB: { start: startMemory?.rssMB ?? null, end: endMemory?.rssMB ?? null, max: Math.max(...rss.map((r) => r.mb)), peakVmHWM: endMemory?.peakMB ?? null },
      neo4jRssMB: { start: neo4jStartMemory?.rssMB ?? null, end: memoryOf(neo4j.pid)?.rssMB ?? null },
      memoryBound: { boundMB: MEMORY_BOUND_MB, rule: 'max RSS of the last window − RSS at the end of the first window ≤ bound', growthMB },
      /** Latency drift: p95 of the last window over p95 of the first (reported, not judged). */
      p95Drift: Math.round((last.latencyMs.p95 / first.latencyMs.p95) * 100) / 100,
      checks,
    };
    const file = fromRoot('bench/results/soak.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

    const line = (w: WindowReport) =>
      `${`${w.fromS}-${w.toS} s`.padEnd(11)}${String(w.requests).padStart(8)}${String(w.perSecond).padStart(7)}/s` +
      `${String(w.latencyMs.p50).padStart(9)}${String(w.latencyMs.p95).padStart(9)}${String(w.latencyMs.p99).padStart(9)} ms` +
      `${String(w.non2xx).padStart(7)}${`${w.rssMB.min}-${w.rssMB.max} MB`.padStart(14)}`;
    console.log(`\nsoak: ${report.requests} requests in ${SECONDS} s at ${CONNECTIONS} connections (${report.perSecond}/s); load average at the end ${report.machine.loadAverage.join(' ')} on ${report.machine.cores} cores`);
    console.log('each route alone (p50 of 3 sequential requests before the soak):');
    for (const [k, l] of Object.entries(alone)) console.log(`  ${String(l.p50).padStart(8)} ms  ${k}`);
    console.log(`window        requests  rate        p50      p95      p99      non-2xx  API RSS`);
    for (const w of windows) console.log(line(w));
    console.log(`errors: ${errors.non2xx} non-2xx, ${errors.socketErrors} socket errors, ${errors.timeouts} timeouts → ${checks.noErrors ? 'OK' : 'FAIL'}`);
    console.log(`API RSS: start ${report.apiRssMB.start} MB, end ${report.apiRssMB.end} MB, max ${report.apiRssMB.max} MB; growth after the first window ${growthMB} MB (bound ${MEMORY_BOUND_MB} MB) → ${checks.memoryWithinBound ? 'OK' : 'FAIL'}`);
    console.log(`Neo4j RSS: start ${report.neo4jRssMB.start} MB, end ${report.neo4jRssMB.end} MB; p95 last/first window ${report.p95Drift}×`);
    console.log(`written to ${path.relative(process.cwd(), file)}`);
    if (!checks.noErrors || !checks.memoryWithinBound) exitCode = 1;
  } finally {
    await api.stop();
  }
} finally {
  await db.close();
  await neo4j.stop();
  await rm(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
