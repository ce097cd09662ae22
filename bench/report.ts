// The benchmark report: the JSON written to bench/results/ and the table printed (and copied into the
// README): one row per figure with the goal from issue 7 next to it.
import type { RecomputeReport } from '../server/src/services/exposure-recompute.js';
import type { LoadReport } from '../server/src/synthetic/load.js';
import type { Machine, Memory, Versions } from './lib/machine.js';
import type { LoadResult } from './lib/http-load.js';
import type { ProfiledQuery } from './lib/profile.js';
import type { ListCheck } from './steps/correctness.js';
import type { ReadTimings } from './steps/exposure-reads.js';
import type { HttpResults } from './steps/http.js';
import type { IncrementalRun } from './steps/incremental.js';
import type { BulkLoadFigures } from './steps/bulk-load.js';
import type { SeedReport } from '../server/src/services/seed.js';

export interface BenchReport {
  name: string;
  entitiesRequested: number;
  seed: number;
  date: string;
  machine: Machine & { loadAverageAtEnd?: number[]; cpuProbeMsAtEnd?: number };
  versions: Versions | null;
  neo4jMemory: { heap: string; pageCache: string };
  graph?: { entities: number; owns: number; controls: number; decisions: number };
  steps: {
    seed?: { load: SeedReport; recomputeMs: number };
    seedPaths?: LoadResult & { pairs: number; warmUpMs: number };
    seedPathsWarm?: LoadResult & { pairs: number; warmUpMs: number };
    load?: LoadReport & { relationshipsPerSecond: number; relationshipsPerWriteSecond: number; entitiesPerSecond: number };
    /** The offline import (the default since `--online-load` became a flag); `load` is the online loader. */
    bulkLoad?: BulkLoadFigures;
    recompute?: RecomputeReport & { benchProcessMemory: Memory | null };
    correctness?: ListCheck[];
    baseline?: { list: string; referenceMeanMsPerEntity: number; referenceP95MsPerEntity: number; referenceExtrapolatedMs: number; engineMs: number; speedUp: number; engineAllListsMs: number };
    incremental?: { warmUp: IncrementalRun; listing: IncrementalRun; edge: IncrementalRun };
    exposureReads?: ReadTimings;
    http?: HttpResults;
    memory?: { neo4j: Memory | null; benchProcess: Memory | null };
    profiles?: ProfiledQuery[];
    /** Neo4j's data directory on disk after the run (stores, indexes, transaction logs). */
    storeMB?: number;
  };
  notes: string[];
  table?: Row[];
}

