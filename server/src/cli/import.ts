// `npm run import -- --format ftm|bods|csv|gleif <file or directory> [--dataset name]`: imports into the
// configured (or embedded) Neo4j with a progress bar on stderr and a report at the end (`--json` prints
// the whole report on stdout; `--report file` writes it). Killed half-way, the same command resumes.
// Exit codes: 0 done (rejected records are in the report), 2 bad input, 3 stopped early, 1 other errors.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { ImportProgress } from '../services/import/pipeline.js';
import type { ImportReport } from '../services/import/report.js';
import { checkFormat, ImportService } from '../services/import/service.js';
import { ImportInputError } from '../services/import/types.js';

const USAGE = `usage: npm run import -- --format ftm|bods|csv|gleif <file or directory> [--dataset name]
  --dataset name          id prefix and provenance of everything imported (default: the file's name)
  --batch-size n          records per transaction (default 1000)
  --restart               ignore the checkpoint of an interrupted run of the same files
  --json                  print the whole report as JSON on stdout
  --report file           also write the whole report as JSON to this file
  --quiet                 no progress bar
  --stop-after-batches n  stop as if killed after n batches (to try resuming)`;

function printSummary(r: ImportReport): void {
  const out = (line = '') => console.log(line);
  out(`${r.status === 'completed' ? 'imported' : 'STOPPED'} ${r.format} dataset '${r.dataset}' (${r.files.join(', ')}) in ${(r.ms / 1000).toFixed(1)} s, ${r.recordsPerSecond} records/s`);
  if (r.resumedAfterBatch !== null) out(`  resumed after batch ${r.resumedAfterBatch} of an interrupted run`);
  out(`  read ${r.read}: ${r.records} imported, ${r.merged} merged into later statements, ${r.skipped} skipped, ${r.rejected} rejected`);
  out(`  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}`);
  for (const [kind, c] of Object.entries(r.byKind)) {
    if (c.created + c.updated + c.unchanged > 0) out(`    ${kind.padEnd(10)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
  }
  for (const [reason, n] of Object.entries(r.skippedReasons)) out(`  skipped ${n}: ${reason}`);
  if (r.rejected > 0) {
    out(`  rejected ${r.rejected}:`);
    for (const x of r.rejections.slice(0, 25)) out(`    ${x.file}:${x.line}${x.id ? ` ${x.id}` : ''}: ${x.reason}`);
    if (r.rejected > 25) out(`    … ${r.rejected - 25} more (--json or --report for all)`);
  }
  if (r.warningsTotal > 0) {
    out(`  warnings ${r.warningsTotal}:`);
    for (const w of r.warnings.slice(0, 10)) out(`    ${w.file}:${w.line}${w.id ? ` ${w.id}` : ''}: ${w.message}`);
    if (r.warningsTotal > 10) out(`    … ${r.warningsTotal - 10} more (--json or --report for all)`);
  }
  out(`  exposure: ${r.exposure.note}`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        dataset: { type: 'string' },
        'batch-size': { type: 'string' },
        restart: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        report: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'stop-after-batches': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.format || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const number = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new ImportInputError(`--${name} must be a positive integer`);
    return n;
  };

  const config = loadConfig();
  const connected = await connect(config, (line) => console.error(line));
  const showBar = !values.quiet && !values.json && process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{bar} {percentage}% | {read} records | {batches} batches | {rejected} rejected | {phase}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  const onProgress = (p: ImportProgress) => {
    if (!showBar) return;
    const payload = { read: p.read, batches: p.batches, rejected: p.rejected, phase: p.phase };
    const value = p.phase === 'reading' ? Math.min(p.bytesRead, p.bytesTotal) : p.bytesTotal;
    if (!barStarted) {
      bar.start(Math.max(1, p.bytesTotal), value, payload);
      barStarted = true;
    } else bar.update(value, payload);
  };
  try {
    const format = checkFormat(values.format);
    const service = new ImportService(connected.db);
    const stopAfter = number(values['stop-after-batches'], 'stop-after-batches');
    const batchSize = number(values['batch-size'], 'batch-size');
    const report = await service.importPath(format, positionals[0]!, values.dataset, {
      restart: values.restart,
      onProgress,
      ...(batchSize !== undefined ? { batchSize } : {}),
      ...(stopAfter !== undefined ? { stopAfterBatches: stopAfter } : {}),
    });
    if (barStarted) bar.stop();
    if (values.report) await writeFile(values.report, JSON.stringify(report, null, 2));
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printSummary(report);
    return report.status === 'completed' ? 0 : 3;
  } catch (err) {
    if (barStarted) bar.stop();
    if (err instanceof ImportInputError) {
      console.error(`import: ${err.message}`);
      return 2;
    }
    console.error(`import failed: ${err instanceof AppError ? err.message : err instanceof Error ? err.stack : String(err)}`);
    return 1;
  } finally {
    await connected.close();
  }
}

process.exitCode = await main();
