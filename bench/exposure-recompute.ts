// Benchmark of the exposure storage (run by hand: `npm run bench:exposure [-- --entities 100000 --owns 150000]`).
// Starts a throw-away embedded Neo4j (or uses NEO4J_URI — then it must be an empty, disposable database),
// loads the Hikvision seed and times a full recompute on it, then adds a random layered graph (state bodies
// and investment vehicles at the top, chains below, unknown and ranged stakes, dated edges, a few upward
// cross-holdings that make cycles, control edges, listings on every list) by UNWIND batches, and times: the
// full recompute, one incremental listing of a well-connected entity, one entity's on-the-fly exposure, and
// today's and a past date's /exposure page. Prints the figures; a timing is a report, never a pass/fail.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../server/src/db/database.js';
import { ensureNeo4jJars, findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/src/db/embedded.js';
import { ExposureGraphRepo } from '../server/src/db/repos/exposure-graph.js';
import { ExposureStore } from '../server/src/db/repos/exposure-store.js';
import { GraphEdits } from '../server/src/db/repos/graph-edits.js';
import { GraphWriter } from '../server/src/db/repos/graph-writer.js';
import { applySchema } from '../server/src/db/schema.js';
import { today } from '../server/src/domain/dates.js';
import type { ControlEdge, Entity, EntityKind, ListingDecision, OwnershipEdge } from '../server/src/domain/model.js';
import { createLogger } from '../server/src/logger.js';
import { ExposureService } from '../server/src/services/exposure.js';
import { ExposureGraphCache } from '../server/src/services/exposure-cache.js';
import { recomputeExposure, type RecomputeReport } from '../server/src/services/exposure-recompute.js';
import { refreshExposure } from '../server/src/services/exposure-refresh.js';
import { GraphEditService } from '../server/src/services/graph-edits.js';
import { loadSeed } from '../server/src/services/seed.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ENTITIES = arg('entities', 100_000);
const OWNS = arg('owns', 150_000);
const SEED = arg('seed', 42);

/** mulberry32: a small seeded PRNG, so every run builds the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ms = (t0: number): number => Math.round(performance.now() - t0);

interface Synthetic {
  entities: Entity[];
  owns: OwnershipEdge[];
  controls: ControlEdge[];
  decisions: ListingDecision[];
  layers: string[][];
}

function generate(): Synthetic {
  // Layer sizes as fractions of the whole: a few owners at the top, ever more entities below.
  const fractions = [0.005, 0.045, 0.15, 0.3, 0.5];
  const kinds: EntityKind[][] = [['StateBody', 'InvestmentVehicle'], ['InvestmentVehicle', 'Company'], ['Company'], ['Company'], ['Company', 'Company', 'Person']];
  const layers: string[][] = [];
  const entities: Entity[] = [];
  let n = 0;
  fractions.forEach((f, level) => {
    const size = level === fractions.length - 1 ? ENTITIES - n : Math.round(ENTITIES * f);
    const layer: string[] = [];
    for (let i = 0; i < size; i++) {
      const id = `bench-l${level}-${i}`;
      layer.push(id);
      entities.push({ id, kind: pick(kinds[level]!), name: `Bench ${level}.${i}`, aliases: [], country: 'cn', identifiers: [], description: null, sourceIds: [] });
    }
    layers.push(layer);
    n += size;
  });

  const owns: OwnershipEdge[] = [];
  const edge = (owner: string, owned: string, stake: Partial<OwnershipEdge>): void => {
    const dated = rand() < 0.1;
    owns.push({
      id: `bench-own-${owns.length}`, owner, owned, percent: null, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true,
      start: dated ? pick(['2015-01-01', '2019-06-30', '2023-03-28']) : null,
      end: dated && rand() < 0.3 ? pick(['2020-01-01', '2024-06-30', '2030-01-01']) : null,
      sourceIds: [],
      ...stake,
    });
  };
  const stake = (share: number): Partial<OwnershipEdge> => {
    const r = rand();
    if (r < 0.2) return {}; // unknown
    if (r < 0.3) return { percentMin: Math.max(0, share - 10), percentMax: Math.min(100, share + 10) };
    return { percent: share };
  };
  // Every entity below the top gets one owner from the layer above; extra edges (to reach OWNS) split the stake.
  const below = layers.slice(1).flatMap((layer, k) => layer.map((id) => [id, k] as const));
  const extra = Math.max(0, OWNS - below.length);
  const second = new Set<number>();
  while (second.size < Math.min(extra, below.length)) second.add(Math.floor(rand() * below.length));
  below.forEach(([id, k], i) => {
    const parents = layers[k]!;
    if (second.has(i)) {
      const a = pick([30, 40, 50, 51, 60]);
      edge(pick(parents), id, stake(a));
      edge(pick(rand() < 0.8 ? parents : layers[Math.max(0, k - 1)]!), id, stake(100 - a));
    } else {
      edge(pick(parents), id, stake(pick([100, 100, 75, 51, 50, 30])));
    }
  });
  // Cross-holdings and a few upward edges (cycles), until OWNS edges in all.
  while (owns.length < OWNS) {
    const k = 1 + Math.floor(rand() * (layers.length - 1));
    edge(pick(layers[k]!), pick(layers[Math.max(1, k - 1)]!), stake(pick([5, 10, 20])));
  }

  const controls: ControlEdge[] = [];
  for (let i = 0; i < Math.round(ENTITIES / 50); i++) {
    const k = Math.floor(rand() * (layers.length - 1));
    controls.push({ id: `bench-ctl-${i}`, controller: pick(layers[k]!), controlled: pick(layers[k + 1]!), basis: 'board control', start: null, end: null, sourceIds: [] });
  }

  const lists = ['us-ofac-sdn', 'us-bis-entity-list', 'us-bis-meu', 'us-ns-cmic', 'us-ndaa-889', 'eu-fsf', 'uk-sanctions'];
  const decisions: ListingDecision[] = [];
  for (let i = 0; i < Math.round(ENTITIES / 200); i++) {
    const k = pick([0, 1, 1, 2, 2, 3]);
    const named = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(layers[k]!));
    decisions.push({
      id: `bench-dec-${i}`, listId: pick(lists), action: rand() < 0.95 ? 'added' : 'proposed',
      date: pick(['2018-01-01', '2019-10-09', '2021-06-03', '2023-03-28', '2025-10-01']), effective: null,
      citation: `BENCH ${i}`, summary: '', entityIds: [...new Set(named)], sourceIds: [],
    });
  }
  return { entities, owns, controls, decisions, layers };
}

function printRecompute(title: string, r: RecomputeReport): void {
  console.log(`\n${title}: ${r.totalMs} ms in all (load ${r.loadMs} ms, index+snapshot ${r.indexMs} ms; ${r.entities} entities, ${r.ownerships} OWNS, ${r.controls} CONTROLS, ${r.decisions} decisions)`);
  console.log(`  ${'list'.padEnd(20)} ${'listed'.padStart(7)} ${'exposed'.padStart(8)} ${'possibly'.padStart(9)} ${'compute'.padStart(9)} ${'write'.padStart(9)}`);
  for (const l of r.lists) {
    const c = l.counts;
    console.log(`  ${l.list.padEnd(20)} ${String(c.listed).padStart(7)} ${String(c.exposed).padStart(8)} ${String(c.possibly_exposed).padStart(9)} ${`${l.computeMs} ms`.padStart(9)} ${`${l.writeMs} ms`.padStart(9)}`);
  }
}

async function main(): Promise<void> {
  let embedded: EmbeddedNeo4j | null = null;
  let tmp: string | null = null;
  let uri = process.env['NEO4J_URI'];
  if (!uri) {
    await ensureNeo4jJars((l) => console.error(l));
    tmp = await mkdtemp(path.join(os.tmpdir(), 'oe-bench-'));
    embedded = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir: tmp, heap: '2g', pageCache: '1g', txTimeout: '600s' });
    uri = embedded.uri;
  }
  const db = new Database({ uri, user: 'neo4j', password: process.env['NEO4J_PASSWORD'], queryTimeoutMs: 60_000 });
  try {
    await applySchema(db);
    const seed = await loadSeed(db);
    console.log(`Neo4j at ${uri}; seed loaded in ${seed.ms} ms`);
    await recomputeExposure(db); // warm-up: the first queries on a fresh JVM compile their plans
    printRecompute('Full recompute, Hikvision seed', await recomputeExposure(db));

    let t0 = performance.now();
    const g = generate();
    console.log(`\nGenerated ${g.entities.length} entities, ${g.owns.length} OWNS, ${g.controls.length} CONTROLS, ${g.decisions.length} decisions in ${ms(t0)} ms`);
    t0 = performance.now();
    const writer = new GraphWriter(db);
    await writer.entities(g.entities);
    await writer.ownership(g.owns);
    await writer.control(g.controls);
    await writer.decisions(g.decisions);
    console.log(`Loaded by UNWIND batches of 5000 in ${ms(t0)} ms`);

    printRecompute('Full recompute, synthetic graph', await recomputeExposure(db));

    // One new listing of a well-connected entity (most direct subsidiaries in layer 1), incrementally. The
    // first write after start compiles the refresh's query plans, so it is timed on its own (another hub).
    const outDegree = new Map<string, number>();
    for (const e of g.owns) outDegree.set(e.owner, (outDegree.get(e.owner) ?? 0) + 1);
    const [hub, warm] = [...g.layers[1]!].sort((a, b) => (outDegree.get(b) ?? 0) - (outDegree.get(a) ?? 0)) as [string, string];
    const logger = createLogger('warn');
    const store = new ExposureStore(db);
    const edits = new GraphEditService(new GraphEdits(db), store, (change) => refreshExposure(db, change), logger);
    const list = async (entityId: string, listId: string, label: string): Promise<void> => {
      const t = performance.now();
      const result = await edits.createDecision({
        id: `bench-new-listing-${entityId}`, listId, action: 'added', date: '2026-01-01', effective: null,
        citation: 'BENCH NEW', summary: '', entityIds: [entityId], sourceIds: [],
      });
      const total = ms(t);
      if (!result.exposure.refreshed) throw new Error(result.exposure.error);
      console.log(`\nIncremental${label}: listing ${entityId} (${outDegree.get(entityId)} direct subsidiaries) on ${listId}: ${total} ms write + refresh (refresh ${result.exposure.ms} ms)`);
      for (const l of result.exposure.lists) console.log(`  ${l.list.padEnd(20)} ${l.mode.padEnd(8)} region ${String(l.region).padStart(6)}  evaluated ${String(l.evaluated).padStart(6)}  non-clear ${l.nonClear}`);
    };
    await list(warm, 'us-bis-entity-list', ' (first after start: query plans compile)');
    await list(hub, 'us-ofac-sdn', '');

    t0 = performance.now();
    const edge = await edits.putOwnership('bench-new-edge', { owner: hub, owned: g.layers[4]![0]!, percent: 60, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [] });
    if (!edge.exposure.refreshed) throw new Error(edge.exposure.error);
    console.log(`Incremental: one new OWNS edge below it: ${ms(t0)} ms write + refresh (refresh ${edge.exposure.ms} ms)`);

    const service = new ExposureService(new ExposureGraphRepo(db), store, new ExposureGraphCache(new ExposureGraphRepo(db)));
    const leaf = g.layers[4]![1]!;
    t0 = performance.now();
    await service.entityExposure(leaf, '2024-01-01');
    console.log(`\nOne entity on the fly (${leaf}, every list, with explanations): ${ms(t0)} ms`);
    t0 = performance.now();
    await service.entityExposure(hub, '2024-01-01');
    console.log(`One entity on the fly (${hub}, every list; its downstream closure is loaded for NDAA 889): ${ms(t0)} ms`);
    t0 = performance.now();
    const page = await service.page({ list: 'us-ofac-sdn', asOf: today(), limit: 100 });
    console.log(`/exposure today (${page.source}), 100 items: ${ms(t0)} ms`);
    t0 = performance.now();
    await service.page({ list: 'us-ofac-sdn', asOf: '2024-01-01', limit: 100 });
    console.log(`/exposure 2024-01-01 (computed; loads and indexes the whole graph into the cache): ${ms(t0)} ms`);
    t0 = performance.now();
    await service.page({ list: 'us-bis-entity-list', asOf: '2024-01-01', limit: 100 });
    console.log(`/exposure 2024-01-01, another list (cached graph): ${ms(t0)} ms`);
    t0 = performance.now();
    const changes = await service.changes('2023-01-01', '2024-01-01', undefined, 10_000);
    console.log(`/exposure/changes 2023-01-01..2024-01-01, every list (cached graph): ${ms(t0)} ms, ${changes.changes.length} changes${changes.truncated ? ' (truncated)' : ''}`);
    console.log(`\nprocess memory: ${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`);
  } finally {
    await db.close();
    if (embedded) await embedded.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

await main();
