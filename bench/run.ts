// `npm run bench -- --entities 100000 [--seed 42] [--name bench] [--seconds 10] [--samples 100] [--skip-http]
// [--online-load]`: every benchmark on a fresh embedded Neo4j (a temp data dir, removed afterwards): the
// Hikvision seed and the 6-hop paths on it, then the synthetic graph's bulk load (Neo4j's offline importer
// into a second, new data dir, with the seed loaded again on top: steps/bulk-load.ts; --online-load streams
// UNWIND batches into the first database instead), the full exposure recompute, correctness and
// the baseline on sampled entities, the incremental update after a new listing, the in-process exposure
// reads, the HTTP figures against the real server, the memory of the API and of Neo4j, and PROFILEs of the
// hot queries. Prints a table and writes bench/results/<name>-<entities>.json. Timings are a report, never
// pass/fail; the correctness check is (the process exits 1 when a sampled determination disagrees).
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Database } from '../server/src/db/database.js';
import { ensureNeo4jJars, findFreePort, startEmbeddedNeo4j } from '../server/src/db/embedded.js';
import { applySchema } from '../server/src/db/schema.js';
import { today } from '../server/src/domain/dates.js';
import { readRegimes } from '../server/src/formats/seed-files.js';
import { fromRoot, SEED_DIR } from '../server/src/paths.js';
import { recomputeExposure, type RecomputeReport } from '../server/src/services/exposure-recompute.js';
import { loadSeed } from '../server/src/services/seed.js';
import { SyntheticGraph } from '../server/src/synthetic/generate.js';
import { loadSynthetic } from '../server/src/synthetic/load.js';
import { bulkImport, finishBulkBench } from './steps/bulk-load.js';
import { startApiServer } from './lib/api-server.js';
import { cpuProbe, machine, memoryOf, versions } from './lib/machine.js';
import { markdownTable, printTable, tableRows, type BenchReport } from './report.js';
import { sampleEntities, samplePathPairs, sampleSearchTerms, seedPathPairs } from './samples.js';
import { checkAgainstReference } from './steps/correctness.js';
import { exposureReads } from './steps/exposure-reads.js';
import { httpFigures, measure, pathRequests } from './steps/http.js';
import { incremental } from './steps/incremental.js';
import { hotQueryProfiles } from './steps/profiles.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  const v = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
};
const text = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] ?? fallback : fallback;
};
const ENTITIES = arg('entities', 100_000);
const SEED = arg('seed', 42);
const SECONDS = arg('seconds', 10);
const SAMPLES = arg('samples', 100);
const NAME = text('name', 'bench');
const BIG = ENTITIES > 300_000;
// Sized for 1M entities (~1 GB of store) on a 24 GiB machine shared with others; smaller graphs need less.
const HEAP = text('heap', BIG ? '6g' : '2g');
const PAGE_CACHE = text('pagecache', BIG ? '4g' : '1g');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Bytes on disk under dir: Neo4j's stores, indexes and transaction logs. */
async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

