// Incremental update of the materialised determinations after a change to the graph: only the region the
// change can affect is recomputed and only its EXPOSURE relationships are rewritten, every list in one
// transaction.
//
// Region. A determination depends only on the entity's upstream (owners and controllers, transitively), so a
// change to the inputs of some entities (a listing naming them, an edge into them) can only change them and
// their downstream closure. For affiliate rules (NDAA 889) it also runs upward (exposure-affiliate-bounds.ts
// derives the exact region from the rule).
//
// Evaluating the region. Two ways, both exact:
// - boundary (aggregation 'all', propagation downward or none — OFAC, BIS, NS-CMIC, EU): the region, the edges
//   into it, and its boundary — the owners and controllers outside it, which the change cannot affect (they
//   are not downstream of it), with their statuses taken as they are stored (exposure-region.ts).
// - closure (per-listed-party aggregation — UK — and affiliate rules): a stored status does not say which
//   listed party captured an entity, or whether it was captured upward or downward, so the region is
//   evaluated over the part of its closure that can hold a party: the entities stored non-clear
//   (exposure-affiliate-bounds.ts; for a rule counting other lists, its whole closure as before).
//
// Writing. Only rows that differ from the stored ones are deleted or created (most of a region keeps its row).
import type { Database } from '../db/database.js';
import { ExposureClosures } from '../db/repos/exposure-closures.js';
import { ExposureGraphRepo } from '../db/repos/exposure-graph.js';
import { mergeDecisions, readRegionGraph } from '../db/repos/exposure-region-graph.js';
import { ExposureStore, type MaterialisedRow } from '../db/repos/exposure-store.js';
import { computeExposure, type ExposureEvaluation } from '../domain/exposure/engine.js';
import type { Regime } from '../domain/exposure/regime.js';
import { today } from '../domain/dates.js';
import { DatabaseUnavailableError } from '../errors.js';
import { serialiseExposureWrites } from './exposure-lock.js';
import { closureBounds } from './exposure-affiliate-bounds.js';
import { boundaryOf, boundaryWorks, evaluateRegion } from './exposure-region.js';
import { materialisedRow, ruleHash } from './exposure-rows.js';

export interface GraphChange {
  /** Entities whose inputs changed: named by a decision, or the owned/controlled end of an edge. */
  entities: string[];
  /** Owning/controlling ends of changed edges (they matter to affiliate rules only). */
  owners?: string[];
  /**
   * Set when only listing decisions changed: the lists they are on. A list's determinations read only the
   * decisions on itself and on the lists it counts as listed, so the other lists cannot change and are left
   * alone (measured: an OFAC listing no longer re-evaluates NDAA 889's closure, ~the whole synthetic graph).
   * Omitted: edges changed, and every list is refreshed.
   */
  lists?: string[];
  /** Pending-refresh markers of the writes this change stands for, deleted with the rewritten rows. */
  pending?: string[];
}

export interface RefreshReport {
  asOf: string;
  /** `rewritten`: stored rows deleted plus rows created (only rows that changed are rewritten). */
  lists: { list: string; mode: 'boundary' | 'closure'; region: number; evaluated: number; nonClear: number; rewritten: number }[];
  skipped: { list: string; reason: string }[];
  /** Where the time went: reading closures, reading the subgraph and stored rows, evaluating, writing. */
  phases: Record<'closures' | 'read' | 'evaluate' | 'write', number>;
  ms: number;
}

/** Relative cost of reading one entity's stored row by index seek instead of in a whole-list read. */
const SEEK_COST = 4;

/** After a refresh found the database unreachable, the ones queued behind it fail at once for this long. */
const UNAVAILABLE_BACKOFF_MS = 5_000;
let unavailableUntil = 0;

/**
 * Refreshes the determinations a change can affect; queued behind any recompute running in this process.
 * When the database has just been found unreachable, a queued refresh fails at once instead of waiting out
 * the driver's timeouts in turn (n queued writes would otherwise answer after n × those timeouts); its
 * pending marker stays, so the materialisation counts as stale until a recompute.
 */
