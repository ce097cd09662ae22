// Imports of larger generated FtM files (bench/synthetic-ftm.ts, written to a temporary directory):
// - killed: `npm run import` is SIGKILLed three times at random points (after a random number of
//   batches, and at a random moment inside a batch), each rerun resuming the one before; the last rerun
//   finishes with the exact counts of the file, no duplicate ids, no edge to a missing or placeholder
//   node, and decisions that all name an entity — and a further run changes nothing;
// - 10% bad: every tenth line is bad (a percentage over 100, an unknown owner, no id); the report names
//   each with its line and reason, and all the good records around them are imported.
// Data is written under `ftm-itest-resume-*` and `ftm-itest-bad-*` and removed afterwards.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeSyntheticFtm, type SyntheticExpectation } from '../../bench/synthetic-ftm.js';
import { ImportRunRepo, type StoredRun } from '../../server/src/db/repos/import-runs.js';
import { resolveInput } from '../../server/src/services/import/input.js';
import { runIdFor } from '../../server/src/services/import/pipeline.js';
import { ownerAlive } from '../../server/src/services/import/run-owner.js';
import { startExposureServer } from '../support/exposure.js';
import {
  IMPORT_API_KEY,
  deleteDataset,
  importCounts,
  importedEdges,
  importFingerprint,
  killImportCli,
  postImport,
  runImportCli,
  spawnImportCli,
} from '../support/import.js';
import type { TestServer } from '../support/server.js';

const SLOW = 600_000;
let server: TestServer;
let dir: string;
const written: string[] = [];

beforeAll(async () => {
  server = await startExposureServer(IMPORT_API_KEY);
  dir = await mkdtemp(path.join(os.tmpdir(), 'oe-import-resume-'));
});
afterAll(async () => {
  for (const dataset of written) await deleteDataset(server.db, 'ftm', dataset);
  await server.close();
});

