// The pure part of an incremental refresh by boundary (exposure-refresh.ts explains when it applies and
// why it is exact): which entities form a region's boundary, and the graph to evaluate the region on, with
// the boundary's stored statuses standing in for everything above it.
import { computeExposure, type ExposureEvaluation } from '../domain/exposure/engine.js';
import type { Regime } from '../domain/exposure/regime.js';
import type { ExposureGraph, ExposureStatus } from '../domain/exposure/types.js';
import type { ListingDecision, OwnershipEdge } from '../domain/model.js';

/** The synthetic list on which boundary parties stand for their stored status (never written anywhere). */
export const BOUNDARY_LIST = 'boundary:stored-status';

/** Stored statuses per entity and list (absent = clear), as ExposureStore.statusesOf returns them. */
export type StoredStatuses = Map<string, Record<string, ExposureStatus>>;

/**
 * Whether stored statuses say all a region needs of its boundary: all-party aggregation (a stored status
 * does not say which party captured an entity) and no upward propagation (nor whether it was captured
 * upward), and a threshold an unknown stake can meet.
 */
export function boundaryWorks(regime: Regime): boolean {
  const r = regime.rule;
  return r.aggregation === 'all' && r.propagation !== 'affiliate' && (r.comparison === 'gte' || r.threshold < 100);
}

/** Owners and controllers of region entities that are outside the region. */
export function boundaryOf(region: ReadonlySet<string>, sub: Pick<ExposureGraph, 'ownerships' | 'controls'>): Set<string> {
  const boundary = new Set<string>();
  for (const e of sub.ownerships) if (region.has(e.owned) && !region.has(e.owner)) boundary.add(e.owner);
  for (const e of sub.controls) if (region.has(e.controlled) && !region.has(e.controller)) boundary.add(e.controller);
  return boundary;
}

/**
 * Evaluates a region from `sub` — its entities, the edges into them and the decisions naming them or their
 * boundary — with each boundary entity's stored status on the regime's list: an exposed one is put on a
 * synthetic list the rule counts (so it passes its full stake, as a captured party does), a possibly
 * exposed one gets a synthetic listed owner with an unknown stake (so it passes its upper bounds only).
 * Listed ones need nothing: their decisions are in `sub`. Exposed parties exist only while the rule is in
 * force, which is also when the rule counts other lists, so the synthetic list never counts when it should not.
 */
export function evaluateRegion(sub: ExposureGraph, regime: Regime, asOf: string, boundary: Iterable<string>, stored: StoredStatuses): ExposureEvaluation {
  const decisions: ListingDecision[] = [...sub.decisions];
  const ownerships: OwnershipEdge[] = [...sub.ownerships];
  const entities = [...sub.entities];
  const synthetic = (id: string): ListingDecision => ({
    id: `boundary-party:${id}`, listId: BOUNDARY_LIST, action: 'added', date: '1900-01-01', effective: null,
    citation: 'stored determination', summary: '', entityIds: [id], sourceIds: [],
  });
  for (const id of boundary) {
    const status = stored.get(id)?.[regime.id];
    if (status === 'exposed') {
      decisions.push(synthetic(id));
    } else if (status === 'possibly_exposed') {
      const ghost = `boundary-ghost:${id}`;
      entities.push({ id: ghost, name: ghost });
      decisions.push(synthetic(ghost));
      ownerships.push({
        id: `${ghost}:owns`, owner: ghost, owned: id, percent: null, percentMin: null, percentMax: null,
        minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [],
      });
    }
  }
  const counting: Regime = { ...regime, rule: { ...regime.rule, countsAsListed: [...regime.rule.countsAsListed, BOUNDARY_LIST] } };
  return computeExposure({ entities, ownerships, controls: sub.controls, decisions }, counting, asOf);
}
