// Placing an expansion (a node's newly loaded owners or subsidiaries) into a graph already laid out,
// without a full re-layout: the new nodes take rows relative to the anchor (owners above, holdings below),
// are centred on what they attach to, and existing nodes in those rows that would be covered are pushed
// aside within their row, as few as possible (the renderer redraws whatever moved).
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

/** Overlaps thinner than this (px) are rounding, not overlaps. */
const EPSILON = 1e-6;

/** The strip a row of new nodes occupies, with the node gap around it. */
interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A band and where its push divides: boxes at or right of `split` go right, the others left (null: its centre). */
interface PushBand extends Band {
  split: number | null;
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
  // Only an attached node in the anchor's own column (its one owner centred above, its one subsidiary below)
  // keeps its place with the new nodes lined up beside it: the column never moves when the sides are pushed
  // apart. Attached nodes elsewhere are moved aside like any other, keeping their side's shape.
  const attached = new Set(input.attached);
  const attachedBoxes = input.existing.filter((box) => attached.has(box.id) && Math.abs(box.x - anchor.x) < 0.5);
  const besideColumn = new Set(attachedBoxes.map((box) => box.id));
  const neighbours = undirectedNeighbours(input.edges);
  const bands: Array<PushBand & { boxes: PlacedBox[] }> = [];
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
    // The anchor's owner (or subsidiary) already centred on its column keeps its place: the new ones line
    // up to its right instead of pushing it aside.
    const besides = attachedBoxes.filter((box) => Math.abs(box.y - y) < box.height / 2 + halfHeight(hop));
    if (besides.length > 0) {
      const edge = Math.max(...besides.map((box) => box.x + box.width / 2)) + options.nodeSep;
      const shift = edge - (xs[0]! - wishes[0]!.node.width / 2);
      if (shift > 0) for (let i = 0; i < xs.length; i++) xs[i]! += shift;
    }
    // Room for the row: pushing existing boxes aside costs the renderer per moved box and its edges, so in a
    // packed row where that would move many, the new row may slide sideways (to a gap, or to where the push
    // is absorbed sooner) and push one way only, whichever moves fewest for the distance.
    const rowAll = boxesInRow(input.existing, y - halfHeight(hop), y + halfHeight(hop));
    const rowBoxes = rowAll.filter((box) => !besideColumn.has(box.id)); // the column box is never pushed
    let band: PushBand = { ...bandAround(wishes.map((w) => w.node.width), xs, y, halfHeight(hop), options.nodeSep), split: null };
    if (pushAside(rowBoxes, band, options.nodeSep).size > MAX_MOVES_PER_ROW) {
      // A row holding the anchor's column box only slides to a free gap: pushing one way could cross that box.
      const choice =
        rowAll.length === rowBoxes.length
          ? cheapestRoom(rowBoxes, band, options.nodeSep, Math.max(GAP_SEARCH_PX, 3 * (band.right - band.left)))
          : { shift: nearestGapShift(rowAll, band, Math.max(GAP_SEARCH_PX, 3 * (band.right - band.left))) ?? 0, split: null };
      for (let i = 0; i < xs.length; i++) xs[i]! += choice.shift;
      band = { ...band, left: band.left + choice.shift, right: band.right + choice.shift, split: choice.split };
    }
    wishes.forEach((w, i) => placed.set(w.node.id, { x: xs[i]!, y }));
    bands.push({ ...band, boxes: rowBoxes });
  }

  // Boxes overlapping a new row are pushed out from its split, each pushing its neighbour in turn until a
  // gap wide enough absorbs the rest. Rows without new nodes, the anchor's row included, stay put.
  const moved = new Map<string, Point>();
  for (const band of bands) for (const [id, point] of pushAside(band.boxes, band, options.nodeSep)) moved.set(id, point);

  placed.delete(anchor.id);
  const rankOf = new Map([...hops].filter(([id]) => id !== anchor.id).map(([id, hop]) => [id, anchorRank + hop]));
  return { added: placed, moved, rankOf, rankY };
}

/** A moved box costs the renderer about 1 ms on a 7,000-element view: beyond this many, look for a gap. */
const MAX_MOVES_PER_ROW = 24;
/** How far (px) a new row may go from where it wants to be to land in a gap instead of pushing. */
const GAP_SEARCH_PX = 1600;

/** Existing boxes that overlap the strip between top and bottom, left to right. */
function boxesInRow(existing: readonly PlacedBox[], top: number, bottom: number): PlacedBox[] {
  return existing
    .filter((box) => box.y + box.height / 2 > top + EPSILON && box.y - box.height / 2 < bottom - EPSILON)
    .sort((a, b) => a.x - b.x);
}

