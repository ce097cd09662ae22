// Streams a synthetic graph into Neo4j in UNWIND batches with the same labels, properties and relationship
// shapes as the seed loader (GraphWriter's parameter rows), with progress, resumable: ids are deterministic,
// and with `resume` each batch is first counted — all there: skipped; none there: CREATEd; some there (a
// batch cut short): MERGEd through GraphWriter's upserts — so a rerun after a crash writes only what is
// missing and ends with the same graph. A fresh run (refused when the seed's first entity exists) CREATEs
// every batch: ~1.2x the rate of MERGE (which looks each id up and adds an Eager) in alternating batches of
// 3000 OWNS on the 2-core machine. Generating the next batch overlaps the database's work on this one.
import type { Database } from '../db/database.js';
import { controlParams, entityParams, GraphWriter, ownershipParams } from '../db/repos/graph-writer.js';
import type { Regime } from '../domain/exposure/regime.js';
import type { ControlEdge, Entity, ListingDecision, OwnershipEdge } from '../domain/model.js';
import type { SyntheticGraph } from './generate.js';

export type LoadPhase = 'entities' | 'edges' | 'decisions';

export interface LoadProgress {
  phase: LoadPhase;
  /** Entities whose share of this phase is done, of `total`. */
  done: number;
  total: number;
  written: Counts;
  skippedBatches: number;
}

interface Counts {
  entities: number;
  owns: number;
  controls: number;
  decisions: number;
}

export interface PhaseTiming {
  ms: number;
  /** Time spent waiting for the database's writes only (generation runs meanwhile). */
  writeMs: number;
}

export interface LoadReport {
  written: Counts;
  skippedBatches: number;
  phases: Record<LoadPhase, PhaseTiming>;
  ms: number;
}

export interface LoadOptions {
  regimes: Regime[];
  /** Skip batches already in the database; without it, a database holding this seed's graph is refused. */
  resume?: boolean;
  /** Entities per batch (their edges and decisions follow the same ranges). */
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
}

/** Entities per edge batch: ~1.5 OWNS each keeps a batch inside one 5000-row write. */
const EDGE_RANGE = 3000;
/** Entities per decision batch: decisions are sparse (~2 per 100 entities). */
const DECISION_RANGE = 100_000;

export async function loadSynthetic(db: Database, graph: SyntheticGraph, opts: LoadOptions): Promise<LoadReport> {
  const started = performance.now();
  const writer = new GraphWriter(db);
  const present = async (query: string, ids: string[]): Promise<boolean> =>
    ids.length === 0 || Number((await db.read(`synthetic/${query}`, { ids }))[0]?.n ?? 0) === ids.length;
  const written: Counts = { entities: 0, owns: 0, controls: 0, decisions: 0 };
  let skippedBatches = 0;

  if (!opts.resume && (await present('present-entities', [graph.id(0)]))) {
    throw new Error(`the database already holds synthetic entities of seed ${graph.layout.seed} (${graph.id(0)}): pass --resume to complete them, or use an empty database`);
  }
  await writer.lists(opts.regimes);
  await writer.sources([graph.source()]);

  /** Runs `write(batch)` (false: skipped) for each batch while the next one is generated: one write in flight. */
  async function phase<T>(name: LoadPhase, range: number, make: (from: number, to: number) => T, write: (b: T) => Promise<boolean>): Promise<PhaseTiming> {
    const t0 = performance.now();
    let writeMs = 0;
    let inFlight: Promise<void> = Promise.resolve();
    for (let from = 0; from < graph.size; from += range) {
      const to = Math.min(graph.size, from + range);
      const batch = make(from, to);
      const w0 = performance.now();
      await inFlight;
      writeMs += performance.now() - w0;
      opts.onProgress?.({ phase: name, done: from, total: graph.size, written, skippedBatches });
      inFlight = write(batch).then((wrote) => void (wrote || (skippedBatches += 1)));
    }
    const w0 = performance.now();
    await inFlight;
    writeMs += performance.now() - w0;
    opts.onProgress?.({ phase: name, done: graph.size, total: graph.size, written, skippedBatches });
    return { ms: Math.round(performance.now() - t0), writeMs: Math.round(writeMs) };
  }

  /** Counts the batch's ids in the database: 'all' → skip, 'none' → CREATE, 'some' → MERGE. */
  const state = async (query: string, ids: string[]): Promise<'all' | 'none' | 'some'> => {
    if (!opts.resume) return 'none';
    if (ids.length === 0) return 'all';
    const n = Number((await db.read(`synthetic/${query}`, { ids }))[0]?.n ?? 0);
    return n === ids.length ? 'all' : n === 0 ? 'none' : 'some';
  };

  const batch = opts.batchSize ?? 5000;
  const entities = await phase<Entity[]>(
    'entities', batch,
    (from, to) => Array.from({ length: to - from }, (_, k) => graph.entity(from + k)),
    async (b) => {
      const found = await state('present-entities', b.map((e) => e.id));
      if (found === 'all') return false;
      if (found === 'none') await db.write('synthetic/create-entities', { rows: b.map(entityParams) });
      else await writer.entities(b);
      written.entities += b.length;
      return true;
    },
  );
  const edges = await phase<{ owns: OwnershipEdge[]; controls: ControlEdge[] }>(
    'edges', Math.min(batch, EDGE_RANGE),
    (from, to) => {
      const out = { owns: [] as OwnershipEdge[], controls: [] as ControlEdge[] };
      for (let i = from; i < to; i++) {
        const e = graph.edgesOf(i);
        out.owns.push(...e.owns);
        out.controls.push(...e.controls);
      }
      return out;
    },
    async (b) => {
      const owns = await state('present-owns', b.owns.map((e) => e.id));
      const controls = await state('present-controls', b.controls.map((e) => e.id));
      if (owns === 'none') await db.write('synthetic/create-owns', { rows: b.owns.map(ownershipParams) });
      else if (owns === 'some') await writer.ownership(b.owns);
      if (controls === 'none') await db.write('synthetic/create-controls', { rows: b.controls.map(controlParams) });
      else if (controls === 'some') await writer.control(b.controls);
      if (owns !== 'all') written.owns += b.owns.length;
      if (controls !== 'all') written.controls += b.controls.length;
      return owns !== 'all' || controls !== 'all';
    },
  );
  // Few, and each names entities and a list: always the idempotent upsert.
  const decisions = await phase<ListingDecision[]>(
    'decisions', DECISION_RANGE,
    (from, to) => {
      const out: ListingDecision[] = [];
      for (let i = from; i < to; i++) out.push(...graph.decisionsOf(i));
      return out;
    },
    async (b) => {
      if ((await state('present-decisions', b.map((d) => d.id))) === 'all') return false;
      await writer.decisions(b);
      written.decisions += b.length;
      return true;
    },
  );
  // Caches of the loaded graph (exposure-cache.ts) compare this version.
  await db.write('exposure/bump-version');
  return { written, skippedBatches, phases: { entities, edges, decisions }, ms: Math.round(performance.now() - started) };
}
