// The Cytoscape side of the layered ownership layout: read the view's nodes (sizes as drawn) and edges,
// compute positions off the main thread, apply them as a `preset` layout. `expandLayout` places a node's
// newly loaded owners or subsidiaries around it in a few milliseconds, without laying the graph out again.
import type { Collection, Core, EdgeSingular, NodeCollection, NodeSingular, Position, SingularElementArgument } from 'cytoscape';
import { placeExpansion, type PlacedBox, type Rows } from './expand.ts';
import { computeLayout } from './off-main-thread.ts';
import type { LayeredOptions } from './options.ts';
import type { LayoutEdge, LayoutInput, LayoutNode } from './types.ts';

export interface LayeredLayoutOptions {
  /** What to lay out (default: the whole graph). A part keeps its top centre where it was. */
  eles?: Collection;
  /** Entities the view is rooted on: their part of the graph goes first and wins cycle breaking ties. */
  roots?: string[];
  /** Move nodes smoothly to their new places (default false: a new view appears at once). */
  animate?: boolean;
  /** Zoom to the laid-out elements afterwards (default: true for the whole graph, false for a part). */
  fit?: boolean;
  /** Padding around the graph when fitting (px). */
  padding?: number;
  /** Spacing and effort; see options.ts. */
  layout?: Partial<LayeredOptions>;
  /**
   * A node's box from its data (e.g. the stylesheet's own size functions). Without it the layout asks
   * Cytoscape, which must first style every node: on 3,000 nodes that is most of the layout's time, and with
   * a size function it is done while the worker computes instead.
   */
  size?: NodeSize;
}

export type NodeSize = (node: NodeSingular) => { width: number; height: number };

export interface ExpandLayoutOptions {
  animate?: boolean;
  layout?: Partial<LayeredOptions>;
  /** As for layeredLayout: the same measure, so new boxes match the ones laid out before. */
  size?: NodeSize;
}

const ANIMATION_MS = 250;
const FIT_PADDING = 48; // room for status badges and the root halo, as before with dagre
/**
 * Per Core, the last layout's rows (so an expansion lands on them) and each node's box size (so an expansion
 * need not ask Cytoscape for the size of every node again; sizes follow label and kind, and a node whose data
 * or classes change is added anew). Not `cy.scratch`: setting the Core's scratch data restyles every element
 * (Cytoscape treats it like `cy.data`), which cost a 7,000-element view a full restyle (~0.5 s) on the next
 * frame after each layout and expansion.
 */
const rowsOf = new WeakMap<Core, Rows>();
const sizesOf = new WeakMap<Core, Map<string, { width: number; height: number }>>();

/** Lays the view out top-down: owners above, what they own below. Resolves once positions are applied. */
export async function layeredLayout(cy: Core, opts: LayeredLayoutOptions = {}): Promise<void> {
  const whole = opts.eles === undefined;
  const nodes = (opts.eles ?? cy.elements()).nodes();
  if (nodes.empty()) return;
  const started = performance.now();
  const input = readGraph(nodes, opts);
  const before = whole ? null : nodes.boundingBox({ includeLabels: false });
  const read = performance.now();

  // Hold drawing while the worker computes: otherwise a frame of every new node piled at (0, 0) is drawn,
  // costing the main thread the time of a full render for a picture nobody should see.
  cy.startBatch();
  let result;
  try {
    const computing = computeLayout(input);
    // The first frame needs every node styled; with sizes from data, that work overlaps the worker's.
    if (opts.size) nodes.forEach((node) => void node.numericStyle('width'));
    result = await computing;
  } finally {
    cy.endBatch();
  }
  const computed = performance.now();

  let dx = 0;
  if (before) {
    // A part keeps its place: its new top centre goes where its old one was.
    let left = Infinity;
    let right = -Infinity;
    input.nodes.forEach((node, i) => {
      left = Math.min(left, result.x[i]! - node.width / 2);
      right = Math.max(right, result.x[i]! + node.width / 2);
    });
    dx = (before.x1 + before.x2) / 2 - (left + right) / 2;
  }
  const dy = before ? before.y1 : 0;
  const positions = new Map<string, Position>();
  const rankOf = new Map<string, number>();
  input.nodes.forEach((node, i) => {
    positions.set(node.id, { x: result.x[i]! + dx, y: result.y[i]! + dy });
    rankOf.set(node.id, result.rank[i]!);
  });
  const rankY = new Map(result.rankY.map((y, r) => [r, y + dy]));
  rowsOf.set(cy, { rankOf, rankY });
  const sizes = whole ? new Map<string, { width: number; height: number }>() : (sizesOf.get(cy) ?? new Map());
  for (const node of input.nodes) sizes.set(node.id, { width: node.width, height: node.height });
  sizesOf.set(cy, sizes);

  // Fit first: when animating, the nodes then move within the final view rather than the view jumping after.
  if (opts.fit ?? whole) fitBox(cy, boxAround(input.nodes, positions), opts.padding ?? FIT_PADDING);
  await applyPositions(cy, nodes, positions, opts.animate ?? false);
  // User Timing entries: visible in the browser's performance panel and read by bench/layout.ts.
  performance.measure('layered: read sizes', { start: started, end: read });
  performance.measure('layered: compute', { start: read, end: computed });
  performance.measure('layered: apply', { start: computed, end: performance.now() });
}

