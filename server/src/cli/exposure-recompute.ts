// `npm run exposure:recompute`: recompute every list's materialised determinations as of today (or
// `--as-of YYYY-MM-DD`), with a progress bar, then print counts per list and timings.
import cliProgress from 'cli-progress';
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { isIsoDate, today } from '../domain/dates.js';
import { recomputeExposure, type RecomputeProgress } from '../services/exposure-recompute.js';

function asOfArgument(argv: string[]): string {
  const at = argv.indexOf('--as-of');
  const value = at >= 0 ? argv[at + 1] : undefined;
  if (at < 0) return today();
  if (value === undefined || !isIsoDate(value)) throw new Error('--as-of needs a calendar date YYYY-MM-DD');
  return value;
}

const asOf = asOfArgument(process.argv.slice(2));
const connected = await connect(loadConfig(), (line) => console.error(line));
const bar = new cliProgress.SingleBar(
  { format: '{phase} |{bar}| {value}/{total} {unit}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
  cliProgress.Presets.shades_classic,
);
let phase = '';
const onProgress = (p: RecomputeProgress): void => {
  const name = p.phase === 'load' ? `loading ${p.kind}` : 'computing lists';
  const unit = p.phase === 'load' ? p.kind : `(${p.list})`;
  if (name !== phase) {
    if (phase !== '') bar.stop();
    phase = name;
    bar.start(Math.max(p.total, p.phase === 'load' ? p.loaded : p.done), 0, { phase: name.padEnd(20), unit });
  }
  bar.setTotal(Math.max(p.total, p.phase === 'load' ? p.loaded : p.done));
  bar.update(p.phase === 'load' ? p.loaded : p.done, { unit });
};

try {
  const report = await recomputeExposure(connected.db, { asOf, onProgress });
  bar.stop();
  console.log(
    `\nExposure as of ${report.asOf}: ${report.entities} entities, ${report.ownerships} OWNS, ${report.controls} CONTROLS, ` +
      `${report.decisions} decisions (load ${report.loadMs} ms, index ${report.indexMs} ms)`,
  );
  console.log(`${'list'.padEnd(22)} ${'listed'.padStart(8)} ${'exposed'.padStart(8)} ${'possibly'.padStart(8)} ${'clear'.padStart(9)} ${'compute'.padStart(9)} ${'write'.padStart(9)}`);
  for (const l of report.lists) {
    const c = l.counts;
    console.log(
      `${l.list.padEnd(22)} ${String(c.listed).padStart(8)} ${String(c.exposed).padStart(8)} ${String(c.possibly_exposed).padStart(8)} ` +
        `${String(c.clear).padStart(9)} ${`${l.computeMs} ms`.padStart(9)} ${`${l.writeMs} ms`.padStart(9)}`,
    );
  }
  for (const s of report.skipped) console.log(`skipped ${s.list}: ${s.reason}`);
  if (report.graphChanged) console.log(`warning: the graph changed while computing (${report.attempts} attempts); run again for a settled result`);
  console.log(`total ${report.totalMs} ms`);
} catch (err) {
  bar.stop();
  throw err;
} finally {
  await connected.close();
}
