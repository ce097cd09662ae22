// x coordinates for ordered ranks. Each sweep asks every node to sit at the weighted mean x of its
// neighbours in the rank just placed, then keeps the rank's order and minimum gaps with the least squared
// movement: an isotonic regression solved exactly by pool-adjacent-violators in O(rank size). Alternating
// down and up sweeps end with an upward one, so owners sit centred over what they own, as in dagre.
import type { LayeredGraph } from './layered-graph.ts';

/** The weight of a node without neighbours in the rank it is placed against: enough to keep it near. */
const NO_WISH_WEIGHT = 0.01;

export interface SpacingOptions {
  nodeSep: number;
  edgeSep: number;
  dummyWeight: number;
  iterations: number;
}

/** Centre x of every node (dummies included) of `graph` ordered as `layers`; the leftmost edge is at 0. */
export function assignX(graph: LayeredGraph, layers: readonly number[][], options: SpacingOptions): Float64Array {
  const x = new Float64Array(graph.size);
  const gap = (a: number, b: number): number =>
    (graph.width[a]! + graph.width[b]!) / 2 + (a < graph.realCount && b < graph.realCount ? options.nodeSep : options.edgeSep);
  const weight = (v: number): number => (v < graph.realCount ? 1 : options.dummyWeight);

  // Start with every rank packed tight and centred on 0.
  for (const layer of layers) {
    let at = 0;
    for (let slot = 0; slot < layer.length; slot++) {
      if (slot > 0) at += gap(layer[slot - 1]!, layer[slot]!);
      x[layer[slot]!] = at;
    }
    for (const v of layer) x[v]! -= at / 2;
  }

  const desired: number[] = [];
  const pull: number[] = [];
  const place = (layer: readonly number[], neighbours: readonly number[][], weights: readonly number[][]): void => {
    desired.length = 0;
    pull.length = 0;
    for (const v of layer) {
      const ns = neighbours[v]!;
      const ws = weights[v]!;
      let sum = 0;
      let total = 0;
      for (let i = 0; i < ns.length; i++) {
        sum += x[ns[i]!]! * ws[i]!;
        total += ws[i]!;
      }
      desired.push(total > 0 ? sum / total : x[v]!);
      // A node pulls as hard as the edges behind its wish: an owner of twenty holds its place over them,
      // while a node with no neighbour on that side has no wish worth keeping and yields to the others.
      pull.push(total > 0 ? total * weight(v) : NO_WISH_WEIGHT);
    }
    const placed = closestOrderedPlacement(desired, pull, layer.slice(1).map((v, i) => gap(layer[i]!, v)));
    for (let slot = 0; slot < layer.length; slot++) x[layer[slot]!] = placed[slot]!;
  };

  for (let i = 0; i < options.iterations; i++) {
    // Down, up, down, …: with an even count the last sweep is upward, centring owners over their holdings.
    if (i % 2 === 0) for (let r = 1; r < layers.length; r++) place(layers[r]!, graph.up, graph.upWeight);
    else for (let r = layers.length - 2; r >= 0; r--) place(layers[r]!, graph.down, graph.downWeight);
  }

  let left = Infinity;
  for (let v = 0; v < graph.size; v++) left = Math.min(left, x[v]! - graph.width[v]! / 2);
  if (Number.isFinite(left)) for (let v = 0; v < graph.size; v++) x[v]! -= left;
  return x;
}

/**
 * Positions x[0] < x[1] < … with x[i+1] − x[i] ≥ gaps[i] that minimise Σ weight[i]·(x[i] − desired[i])².
 * Substituting y[i] = x[i] − Σ gaps before i turns the gaps into y non-decreasing: isotonic regression,
 * solved exactly by pooling adjacent violators (each pool sits at the weighted mean of its members' wishes).
 */
export function closestOrderedPlacement(desired: readonly number[], weight: readonly number[], gaps: readonly number[]): number[] {
  const n = desired.length;
  const offset = new Float64Array(n);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1]! + gaps[i - 1]!;
  const poolEnd: number[] = []; // exclusive end index of each pool on the stack
  const poolWeight: number[] = [];
  const poolSum: number[] = [];
  for (let i = 0; i < n; i++) {
    poolEnd.push(i + 1);
    poolWeight.push(weight[i]!);
    poolSum.push(weight[i]! * (desired[i]! - offset[i]!));
    while (poolEnd.length > 1) {
      const last = poolEnd.length - 1;
      if (poolSum[last - 1]! / poolWeight[last - 1]! <= poolSum[last]! / poolWeight[last]!) break;
      poolEnd[last - 1] = poolEnd[last]!;
      poolWeight[last - 1]! += poolWeight[last]!;
      poolSum[last - 1]! += poolSum[last]!;
      poolEnd.pop();
      poolWeight.pop();
      poolSum.pop();
    }
  }
  const x = new Array<number>(n);
  let i = 0;
  for (let p = 0; p < poolEnd.length; p++) {
    const value = poolSum[p]! / poolWeight[p]!;
    for (; i < poolEnd[p]!; i++) x[i] = value + offset[i]!;
  }
  return x;
}
