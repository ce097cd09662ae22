// One entity's evaluations from the cached whole graph, without the database. Rules that propagate
// downward only: a cached whole-graph evaluation of the list and date when there is one (today's are
// computed in the background), else the entity's upstream closure cut out of the index (sub-index.ts) and
// evaluated alone, in proportion to the closure; both equal the Neo4j path's evaluation of that closure.
// Affiliate rules (NDAA 889): always the whole graph's evaluation (computed on first use per date), the
// exact one — it also flags control by an owner that is an upward member only through entities outside the
// entity's closure, which a closure cannot see (statuses and aggregates agree either way:
// tests/unit/exposure/property.test.ts).
import { evaluate, type ExposureEvaluation } from '../domain/exposure/engine.js';
import type { Regime } from '../domain/exposure/regime.js';
import { closureDirection } from '../domain/exposure/closure.js';
import { takeSnapshot } from '../domain/exposure/snapshot.js';
import { closureOf, subIndex } from '../domain/exposure/sub-index.js';
import { today } from '../domain/dates.js';
import { NotFoundError } from '../errors.js';
import type { GraphSnapshotCache } from './exposure-cache.js';

export function entityInMemory(graph: GraphSnapshotCache, regimes: { regime: Regime }[], entityId: string, asOf: string): ExposureEvaluation[] {
  const v = graph.index.indexOf.get(entityId);
  if (v === undefined || !graph.kinds.has(entityId)) throw new NotFoundError(`No entity with id '${entityId}'`);
  // Affiliate rules: the whole graph's evaluation, computed now if it is not cached (one per list and date).
  const cached = regimes.map(({ regime }) =>
    closureDirection(regime) === 'both' ? graph.evaluate(regime, asOf).evaluation : graph.peek(regime, asOf)?.evaluation,
  );
  if (cached.every((e) => e !== undefined)) return cached as ExposureEvaluation[];
  // The hot date: evaluate the whole graph once, off this request, so the next requests take the branch above.
  if (asOf === today()) graph.evaluateLater(regimes.map((r) => r.regime), asOf);
  const adj = graph.adjacency();
  const snapshot = takeSnapshot(subIndex(graph.index, adj, closureOf(graph.index, adj, v, false)), asOf);
  return regimes.map(({ regime }, i) => cached[i] ?? evaluate(snapshot, regime));
}
