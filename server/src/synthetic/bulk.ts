// What an offline import (the launcher's --import mode on synthetic/csv.ts's files) leaves for the running
// database to do before the app may use the graph, done once the server is up on the imported store: the
// schema (constraints and indexes are not part of the import; creating them indexes what is there), the
// empty alias lists the importer cannot write, and the graph version every write path bumps (caches of
// the loaded graph compare it). The exposure recompute follows, as after the online load.
import { statements } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import { applySchema } from '../db/schema.js';

export interface BulkFinishReport {
  schemaMs: number;
  fixUpMs: number;
  ms: number;
}

export async function finishBulkLoad(db: Database): Promise<BulkFinishReport> {
  const started = performance.now();
  await applySchema(db); // waits for the indexes to come online
  const schemaDone = performance.now();
  // ddl() is the driver's auto-commit run, which CALL … IN TRANSACTIONS requires.
  for (const statement of statements('synthetic/bulk-empty-aliases')) await db.ddl(statement);
  await db.write('exposure/bump-version');
  const done = performance.now();
  return { schemaMs: Math.round(schemaDone - started), fixUpMs: Math.round(done - schemaDone), ms: Math.round(done - started) };
}
