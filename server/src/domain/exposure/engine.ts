/*
 * The exposure engine: which entities inherit a list's restrictions, under its rule, as of a date, and why.
 * Pure TypeScript over plain arrays (no database, no HTTP); the rules are data (regime.ts, seed/lists.json).
 *
 * Layers, each reusable by the next:
 *   buildIndex(graph)         ids → dense integers, edges in typed arrays            (once per data load)
 *   takeSnapshot(index, day)  edges and listings valid on the day, one stake per pair (once per date)
 *   evaluate(snapshot, rule)  statuses and aggregates for every entity               (once per list and date)
 *   evaluation.determination(id) → status, aggregate, flags, warnings, explanation   (per entity, on demand)
 *
 * Semantics (PRODUCT.md, "Exposure: the rules"):
 * - Validity. An edge holds on D when start ≤ D < end (half-open, null = unbounded). A decision takes effect
 *   on `effective ?? date`; decisions on a list are applied per entity in that order: added lists, removed
 *   unlists, amended changes nothing, proposed/reported never list anyone.
 * - Listed parties ("seeds") are the entities listed on any list in the rule's `countsAsListed` while the
 *   rule's propagation is in force; outside its windows (or for propagation 'none') only the list itself.
 *   Status `listed` means named on this list; an entity named only on another counted list is a party that
 *   passes its stakes, and its own status is its membership of the fixed point of the other parties, so its
 *   own stakes never come back round a cycle to capture it (self-exclusion.ts, exact, via components).
 * - Stakes are intervals: exact p → [p, p]; a range → [percentMin ?? 0, percentMax ?? 100] with its inclusive
 *   flags; unknown → [0, 100]. Duplicate reports of one (owner, owned) pair valid on D count once: their
 *   intersection, or their hull with a conflicting_stakes warning when they contradict each other.
 * - Two least fixed points from the seeds, by monotone worklist (fixpoint.ts): the certain set sums lower
 *   bounds of stakes held by certain members, the possible set sums upper bounds of stakes held by possible
 *   members. A member passes its full direct stake; a non-member passes nothing; nothing is multiplied. An
 *   entity whose sum meets the threshold (≥ or > as the rule says; an exclusive lower bound of exactly T
 *   meets "> T") joins and passes its own stakes on. Cycles terminate and nothing props itself up, because
 *   only members' stakes count and membership starts from the seeds.
 *   exposed = in the certain set, possibly_exposed = only in the possible set, clear = neither. An unknown
 *   stake therefore never leaves an entity clear when it could meet the rule.
 * - Aggregation 'per-listed-party' (UK): one pair of passes per listed party, seeded with that party alone,
 *   so a party's holding includes what the entities it captured hold, but two parties are never summed.
 *   The reported aggregate is the largest single party's.
 * - Control: 'exposed' — a CONTROLS edge from a certain member makes the controlled entity a certain member
 *   (EU, UK: the regime counts control and the graph asserts it); 'possibly_exposed' — only a possible one;
 *   'flag' — control never decides, a controlled_by_listed flag is shown instead (OFAC, BIS).
 * - Propagation 'affiliate' (NDAA 889) adds an upward set: an owner holding one stake meeting the threshold
 *   in a seed or an upward member joins it. Upward and downward sets are not mixed (no siblings).
 * - Flags: controlled_by_listed (where control does not decide), significant_minority (aggregate lower bound
 *   ≥ significantMinority but below the rule), listed_on_counted_list. Warnings: ownership_over_100 (the lower
 *   bounds of all owners' stakes sum past 100%), conflicting_stakes, invalid_stake, self_ownership — never errors.
 * - Look-through (multiplied) percentages are never used here.
 * - One entity on the fly (determineEntity) = the same evaluation over the entity's closure (upstream; both
 *   ways for affiliate rules), which is all its status depends on, so it equals the global answer.
 * The engine reports list-based exposure from the data it holds; it is not legal advice and decides no licences.
 */
