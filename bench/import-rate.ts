// Benchmark of the import (run by hand: `npm run bench:import [-- --records 100000 --batch-size 1000]`).
// Writes a deterministic synthetic FollowTheMoney file (bench/synthetic-ftm.ts: companies, people, public
// bodies, funds, ownerships with every percentage form, directorships, sanctions from five authorities)
// to a temporary directory, starts a FRESH throw-away embedded Neo4j (or uses NEO4J_URI — then it must be
// an empty, disposable database), loads the seed and materialises exposure as a server does at start,
// then imports the file through the import service the CLI and the API use — batches, checkpoints,
// change-counting upserts and the incremental exposure refresh included — and imports it a second time
// (everything unchanged). Prints records/s and writes bench/results/import-rate.json. A timing is a
// report, never a pass/fail; on a shared machine it depends on what else runs.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../server/src/db/database.js';
import { ensureNeo4jJars, findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/src/db/embedded.js';
import { applySchema } from '../server/src/db/schema.js';
import { fromRoot } from '../server/src/paths.js';
import { recomputeExposure } from '../server/src/services/exposure-recompute.js';
import type { ImportProgress } from '../server/src/services/import/pipeline.js';
import type { ImportReport } from '../server/src/services/import/report.js';
import { ImportService } from '../server/src/services/import/service.js';
import { loadSeed } from '../server/src/services/seed.js';
import { writeSyntheticFtm } from './synthetic-ftm.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RECORDS = arg('records', 100_000);
const BATCH = arg('batch-size', 1000);
const SEED = arg('seed', 42);
const ms = (t0: number): number => Math.round(performance.now() - t0);

interface Timed {
  report: ImportReport;
  totalMs: number;
  /** Reading, checking and writing the batches (until the exposure refresh starts). */
  writeMs: number;
  refreshMs: number;
}

async function timedImport(service: ImportService, file: string, dataset: string): Promise<Timed> {
  const t0 = performance.now();
  let refreshAt: number | null = null;
  let lastPrint = 0;
  const onProgress = (p: ImportProgress) => {
    if (p.phase === 'refreshing-exposure' && refreshAt === null) refreshAt = performance.now();
    if (p.phase === 'reading' && performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      process.stderr.write(`  ${dataset}: ${p.read} records, ${p.batches} batches, ${Math.round((p.bytesRead / Math.max(1, p.bytesTotal)) * 100)}% read\n`);
    }
  };
  const report = await service.importPath('ftm', file, dataset, { batchSize: BATCH, onProgress });
  const totalMs = ms(t0);
  const writeMs = refreshAt === null ? totalMs : Math.round(refreshAt - t0);
  return { report, totalMs, writeMs, refreshMs: totalMs - writeMs };
}

const rate = (records: number, millis: number) => Math.round((records / Math.max(1, millis)) * 1000);

function print(label: string, t: Timed): void {
  const r = t.report;
  console.log(`${label}: ${r.read} records in ${(t.totalMs / 1000).toFixed(1)} s = ${rate(r.read, t.totalMs)} records/s`);
  console.log(`  batches of ${BATCH}: ${(t.writeMs / 1000).toFixed(1)} s (${rate(r.read, t.writeMs)} records/s); exposure refresh ${(t.refreshMs / 1000).toFixed(1)} s (${r.exposure.note})`);
  console.log(`  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`);
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'oe-bench-import-'));
  let embedded: EmbeddedNeo4j | null = null;
  let db: Database | null = null;
  try {
    let t0 = performance.now();
    const file = path.join(work, `synthetic-${RECORDS}.ftm.jsonl`);
    const expected = await writeSyntheticFtm(file, { records: RECORDS, seed: SEED });
    const warmFile = path.join(work, 'warm-up.ftm.jsonl');
    await writeSyntheticFtm(warmFile, { records: 2000, seed: SEED + 1 });
    const bytes = (await stat(file)).size;
    console.log(
      `Generated ${RECORDS} FtM records (${(bytes / 1e6).toFixed(1)} MB): ${expected.entities} entities, ${expected.owns} ownerships, ${expected.controls} directorships, ${expected.decisions} decisions, in ${ms(t0)} ms`,
    );

    let uri = process.env['NEO4J_URI'];
    if (!uri) {
      await ensureNeo4jJars((l) => console.error(l));
      t0 = performance.now();
      embedded = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir: path.join(work, 'neo4j'), heap: '2g', pageCache: '1g', txTimeout: '600s' });
      uri = embedded.uri;
      console.log(`Fresh embedded Neo4j at ${uri} in ${ms(t0)} ms`);
    }
    db = new Database({ uri, user: 'neo4j', password: process.env['NEO4J_PASSWORD'], queryTimeoutMs: 120_000 });
    await applySchema(db);
    await loadSeed(db);
    await recomputeExposure(db); // materialised, as a server keeps it: the import refreshes it incrementally
    const service = new ImportService(db);

    // The first queries on a fresh JVM compile their plans: a small import first, timed on its own.
    const warm = await timedImport(service, warmFile, 'bench-warm-up');
    print('Warm-up (2000 records, query plans compile)', warm);
    const first = await timedImport(service, file, 'bench');
    print(`\nImport of ${RECORDS} records into the fresh database`, first);
    const second = await timedImport(service, file, 'bench');
    print('Second import of the same file (nothing changes)', second);

    const result = {
      generatedAt: new Date().toISOString(),
      records: RECORDS,
      fileBytes: bytes,
      batchSize: BATCH,
      seed: SEED,
      expected: { entities: expected.entities, owns: expected.owns, controls: expected.controls, decisions: expected.decisions },
      first: { ms: first.totalMs, recordsPerSecond: rate(first.report.read, first.totalMs), writeMs: first.writeMs, refreshMs: first.refreshMs, created: first.report.created, rejected: first.report.rejected, exposure: first.report.exposure.note },
      second: { ms: second.totalMs, recordsPerSecond: rate(second.report.read, second.totalMs), created: second.report.created, updated: second.report.updated, unchanged: second.report.unchanged },
      warmUp: { records: warm.report.read, ms: warm.totalMs },
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
      note: 'Wall-clock on a machine shared with other work: compare runs on the same machine only.',
    };
    await mkdir(fromRoot('bench/results'), { recursive: true });
    await writeFile(fromRoot('bench/results/import-rate.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWrote bench/results/import-rate.json (load average ${result.machine.loadAverage.join(' ')} on ${result.machine.cpus} CPUs)`);
  } finally {
    await db?.close();
    if (embedded) await embedded.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