function bandAround(widths: readonly number[], xs: readonly number[], y: number, half: number, nodeSep: number): Band {
  let left = Infinity;
  let right = -Infinity;
  xs.forEach((x, i) => {
    left = Math.min(left, x - widths[i]! / 2);
    right = Math.max(right, x + widths[i]! / 2);
  });
  return { top: y - half, bottom: y + half, left: left - nodeSep, right: right + nodeSep };
}

/**
 * New positions for the boxes of one row (sorted by x) that must make way for `band`: those right of its
 * split (its centre unless set) are pushed right, each pushing the next until a gap absorbs the push, and
 * the same to the left.
 */
function pushAside(row: readonly PlacedBox[], band: PushBand, nodeSep: number, giveUpAbove = Infinity): Map<string, Point> {
  const moved = new Map<string, Point>();
  const centre = band.split ?? (band.left + band.right) / 2;
  let limit = band.right; // the leftmost a box may start at, going right
  for (const box of row) {
    // A box wholly beside the band on the other side stays (a push one way only leaves those alone).
    if (box.x < centre || box.x + box.width / 2 <= band.left + EPSILON) continue;
    if (box.x - box.width / 2 >= limit - EPSILON || moved.size > giveUpAbove) break; // this gap absorbs the push
    moved.set(box.id, { x: limit + box.width / 2, y: box.y });
    limit += box.width + nodeSep;
  }
  limit = band.left; // the rightmost a box may end at, going left
  for (let i = row.length - 1; i >= 0; i--) {
    const box = row[i]!;
    if (box.x >= centre || box.x - box.width / 2 >= band.right - EPSILON) continue;
    if (box.x + box.width / 2 <= limit + EPSILON || moved.size > giveUpAbove) break;
    moved.set(box.id, { x: limit - box.width / 2, y: box.y });
    limit -= box.width + nodeSep;
  }
  return moved;
}

/** What one moved box is worth in sideways distance (px) of the new row from where it wants to be. */
const PX_PER_MOVE = 200;

/**
 * The sideways shift (within `reach` px) and push direction that move the fewest boxes of `row` for the
 * distance: candidates are the band where it is and the band against each box's side (a gap, or a place
 * where the push stops at a wider gap), each pushed from its centre, all right or all left. A candidate
 * stops counting once it is worse than the best so far, so a packed row of hundreds stays cheap to search.
 */
function cheapestRoom(row: readonly PlacedBox[], band: PushBand, nodeSep: number, reach: number): { shift: number; split: number | null } {
  const width = band.right - band.left;
  const shifts = new Set<number>([0]);
  for (const box of row) {
    const left = box.x - box.width / 2;
    const right = box.x + box.width / 2;
    if (right < band.left - reach - width || left > band.right + reach + width) continue;
    // The band carries a node gap on each side, so against a box means its edge on the box's edge.
    for (const shift of [right - band.left, left - band.right]) {
      if (Math.abs(shift) <= reach) shifts.add(shift);
    }
  }
  let best = { shift: 0, split: null as number | null, cost: Infinity };
  for (const shift of shifts) {
    const moved = { ...band, left: band.left + shift, right: band.right + shift };
    for (const split of [null, -Infinity, Infinity]) {
      const distance = Math.abs(shift) / PX_PER_MOVE;
      const cost = pushAside(row, { ...moved, split }, nodeSep, best.cost - distance).size + distance;
      if (cost < best.cost - EPSILON) best = { shift, split, cost };
    }
  }
  return { shift: best.shift, split: best.split };
}

/** The smallest sideways shift (within `reach` px) that puts `band` in a gap of the row, or null. */
function nearestGapShift(row: readonly PlacedBox[], band: Band, reach: number): number | null {
  // The band includes a node gap on each side, so it fits between two boxes [from, to] (right edge of one,
  // left edge of the next) when its left edge lands in [from, to − width].
  const width = band.right - band.left;
  let best: number | null = null;
  const consider = (from: number, to: number): void => {
    if (to - from < width - EPSILON) return;
    const left = Math.min(Math.max(band.left, from), to - width);
    const shift = left - band.left;
    if (Math.abs(shift) <= reach && (best === null || Math.abs(shift) < Math.abs(best))) best = shift;
  };
  const edges = row.map((box) => [box.x - box.width / 2, box.x + box.width / 2] as const);
  consider(-Infinity, row.length > 0 ? edges[0]![0] : Infinity);
  for (let i = 0; i + 1 < row.length; i++) consider(edges[i]![1], edges[i + 1]![0]);
  if (row.length > 0) consider(edges[row.length - 1]![1], Infinity);
  return best;
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
