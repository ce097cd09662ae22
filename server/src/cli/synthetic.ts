// `npm run synthetic -- --entities N --seed S [--resume] [--no-recompute]`: streams a deterministic synthetic
// ownership graph into the configured Neo4j (the embedded one unless NEO4J_URI is set) with a progress bar,
// then recomputes the materialised exposure so the API answers for the new graph at once.
// With `--bulk [--csv-dir DIR]` the same graph goes through Neo4j's offline importer instead
// (cli/synthetic-bulk.ts): far faster, but only into an empty, stopped embedded database.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { readRegimes } from '../formats/seed-files.js';
import { SEED_DIR } from '../paths.js';
import { bulkLoadCli } from './synthetic-bulk.js';
import { recomputeExposure } from '../services/exposure-recompute.js';
import { SyntheticGraph } from '../synthetic/generate.js';
import { loadSynthetic, type LoadPhase } from '../synthetic/load.js';

function intArgument(argv: string[], name: string, fallback?: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer`);
  return value;
}

const argv = process.argv.slice(2);
const entities = intArgument(argv, 'entities');
const seed = intArgument(argv, 'seed', 42);
const resume = argv.includes('--resume');

const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
const graph = new SyntheticGraph({ entities, seed, listIds: regimes.map((r) => r.id) });
if (argv.includes('--bulk')) {
  const at = argv.indexOf('--csv-dir');
  await bulkLoadCli({ config: loadConfig(), graph, regimes, ...(at >= 0 && { csvDir: argv[at + 1] }), recompute: !argv.includes('--no-recompute') });
  process.exit(0);
}
const connected = await connect(loadConfig(), (line) => console.error(line));
const bar = new cliProgress.SingleBar(
  { format: '{phase} |{bar}| {percentage}% {value}/{total} entities | {counts}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
  cliProgress.Presets.shades_classic,
);
let current: LoadPhase | null = null;
try {
  const report = await loadSynthetic(connected.db, graph, {
    regimes,
    resume,
    onProgress: (p) => {
      if (p.phase !== current) {
        if (current !== null) bar.stop();
        current = p.phase;
        bar.start(p.total, 0, { phase: p.phase.padEnd(9), counts: '' });
      }
      const w = p.written;
      bar.update(p.done, { counts: `written ${w.entities} entities, ${w.owns} OWNS, ${w.controls} CONTROLS, ${w.decisions} decisions; ${p.skippedBatches} batches already there` });
    },
  });
  bar.stop();
  const { written: w, phases } = report;
  console.log(`\nSynthetic graph seed ${seed}, ${entities} entities (ids ${graph.id(0)} …): wrote ${w.entities} entities, ${w.owns} OWNS, ${w.controls} CONTROLS, ${w.decisions} decisions in ${report.ms} ms` +
    (report.skippedBatches > 0 ? `; skipped ${report.skippedBatches} batches already present` : ''));
  console.log(`  entities ${phases.entities.ms} ms, edges ${phases.edges.ms} ms (${Math.round((w.owns + w.controls) / (phases.edges.ms / 1000))} relationships/s), decisions ${phases.decisions.ms} ms`);
  if (!argv.includes('--no-recompute')) {
    console.log('Recomputing the materialised exposure of every list…');
    const r = await recomputeExposure(connected.db);
    console.log(`  done in ${r.totalMs} ms: ${r.lists.map((l) => `${l.list} ${l.counts.listed + l.counts.exposed + l.counts.possibly_exposed} non-clear`).join(', ')}`);
  }
} catch (err) {
  bar.stop();
  throw err;
} finally {
  await connected.close();
}