function bar(label: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({ format: `${label.padEnd(24)} |{bar}| {percentage}% {value}/{total} {unit}`, hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
}

async function recompute(db: Database, label: string): Promise<RecomputeReport> {
  const b = bar(label);
  b.start(1, 0, { unit: '' });
  try {
    return await recomputeExposure(db, {
      onProgress: (p) => {
        if (p.phase === 'load') b.setTotal(Math.max(1, p.total)), b.update(p.loaded, { unit: p.kind });
        else b.setTotal(p.total), b.update(p.done, { unit: `lists (${p.list})` });
      },
    });
  } finally {
    b.stop();
  }
}

const report: BenchReport = {
  name: NAME, entitiesRequested: ENTITIES, seed: SEED, date: new Date().toISOString(), machine: machine(),
  versions: null, neo4jMemory: { heap: HEAP, pageCache: PAGE_CACHE }, steps: {}, notes: [],
};
const file = fromRoot(`bench/results/${NAME}-${ENTITIES}.json`);
/** Written after every step too, so a run stopped half-way still leaves its figures (`partial: true`). */
async function save(partial: boolean): Promise<void> {
  report.table = tableRows(report);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...report, partial }, null, 2)}\n`);
}
const ONLINE_LOAD = argv.includes('--online-load');
let tmp = await mkdtemp(path.join(os.tmpdir(), 'oe-bench-'));
const dataDirs = [tmp];
await ensureNeo4jJars(log);
const startNeo4j = async (dataDir: string) => startEmbeddedNeo4j({ port: await findFreePort(), dataDir, heap: HEAP, pageCache: PAGE_CACHE, txTimeout: '900s', log });
let neo4j = await startNeo4j(tmp);
let db = new Database({ uri: neo4j.uri, user: 'neo4j', queryTimeoutMs: 120_000 });
let failed = false;
try {
  await applySchema(db);
  report.versions = await versions(db);

  // --- the Hikvision seed alone ------------------------------------------------------------------------
  const seed = await loadSeed(db);
  await recomputeExposure(db); // warm-up: a fresh JVM compiles the plans on the first run
  const seedRecompute = await recomputeExposure(db);
  report.steps.seed = { load: seed, recomputeMs: seedRecompute.totalMs };
  await save(true);
  if (!argv.includes('--skip-http')) {
    const api = await startApiServer(neo4j.uri, log);
    try {
      const pairs = await seedPathPairs();
      report.steps.seedPaths = { pairs: pairs.length, ...(await measure(api, pathRequests(pairs), 10, SECONDS)) };
    } finally {
      await api.stop();
    }
  }

  // --- the synthetic graph -----------------------------------------------------------------------------
  const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
  const graph = new SyntheticGraph({ entities: ENTITIES, seed: SEED, listIds: regimes.map((r) => r.id) });
  if (ONLINE_LOAD) {
    const b = bar('loading synthetic graph');
    b.start(ENTITIES, 0, { unit: '' });
    const loaded = await loadSynthetic(db, graph, {
      regimes,
      onProgress: (p) => b.update(p.done, { unit: `${p.phase}: ${p.written.entities} entities, ${p.written.owns} OWNS` }),
    });
    b.stop();
    const rels = loaded.written.owns + loaded.written.controls;
    report.steps.load = {
      ...loaded,
      relationshipsPerSecond: Math.round(rels / (loaded.phases.edges.ms / 1000)),
      relationshipsPerWriteSecond: Math.round(rels / (loaded.phases.edges.writeMs / 1000)),
      entitiesPerSecond: Math.round(loaded.written.entities / (loaded.phases.entities.ms / 1000)),
    };
    report.graph = { entities: ENTITIES + seed.entities, owns: loaded.written.owns + seed.ownership, controls: loaded.written.controls + seed.control, decisions: loaded.written.decisions + seed.decisions };
  } else {
    // The offline importer needs a stopped, empty store: the seed-alone database is done with.
    await db.close();
    await neo4j.stop();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'oe-bench-bulk-'));
    dataDirs.push(tmp);
    const imported = await bulkImport(graph, regimes, tmp, HEAP, log);
    const t0 = performance.now();
    neo4j = await startNeo4j(tmp);
    db = new Database({ uri: neo4j.uri, user: 'neo4j', queryTimeoutMs: 120_000 });
    const bulk = await finishBulkBench(db, imported, Math.round(performance.now() - t0));
    report.steps.bulkLoad = bulk;
    const c = bulk.csv.counts;
    report.graph = { entities: ENTITIES + seed.entities, owns: c.owns + seed.ownership, controls: c.controls + seed.control, decisions: c.decisions + seed.decisions };
  }
  await save(true);

  const full = await recompute(db, 'full recompute');
  report.steps.recompute = { ...full, benchProcessMemory: memoryOf(process.pid) };
  await save(true);

  const ofac = regimes.find((r) => r.id === 'us-ofac-sdn')!;
  const bis = regimes.find((r) => r.id === 'us-bis-entity-list')!;
  const ids = Array.from({ length: graph.size }, (_, i) => graph.id(i));
  const checks = [];
  for (const [k, regime] of [ofac, bis].entries()) checks.push(await checkAgainstReference(db, regime, today(), ids, Math.ceil(SAMPLES / 2), SEED + k));
  report.steps.correctness = checks;
  failed = checks.some((c) => c.agreed !== c.sampled);
  const ofacList = full.lists.find((l) => l.list === ofac.id)!;
  const engineOfacMs = full.loadMs + full.indexMs + ofacList.computeMs + ofacList.writeMs;
  const referenceAllMs = checks[0]!.referenceMs.mean * graph.size;
  report.steps.baseline = {
    list: ofac.id,
    referenceMeanMsPerEntity: checks[0]!.referenceMs.mean,
    referenceP95MsPerEntity: checks[0]!.referenceMs.p95,
    referenceExtrapolatedMs: Math.round(referenceAllMs),
    engineMs: engineOfacMs,
    speedUp: Math.round((referenceAllMs / engineOfacMs) * 10) / 10,
    engineAllListsMs: full.totalMs,
  };
  await save(true);

  report.steps.incremental = await incremental(db, graph);
  await save(true);
  report.steps.exposureReads = await exposureReads(db, graph);
  await save(true);

  const pairs = samplePathPairs(graph, 300, SEED);
  const terms = sampleSearchTerms(graph, 300, SEED);
  if (!argv.includes('--skip-http')) {
    const api = await startApiServer(neo4j.uri, log);
    try {
      // Words none of `terms` repeats: far more than a run can ask, so every cold request is a first one.
      const coldTerms = [...new Set(sampleSearchTerms(graph, 20_000, SEED + 1))].filter((t) => !terms.includes(t));
      report.steps.http = await httpFigures(api, neo4j.pid, sampleEntities(graph, 2000, SEED), pairs, terms, { seconds: SECONDS, connections: 50, lightConnections: 10, coldTerms });
      // The seed's paths again on a warm server (its component is apart from the synthetic graph's).
      report.steps.seedPathsWarm = { pairs: (await seedPathPairs()).length, ...(await measure(api, pathRequests(await seedPathPairs()), 10, SECONDS)) };
      await save(true);
    } finally {
      await api.stop();
    }
  }
  report.steps.memory = { neo4j: memoryOf(neo4j.pid), benchProcess: memoryOf(process.pid) };
  report.steps.profiles = await hotQueryProfiles(neo4j.uri, graph, pairs[5]!, terms[0]!);
  report.steps.storeMB = Math.round((await directoryBytes(tmp)) / 1e6);
  report.machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  report.machine.cpuProbeMsAtEnd = cpuProbe();
} finally {
  await db.close();
  await neo4j.stop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
}

await save(false);
printTable(report, report.table ?? []);
console.log(`\n${markdownTable(report.table ?? [])}`);
console.log(`\nwritten ${path.relative(fromRoot('.'), file)}`);
if (failed) {
  console.error('CORRECTNESS: some sampled materialised determinations disagree with the reference (see steps.correctness)');
  process.exitCode = 1;
}
