// What an offline import (the launcher's --import mode on synthetic/csv.ts's files) leaves for the running
// database to do before the app may use the graph, done once the server is up on the imported store: the
// schema (constraints and indexes are not part of the import; creating them indexes what is there) and the
// graph version every write path bumps (caches of the loaded graph compare it). The exposure recompute
// follows, as after the online load.
import type { Database } from '../db/database.js';
import { applySchema } from '../db/schema.js';

export interface BulkFinishReport {
  schemaMs: number;
}

export async function finishBulkLoad(db: Database): Promise<BulkFinishReport> {
  const started = performance.now();
  await applySchema(db); // waits for the indexes to come online
  await db.write('exposure/bump-version');
  return { schemaMs: Math.round(performance.now() - started) };
}
