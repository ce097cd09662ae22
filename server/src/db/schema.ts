// Applies cypher/schema/*.cypher in file order at start-up. Every statement is IF NOT EXISTS, so
// this is safe on every start and on a database that already has the schema.
import { queryNames, statements } from './cypher.js';
import type { Database } from './database.js';

export async function applySchema(db: Database): Promise<number> {
  let applied = 0;
  for (const name of queryNames('schema')) {
    for (const statement of statements(name)) {
      await db.ddl(statement);
      applied += 1;
    }
  }
  await db.ddl('CALL db.awaitIndexes(60)');
  return applied;
}
