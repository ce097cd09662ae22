// The layered layout's first phases on plain data: cycle breaking, ranks (owners strictly above what they
// own), crossing counting against brute force, and barycenter ordering reducing crossings.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { backEdges } from '../../client/src/layout/acyclic.ts';
import { countCrossings } from '../../client/src/layout/crossings.ts';
import { buildLayeredGraph } from '../../client/src/layout/layered-graph.ts';
import { depthFirstOrder, orderRanks } from '../../client/src/layout/order.ts';
import { assignRanks } from '../../client/src/layout/rank.ts';

/** Random edges over n nodes; `acyclic` keeps only low → high index edges. */
const graphs = (acyclic: boolean) =>
  fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 }),
      }),
    )
    .map(({ n, edges }) => {
      const kept = edges.filter(([a, b]) => a !== b && (!acyclic || a < b));
      return { n, source: Int32Array.from(kept, ([a]) => a), target: Int32Array.from(kept, ([, b]) => b) };
    });

describe('assignRanks', () => {
  it('puts every owner strictly above what it owns in an acyclic graph', () => {
    fc.assert(
      fc.property(graphs(true), ({ n, source, target }) => {
        const rank = assignRanks(n, source, target);
        for (let e = 0; e < source.length; e++) expect(rank[source[e]!]!).toBeLessThan(rank[target[e]!]!);
      }),
    );
  });

  it('gives a chain one rank per link and pulls a lone owner down next to what it owns', () => {
    // a → b → c → d, and a person p who owns only d: p sits one row above d, not in the top row.
    const source = Int32Array.from([0, 1, 2, 4]);
    const target = Int32Array.from([1, 2, 3, 3]);
    expect([...assignRanks(5, source, target)]).toEqual([0, 1, 2, 3, 2]);
  });

  it('refuses a graph with a cycle rather than looping', () => {
    expect(() => assignRanks(2, Int32Array.from([0, 1]), Int32Array.from([1, 0]))).toThrow(/acyclic/);
  });
});

describe('backEdges', () => {
  it('turns any graph with cycles into one that ranks, every edge downward', () => {
    fc.assert(
      fc.property(graphs(false), ({ n, source, target }) => {
        const reversed = backEdges(n, source, target);
        const upper = source.map((s, e) => (reversed[e] ? target[e]! : s));
        const lower = target.map((t, e) => (reversed[e] ? source[e]! : t));
        const rank = assignRanks(n, upper, lower); // throws if a cycle were left
        for (let e = 0; e < upper.length; e++) expect(rank[upper[e]!]!).toBeLessThan(rank[lower[e]!]!);
      }),
    );
  });

  it('reverses nothing in an acyclic graph', () => {
    fc.assert(
      fc.property(graphs(true), ({ n, source, target }) => {
        expect(backEdges(n, source, target).every((flag) => flag === 0)).toBe(true);
      }),
    );
  });

  it('breaks a cross-holding by reversing the edge that closes it, starting from the top owner', () => {
    // s owns a, a owns b, b owns 10% of a back: the b → a edge is the one drawn upwards.
    const reversed = backEdges(3, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 1]));
    expect([...reversed]).toEqual([0, 0, 1]);
  });
});

/** Brute force: pairs of edges between the same two ranks whose ends are in opposite orders, weighted. */
function bruteForceCrossings(rank: number[], upper: number[], lower: number[], weight: number[], position: Int32Array): number {
  let total = 0;
  for (let i = 0; i < upper.length; i++)
    for (let j = i + 1; j < upper.length; j++) {
      if (rank[upper[i]!] !== rank[upper[j]!]) continue;
      const top = position[upper[i]!]! - position[upper[j]!]!;
      const bottom = position[lower[i]!]! - position[lower[j]!]!;
      if (top * bottom < 0) total += weight[i]! * weight[j]!;
    }
  return total;
}

