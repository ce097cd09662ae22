// The layout benchmark's page: the app's own stylesheet and Cytoscape options, a synthetic ownership view,
// and either the layered layout or dagre (with the options the app used before). bench/layout.ts drives it
// through `window.__layoutBench` in headless Chromium and reads the timings back.
import cytoscape from 'cytoscape';
import type { Core, NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { coreOptions, layoutBox, stylesheet } from '../../client/src/graph/style.ts';
import { expandLayout, layeredLayout } from '../../client/src/layout/layered.ts';
import { syntheticExpansion, syntheticOwnershipView, type SyntheticView } from '../layout-graph.ts';
import { dagreOptions } from './dagre-baseline.ts';

cytoscape.use(dagre);

export type Engine = 'layered' | 'dagre';

export interface RunRequest {
  elements: number;
  engine: Engine;
  seed?: number;
}

/** Showing a view: wall-clock times in the page (ms). */
export interface ShowTimings {
  engine: Engine;
  nodes: number;
  edges: number;
  /** cy.add of every element. */
  addMs: number;
  /** From after the add until positions are applied (style sizes, layout, applying). */
  layoutMs: number;
  /** From positions applied until the next frame has been drawn. */
  drawMs: number;
  /** add + layout + first drawn frame: what a person waits for. */
  totalMs: number;
  /** The layered layout's own phases (User Timing measures): reading sizes, computing, applying. */
  phases: Record<string, number>;
}

/** Expanding a deep node: adding its owners and subsidiaries, placing them (`expandLayout`, or dagre again). */
export interface ExpandTimings {
  /** Existing nodes whose position changed. */
  moved: number;
  placedMs: number;
  /** Until the next frame has been drawn. */
  drawnMs: number;
  /** expandLayout's own phases (User Timing measures): reading boxes, placing, applying positions. */
  phases: Record<string, number>;
}

export interface Inspection {
  /** Pairs of boxes that overlap (should be 0), and the first few of them. */
  overlaps: number;
  overlapSample: string[];
  /** Median and 90th percentile of |x(owner) − x(owned)| over the edges: how far edges lean (px). */
  edgeLeanP50: number;
  edgeLeanP90: number;
  width: number;
  height: number;
}

let cy: Core | null = null;
let anchorId = '';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const nextDraw = (core: Core): Promise<void> => new Promise((resolve) => core.one('render', () => resolve()));

async function place(core: Core, engine: Engine, root: string): Promise<void> {
  if (engine === 'layered') return layeredLayout(core, { roots: [root], size: layoutBox }); // as the app does
  const layout = core.layout(dagreOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}

let view: SyntheticView | null = null;
const SETTLE_MS = 1500;
let engine: Engine = 'layered';

async function show(request: RunRequest): Promise<ShowTimings> {
  cy?.destroy();
  const core = cytoscape({ container: document.getElementById('graph'), style: stylesheet, ...coreOptions });
  cy = core;
  (window as unknown as { __cy: Core }).__cy = core;
  view = syntheticOwnershipView(request.elements, request.seed);
  engine = request.engine;
  anchorId = view.expandAnchor;
  await frame();

  performance.clearMeasures();
  const t0 = performance.now();
  core.add(view.elements);
  const t1 = performance.now();
  await place(core, engine, view.root);
  const t2 = performance.now();
  await nextDraw(core);
  const t3 = performance.now();
  return {
    engine,
    nodes: core.nodes().length,
    edges: core.edges().length,
    addMs: t1 - t0,
    layoutMs: t2 - t1,
    drawMs: t3 - t2,
    totalMs: t3 - t0,
    phases: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)])),
  };
}

async function expand(): Promise<ExpandTimings> {
  if (!cy || !view) throw new Error('show a view first');
  // Let the renderer finish what it does in the frames after the first one (texture caches of what is in
  // view), as it has by the time a person has read the graph and clicks; that work is not the expansion's.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const before = new Map(cy.nodes().map((node) => [node.id(), node.position('x')] as const));
  await frame();
  performance.clearMeasures();
  const e0 = performance.now();
  const added = cy.add(syntheticExpansion(view.expandAnchor));
  if (engine === 'layered') await expandLayout(cy, added, view.expandAnchor, { size: layoutBox });
  else await place(cy, 'dagre', view.root); // dagre can only lay the whole graph out again
  const e1 = performance.now();
  await nextDraw(cy);
  const drawnMs = performance.now() - e0;
  const moved = cy.nodes().filter((node) => before.has(node.id()) && before.get(node.id()) !== node.position('x')).length;
  const phases = Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)]));
  return { moved, placedMs: e1 - e0, drawnMs, phases };
}

function inspect(): Inspection {
  if (!cy) throw new Error('show a view first');
  const box = cy.nodes().boundingBox({ includeLabels: false });
  return { ...overlappingPairs(cy), ...edgeLean(cy), width: Math.round(box.w), height: Math.round(box.h) };
}

/** Boxes that overlap, found with a sweep along x (boxes sorted by left edge). */
function overlappingPairs(core: Core): { overlaps: number; overlapSample: string[] } {
  const boxes = core.nodes().map((node: NodeSingular) => {
    const { x, y } = node.position();
    const { w, h } = node.layoutDimensions({ nodeDimensionsIncludeLabels: false });
    return { id: node.id(), x, y, left: x - w / 2, right: x + w / 2, top: y - h / 2, bottom: y + h / 2 };
  });
  boxes.sort((a, b) => a.left - b.left);
  let overlaps = 0;
  const overlapSample: string[] = [];
  const at = (b: (typeof boxes)[number]): string => `${b.id}@${Math.round(b.x)},${Math.round(b.y)}`;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.left < a.right - 0.5; j++) {
      const b = boxes[j]!;
      if (b.top < a.bottom - 0.5 && a.top < b.bottom - 0.5) {
        overlaps++;
        if (overlapSample.length < 5) overlapSample.push(`${at(a)} × ${at(b)}`);
      }
    }
  }
  return { overlaps, overlapSample };
}

function edgeLean(core: Core): { edgeLeanP50: number; edgeLeanP90: number } {
  const leans = core
    .edges()
    .map((edge) => Math.abs(edge.source().position('x') - edge.target().position('x')))
    .sort((a, b) => a - b);
  const at = (q: number): number => Math.round(leans[Math.floor(q * (leans.length - 1))] ?? 0);
  return { edgeLeanP50: at(0.5), edgeLeanP90: at(0.9) };
}

/** Centres the view on a node at a readable zoom, for a detail screenshot. */
async function focus(id: string | null, zoom: number): Promise<void> {
  if (!cy) return;
  const node = cy.getElementById(id ?? anchorId);
  cy.zoom(zoom);
  cy.center(node);
  await nextDraw(cy);
}

async function fit(): Promise<void> {
  if (!cy) return;
  cy.fit(undefined, 24);
  await nextDraw(cy);
}

(window as unknown as { __layoutBench: unknown }).__layoutBench = { show, expand, inspect, focus, fit };
