// What an offline import (the launcher's --import mode on synthetic/csv.ts's files) leaves for the running
// database to do before the app may use the graph, done once the server is up on the imported store: what
// the importer cannot write (empty alias lists, searchText's line breaks: cypher/synthetic/bulk-fix-ups),
// the schema (constraints and indexes are not part of the import; creating them indexes what is there),
// and the graph version every write path bumps (caches of the loaded graph compare it). The exposure
// recompute follows, as after the online load.
import { statements } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import { applySchema } from '../db/schema.js';

export interface BulkFinishReport {
  fixUpMs: number;
  schemaMs: number;
  ms: number;
}

export async function finishBulkLoad(db: Database): Promise<BulkFinishReport> {
  const started = performance.now();
  // Before the schema when the caller has not applied it yet, so the full-text index is built once, on
  // the final searchText. ddl() is the driver's auto-commit run, which CALL … IN TRANSACTIONS requires.
  for (const statement of statements('synthetic/bulk-fix-ups')) await db.ddl(statement);
  const fixedUp = performance.now();
  await applySchema(db); // waits for the indexes to come online
  await db.write('exposure/bump-version');
  const done = performance.now();
  return { fixUpMs: Math.round(fixedUp - started), schemaMs: Math.round(done - fixedUp), ms: Math.round(done - started) };
}
