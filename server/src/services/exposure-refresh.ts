// Incremental update of the materialised determinations after a change to the graph: only the region the
// change can affect is recomputed and only its EXPOSURE relationships are rewritten, every list in one
// transaction.
//
// Region. A determination depends only on the entity's upstream (owners and controllers, transitively), so a
// change to the inputs of some entities (a listing naming them, an edge into them) can only change them and
// their downstream closure. For affiliate rules (NDAA 889) it also runs upward: the region is the changed
// entities' closure both ways (the owners of changed edges included).
//
// Evaluating the region. Two ways, both exact:
// - boundary (aggregation 'all', propagation downward or none — OFAC, BIS, NS-CMIC, EU): the region, the edges
//   into it, and its boundary — the owners and controllers outside it, which the change cannot affect (they
//   are not downstream of it), with their statuses taken as they are stored (exposure-region.ts).
// - closure (per-listed-party aggregation — UK — and affiliate rules): a stored status does not say which
//   listed party captured an entity, or whether it was captured upward or downward, so the region is
//   evaluated over its whole upstream closure (both ways for affiliate rules) instead, as one entity is.
import type { Database } from '../db/database.js';
import { ExposureGraphRepo } from '../db/repos/exposure-graph.js';
import { ExposureStore, type MaterialisedRow } from '../db/repos/exposure-store.js';
import { computeExposure, type ExposureEvaluation } from '../domain/exposure/engine.js';
import type { Regime } from '../domain/exposure/regime.js';
import { today } from '../domain/dates.js';
import { DatabaseUnavailableError } from '../errors.js';
import { serialiseExposureWrites } from './exposure-lock.js';
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
  lists: { list: string; mode: 'boundary' | 'closure'; region: number; evaluated: number; nonClear: number }[];
  skipped: { list: string; reason: string }[];
  ms: number;
}

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
  const repo = new ExposureGraphRepo(db);
  const store = new ExposureStore(db);
  const asOf = today();
  const lists = await repo.lists();
  const meta = await store.meta();
  const report: RefreshReport = { asOf, lists: [], skipped: [], ms: 0 };
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
  const both = [...new Set([...changed, ...(change.owners ?? [])])];
  const memo = new Map<string, Promise<Set<string>>>();
  const closure = (key: string, roots: () => Promise<Iterable<string>>, direction: 'up' | 'down'): Promise<Set<string>> => {
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = roots().then((r) => repo.closure(r, direction));
      memo.set(key, hit);
    }
    return hit;
  };
  const downRegion = () => closure('down', async () => changed, 'down');

  const updates: Update[] = [];
  const boundaryLists = affected.filter(boundaryWorks);
  if (boundaryLists.length > 0) {
    const region = await downRegion();
    const sub = await repo.subgraph(region, { anyOwner: true, withDecisions: false });
    const boundary = boundaryOf(region, sub);
    const decisions = await repo.decisionsNaming([...region, ...boundary]);
    const stored = await store.statusesOf([...boundary]);
    for (const regime of boundaryLists) {
      const evaluation = evaluateRegion({ ...sub, decisions }, regime, asOf, boundary, stored);
      const nonClear = collect(updates, regime, region, evaluation);
      report.lists.push({ list: regime.id, mode: 'boundary', region: region.size, evaluated: sub.entities.length + boundary.size, nonClear });
    }
  }

  for (const regime of affected.filter((r) => !boundaryWorks(r))) {
    const affiliate = regime.rule.propagation === 'affiliate';
    let region: Set<string>;
    let keep: Set<string>;
    if (affiliate) {
      const up = await closure('up-both', async () => both, 'up');
      const down = await closure('down-both', async () => both, 'down');
      region = new Set([...up, ...down]);
      keep = new Set([...(await closure('up-region-both', async () => region, 'up')), ...(await closure('down-region-both', async () => region, 'down'))]);
    } else {
      region = await downRegion();
      keep = await closure('up-region', async () => region, 'up');
    }
    const sub = await repo.subgraph(keep);
    const evaluation = computeExposure(sub, regime, asOf);
    const nonClear = collect(updates, regime, region, evaluation);
    report.lists.push({ list: regime.id, mode: 'closure', region: region.size, evaluated: sub.entities.length, nonClear });
  }
  await store.replaceEntities(asOf, updates, change.pending ?? []);
  report.ms = Math.round(performance.now() - started);
  return report;
}

type Update = { list: string; ids: string[]; rows: MaterialisedRow[] };

/** Queues the region's new rows (non-clear only) for the one write transaction; returns how many. */
function collect(updates: Update[], regime: Regime, region: Set<string>, evaluation: ExposureEvaluation): number {
  const rows: MaterialisedRow[] = [];
  for (const id of region) {
    const d = evaluation.determination(id, { explain: false });
    const row = d === undefined ? null : materialisedRow(d);
    if (row !== null) rows.push(row);
  }
  updates.push({ list: regime.id, ids: [...region], rows });
  return rows.length;
}
