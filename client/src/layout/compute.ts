// The whole layered layout as one pure function of plain data (run in a Web Worker, or on the main thread
// as a fallback and in tests): break cycles → rank → split into components → per component add dummies,
// order ranks, place x → set components side by side → y from the tallest box of each rank.
import { backEdges } from './acyclic.ts';
import { connectedComponents } from './components.ts';
import { buildLayeredGraph, type ComponentEdges } from './layered-graph.ts';
import { resolveOptions } from './options.ts';
import { orderRanks } from './order.ts';
import { assignX } from './position.ts';
import { assignRanks } from './rank.ts';
import type { IndexedEdges, LayoutInput, LayoutResult } from './types.ts';

export function computeLayeredLayout(input: LayoutInput): LayoutResult {
  const options = resolveOptions(input.options);
  const n = input.nodes.length;
  const edges = indexEdges(input);
  const roots = (input.roots ?? []).map((id) => indexOf(input, id)).filter((i) => i >= 0);

  const reversed = backEdges(n, edges.source, edges.target, roots);
  const upper = new Int32Array(edges.source.length);
  const lower = new Int32Array(edges.source.length);
  for (let e = 0; e < upper.length; e++) {
    upper[e] = reversed[e] ? edges.target[e]! : edges.source[e]!;
    lower[e] = reversed[e] ? edges.source[e]! : edges.target[e]!;
  }
  const rank = assignRanks(n, upper, lower);
  const components = connectedComponents(n, upper, lower);

  const members: number[][] = Array.from({ length: components.count }, () => []);
  for (let v = 0; v < n; v++) members[components.id[v]!]!.push(v);
  const componentEdges: ComponentEdges[] = members.map(() => ({ upper: [], lower: [], weight: [] }));
  const local = new Int32Array(n);
  for (const nodes of members) {
    const top = nodes.reduce((min, v) => Math.min(min, rank[v]!), Infinity);
    nodes.forEach((v, i) => {
      local[v] = i;
      rank[v]! -= top; // every component's top owners share the first row
    });
  }
  for (let e = 0; e < upper.length; e++) {
    const part = componentEdges[components.id[upper[e]!]!]!;
    part.upper.push(local[upper[e]!]!);
    part.lower.push(local[lower[e]!]!);
    part.weight.push(edges.weight[e]!);
  }

  // Components holding a root come first (leftmost), then in input order.
  const isRoot = new Uint8Array(n);
  for (const r of roots) isRoot[r] = 1;
  const placementOrder = members
    .map((nodes, c) => ({ c, rooted: nodes.some((v) => isRoot[v]) }))
    .sort((a, b) => Number(b.rooted) - Number(a.rooted) || a.c - b.c)
    .map(({ c }) => c);

  const x = new Float64Array(n);
  let crossings = 0;
  let left = 0;
  for (const c of placementOrder) {
    const nodes = members[c]!;
    const graph = buildLayeredGraph(
      nodes.map((v) => rank[v]!),
      nodes.map((v) => input.nodes[v]!.width),
      componentEdges[c]!,
      options.dummyWidth,
    );
    const order = orderRanks(graph, options.orderIterations, options.orderPatience);
    crossings += order.crossings;
    const localX = assignX(graph, order.layers, { ...options, iterations: options.positionIterations });
    let right = 0;
    for (let v = 0; v < graph.size; v++) right = Math.max(right, localX[v]! + graph.width[v]! / 2);
    nodes.forEach((v, i) => (x[v] = left + localX[i]!));
    left += right + options.componentSep;
  }

  const rankY = rowCentres(input, rank, options.rankSep);
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = rankY[rank[v]!]!;
  let reversedEdges = 0;
  for (const flag of reversed) reversedEdges += flag;
  return { x, y, rank, rankY, reversedEdges, crossings };
}

/** Each row's centre line: rows are as tall as their tallest box, `rankSep` apart. */
function rowCentres(input: LayoutInput, rank: Int32Array, rankSep: number): number[] {
  const heights: number[] = [];
  rank.forEach((r, v) => (heights[r] = Math.max(heights[r] ?? 0, input.nodes[v]!.height)));
  const centres: number[] = [];
  let top = 0;
  for (let r = 0; r < heights.length; r++) {
    const height = heights[r] ?? 0;
    centres.push(top + height / 2);
    top += height + rankSep;
  }
  return centres;
}

function indexOf(input: LayoutInput, id: string): number {
  return input.nodes.findIndex((node) => node.id === id);
}

/** Edges by node index; self-loops and edges to nodes not in the input are left out. */
function indexEdges(input: LayoutInput): IndexedEdges {
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const kept = input.edges.filter((e) => e.source !== e.target && index.has(e.source) && index.has(e.target));
  return {
    source: Int32Array.from(kept, (e) => index.get(e.source)!),
    target: Int32Array.from(kept, (e) => index.get(e.target)!),
    weight: Float64Array.from(kept, (e) => e.weight ?? 1),
  };
}