export function refreshExposure(db: Database, change: GraphChange): Promise<RefreshReport> {
  return serialiseExposureWrites(async () => {
    if (Date.now() < unavailableUntil) throw new DatabaseUnavailableError('The graph database was unreachable a moment ago; the refresh is left to the next recompute');
    try {
      return await refreshNow(db, change);
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) unavailableUntil = Date.now() + UNAVAILABLE_BACKOFF_MS;
      throw err;
    }
  });
}

async function refreshNow(db: Database, change: GraphChange): Promise<RefreshReport> {
  const started = performance.now();
  const phases = new PhaseClock();
  const repo = new ExposureGraphRepo(db);
  const store = new ExposureStore(db);
  const closures = new ExposureClosures(db, repo);
  const asOf = today();
  const lists = await repo.lists();
  const meta = await store.meta();
  const report: RefreshReport = { asOf, lists: [], skipped: [], phases: phases.ms, ms: 0 };
  const fresh: Regime[] = [];
  for (const l of lists) {
    const m = meta.get(l.id);
    if (l.regime === null) report.skipped.push({ list: l.id, reason: l.ruleError ?? 'no rule' });
    else if (m === undefined) report.skipped.push({ list: l.id, reason: 'not materialised yet (the next recompute covers the change)' });
    else if (m.asOf !== asOf || m.ruleHash !== ruleHash(l.regime)) report.skipped.push({ list: l.id, reason: `materialised as of ${m.asOf} or with another rule: stale until the next recompute` });
    else fresh.push(l.regime);
  }

  // Only decisions changed: a list reads only the decisions on itself and on the lists it counts as listed.
  const decided = change.lists;
  const affected = decided === undefined ? fresh : fresh.filter((r) => [r.id, ...r.rule.countsAsListed].some((l) => decided.includes(l)));
  for (const r of fresh) if (!affected.includes(r)) report.skipped.push({ list: r.id, reason: 'unaffected: no decision on a list it counts changed' });

  const changed = [...new Set(change.entities)];
  const owners = [...new Set(change.owners ?? [])];
  // The rows stored before the change: only rows that differ are rewritten (most of a region keeps its row).
  const storedRows = (list: string, region: Set<string> | null): Promise<Map<string, MaterialisedRow>> => {
    const c = meta.get(list)?.counts ?? {};
    const nonClear = (c.listed ?? 0) + (c.exposed ?? 0) + (c.possibly_exposed ?? 0);
    // Reading a whole list walks its relationships; a region's rows cost an index seek each, measured ~4x
    // more per entity (100k synthetic graph), so seeks only for regions well under the list's size.
    return phases.time('read', () => store.storedRows(list, region !== null && region.size * SEEK_COST < nonClear ? [...region] : null));
  };

  const updates: Update[] = [];
  const boundaryLists = affected.filter(boundaryWorks);
  if (boundaryLists.length > 0) {
    const region = await phases.time('closures', () => closures.down(changed));
    const sub = await phases.time('read', () => readRegionGraph(db, region, null));
    const boundary = boundaryOf(region, sub);
    const decisions = mergeDecisions(sub.decisions, await phases.time('read', () => repo.decisionsNaming(boundary)));
    const stored = await phases.time('read', () => store.statusesOf([...boundary]));
    for (const regime of boundaryLists) {
      const evaluation = phases.timeSync('evaluate', () => evaluateRegion({ ...sub, decisions }, regime, asOf, boundary, stored));
      const before = await storedRows(regime.id, region);
      const { nonClear, rewritten } = phases.timeSync('evaluate', () => collect(updates, regime, region, evaluation, before));
      report.lists.push({ list: regime.id, mode: 'boundary', region: region.size, evaluated: sub.entities.length + boundary.size, nonClear, rewritten });
    }
  }

  for (const regime of affected.filter((r) => !boundaryWorks(r))) {
    const upwardThreshold = regime.rule.propagation === 'affiliate' ? regime.rule.threshold : null;
    let region: Set<string>;
    let keep: Set<string>;
    let before: Map<string, MaterialisedRow>;
    if (regime.rule.countsAsListed.every((l) => l === regime.id)) {
      // The exact bound (exposure-affiliate-bounds.ts), which needs the list's stored non-clear entities.
      before = await storedRows(regime.id, null);
      ({ region, keep } = await phases.time('closures', () => closureBounds({ entities: changed, owners, upwardThreshold, storedNonClear: new Set(before.keys()) }, closures)));
    } else {
      // A rule counting other lists decides their parties without themselves (self-exclusion.ts) over whole
      // closures: keep the wider bound — the changed entities' closure both ways, and its closures.
      ({ region, keep } = await phases.time('closures', () => widerBounds(closures, changed, owners, upwardThreshold !== null)));
      before = await storedRows(regime.id, region);
    }
    const sub = await phases.time('read', () => readRegionGraph(db, keep, keep));
    const evaluation = phases.timeSync('evaluate', () => computeExposure(sub, regime, asOf));
    const { nonClear, rewritten } = phases.timeSync('evaluate', () => collect(updates, regime, region, evaluation, before));
    report.lists.push({ list: regime.id, mode: 'closure', region: region.size, evaluated: sub.entities.length, nonClear, rewritten });
  }
  await phases.time('write', () => store.replaceEntities(asOf, updates, change.pending ?? []));
  report.ms = Math.round(performance.now() - started);
  return report;
}

