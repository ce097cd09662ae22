// Weighted edge crossings of a layered drawing, counted rank pair by rank pair with the accumulator tree of
// Barth, Jünger and Mutzel ("Simple and efficient bilayer cross counting", 2004): O(E log V), no pair test.
import type { LayeredGraph } from './layered-graph.ts';

/** `position[v]` is v's index within its rank in `layers`. */
export function countCrossings(graph: LayeredGraph, layers: readonly number[][], position: Int32Array): number {
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) total += bilayerCrossings(graph, layers[r]!, layers[r + 1]!.length, position);
  return total;
}

function bilayerCrossings(graph: LayeredGraph, north: readonly number[], southCount: number, position: Int32Array): number {
  if (southCount < 2) return 0;
  let firstIndex = 1;
  while (firstIndex < southCount) firstIndex <<= 1;
  const tree = new Float64Array(2 * firstIndex - 1);
  firstIndex -= 1;
  let crossings = 0;
  // This node's edge ends in south order (insertion sort: most nodes own one to three things), so the
  // edges of one north node never count as crossing each other. Reused buffers: no garbage per sweep.
  const ends = new Int32Array(64);
  const endWeights = new Float64Array(64);
  for (const v of north) {
    const down = graph.down[v]!;
    const weights = graph.downWeight[v]!;
    const count = down.length;
    const endsOf = count <= ends.length ? ends : new Int32Array(count);
    const weightsOf = count <= endWeights.length ? endWeights : new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const south = position[down[i]!]!;
      const weight = weights[i]!;
      let j = i;
      while (j > 0 && endsOf[j - 1]! > south) {
        endsOf[j] = endsOf[j - 1]!;
        weightsOf[j] = weightsOf[j - 1]!;
        j--;
      }
      endsOf[j] = south;
      weightsOf[j] = weight;
    }
    for (let i = 0; i < count; i++) {
      const weight = weightsOf[i]!;
      let index = endsOf[i]! + firstIndex;
      tree[index]! += weight;
      let heavierRight = 0;
      while (index > 0) {
        if (index % 2) heavierRight += tree[index + 1]!;
        index = (index - 1) >> 1;
        tree[index]! += weight;
      }
      crossings += weight * heavierRight;
    }
  }
  return crossings;
}
