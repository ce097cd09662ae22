// Which part of the model is drawn: walk up from the root through owners and down through subsidiaries,
// keep walking from nodes the user expanded, stop at nodes the user collapsed, and show at most `cap`
// neighbours per node and direction, the rest behind a "+N more" placeholder. Pure, so it is unit tested.
import type { GraphEdge } from '../api-types.ts';
import type { Direction, GraphModel, ModelNode } from './model.ts';

export interface ViewNode extends ModelNode {
  /** Hops above (negative) or below (positive) the root; 0 for the root. */
  rank: number;
}

/** A placeholder for neighbours hidden beyond the cap: clicking it reveals more. */
export interface MoreNode {
  id: string;
  parent: string;
  direction: Direction;
  hidden: number;
  rank: number;
}

export interface ViewGraph {
  root: string;
  nodes: ViewNode[];
  edges: GraphEdge[];
  more: MoreNode[];
  truncated: boolean;
}

export interface VisibilityOptions {
  /** `${id}:up` / `${id}:down`: walk on from this node in that direction even off its natural side. */
  expanded: ReadonlySet<string>;
  /** `${id}:up` / `${id}:down`: do not walk from this node in that direction. */
  collapsed: ReadonlySet<string>;
  /** How many neighbours of `${id}:${direction}` are shown; default `cap`. */
  revealed: ReadonlyMap<string, number>;
  cap: number;
  /** Entities shown whatever the walk found (e.g. on a found path), placed next to a shown neighbour. */
  pinned?: ReadonlySet<string>;
}

/** Fewer hidden than this are shown anyway: a "+1 more" chip is worse than one more node. */
const MIN_HIDDEN = 3;

export const sideKey = (id: string, direction: Direction): string => `${id}:${direction}`;
export const moreId = (parent: string, direction: Direction): string => `more:${parent}:${direction}`;

export function visibleGraph(model: GraphModel, { expanded, collapsed, revealed, cap, pinned = new Set() }: VisibilityOptions): ViewGraph {
  const rootNode = model.nodes.get(model.root);
  if (!rootNode) return { root: model.root, nodes: [], edges: [], more: [], truncated: model.truncated };
  const ranks = new Map<string, number>([[model.root, 0]]);
  const sides = new Map<string, Direction | null>([[model.root, null]]); // the side each node was reached on
  const more: MoreNode[] = [];
  const queue: string[] = [model.root];

  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i]!;
    for (const direction of ['up', 'down'] as const) {
      const key = sideKey(id, direction);
      const natural = sides.get(id) === null || sides.get(id) === direction;
      if (collapsed.has(key) || !(natural || expanded.has(key))) continue;
      const fresh = uniqueOthers(model.neighbours(id, direction)).filter(({ other }) => !ranks.has(other));
      const limit = revealed.get(key) ?? cap;
      const shown = fresh.length - limit >= MIN_HIDDEN ? fresh.sort(byStakeThenName(model)).slice(0, limit) : fresh;
      const rank = ranks.get(id)! + (direction === 'up' ? -1 : 1);
      for (const { other } of shown) {
        ranks.set(other, rank);
        sides.set(other, direction);
        queue.push(other);
      }
      if (shown.length < fresh.length) more.push({ id: moreId(id, direction), parent: id, direction, hidden: fresh.length - shown.length, rank });
    }
  }

  placePinned(model, ranks, pinned);
  const nodes = [...ranks].map(([id, rank]) => ({ ...(model.nodes.get(id) as ModelNode), rank }));
  const edges = [...model.edges.values()].filter((edge) => ranks.has(edge.source) && ranks.has(edge.target));
  return { root: model.root, nodes, edges, more, truncated: model.truncated };
}

/** Pinned entities take the rank next to a ranked neighbour (repeatedly, so chains of them line up); 0 if none. */
function placePinned(model: GraphModel, ranks: Map<string, number>, pinned: ReadonlySet<string>): void {
  let waiting = [...pinned].filter((id) => model.nodes.has(id) && !ranks.has(id));
  while (waiting.length > 0) {
    const before = waiting.length;
    waiting = waiting.filter((id) => {
      const owner = model.neighbours(id, 'up').find(({ other }) => ranks.has(other));
      const owned = model.neighbours(id, 'down').find(({ other }) => ranks.has(other));
      if (owner) ranks.set(id, ranks.get(owner.other)! + 1);
      else if (owned) ranks.set(id, ranks.get(owned.other)! - 1);
      return !owner && !owned;
    });
    if (waiting.length === before) break;
  }
  for (const id of waiting) ranks.set(id, 0);
}

/** One entry per neighbour (an OWNS and a CONTROLS edge to the same owner count once), with its largest stake. */
function uniqueOthers(links: { edge: GraphEdge; other: string }[]): { other: string; stake: number }[] {
  const best = new Map<string, number>();
  for (const { edge, other } of links) best.set(other, Math.max(best.get(other) ?? -1, stakeOf(edge)));
  return [...best].map(([other, stake]) => ({ other, stake }));
}

function stakeOf(edge: GraphEdge): number {
  if (edge.type !== 'OWNS') return -1;
  return edge.percent ?? edge.percentMin ?? 0;
}

function byStakeThenName(model: GraphModel): (a: { other: string; stake: number }, b: { other: string; stake: number }) => number {
  return (a, b) => b.stake - a.stake || model.name(a.other).localeCompare(model.name(b.other));
}