async function widerBounds(closures: ExposureClosures, changed: string[], owners: string[], upward: boolean): Promise<{ region: Set<string>; keep: Set<string> }> {
  if (!upward) {
    const region = await closures.down(changed);
    return { region, keep: await closures.up(region) };
  }
  const both = [...changed, ...owners];
  const up = await closures.up(both);
  // What an owner whose status changed controls: its controlled_by_listed flag changes.
  const region = new Set([...up, ...(await closures.down(both)), ...(await closures.controlled(up))]);
  return { region, keep: new Set([...(await closures.up(region)), ...(await closures.down(region))]) };
}

type Update = { list: string; ids: string[]; rows: MaterialisedRow[] };

/**
 * Queues the rows of the region that differ from the stored ones for the one write transaction: `ids` are
 * deleted (stored rows that changed or became clear), `rows` created (non-clear rows that are new or changed).
 */
function collect(updates: Update[], regime: Regime, region: Set<string>, evaluation: ExposureEvaluation, before: Map<string, MaterialisedRow>): { nonClear: number; rewritten: number } {
  const ids: string[] = [];
  const rows: MaterialisedRow[] = [];
  let nonClear = 0;
  for (const id of region) {
    const d = evaluation.determination(id, { explain: false });
    const row = d === undefined ? null : materialisedRow(d);
    if (row !== null) nonClear++;
    const old = before.get(id) ?? null;
    if (sameRow(old, row)) continue;
    if (old !== null) ids.push(id);
    if (row !== null) rows.push(row);
  }
  updates.push({ list: regime.id, ids, rows });
  return { nonClear, rewritten: ids.length + rows.length };
}

function sameRow(a: MaterialisedRow | null, b: MaterialisedRow | null): boolean {
  if (a === null || b === null) return a === b;
  return a.status === b.status && a.min === b.min && a.max === b.max && a.minExclusive === b.minExclusive && a.maxExclusive === b.maxExclusive && a.flags === b.flags;
}

/** Milliseconds per phase of a refresh (reported, and printed by the benchmark). */
class PhaseClock {
  readonly ms: Record<Phase, number> = { closures: 0, read: 0, evaluate: 0, write: 0 };

  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.ms[phase] += Math.round(performance.now() - t0);
    }
  }

  timeSync<T>(phase: Phase, work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      this.ms[phase] += Math.round(performance.now() - t0);
    }
  }
}

type Phase = 'closures' | 'read' | 'evaluate' | 'write';
