// Loads the built-in regimes and the Hikvision case. Idempotent: every write is a MERGE by id, so a
// second run leaves the graph exactly as the first did. Nodes are written before the edges that
// reference them, and references are checked before anything is written.
import path from 'node:path';
import type { Database } from '../db/database.js';
import { GraphWriter } from '../db/repos/graph-writer.js';
import { readCase, readRegimes } from '../formats/seed-files.js';
import { SEED_DIR } from '../paths.js';

export interface SeedReport {
  lists: number;
  sources: number;
  entities: number;
  ownership: number;
  control: number;
  decisions: number;
  ms: number;
}

export async function loadSeed(db: Database, caseDir = path.join(SEED_DIR, 'hikvision')): Promise<SeedReport> {
  const started = performance.now();
  const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
  const data = await readCase(caseDir, new Set(regimes.map((r) => r.id)));
  const writer = new GraphWriter(db);
  await writer.lists(regimes);
  await writer.sources(data.sources);
  await writer.entities(data.entities);
  await writer.ownership(data.ownership);
  await writer.control(data.control);
  await writer.decisions(data.decisions);
  return {
    lists: regimes.length,
    sources: data.sources.length,
    entities: data.entities.length,
    ownership: data.ownership.length,
    control: data.control.length,
    decisions: data.decisions.length,
    ms: Math.round(performance.now() - started),
  };
}
