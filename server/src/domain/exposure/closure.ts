// Which part of the graph a determination depends on. Downward exposure depends only on an entity's
// upstream (its owners and controllers, transitively); upward (affiliate) exposure only on its downstream.
import type { Regime } from './regime.js';
import type { Snapshot } from './snapshot.js';
import type { ExposureGraph } from './types.js';

export type ClosureDirection = 'upstream' | 'both';

/** What a caller must load to evaluate one entity on the fly (see determineEntity). */
export function closureDirection(regime: Regime): ClosureDirection {
  return regime.rule.propagation === 'affiliate' ? 'both' : 'upstream';
}

/** Marks v's closure in `mask` (valid edges of the snapshot) and returns the marked entities. */
export function markClosure(snap: Snapshot, v: number, direction: ClosureDirection, mask: Uint8Array): number[] {
  const marked: number[] = [v];
  mask[v] = 1;
  const { inStart, sOwner, outStart, outStake, sOwned, cInStart, cIn } = snap;
  const controller = snap.index.ctl.controller;
  const visit = (w: number): void => {
    if (mask[w] === 0) {
      mask[w] = 1;
      marked.push(w);
    }
  };
  for (let i = 0; i < marked.length; i++) {
    const u = marked[i]!;
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) visit(sOwner[k]!);
    for (let p = cInStart[u]!; p < cInStart[u + 1]!; p++) visit(controller[cIn[p]!]!);
  }
  if (direction === 'both') {
    const down: number[] = [v];
    const seen = new Set<number>([v]);
    for (let i = 0; i < down.length; i++) {
      const u = down[i]!;
      for (let p = outStart[u]!; p < outStart[u + 1]!; p++) {
        const w = sOwned[outStake[p]!]!;
        if (!seen.has(w)) {
          seen.add(w);
          down.push(w);
          visit(w);
        }
      }
    }
  }
  return marked;
}

export function clearMarks(mask: Uint8Array, marked: number[]): void {
  for (const v of marked) mask[v] = 0;
}

/**
 * In-memory equivalent of what the database layer loads for one entity: the entities reachable upstream
 * through OWNS and CONTROLS edges (any date: a superset is harmless), downstream too for affiliate rules,
 * the edges among them and the decisions naming them.
 */
export function relevantSubgraph(graph: ExposureGraph, entityId: string, regime: Regime): ExposureGraph {
  const ups = new Map<string, string[]>();
  const downs = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    ups.set(to, [...(ups.get(to) ?? []), from]);
    downs.set(from, [...(downs.get(from) ?? []), to]);
  };
  for (const e of graph.ownerships) link(e.owner, e.owned);
  for (const e of graph.controls) link(e.controller, e.controlled);
  const reach = (adj: Map<string, string[]>): Set<string> => {
    const seen = new Set([entityId]);
    const todo = [entityId];
    while (todo.length > 0) {
      for (const w of adj.get(todo.pop()!) ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
    }
    return seen;
  };
  const keep = reach(ups);
  if (closureDirection(regime) === 'both') for (const id of reach(downs)) keep.add(id);
  return {
    entities: graph.entities.filter((e) => keep.has(e.id)),
    ownerships: graph.ownerships.filter((e) => keep.has(e.owner) && keep.has(e.owned)),
    controls: graph.controls.filter((e) => keep.has(e.controller) && keep.has(e.controlled)),
    decisions: graph.decisions
      .filter((d) => d.entityIds.some((id) => keep.has(id)))
      .map((d) => ({ ...d, entityIds: d.entityIds.filter((id) => keep.has(id)) })),
  };
}
