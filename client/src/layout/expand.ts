// Placing an expansion (a node's newly loaded owners or subsidiaries) into a graph already laid out,
// without a full re-layout: the new nodes take rows relative to the anchor (owners above, holdings below),
// are centred on what they attach to, and existing nodes in those rows that would be covered are cleared by
// shifting each side of the graph outward as a whole, so every other subtree keeps its shape.
import { closestOrderedPlacement } from './position.ts';
import { resolveOptions, type LayeredOptions } from './options.ts';
import type { LayoutEdge, LayoutNode } from './types.ts';

export interface PlacedBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rows of the last layered layout, so an expansion lands on them rather than between them. */
export interface Rows {
  rankOf: ReadonlyMap<string, number>;
  rankY: ReadonlyMap<number, number>;
}

export interface ExpandInput {
  anchor: PlacedBox;
  /** Every other node already drawn (the anchor excluded). */
  existing: readonly PlacedBox[];
  added: readonly LayoutNode[];
  /** Edges touching the added nodes, owner → owned. */
  edges: readonly LayoutEdge[];
  /** Existing nodes already joined to the anchor (its owners or subsidiaries on screen): new ones go beside them. */
  attached?: readonly string[];
  rows?: Rows;
  options?: Partial<LayeredOptions>;
}

export interface Point {
  x: number;
  y: number;
}

export interface ExpandResult {
  added: Map<string, Point>;
  /** Existing nodes that had to move, with their new positions. */
  moved: Map<string, Point>;
  /** Rank of each added node in the rows' numbering (the anchor's rank ± hops). */
  rankOf: Map<string, number>;
  rankY: Map<number, number>;
}