/** Polls `check` (a database read) until it returns a value, or fails after `ms`. */
async function waitFor<T>(what: string, check: () => Promise<T | null>, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every item the file must create: its entities, edges and decisions, and the one list of its own (Japan). */
const totalItems = (e: SyntheticExpectation) => e.entities + e.owns + e.controls + e.decisions + 1;

async function expectExactGraph(prefix: string, e: SyntheticExpectation): Promise<void> {
  const counts = await importCounts(server.db, prefix);
  expect(counts).toEqual({
    entities: e.entities,
    entityIds: e.entities,
    persons: e.persons,
    stateBodies: e.stateBodies,
    vehicles: e.vehicles,
    owns: e.owns,
    ownsIds: e.owns,
    ownsLeaving: 0,
    controls: e.controls,
    controlsIds: e.controls,
    controlsLeaving: 0,
    decisions: e.decisions,
    decisionIds: e.decisions,
    decisionsWithoutList: 0,
    decisionsNamingNobody: 0,
  });
  const perList: Record<string, number> = {};
  for (const d of await server.db.read('test/import-listings', { p: prefix })) {
    const list = String(d.list).replace(prefix, 'PREFIX');
    perList[list] = (perList[list] ?? 0) + 1;
    expect((d.names as string[]).length).toBe(1);
  }
  expect(perList).toEqual(e.decisionsByList);
  const edges = new Map((await importedEdges(server.db, prefix)).map((x) => [x.id, x]));
  for (const s of e.samples) {
    expect(edges.get(s.edgeId)).toMatchObject({ percent: s.percent, percentMin: s.percentMin, percentMax: s.percentMax, start: s.start });
  }
}

describe('a killed import resumes', () => {
  it('killed three times at random points, the reruns finish with the exact graph, and one more run changes nothing', async () => {
    const dataset = 'itest-resume';
    const prefix = `ftm-${dataset}-`;
    written.push(dataset);
    const file = path.join(dir, 'resume.ftm.jsonl');
    const expected = await writeSyntheticFtm(file, { records: 3000, seed: 11 });
    const batchSize = 100;
    const batches = Math.ceil(expected.lines / batchSize);
    const entityBatches = Math.ceil(expected.entities / batchSize);
    const runId = runIdFor('ftm', dataset, (await resolveInput('ftm', file)).hash);
    const runs = new ImportRunRepo(server.db);
    const args = ['--format', 'ftm', file, '--dataset', dataset, '--batch-size', String(batchSize)];
    const seed = Number(process.env.IMPORT_KILL_SEED ?? Date.now() % 1_000_000);
    let state = seed;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);

    // Kill points: after a few batches; a random moment inside a later batch; in the edges pass.
    const plans: { atLeast: (prev: number) => number; thenWaitMs: number }[] = [
      { atLeast: () => 2 + rand(4), thenWaitMs: 0 },
      { atLeast: (prev) => prev + 3 + rand(4), thenWaitMs: rand(400) },
      { atLeast: (prev) => Math.max(prev + 3, entityBatches + 1) + rand(4), thenWaitMs: 0 },
    ];
    const checkpoints: number[] = [];
    for (const [i, plan] of plans.entries()) {
      const prev = checkpoints[i - 1] ?? 0;
      const target = plan.atLeast(prev);
      expect(target).toBeLessThan(batches - 3);
      const { child, done } = spawnImportCli(args);
      const at = await waitFor(`batch ${target} of run ${i + 1} (seed ${seed})`, async () => {
        const run = await runs.get(runId);
        return run && run.status === 'running' && run.lastBatch >= target ? run : null;
      });
      if (plan.thenWaitMs > 0) await new Promise((r) => setTimeout(r, plan.thenWaitMs));
      killImportCli(child);
      const result = await done;
      expect(result.signal).toBe('SIGKILL');
      // The process that imported (tsx's child) is dead, or an unreaped zombie: the run is resumable.
      await waitFor('the killed importer to die', async () => (ownerAlive(at.owner, runId, at.heartbeat) ? null : true), 30_000);
      const killed = (await runs.get(runId)) as StoredRun;
      expect(killed.status).toBe('running');
      expect(killed.lastBatch).toBeGreaterThanOrEqual(target);
      expect(killed.lastBatch).toBeLessThan(batches);
      checkpoints.push(killed.lastBatch);
      // Whatever was killed, the graph never holds a dangling edge or a decision naming nobody.
      expect(await importCounts(server.db, prefix)).toMatchObject({ ownsLeaving: 0, controlsLeaving: 0, decisionsWithoutList: 0, decisionsNamingNobody: 0 });
    }
    expect(checkpoints[2]).toBeGreaterThan(entityBatches);
    process.stderr.write(`import-resume: kill seed ${seed}: killed after batches ${checkpoints.join(', ')} of ${batches} (entities end in batch ${entityBatches})\n`);

    const finished = await runImportCli(args);
    expect(finished).toMatchObject({ status: 'completed', resumedAfterBatch: checkpoints[2], read: expected.lines, records: expected.lines, rejected: 0, skipped: 0, batches });
    // Exact counts over the interrupted runs and the last one together: nothing counted twice or lost.
    expect(finished.byKind).toEqual({
      lists: { created: 1, updated: 0, unchanged: 0 },
      entities: { created: expected.entities, updated: 0, unchanged: 0 },
      owns: { created: expected.owns, updated: 0, unchanged: 0 },
      controls: { created: expected.controls, updated: 0, unchanged: 0 },
      decisions: { created: expected.decisions, updated: 0, unchanged: 0 },
    });
    expect(finished.created).toBe(totalItems(expected));
    expect((await runs.get(runId))?.status).toBe('completed');
    await expectExactGraph(prefix, expected);

    const before = await importFingerprint(server.db, prefix);
    const again = await runImportCli(args);
    expect(again).toMatchObject({ status: 'completed', resumedAfterBatch: null, created: 0, updated: 0, unchanged: totalItems(expected) });
    expect(await importFingerprint(server.db, prefix)).toBe(before);
  }, SLOW);
});

describe('a file with 10% bad records', () => {
  it('imports the good 90%, and the report names each bad record with its line and reason', async () => {
    const dataset = 'itest-bad';
    const prefix = `ftm-${dataset}-`;
    written.push(dataset);
    const file = path.join(dir, 'bad.ftm.jsonl');
    const expected = await writeSyntheticFtm(file, { records: 2000, seed: 5, badEvery: 10 });
    expect(expected.rejections).toHaveLength(200);
    const { status, job } = await postImport(server.baseUrl, `format=ftm&dataset=${dataset}`, await readFile(file, 'utf8'), 'application/x-ndjson');
    expect([status, job.status]).toEqual([200, 'completed']);
    const report = job.report;
    expect(report).toMatchObject({ read: 2000, records: 1800, rejected: 200, rejectionsNotListed: 0, skipped: 0, created: totalItems(expected) });
    expect(report.rejections).toEqual(expected.rejections.map((r) => ({ file: 'upload.jsonl', line: r.line, id: r.id, reason: r.reason.replace('PREFIX', prefix) })));
    // one of each kind, as the user reads them
    expect(new Set(report.rejections.map((r: { reason: string }) => r.reason.replace(/'.*$/, '')))).toEqual(new Set(['percentage over 100 ', 'unknown reference: owner ', 'missing id']));
    // nothing valid was dropped because a neighbour in its batch was bad
    await expectExactGraph(prefix, expected);
  }, SLOW);
});
