// Helpers for the import tests: what an import left under an id prefix, and a deterministic dump of
// it to compare before and after a second import of the same files.
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