export function placeExpansion(input: ExpandInput): ExpandResult {
  const options = resolveOptions(input.options);
  const { anchor } = input;
  const hops = hopsFromAnchor(input);

  // Rows of the added nodes, outward from the anchor.
  const rows = new Map<number, LayoutNode[]>();
  for (const node of input.added) {
    const hop = hops.get(node.id)!;
    const row = rows.get(hop);
    if (row) row.push(node);
    else rows.set(hop, [node]);
  }
  const anchorRank = input.rows?.rankOf.get(anchor.id) ?? 0;
  const rankY = new Map<number, number>(input.rows?.rankOf.has(anchor.id) ? input.rows.rankY : [[0, anchor.y]]);
  if (!rankY.has(anchorRank)) rankY.set(anchorRank, anchor.y);
  const halfHeight = (hop: number): number =>
    hop === 0 ? anchor.height / 2 : Math.max(0, ...(rows.get(hop) ?? []).map((n) => n.height / 2));
  const yOf = (hop: number): number => {
    const known = rankY.get(anchorRank + hop);
    if (known !== undefined) return known;
    const step = Math.sign(hop);
    const y = yOf(hop - step) + step * (halfHeight(hop - step) + options.rankSep + halfHeight(hop));
    rankY.set(anchorRank + hop, y);
    return y;
  };

  const placed = new Map<string, Point>([[anchor.id, { x: anchor.x, y: anchor.y }]]);
  const attached = new Set(input.attached ?? []);
  const attachedBoxes = input.existing.filter((box) => attached.has(box.id));
  const neighbours = undirectedNeighbours(input.edges);
  const bands: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  const order = [...rows.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  for (const hop of order) {
    const row = rows.get(hop)!;
    const y = yOf(hop);
    // Each node wants to sit at the mean x of what it attaches to in the row nearer the anchor.
    const wishes = row.map((node, i) => {
      const xs = (neighbours.get(node.id) ?? []).map((id) => (hops.get(id) === hop - Math.sign(hop) ? placed.get(id)?.x : undefined));
      const known = xs.filter((x): x is number => x !== undefined);
      return { node, i, wish: known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : anchor.x };
    });
    wishes.sort((a, b) => a.wish - b.wish || a.i - b.i);
    // Nodes with the same wish are spread evenly around it rather than stacked on it.
    const gaps = wishes.slice(1).map((w, i) => (wishes[i]!.node.width + w.node.width) / 2 + options.nodeSep);
    const xs = closestOrderedPlacement(
      wishes.map((w) => w.wish),
      wishes.map(() => 1),
      gaps,
    );
    // The anchor's owners (or subsidiaries) already on screen in this row keep their place: the new ones
    // line up to their right instead of pushing them aside.
    const besides = attachedBoxes.filter((box) => Math.abs(box.y - y) < box.height / 2 + halfHeight(hop));
    if (besides.length > 0) {
      const edge = Math.max(...besides.map((box) => box.x + box.width / 2)) + options.nodeSep;
      const shift = edge - (xs[0]! - wishes[0]!.node.width / 2);
      if (shift > 0) for (let i = 0; i < xs.length; i++) xs[i]! += shift;
    }
    let left = Infinity;
    let right = -Infinity;
    wishes.forEach((w, i) => {
      placed.set(w.node.id, { x: xs[i]!, y });
      left = Math.min(left, xs[i]! - w.node.width / 2);
      right = Math.max(right, xs[i]! + w.node.width / 2);
    });
    bands.push({ top: y - halfHeight(hop), bottom: y + halfHeight(hop), left: left - options.nodeSep, right: right + options.nodeSep });
  }

  // How far each side must move so that no existing box overlaps a band of new nodes.
  let pushRight = 0;
  let pushLeft = 0;
  const inTheWay = new Set<string>();
  for (const box of input.existing) {
    const top = box.y - box.height / 2;
    const bottom = box.y + box.height / 2;
    const left = box.x - box.width / 2;
    const right = box.x + box.width / 2;
    if (attached.has(box.id)) continue; // placed beside, never in the way
    for (const band of bands) {
      if (bottom <= band.top || top >= band.bottom || right <= band.left || left >= band.right) continue;
      inTheWay.add(box.id);
      if (box.x >= anchor.x) pushRight = Math.max(pushRight, band.right - left);
      else pushLeft = Math.max(pushLeft, right - band.left);
    }
  }
  // The graph splits at the anchor's column: what lies right of it moves right, what lies left moves left,
  // and what is centred on it (typically its owner above) stays unless it was itself in the way.
  const moved = new Map<string, Point>();
  if (pushRight > 0 || pushLeft > 0) {
    for (const box of input.existing) {
      const side = box.x > anchor.x ? 1 : box.x < anchor.x ? -1 : inTheWay.has(box.id) ? 1 : 0;
      const shift = side > 0 ? pushRight : side < 0 ? -pushLeft : 0;
      if (shift !== 0) moved.set(box.id, { x: box.x + shift, y: box.y });
    }
  }

  placed.delete(anchor.id);
  const rankOf = new Map([...hops].filter(([id]) => id !== anchor.id).map(([id, hop]) => [id, anchorRank + hop]));
  return { added: placed, moved, rankOf, rankY };
}

/**
 * Hops from the anchor through the new edges: +1 for each step owner → owned, −1 for owned → owner. An added
 * node the new edges do not reach from the anchor goes one row below it.
 */
function hopsFromAnchor(input: ExpandInput): Map<string, number> {
  const addedIds = new Set(input.added.map((n) => n.id));
  const steps = new Map<string, Array<[string, number]>>();
  const addStep = (from: string, to: string, hop: number): void => {
    const list = steps.get(from);
    if (list) list.push([to, hop]);
    else steps.set(from, [[to, hop]]);
  };
  for (const edge of input.edges) {
    addStep(edge.source, edge.target, 1);
    addStep(edge.target, edge.source, -1);
  }
  const hops = new Map<string, number>([[input.anchor.id, 0]]);
  const queue = [input.anchor.id];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const [next, hop] of steps.get(id) ?? []) {
      if (hops.has(next) || !addedIds.has(next)) continue;
      hops.set(next, hops.get(id)! + hop);
      queue.push(next);
    }
  }
  for (const node of input.added) if (!hops.has(node.id)) hops.set(node.id, 1);
  // A cross-holding among the new nodes can put one on the anchor's own row; keep it off the anchor's row.
  for (const [id, hop] of hops) if (hop === 0 && id !== input.anchor.id) hops.set(id, 1);
  return hops;
}

function undirectedNeighbours(edges: readonly LayoutEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = map.get(a);
    if (list) list.push(b);
    else map.set(a, [b]);
  };
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return map;
}