/**
 * Places `newEles` (just added: an expanded node's owners or subsidiaries and their edges) around the node
 * `anchorId`: owners in the rows above it, subsidiaries below, existing nodes shifted aside only as far as
 * needed. Synchronous work of a few milliseconds even on a 7,000-element view; resolves once applied.
 */
export async function expandLayout(cy: Core, newEles: Collection, anchorId: string, opts: ExpandLayoutOptions = {}): Promise<void> {
  const anchor = cy.getElementById(anchorId);
  if (anchor.empty() || !anchor.isNode()) throw new Error(`expandLayout: no node ${anchorId} to expand from`);
  const added = newEles.nodes().not(anchor);
  if (added.empty()) return;
  const started = performance.now();
  const sizes = sizesOf.get(cy) ?? new Map<string, { width: number; height: number }>();
  sizesOf.set(cy, sizes);
  const addedIds = new Set(added.map((node) => node.id()));
  const existing: PlacedBox[] = [];
  cy.nodes().forEach((node) => {
    if (node.id() !== anchorId && !addedIds.has(node.id())) existing.push(box(node, sizes));
  });
  const addedSizes = added.map((node) => {
    const size = dimensions(node as NodeSingular, opts.size);
    sizes.set(size.id, { width: size.width, height: size.height });
    return size;
  });
  const edges = added.connectedEdges().union(newEles.edges());
  const rows = rowsOf.get(cy);
  const read = performance.now();
  const placement = placeExpansion({
    anchor: box(anchor, sizes),
    existing,
    added: addedSizes,
    edges: edges.map(layoutEdge),
    attached: anchor.neighborhood().nodes().not(added).map((node) => node.id()),
    ...(rows ? { rows } : {}),
    ...(opts.layout ? { options: opts.layout } : {}),
  });
  if (rows) {
    rowsOf.set(cy, { rankOf: new Map([...rows.rankOf, ...placement.rankOf]), rankY: placement.rankY });
  }
  const placed = performance.now();
  const positions = new Map([...placement.moved, ...placement.added]);
  const moving = added.union(cy.nodes().filter((node) => placement.moved.has(node.id()))).nodes();
  if (opts.animate) {
    // New nodes grow out of the anchor rather than flying in from wherever they were added.
    const from = anchor.position();
    cy.batch(() => added.positions(() => ({ x: from.x, y: from.y })));
  }
  await applyPositions(cy, moving, positions, opts.animate ?? false);
  performance.measure('expand: read', { start: started, end: read });
  performance.measure('expand: place', { start: read, end: placed });
  performance.measure('expand: apply', { start: placed, end: performance.now() });
}

