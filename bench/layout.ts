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
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Engine, ExpandTimings, Inspection, ShowTimings } from './layout-page/main.ts';

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

/** One run: wall-clock times in the page, and the CPU time the browser's renderer process spent (all its
 * threads, the layout worker included), which depends far less on how busy the machine is. */
interface RunTimings extends ShowTimings, Inspection {
  cpuMs: number;
  expandMs: number;
  expandDrawMs: number;
  expandCpuMs: number;
  expandMoved: number;
  expandPhases: Record<string, number>;
}

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

type Bench = {
  show: (request: { elements: number; engine: Engine }) => Promise<ShowTimings>;
  expand: () => Promise<ExpandTimings>;
  inspect: () => Inspection;
  fit: () => Promise<void>;
  focus: (id: string | null, zoom: number) => Promise<void>;
};
// Page functions run in the browser: they reach the page's API through its global, not through Node code.
declare global {
  interface Window {
    __layoutBench: Bench;
  }
}

/** CPU time of the page's renderer process so far (ms), from the DevTools protocol's ProcessTime metric. */
async function cpuTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0) * 1000;
}

async function runOnce(page: Page, cdp: CDPSession, elements: number, engine: Engine): Promise<RunTimings> {
  const c0 = await cpuTime(cdp);
  const shown = await page.evaluate(([size, name]) => window.__layoutBench.show({ elements: size, engine: name }), [elements, engine] as const);
  const c1 = await cpuTime(cdp);
  // The page waits for the renderer to settle before expanding; that wait is not the expansion's CPU time.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
  const c1settled = await cpuTime(cdp);
  const expanded = await page.evaluate(() => window.__layoutBench.expand());
  const c2 = await cpuTime(cdp);
  const inspection = await page.evaluate(() => window.__layoutBench.inspect());
  return { ...shown, ...inspection, cpuMs: c1 - c0, expandMs: expanded.placedMs, expandDrawMs: expanded.drawnMs, expandCpuMs: c2 - c1settled, expandMoved: expanded.moved, expandPhases: expanded.phases };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const ms = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);

function describe(run: RunTimings): string {
  return `${run.engine.padEnd(7)} ${String(run.nodes).padStart(5)} nodes ${String(run.edges).padStart(5)} edges  add ${ms(run.addMs)}  layout ${ms(run.layoutMs)}  draw ${ms(run.drawMs)}  total ${ms(run.totalMs)} (cpu ${ms(run.cpuMs)})  expand ${ms(run.expandDrawMs)} (cpu ${ms(run.expandCpuMs)}, ${run.expandMoved} moved)  overlaps ${run.overlaps}${run.overlaps > 0 ? ` (${run.overlapSample.join('; ')})` : ''}  edge lean p50/p90 ${run.edgeLeanP50}/${run.edgeLeanP90} px  size ${run.width}×${run.height}${Object.keys(run.phases).length > 0 ? `\n      phases ${JSON.stringify(run.phases)} ${JSON.stringify(run.expandPhases)}` : ''}`;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const loadBefore = os.loadavg()[0]!;
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction(() => '__layoutBench' in window);
    for (const elements of SIZES) {
      const report: SizeReport = { elements, layered: [], dagre: [] };
      reports.push(report);
      for (let i = 0; i < RUNS; i++) {
        const run = await runOnce(page, cdp, elements, 'layered');
        report.layered.push(run);
        console.log(`${elements} #${i + 1} ${describe(run)}`);
      }
      if (elements === SIZES[0]) await screenshots(page, elements);
      if (elements <= DAGRE_MAX) {
        const run = await runOnce(page, cdp, elements, 'dagre');
        report.dagre.push(run);
        console.log(`${elements} #1 ${describe(run)}`);
        if (elements === SIZES[0]) {
          await page.evaluate(() => window.__layoutBench.fit());
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
  console.log(`machine: ${os.cpus().length} cores, 1-min load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
  writeFileSync(
    path.join(RESULTS, 'layout.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} cores, 1-min load ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after`, runs: RUNS, reports }, null, 2)}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), path.join(RESULTS, 'layout.json'))}`);
}

/** The whole 2,000-element view fitted, then a readable detail around the expanded node. */
async function screenshots(page: Page, elements: number): Promise<void> {
  await page.evaluate(() => window.__layoutBench.fit());
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}.png`) });
  await page.evaluate(() => window.__layoutBench.focus(null, 0.55));
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}-expand.png`) });
  await page.evaluate(() => window.__layoutBench.focus('n0', 0.55));
  await page.screenshot({ path: path.join(RESULTS, `layout-${elements}-root.png`) });
}

function printTable(reports: SizeReport[]): void {
  console.log(`\nmedian of ${RUNS} runs (layered) / one run (dagre); total = add + layout + first drawn frame, wall clock (renderer CPU)`);
  console.log('elements | nodes | layered total | dagre total | ratio | layered expand | dagre re-layout | overlaps');
  for (const { elements, layered, dagre } of reports) {
    const d = dagre[0];
    const total = median(layered.map((r) => r.totalMs));
    const cpu = median(layered.map((r) => r.cpuMs));
    console.log(
      [
        elements,
        layered[0]?.nodes ?? 0,
        `${ms(total)} (${ms(cpu)})`,
        d ? `${ms(d.totalMs)} (${ms(d.cpuMs)})` : '—',
        d ? `${(d.totalMs / total).toFixed(1)}× (${(d.cpuMs / cpu).toFixed(1)}×)` : '—',
        `${ms(median(layered.map((r) => r.expandDrawMs)))} (${ms(median(layered.map((r) => r.expandCpuMs)))})`,
        d ? `${ms(d.expandDrawMs)} (${ms(d.expandCpuMs)})` : '—',
        `${layered.map((r) => r.overlaps).join('/')} | ${d?.overlaps ?? '—'}`,
      ].join(' | '),
    );
  }
}

await main();
