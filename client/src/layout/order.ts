// Order within ranks (Sugiyama's second phase): start from a depth-first order, which draws a tree without
// crossings, then sweep down and up moving each node to the weighted barycenter of its neighbours in the rank
// just fixed, keeping the best order seen. The same heuristic dagre uses, on flat arrays.
import { countCrossings } from './crossings.ts';
import type { LayeredGraph } from './layered-graph.ts';

export interface OrderResult {
  layers: number[][];
  crossings: number;
  /** Crossings of the initial depth-first order, before any sweep (kept for tests and the benchmark). */
  initialCrossings: number;
}

export function orderRanks(graph: LayeredGraph, iterations: number, patience: number): OrderResult {
  let layers = depthFirstOrder(graph);
  const position = new Int32Array(graph.size);
  setPositions(layers, position);
  const initialCrossings = countCrossings(graph, layers, position);
  let best = layers.map((layer) => [...layer]);
  let bestCrossings = initialCrossings;
  let sinceBest = 0;
  for (let i = 0; i < iterations && sinceBest < patience && bestCrossings > 0; i++) {
    const downward = i % 2 === 0;
    // Every other pair of sweeps breaks ties towards the right, so equal barycenters can still swap.
    const tieRight = i % 4 >= 2;
    if (downward) for (let r = 1; r < layers.length; r++) layers[r] = sortByBarycenter(layers[r]!, graph.up, graph.upWeight, position, tieRight);
    else for (let r = layers.length - 2; r >= 0; r--) layers[r] = sortByBarycenter(layers[r]!, graph.down, graph.downWeight, position, tieRight);
    const crossings = countCrossings(graph, layers, position);
    if (crossings < bestCrossings) {
      best = layers.map((layer) => [...layer]);
      bestCrossings = crossings;
      sinceBest = 0;
    } else sinceBest += 1;
  }
  layers = best;
  setPositions(layers, position);
  return { layers, crossings: bestCrossings, initialCrossings };
}

/** Ranks filled in depth-first preorder from the top, children in edge order: subtrees stay together. */
export function depthFirstOrder(graph: LayeredGraph): number[][] {
  const layers: number[][] = Array.from({ length: graph.rankCount }, () => []);
  const visited = new Uint8Array(graph.size);
  const starts = Array.from({ length: graph.size }, (_, v) => v).sort((a, b) => graph.rank[a]! - graph.rank[b]! || a - b);
  const stack: number[] = [];
  for (const start of starts) {
    stack.push(start);
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (visited[v]) continue;
      visited[v] = 1;
      layers[graph.rank[v]!]!.push(v);
      const down = graph.down[v]!;
      for (let i = down.length - 1; i >= 0; i--) if (!visited[down[i]!]) stack.push(down[i]!);
    }
  }
  return layers;
}

/**
 * Reorders one rank by the barycenter of each node's neighbours in the fixed rank. A node with no such
 * neighbour keeps its slot; the others fill the remaining slots in barycenter order. Updates `position`.
 */
function sortByBarycenter(
  layer: readonly number[],
  neighbours: readonly number[][],
  weights: readonly number[][],
  position: Int32Array,
  tieRight: boolean,
): number[] {
  const sortable: Array<[number, number]> = [];
  const fixedSlot = new Uint8Array(layer.length);
  for (let slot = 0; slot < layer.length; slot++) {
    const v = layer[slot]!;
    const ns = neighbours[v]!;
    if (ns.length === 0) {
      fixedSlot[slot] = 1;
      continue;
    }
    const ws = weights[v]!;
    let sum = 0;
    let total = 0;
    for (let i = 0; i < ns.length; i++) {
      sum += position[ns[i]!]! * ws[i]!;
      total += ws[i]!;
    }
    sortable.push([v, sum / total]);
  }
  sortable.sort((a, b) => a[1] - b[1] || (tieRight ? position[b[0]]! - position[a[0]]! : position[a[0]]! - position[b[0]]!));
  const result = new Array<number>(layer.length);
  let next = 0;
  for (let slot = 0; slot < layer.length; slot++) result[slot] = fixedSlot[slot] ? layer[slot]! : sortable[next++]![0];
  for (let slot = 0; slot < result.length; slot++) position[result[slot]!] = slot;
  return result;
}

function setPositions(layers: readonly number[][], position: Int32Array): void {
  for (const layer of layers) for (let slot = 0; slot < layer.length; slot++) position[layer[slot]!] = slot;
}