function readGraph(nodes: NodeCollection, opts: LayeredLayoutOptions): LayoutInput {
  // A fixed order (by label, then id) makes the same data give the same picture whatever order it came in,
  // and puts siblings in alphabetical order where nothing else decides.
  const sorted = nodes.toArray().sort((a, b) => compare(label(a), label(b)) || compare(a.id(), b.id()));
  const index = new Map(sorted.map((node, i) => [node.id(), i]));
  const edges: EdgeSingular[] = [];
  nodes.connectedEdges().forEach((edge) => {
    if (index.has(edge.source().id()) && index.has(edge.target().id())) edges.push(edge);
  });
  edges.sort(
    (a, b) =>
      Number(a.data('type') !== 'OWNS') - Number(b.data('type') !== 'OWNS') ||
      index.get(a.target().id())! - index.get(b.target().id())! ||
      index.get(a.source().id())! - index.get(b.source().id())!,
  );
  return {
    nodes: sorted.map((node) => dimensions(node as NodeSingular, opts.size)),
    edges: edges.map(layoutEdge),
    ...(opts.roots ? { roots: opts.roots } : {}),
    ...(opts.layout ? { options: opts.layout } : {}),
  };
}

const label = (node: SingularElementArgument): string => String(node.data('label') ?? '');
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function dimensions(node: NodeSingular, size?: NodeSize): LayoutNode {
  if (size) return { id: node.id(), ...size(node) };
  const { w, h } = node.layoutDimensions({ nodeDimensionsIncludeLabels: false });
  return { id: node.id(), width: w, height: h };
}

/** A node's box where it is drawn now (it may have been dragged), with its size from the last layout if known. */
function box(node: NodeSingular, sizes: ReadonlyMap<string, { width: number; height: number }>): PlacedBox {
  const { x, y } = node.position();
  const size = sizes.get(node.id()) ?? dimensions(node);
  return { id: node.id(), x, y, width: size.width, height: size.height };
}

/** Ownership pulls twice as hard as control, so a control edge beside a stake does not bend the picture. */
function layoutEdge(edge: EdgeSingular): LayoutEdge {
  return { source: edge.source().id(), target: edge.target().id(), weight: edge.data('type') === 'CONTROLS' ? 1 : 2 };
}

/** The extent of the laid-out boxes: labels sit inside them, so there is no need to measure any text. */
function boxAround(nodes: readonly LayoutNode[], positions: ReadonlyMap<string, Position>): { x1: number; y1: number; x2: number; y2: number } {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const node of nodes) {
    const { x, y } = positions.get(node.id)!;
    box.x1 = Math.min(box.x1, x - node.width / 2);
    box.x2 = Math.max(box.x2, x + node.width / 2);
    box.y1 = Math.min(box.y1, y - node.height / 2);
    box.y2 = Math.max(box.y2, y + node.height / 2);
  }
  return box;
}

/**
 * `cy.fit` for a known box: cy.fit would measure every element's bounding box, labels included, which on a
 * large view costs as much as the layout itself.
 */
function fitBox(cy: Core, box: { x1: number; y1: number; x2: number; y2: number }, padding: number): void {
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / Math.max(1, box.x2 - box.x1), (cy.height() - 2 * padding) / Math.max(1, box.y2 - box.y1))),
  );
  cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (box.x1 + box.x2)) / 2, y: (cy.height() - zoom * (box.y1 + box.y2)) / 2 } });
}

async function applyPositions(cy: Core, nodes: NodeCollection, positions: ReadonlyMap<string, Position>, animate: boolean): Promise<void> {
  if (!animate) {
    // Plain assignment in one batch: a preset layout adds a layout's events and bookkeeping for nothing.
    cy.batch(() => nodes.positions((node) => positions.get(node.id()) ?? node.position()));
    return;
  }
  const layout = nodes.layout({
    name: 'preset',
    positions: Object.fromEntries(positions), // nodes not in it keep their place
    fit: false,
    animate: true,
    animationDuration: ANIMATION_MS,
    animationEasing: 'ease-out-cubic',
  });
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