describe('countCrossings', () => {
  it('matches a brute-force count on random two-rank graphs and orders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 3 })), { maxLength: 30 }),
        fc.integer(),
        (top, bottom, raw, seed) => {
          const pairs = new Map<string, [number, number, number]>();
          for (const [a, b, w] of raw) pairs.set(`${a % top},${b % bottom}`, [a % top, top + (b % bottom), w]);
          const edges = [...pairs.values()];
          const rank = [...Array<number>(top).fill(0), ...Array<number>(bottom).fill(1)];
          const graph = buildLayeredGraph(
            rank,
            rank.map(() => 100),
            { upper: edges.map((e) => e[0]), lower: edges.map((e) => e[1]), weight: edges.map((e) => e[2]) },
            8,
          );
          // Any order of each rank: shuffle deterministically from the seed.
          const shuffle = (xs: number[]): number[] => xs.map((x, i) => [x, Math.sin(seed + i * 7.13)] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);
          const layers = [shuffle([...Array(top).keys()]), shuffle([...Array(bottom).keys()].map((i) => i + top))];
          const position = new Int32Array(graph.size);
          for (const layer of layers) layer.forEach((v, i) => (position[v] = i));
          expect(countCrossings(graph, layers, position)).toBe(
            bruteForceCrossings(rank, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2]), position),
          );
        },
      ),
    );
  });
});

describe('orderRanks', () => {
  // Two groups of owners over three ranks. The depth-first order places each joint venture (jv1, jv2, jv3)
  // under the owner it meets first, before that owner's own subsidiaries, so edges from the other owners
  // cross; the sweeps move each joint venture between its owners.
  const names = ['A', 'B', 'C', 'jv1', 'a1', 'b1', 'jv2', 'c1', 'x', 'y', 'jv3', 'z'];
  const rankOf: Record<string, number> = { A: 0, B: 0, C: 0, jv1: 1, a1: 1, b1: 1, jv2: 1, c1: 1, x: 2, y: 2, jv3: 2, z: 2 };
  const id = (name: string): number => names.indexOf(name);
  const edges: Array<[string, string]> = [
    ['A', 'jv1'],
    ['A', 'a1'],
    ['B', 'jv1'],
    ['B', 'jv2'],
    ['B', 'b1'],
    ['C', 'jv2'],
    ['C', 'c1'],
    ['a1', 'jv3'],
    ['a1', 'x'],
    ['b1', 'y'],
    ['c1', 'jv3'],
    ['c1', 'z'],
  ];
  const graph = buildLayeredGraph(
    names.map((name) => rankOf[name]!),
    names.map(() => 100),
    { upper: edges.map(([a]) => id(a)), lower: edges.map(([, b]) => id(b)), weight: edges.map(() => 1) },
    8,
  );

  it('has fewer crossings after the barycenter sweeps than in the initial depth-first order', () => {
    const result = orderRanks(graph, 24, 4);
    expect(result.initialCrossings).toBe(4);
    // One crossing is unavoidable: jv3's owners a1 and c1 have b1 between them (B sits between A and C).
    expect(result.crossings).toBe(1);
    expect(result.layers.map((layer) => layer.map((v) => names[v]))).toEqual([
      ['A', 'B', 'C'],
      ['a1', 'jv1', 'b1', 'jv2', 'c1'],
      ['x', 'jv3', 'y', 'z'],
    ]);
    const position = new Int32Array(graph.size);
    for (const layer of result.layers) layer.forEach((v, i) => (position[v] = i));
    expect(countCrossings(graph, result.layers, position)).toBe(result.crossings);
  });

  it('keeps every node exactly once, in its own rank', () => {
    const result = orderRanks(graph, 24, 4);
    expect(result.layers.map((layer) => [...layer].sort((a, b) => a - b))).toEqual(depthFirstOrder(graph).map((layer) => [...layer].sort((a, b) => a - b)));
    for (const [r, layer] of result.layers.entries()) for (const v of layer) expect(graph.rank[v]).toBe(r);
  });

  it('draws a tree without crossings', () => {
    const tree = buildLayeredGraph([0, 1, 1, 2, 2, 2], [1, 1, 1, 1, 1, 1], { upper: [0, 0, 1, 2, 1], lower: [1, 2, 3, 4, 5], weight: [1, 1, 1, 1, 1] }, 8);
    expect(orderRanks(tree, 24, 4).crossings).toBe(0);
  });
});