import type { IsoDate } from '../model.js';
import { explain } from './explain.js';
import { flagsOf } from './flags.js';
import { buildIndex, type GraphIndex } from './graph-index.js';
import type { Regime } from './regime.js';
import { takeSnapshot, type Snapshot } from './snapshot.js';
import { CLEAR, computeState, type EvalState } from './state.js';
import { statusName } from './status.js';
import type { Determination, ExposureGraph, ExposureStatus } from './types.js';
import { aggregateOf } from './wording.js';

export interface ExposureEvaluation {
  readonly regime: Regime;
  readonly asOf: IsoDate;
  /** Whether the rule's propagation is in force on asOf. */
  readonly ruleInForce: boolean;
  readonly snapshot: Snapshot;
  /** Status of an entity; undefined for an id the graph does not contain. */
  status(entityId: string): ExposureStatus | undefined;
  /** Full determination; explanation computed unless `explain: false`. Undefined for an unknown id. */
  determination(entityId: string, options?: { explain?: boolean }): Determination | undefined;
  /** Every entity that is not clear, in index order. */
  nonClear(): { entityId: string; status: ExposureStatus }[];
  counts(): Record<ExposureStatus, number>;
  /** Internal state, for diff and tests. */
  readonly state: EvalState;
}

export function evaluate(snapshot: Snapshot, regime: Regime): ExposureEvaluation {
  const state = computeState(snapshot, regime);
  const index = snapshot.index;
  const determination = (v: number, withExplanation: boolean): Determination => ({
    entityId: index.ids[v]!,
    listId: regime.id,
    asOf: snapshot.asOf,
    status: statusName(state.status[v]!),
    aggregate: aggregateOf(state.aggLo[v]!, state.aggLoOpen[v] === 1, state.aggHi[v]!, state.aggHiOpen[v] === 1),
    ruleInForce: state.inForce,
    flags: flagsOf(state, v),
    warnings: snapshot.warningsOf.get(v) ?? [],
    explanation: withExplanation ? explain(state, v) : null,
  });
  return {
    regime,
    asOf: snapshot.asOf,
    ruleInForce: state.inForce,
    snapshot,
    state,
    status(entityId) {
      const v = index.indexOf.get(entityId);
      return v === undefined ? undefined : statusName(state.status[v]!);
    },
    determination(entityId, options) {
      const v = index.indexOf.get(entityId);
      return v === undefined ? undefined : determination(v, options?.explain ?? true);
    },
    nonClear() {
      const out: { entityId: string; status: ExposureStatus }[] = [];
      for (let v = 0; v < index.size; v++) {
        if (state.status[v] !== CLEAR) out.push({ entityId: index.ids[v]!, status: statusName(state.status[v]!) });
      }
      return out;
    },
    counts() {
      const counts: Record<ExposureStatus, number> = { listed: 0, exposed: 0, possibly_exposed: 0, clear: 0 };
      for (let v = 0; v < index.size; v++) counts[statusName(state.status[v]!)]++;
      return counts;
    },
  };
}

/** One-shot convenience: index, snapshot and evaluate. Reuse an index/snapshot when evaluating many lists. */
export function computeExposure(graph: ExposureGraph | GraphIndex, regime: Regime, asOf: IsoDate): ExposureEvaluation {
  const index = 'indexOf' in graph ? graph : buildIndex(graph);
  return evaluate(takeSnapshot(index, asOf), regime);
}

/**
 * One entity on the fly, over the subgraph the caller loaded for it: its upstream closure through OWNS and
 * CONTROLS edges (plus its downstream closure for affiliate rules — see closureDirection), with the
 * decisions naming those entities. Equals the global determination. Undefined if the id is not in `closure`.
 */
export function determineEntity(closure: ExposureGraph, regime: Regime, asOf: IsoDate, entityId: string): Determination | undefined {
  return computeExposure(closure, regime, asOf).determination(entityId);
}
