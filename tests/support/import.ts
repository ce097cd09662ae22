// Helpers for the import tests: what an import left under an id prefix (counts, edges, a deterministic
// dump to compare before and after a second import), the command line as a child process that can be
// killed, POST /api/v1/imports with its job polled to the end, and removing a dataset afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Database } from '../../server/src/db/database.js';
import type { ImportReport } from '../../server/src/services/import/report.js';
import { fromRoot } from '../../server/src/paths.js';

export const IMPORT_FIXTURES = fromRoot('tests/fixtures/import');

export async function importFingerprint(db: Database, prefix: string): Promise<string> {
  return JSON.stringify(await db.read('test/import-fingerprint', { p: prefix }));
}

export async function importCounts(db: Database, prefix: string): Promise<Record<string, number>> {
  const [row] = await db.read('test/import-counts', { p: prefix });
  return row as Record<string, number>;
}

/** The parts of a report that must not change between two imports of the same files. */
export function stableParts(r: ImportReport) {
  return { read: r.read, records: r.records, merged: r.merged, skipped: r.skipped, rejected: r.rejected, rejections: r.rejections, skippedReasons: r.skippedReasons, warningsTotal: r.warningsTotal };
}

/** Every item of the first import is found unchanged by the second. */
export function secondRunOf(first: ImportReport) {
  const byKind = Object.fromEntries(
    Object.entries(first.byKind).map(([k, c]) => [k, { created: 0, updated: 0, unchanged: c.created + c.updated + c.unchanged }]),
  );
  return { created: 0, updated: 0, unchanged: first.created + first.updated + first.unchanged, byKind };
}

/** Removes everything an import of `format`/`dataset` wrote: its items, runs and its Source node. */
export async function deleteDataset(db: Database, format: string, dataset: string): Promise<void> {
  await db.write('test/delete-prefixed', { p: `${format}-${dataset}` });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The report (`--json`), when the command printed one. */
  report: ImportReport | null;
}

/**
 * `npm run import` as a user runs it: `tsx server/src/cli/import.ts …` in a child process against the
 * test run's Neo4j. Detached into its own process group, because tsx runs the command in a child of its
 * own: killing the group (killImportCli) kills the process that imports, not only tsx.
 */
export function spawnImportCli(args: string[]): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(fromRoot('node_modules/.bin/tsx'), ['server/src/cli/import.ts', ...args, '--json'], {
    cwd: fromRoot('.'),
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => void (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let report: ImportReport | null = null;
      try {
        report = stdout.trim() ? (JSON.parse(stdout) as ImportReport) : null;
      } catch {
        report = null;
      }
      resolve({ code, signal, stdout, stderr, report });
    });
  });
  return { child, done };
}

export function killImportCli(child: ChildProcess): void {
  process.kill(-child.pid!, 'SIGKILL');
}

/** Runs the command line to the end; fails with its output when it does not exit 0. */
export async function runImportCli(args: string[]): Promise<ImportReport> {
  const r = await spawnImportCli(args).done;
  if (r.code !== 0 || !r.report) throw new Error(`import CLI exited ${r.code ?? r.signal}:\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  return r.report;
}

export const IMPORT_API_KEY = 'itest-import-api-key-0123456789';

/**
 * POST /api/v1/imports, raw (`query` has format) or as a JSON envelope, and the finished job: a 202
 * (still running after `wait`) is polled at GET /imports/:id until it is over.
 */
export async function postImport(baseUrl: string, query: string, body: string, contentType: string): Promise<{ status: number; job: any }> {
  const res = await fetch(`${baseUrl}/api/v1/imports?wait=120&${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${IMPORT_API_KEY}` },
    body,
  });
  let job = (await res.json()) as any;
  if (res.status !== 202) return { status: res.status, job };
  const location = res.headers.get('location')!;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = await (await fetch(`${baseUrl}${location}`, { headers: { authorization: `Bearer ${IMPORT_API_KEY}` } })).json();
  }
  return { status: 200, job };
}

/** Edges (test/import-edges) without the dataset's id prefix, sorted so the order is the test's own. */
export async function importedEdges(db: Database, prefix: string): Promise<Record<string, unknown>[]> {
  const rows = await db.read('test/import-edges', { p: prefix });
  const key = (r: Record<string, unknown>) => JSON.stringify([r.type, r.from, r.to, r.start ?? '']);
  return rows.map((r) => ({ ...r, id: String(r.id).slice(prefix.length) })).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
