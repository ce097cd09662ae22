// One entity's evaluations from the cached whole graph, without the database: a cached whole-graph
// evaluation of the list and date when there is one (today's are computed in the background), else the
// entity's closure cut out of the index (sub-index.ts) and evaluated alone, which costs work in proportion
// to the closure. Either equals the Neo4j path's evaluation of the same closure — except that for affiliate
// rules (NDAA 889) a whole-graph evaluation can flag control by an owner that is an upward member through
// entities outside the closure, which the closure cannot see; so those rules always use the cut.
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
  const upstream = regimes.map(({ regime }) => closureDirection(regime) === 'upstream');
  const cached = regimes.map(({ regime }, i) => (upstream[i] ? graph.peek(regime, asOf)?.evaluation : undefined));
  if (cached.every((e) => e !== undefined)) return cached as ExposureEvaluation[];
  // The hot date: evaluate the whole graph once, off this request, so the next requests take the branch above.
  if (asOf === today()) graph.evaluateLater(regimes.filter((_, i) => upstream[i]).map((r) => r.regime), asOf);
  const adj = graph.adjacency();
  const down = upstream.includes(false);
  const snapshot = takeSnapshot(subIndex(graph.index, adj, closureOf(graph.index, adj, v, down)), asOf);
  return regimes.map(({ regime }, i) => cached[i] ?? evaluate(snapshot, regime));
}
