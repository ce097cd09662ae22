// Benchmark of the layered ownership layout against dagre in headless Chromium (run by hand:
// `npm run bench:layout [-- --runs 3 --sizes 2000,7000 --no-dagre-above 8000]`). Builds bench/layout-page
// with Vite (the app's stylesheet, cytoscape, the layout and its Web Worker), serves it on 127.0.0.1, and per
// size times: adding the elements, laying them out, and the first drawn frame; then expanding a deep node.
// dagre runs on the same graphs in the same browser. Prints a table, writes bench/results/layout.json and
// screenshots of the 2,000-element view. Timings are a report, never a pass/fail.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Engine, RunTimings } from './layout-page/main.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'results');

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const RUNS = Number(arg('runs', '3'));
const SIZES = arg('sizes', '2000,7000').split(',').map(Number);
/** dagre takes ~40 s at 7,000 elements: one run per size is plenty, and none above this size. */
const DAGRE_MAX = Number(arg('no-dagre-above', '100000'));

interface SizeReport {
  elements: number;
  layered: RunTimings[];
  dagre: RunTimings[];
}

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'layout-bench-'));
  await build({
    configFile: false,
    root: path.join(HERE, 'layout-page'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    worker: { format: 'es' },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = readFileSync(file.endsWith(path.sep) ? path.join(file, 'index.html') : file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function runOnce(page: Page, elements: number, engine: Engine): Promise<RunTimings> {
  return page.evaluate(
    ([size, name]) =>
      (window as unknown as { __layoutBench: { run: (r: object) => Promise<RunTimings> } }).__layoutBench.run({ elements: size, engine: name, expand: true }),
    [elements, engine] as const,
  );
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const ms = (x: number | null): string => (x === null ? '—' : `${Math.round(x)} ms`);

function describe(run: RunTimings): string {
  return `${run.engine.padEnd(7)} ${String(run.nodes).padStart(5)} nodes ${String(run.edges).padStart(5)} edges  add ${ms(run.addMs)}  layout ${ms(run.layoutMs)}  draw ${ms(run.drawMs)}  total ${ms(run.totalMs)}  expand ${ms(run.expandDrawMs)}  overlaps ${run.overlaps}${run.overlaps > 0 ? ` (${run.overlapSample.join('; ')})` : ''}  edge lean p50/p90 ${run.edgeLeanP50}/${run.edgeLeanP90} px  size ${run.width}×${run.height}${Object.keys(run.phases).length > 0 ? `\n      phases ${JSON.stringify(run.phases)}` : ''}`;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  console.log('building the benchmark page …');
  const dir = await buildPage();
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const reports: SizeReport[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction(() => '__layoutBench' in window);
    for (const elements of SIZES) {
      const report: SizeReport = { elements, layered: [], dagre: [] };
      reports.push(report);
      for (let i = 0; i < RUNS; i++) {
        const run = await runOnce(page, elements, 'layered');
        report.layered.push(run);
        console.log(`${elements} #${i + 1} ${describe(run)}`);
      }
      if (elements === SIZES[0]) await screenshots(page, elements);
      if (elements <= DAGRE_MAX) {
        const run = await runOnce(page, elements, 'dagre');
        report.dagre.push(run);
        console.log(`${elements} #1 ${describe(run)}`);
        if (elements === SIZES[0]) {
          await page.evaluate(() => (window as unknown as { __layoutBench: { fit: () => Promise<void> } }).__layoutBench.fit());
          await page.screenshot({ path: path.join(RESULTS, `layout-${elements}-dagre.png`) });
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(reports);
  writeFileSync(
    path.join(RESULTS, 'layout.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`, runs: RUNS, reports }, null, 2)}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), path.join(RESULTS, 'layout.json'))}`);
}

/** The whole 2,000-element view fitted, then a readable detail around the expanded node. */
async function screenshots(page: Page, elements: number): Promise<void> {
  type Bench = { fit: () => Promise<void>; focus: (id: string | null, zoom: number) => Promise<void> };
  await page.evaluate(() => (window as unknown as { __layoutBench: Bench }).__layoutBench.fit());
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}.png`) });
  await page.evaluate(() => (window as unknown as { __layoutBench: Bench }).__layoutBench.focus(null, 0.55));
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}-expand.png`) });
  await page.evaluate(() => (window as unknown as { __layoutBench: Bench }).__layoutBench.focus('n0', 0.55));
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}-root.png`) });
}

function printTable(reports: SizeReport[]): void {
  console.log('\nmedian of runs (layered) / single run (dagre); total = add + layout + first drawn frame');
  console.log('elements | nodes | layered total | dagre total | ratio | layered expand | dagre re-layout | overlaps (layered/dagre)');
  for (const { elements, layered, dagre } of reports) {
    const total = median(layered.map((r) => r.totalMs));
    const expand = median(layered.map((r) => r.expandDrawMs ?? 0));
    const d = dagre[0];
    console.log(
      [
        elements,
        layered[0]?.nodes ?? 0,
        ms(total),
        d ? ms(d.totalMs) : '—',
        d ? `${(d.totalMs / total).toFixed(1)}×` : '—',
        ms(expand),
        d ? ms(d.expandDrawMs) : '—',
        `${layered[0]?.overlaps ?? '—'}/${d?.overlaps ?? '—'}`,
      ].join(' | '),
    );
  }
}

await main();
