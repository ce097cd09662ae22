// `npm run synthetic -- --entities N --seed S --bulk [--csv-dir DIR] [--no-recompute]`: the synthetic graph
// through Neo4j's offline importer instead of Bolt. It writes CSV files (synthetic/csv.ts), builds the
// embedded database's store from them with the server stopped (the launcher's --import mode), starts the
// server on it (which creates the schema), sets the graph version (synthetic/bulk.ts), and recomputes the
// exposure. Only into an empty, stopped embedded data dir: refused, before any work, otherwise.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { connect } from '../bootstrap.js';
import type { Config } from '../config.js';
import { bulkImportRefusal, runBulkImport } from '../db/embedded.js';
import type { Regime } from '../domain/exposure/regime.js';
import { fromRoot } from '../paths.js';
import { recomputeExposure } from '../services/exposure-recompute.js';
import { finishBulkLoad } from '../synthetic/bulk.js';
import { writeSyntheticCsv } from '../synthetic/csv.js';
import type { SyntheticGraph } from '../synthetic/generate.js';

export interface BulkCliOptions {
  config: Config;
  graph: SyntheticGraph;
  regimes: Regime[];
  /** Keep the CSV files here; without it they go to a temp dir that is removed afterwards. */
  csvDir?: string;
  recompute: boolean;
}

export async function bulkLoadCli({ config, graph, regimes, csvDir, recompute }: BulkCliOptions): Promise<void> {
  if (config.NEO4J_URI) throw new Error('--bulk builds the embedded database\'s store offline; it cannot load into NEO4J_URI (use the online load without --bulk)');
  const dataDir = fromRoot(config.NEO4J_DATA_DIR);
  const refusal = await bulkImportRefusal(dataDir);
  if (refusal) throw new Error(`--bulk refused: ${refusal}`);

  const started = performance.now();
  const dir = csvDir ? path.resolve(csvDir) : await mkdtemp(path.join(os.tmpdir(), 'oe-synthetic-csv-'));
  try {
    const bar = new cliProgress.SingleBar(
      { format: 'writing CSV |{bar}| {percentage}% {value}/{total} entities', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(graph.size, 0);
    const csv = await writeSyntheticCsv(graph, regimes, dir, (done) => bar.update(done)).finally(() => bar.stop());
    const c = csv.counts;
    const rels = c.owns + c.controls;
    console.log(`CSV: ${c.entities} entities, ${c.owns} OWNS, ${c.controls} CONTROLS, ${c.decisions} decisions (${(csv.bytes / 1e6).toFixed(1)} MB in ${dir}) in ${csv.ms} ms`);

    console.log(`Offline import into ${dataDir} (Neo4j's importer; its progress follows)…`);
    const imported = await runBulkImport({ dataDir, csvDir: dir, heap: config.NEO4J_HEAP, onOutput: (line) => process.stderr.write(`  ${line}\n`) });
    const own = imported.importerMs ? `; the importer's own ${imported.importerMs} ms: ${Math.round(rels / (imported.importerMs / 1000))} relationships/s` : '';
    console.log(`  import process ${imported.ms} ms: ${Math.round(rels / (imported.ms / 1000))} relationships/s (OWNS + CONTROLS)${own}`);

    const t0 = performance.now();
    const connected = await connect(config, (line) => console.error(line));
    console.log(`  Neo4j started and the schema (constraints, full-text and other indexes) built over the imported graph in ${Math.round(performance.now() - t0)} ms`);
    try {
      const finish = await finishBulkLoad(connected.db);
      const total = performance.now() - started;
      console.log(`  schema check and graph version ${finish.schemaMs} ms`);
      console.log(`Synthetic graph seed ${graph.layout.seed}, ${graph.size} entities loaded in ${Math.round(total)} ms end to end: ${Math.round(rels / (total / 1000))} relationships/s`);
      if (recompute) {
        console.log('Recomputing the materialised exposure of every list…');
        const r = await recomputeExposure(connected.db);
        console.log(`  done in ${r.totalMs} ms`);
      }
    } finally {
      await connected.close();
    }
  } finally {
    if (!csvDir) await rm(dir, { recursive: true, force: true });
  }
}
