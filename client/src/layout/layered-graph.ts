// The proper layered graph of one component: an edge spanning several ranks is split by a virtual ("dummy")
// node in each rank it passes through, so every edge joins adjacent ranks. Ordering and x placement then
// only ever look one rank up or down, and long edges get room of their own instead of crossing boxes.

export interface LayeredGraph {
  /** Real nodes are 0 … realCount-1 (the component's nodes in the order given); dummies follow. */
  realCount: number;
  size: number;
  rank: number[];
  width: number[];
  /** Neighbours one rank up / down, with the summed weight of the edges they stand for. */
  up: number[][];
  upWeight: number[][];
  down: number[][];
  downWeight: number[][];
  rankCount: number;
}

export interface ComponentEdges {
  /** Local node indices, `upper` owning (or drawn above) `lower`; rank[upper] < rank[lower]. */
  upper: number[];
  lower: number[];
  weight: number[];
}

export function buildLayeredGraph(rank: readonly number[], width: readonly number[], edges: ComponentEdges, dummyWidth: number): LayeredGraph {
  const realCount = rank.length;
  const graph: LayeredGraph = {
    realCount,
    size: realCount,
    rank: [...rank],
    width: [...width],
    up: rank.map(() => []),
    upWeight: rank.map(() => []),
    down: rank.map(() => []),
    downWeight: rank.map(() => []),
    rankCount: 0,
  };
  // An OWNS and a CONTROLS between the same pair are one edge for layout, with their weights added.
  const merged = new Map<number, number>();
  const pairs: Array<[number, number]> = [];
  for (let e = 0; e < edges.upper.length; e++) {
    const key = edges.upper[e]! * realCount + edges.lower[e]!;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, edges.weight[e]!);
      pairs.push([edges.upper[e]!, edges.lower[e]!]);
    } else merged.set(key, seen + edges.weight[e]!);
  }
  for (const [upper, lower] of pairs) {
    const weight = merged.get(upper * realCount + lower)!;
    let previous = upper;
    for (let r = rank[upper]! + 1; r < rank[lower]!; r++) {
      const dummy = addNode(graph, r, dummyWidth);
      link(graph, previous, dummy, weight);
      previous = dummy;
    }
    link(graph, previous, lower, weight);
  }
  graph.rankCount = graph.rank.reduce((max, r) => Math.max(max, r + 1), 0);
  return graph;
}

function addNode(graph: LayeredGraph, rank: number, width: number): number {
  graph.rank.push(rank);
  graph.width.push(width);
  graph.up.push([]);
  graph.upWeight.push([]);
  graph.down.push([]);
  graph.downWeight.push([]);
  return graph.size++;
}

function link(graph: LayeredGraph, upper: number, lower: number, weight: number): void {
  graph.down[upper]!.push(lower);
  graph.downWeight[upper]!.push(weight);
  graph.up[lower]!.push(upper);
  graph.upWeight[lower]!.push(weight);
}