export interface Row {
  measure: string;
  figure: string;
  goal: string;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const lat = (r: LoadResult): string => `p50 ${r.latencyMs.p50} / p95 ${r.latencyMs.p95} / p99 ${r.latencyMs.p99} ms (${n(r.perSecond)} req/s, ${r.connections} conn.${r.non2xx + r.errors > 0 ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''})`;
const mem = (m: Memory | null | undefined): string => (m ? `${n(m.rssMB)} MB (peak ${n(m.peakMB)} MB)` : 'n/a');

export function tableRows(r: BenchReport): Row[] {
  const s = r.steps;
  const rows: Row[] = [];
  if (r.graph) rows.push({ measure: 'graph', figure: `${n(r.graph.entities)} entities, ${n(r.graph.owns)} OWNS, ${n(r.graph.controls)} CONTROLS, ${n(r.graph.decisions)} decisions`, goal: '' });
  if (s.load) {
    rows.push({ measure: 'bulk load, relationships (OWNS + CONTROLS)', figure: `${n(s.load.relationshipsPerSecond)} /s (${n(s.load.relationshipsPerWriteSecond)} /s of write time)`, goal: '>= 100,000 /s' });
    rows.push({ measure: 'bulk load, entities', figure: `${n(s.load.entitiesPerSecond)} /s (total load ${(s.load.ms / 1000).toFixed(1)} s)`, goal: '' });
  }
  if (s.bulkLoad) {
    const b = s.bulkLoad;
    const own = b.relationshipsPerImporterSecond ? `${n(b.relationshipsPerImporterSecond)} /s in the importer's ${((b.import.importerMs ?? 0) / 1000).toFixed(1)} s; ` : '';
    rows.push({ measure: 'bulk load (offline import), relationships (OWNS + CONTROLS)', figure: `${own}${n(b.relationshipsPerImportSecond)} /s with its JVM start (${(b.import.ms / 1000).toFixed(1)} s; load avg ${b.loadAverage.start[0]})`, goal: '>= 100,000 /s' });
    rows.push({ measure: 'bulk load end to end (CSV, import, start, schema)', figure: `${n(b.relationshipsPerSecondEndToEnd)} /s (${(b.endToEndMs / 1000).toFixed(1)} s: CSV ${(b.csv.ms / 1000).toFixed(1)}, import ${(b.import.ms / 1000).toFixed(1)}, start ${(b.neo4jStartMs / 1000).toFixed(1)}, schema ${(b.finish.schemaMs / 1000).toFixed(1)})`, goal: '' });
  }
  if (s.recompute) {
    const c = s.recompute;
    const compute = c.lists.reduce((a, l) => a + l.computeMs, 0);
    const write = c.lists.reduce((a, l) => a + l.writeMs, 0);
    rows.push({ measure: `full exposure recompute, ${c.lists.length} lists`, figure: `${(c.totalMs / 1000).toFixed(1)} s (read ${(c.loadMs / 1000).toFixed(1)}, index ${(c.indexMs / 1000).toFixed(1)}, compute ${(compute / 1000).toFixed(1)}, write ${(write / 1000).toFixed(1)})`, goal: '<= 20 s at 1M' });
  }
  if (s.incremental) {
    const l = s.incremental.listing;
    const region = Math.max(...l.lists.map((x) => x.region));
    rows.push({ measure: `incremental: new OFAC listing of a holding (${n(l.directSubsidiaries)} direct subsidiaries)`, figure: `${n(l.totalMs)} ms (refresh ${n(l.refreshMs)} ms, region ${n(region)} entities downstream)`, goal: '<= 1 s' });
  }
  if (s.http) rows.push({ measure: 'GET /entities/:id/exposure', figure: lat(s.http.exposure), goal: 'p95 <= 50 ms at 50 conn.' });
  if (s.seedPaths) rows.push({ measure: `POST /paths <= 6 hops, Hikvision seed alone (${s.seedPaths.pairs} pairs)`, figure: lat(s.seedPaths), goal: 'p95 <= 200 ms' });
  if (s.seedPathsWarm) rows.push({ measure: 'POST /paths <= 6 hops, Hikvision seed, beside the synthetic graph', figure: lat(s.seedPathsWarm), goal: 'p95 <= 200 ms' });
  if (s.http) {
    rows.push({ measure: `POST /paths <= 6 hops, synthetic (${s.http.paths.found.found}/${s.http.paths.found.asked} found)`, figure: lat(s.http.paths), goal: 'p95 <= 200 ms' });
    rows.push({ measure: 'GET /entities?q= (search; repeated words, cached per graph stamp)', figure: lat(s.http.search), goal: 'p95 <= 50 ms' });
    if (s.http.searchCold) rows.push({ measure: `GET /entities?q= (search; cold: ${n(s.http.searchCold.terms)} distinct words, each asked once)`, figure: lat(s.http.searchCold), goal: 'p95 <= 50 ms' });
    rows.push({ measure: 'memory: API process', figure: mem(s.http.memory.api), goal: '' });
  }
  if (s.memory) rows.push({ measure: 'memory: Neo4j JVM', figure: `${mem(s.memory.neo4j)}; heap ${r.neo4jMemory.heap}, page cache ${r.neo4jMemory.pageCache}`, goal: '' });
  if (s.storeMB !== undefined) rows.push({ measure: 'Neo4j data directory on disk', figure: `${n(s.storeMB)} MB`, goal: '' });
  if (s.recompute?.benchProcessMemory) rows.push({ measure: 'memory: recompute (bench process)', figure: mem(s.recompute.benchProcessMemory), goal: '' });
  if (s.baseline) {
    const b = s.baseline;
    rows.push({ measure: `baseline: per-entity variable-length Cypher + naive fixed point (${b.list})`, figure: `${b.referenceMeanMsPerEntity} ms/entity -> ${(b.referenceExtrapolatedMs / 1000).toFixed(0)} s for the graph vs engine ${(b.engineMs / 1000).toFixed(1)} s: x${b.speedUp}`, goal: '' });
  }
  for (const c of s.correctness ?? []) {
    rows.push({ measure: `correctness: materialised = reference (${c.list})`, figure: `${c.agreed}/${c.sampled} agree (listed ${c.byStatus.listed}, exposed ${c.byStatus.exposed}, possibly ${c.byStatus.possibly_exposed}, clear ${c.byStatus.clear})`, goal: 'all' });
  }
  return rows;
}

export function printTable(r: BenchReport, rows: Row[]): void {
  const m = r.machine;
  console.log(`\n${r.name}: ${r.entitiesRequested.toLocaleString('en-US')} synthetic entities (seed ${r.seed}) + the Hikvision seed, ${r.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; load average ${m.loadAverage.join(' / ')} at start${m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' / ')} at end` : ''}`);
  console.log(`CPU probe (3e8-step loop, ~350 ms on an idle core): ${m.cpuProbeMs} ms at start${m.cpuProbeMsAtEnd ? `, ${m.cpuProbeMsAtEnd} ms at end` : ''}`);
  if (r.versions) console.log(`versions: node ${r.versions.node}, Neo4j ${r.versions.neo4j}, neo4j-driver ${r.versions.neo4jDriver}`);
  const w0 = Math.max(...rows.map((x) => x.measure.length));
  const w1 = Math.max(...rows.map((x) => x.figure.length));
  console.log(`\n${'measure'.padEnd(w0)} | ${'figure'.padEnd(w1)} | goal`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-----`);
  for (const x of rows) console.log(`${x.measure.padEnd(w0)} | ${x.figure.padEnd(w1)} | ${x.goal}`);
}

/** The table as Markdown, for the README's Benchmarks section. */
export function markdownTable(rows: Row[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  return ['| measure | figure | goal |', '|---|---|---|', ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.figure)} | ${cell(r.goal)} |`)].join('\n');
}
