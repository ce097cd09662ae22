// The bench's bulk load through Neo4j's offline importer (the default; `--online-load` keeps the UNWIND
// loader): the CSV files written by synthetic/csv.ts, the launcher's --import mode into a new, stopped data
// dir, then — once the caller has started Neo4j on it — the schema, the Hikvision seed (online, small, so
// the graph is the one the online bench built) and the finishing steps. Rates are OWNS + CONTROLS
// relationships over: the importer's own time, the import process (JVM start included), and end to end
// (CSV writing, import, Neo4j start, schema).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Database } from '../../server/src/db/database.js';
import { runBulkImport } from '../../server/src/db/embedded.js';
import type { Regime } from '../../server/src/domain/exposure/regime.js';
import { loadSeed, type SeedReport } from '../../server/src/services/seed.js';
import { finishBulkLoad, type BulkFinishReport } from '../../server/src/synthetic/bulk.js';
import { writeSyntheticCsv, type CsvReport } from '../../server/src/synthetic/csv.js';
import type { SyntheticGraph } from '../../server/src/synthetic/generate.js';

const loadAverage = (): number[] => os.loadavg().map((l) => Math.round(l * 100) / 100);

export interface BulkImportFigures {
  csv: CsvReport;
  /** Wall time of the import process (JVM start included) and the importer's own "IMPORT DONE in" time. */
  import: { ms: number; importerMs: number | null };
  /** Load averages (1/5/15 min) when the import started and ended: above 2, other work shared the cores. */
  loadAverage: { start: number[]; end: number[] };
}

export interface BulkLoadFigures extends BulkImportFigures {
  neo4jStartMs: number;
  /** Constraints and indexes built over the imported graph, and the graph version. */
  finish: BulkFinishReport;
  seed: SeedReport;
  /** CSV writing + import + Neo4j start + schema (the seed excluded). */
  endToEndMs: number;
  relationships: number;
  relationshipsPerImporterSecond: number | null;
  relationshipsPerImportSecond: number;
  relationshipsPerSecondEndToEnd: number;
}

/** Writes the CSV files and imports them into dataDir (stopped and empty); Neo4j is not running after. */
export async function bulkImport(graph: SyntheticGraph, regimes: Regime[], dataDir: string, heap: string, log: (line: string) => void): Promise<BulkImportFigures> {
  const csvDir = await mkdtemp(path.join(os.tmpdir(), 'oe-bench-csv-'));
  try {
    const bar = new cliProgress.SingleBar({ format: `${'writing CSV'.padEnd(24)} |{bar}| {percentage}% {value}/{total} entities`, hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(graph.size, 0);
    const csv = await writeSyntheticCsv(graph, regimes, csvDir, (done) => bar.update(done)).finally(() => bar.stop());
    const start = loadAverage();
    log(`offline import of ${csv.counts.entities} entities, ${csv.counts.owns + csv.counts.controls} relationships (${(csv.bytes / 1e6).toFixed(0)} MB of CSV)…`);
    const imported = await runBulkImport({ dataDir, csvDir, heap, onOutput: (line) => log(`  import: ${line}`) });
    return { csv, import: imported, loadAverage: { start, end: loadAverage() } };
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}

/** On the started server: schema, the seed, the finishing steps; then the figures. */
export async function finishBulkBench(db: Database, imported: BulkImportFigures, neo4jStartMs: number): Promise<BulkLoadFigures> {
  const finish = await finishBulkLoad(db);
  const seed = await loadSeed(db); // MERGEs by id: after the schema, whose constraints index the ids
  await db.write('exposure/bump-version'); // the seed is a write too
  const c = imported.csv.counts;
  const relationships = c.owns + c.controls;
  const endToEndMs = imported.csv.ms + imported.import.ms + neo4jStartMs + finish.schemaMs;
  const rate = (ms: number): number => Math.round(relationships / (ms / 1000));
  return {
    ...imported, neo4jStartMs, finish, seed, endToEndMs, relationships,
    relationshipsPerImporterSecond: imported.import.importerMs ? rate(imported.import.importerMs) : null,
    relationshipsPerImportSecond: rate(imported.import.ms),
    relationshipsPerSecondEndToEnd: rate(endToEndMs),
  };
}
