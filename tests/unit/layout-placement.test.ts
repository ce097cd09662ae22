// The layered layout's placement on plain data: the exact ordered placement (gaps kept, least squared
// movement), the whole computation (owners above, no overlaps in a rank, cycles, determinism), and placing
// an expansion into a laid-out graph.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeLayeredLayout } from '../../client/src/layout/compute.ts';
import { placeExpansion, type PlacedBox } from '../../client/src/layout/expand.ts';
import { closestOrderedPlacement } from '../../client/src/layout/position.ts';
import type { LayoutEdge, LayoutInput, LayoutNode } from '../../client/src/layout/types.ts';

describe('closestOrderedPlacement', () => {
  it('keeps wishes that already respect the order and gaps', () => {
    expect(closestOrderedPlacement([0, 50, 200], [1, 1, 1], [40, 40])).toEqual([0, 50, 200]);
  });

  it('spreads nodes that all want one spot evenly around it', () => {
    expect(closestOrderedPlacement([100, 100, 100], [1, 1, 1], [30, 30])).toEqual([70, 100, 130]);
  });

  it('lets a heavier node move less', () => {
    // Two nodes 10 apart wanting the same x, weights 3 : 1: the pair's centre of mass stays at 0.
    const [a, b] = closestOrderedPlacement([0, 0], [3, 1], [10]);
    expect(a).toBeCloseTo(-2.5);
    expect(b).toBeCloseTo(7.5);
  });

  it('always keeps order and gaps, and no small move of one pool improves the squared error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const desired = rows.map((r) => r[0]);
          const weight = rows.map((r) => r[1]);
          const gaps = rows.slice(1).map((r) => r[2]);
          const x = closestOrderedPlacement(desired, weight, gaps);
          for (let i = 1; i < x.length; i++) expect(x[i]! - x[i - 1]!).toBeGreaterThanOrEqual(gaps[i - 1]! - 1e-9);
          // Optimality: shifting everything by ±1 (always feasible) never lowers the error.
          const error = (shift: number): number => x.reduce((sum, xi, i) => sum + weight[i]! * (xi + shift - desired[i]!) ** 2, 0);
          expect(error(0)).toBeLessThanOrEqual(error(1) + 1e-6);
          expect(error(0)).toBeLessThanOrEqual(error(-1) + 1e-6);
        },
      ),
    );
  });
});

/** Random ownership graphs: nodes of varying widths, edges mostly downward by index, some upward (cycles). */
const ownershipGraphs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.record({
      widths: fc.array(fc.integer({ min: 40, max: 200 }), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(1, 2)), { maxLength: 2 * n }),
    }),
  )
  .map(({ widths, edges }): LayoutInput => ({
    nodes: widths.map((width, i) => ({ id: `n${i}`, width, height: 30 + (i % 3) * 16 })),
    edges: edges.map(([a, b, weight]) => ({ source: `n${a}`, target: `n${b}`, weight })),
  }));

/** The smallest horizontal gap between two boxes in the same rank (negative: they overlap). */
function smallestGapInRanks(input: LayoutInput, x: Float64Array, y: Float64Array): number {
  let smallest = Infinity;
  for (let i = 0; i < input.nodes.length; i++)
    for (let j = i + 1; j < input.nodes.length; j++) {
      if (y[i] !== y[j]) continue;
      smallest = Math.min(smallest, Math.abs(x[i]! - x[j]!) - (input.nodes[i]!.width + input.nodes[j]!.width) / 2);
    }
  return smallest;
}

describe('computeLayeredLayout', () => {
  it('places owners strictly above what they own when the graph is acyclic', () => {
    fc.assert(
      fc.property(ownershipGraphs, (input) => {
        const index = new Map(input.nodes.map((n, i) => [n.id, i]));
        const acyclic = { ...input, edges: input.edges.filter((e) => index.get(e.source)! < index.get(e.target)!) };
        const { y, reversedEdges } = computeLayeredLayout(acyclic);
        expect(reversedEdges).toBe(0);
        for (const e of acyclic.edges) expect(y[index.get(e.source)!]!).toBeLessThan(y[index.get(e.target)!]!);
      }),
    );
  });

  it('never overlaps two boxes in a rank: entities keep at least the node gap', () => {
    fc.assert(
      fc.property(ownershipGraphs, (input) => {
        const { x, y } = computeLayeredLayout(input);
        expect(smallestGapInRanks(input, x, y)).toBeGreaterThanOrEqual(22 - 1e-6);
      }),
    );
  });

  it('terminates on cycles and self-loops, with finite positions and only cycle edges drawn upwards', () => {
    const input: LayoutInput = {
      nodes: ['top', 'a', 'b', 'c', 'd'].map((id) => ({ id, width: 100, height: 40 })),
      edges: [
        { source: 'top', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'a' }, // a → b → c → a: a ring of cross-holdings
        { source: 'd', target: 'd' }, // a self-loop
        { source: 'c', target: 'missing' }, // an edge to a node not in the view
      ],
    };
    const result = computeLayeredLayout(input);
    expect(result.reversedEdges).toBe(1);
    expect([...result.x, ...result.y].every(Number.isFinite)).toBe(true);
    expect([...result.rank]).toEqual([0, 1, 2, 3, 0]);
  });

  it('gives the same positions for the same input', () => {
    fc.assert(
      fc.property(ownershipGraphs, (input) => {
        const first = computeLayeredLayout(input);
        const second = computeLayeredLayout(structuredClone(input));
        expect([...second.x]).toEqual([...first.x]);
        expect([...second.y]).toEqual([...first.y]);
      }),
      { numRuns: 30 },
    );
  });

  it('centres an owner over its subsidiaries and sets unconnected groups side by side, rooted group first', () => {
    const nodes: LayoutNode[] = ['p', 's1', 's2', 's3', 'q', 't1'].map((id) => ({ id, width: 100, height: 40 }));
    const edges: LayoutEdge[] = [
      { source: 'p', target: 's1' },
      { source: 'p', target: 's2' },
      { source: 'p', target: 's3' },
      { source: 'q', target: 't1' },
    ];
    const { x } = computeLayeredLayout({ nodes, edges, roots: ['q'] });
    const at = (id: string): number => x[nodes.findIndex((n) => n.id === id)]!;
    expect(at('p')).toBeCloseTo(at('s2'));
    expect(at('s2') - at('s1')).toBeCloseTo(122); // width 100 + nodeSep 22
    expect(at('q')).toBeCloseTo(at('t1'));
    expect(at('t1')).toBeLessThan(at('s1')); // the rooted group is on the left
  });
});

describe('placeExpansion', () => {
  // A laid-out row of five siblings under one parent; the middle sibling (anchor) is expanded.
  const row = (id: string, x: number, y: number): PlacedBox => ({ id, x, y, width: 160, height: 48 });
  const existing = [row('parent', 400, 0), row('s0', 0, 120), row('s1', 200, 120), row('s3', 600, 120), row('s4', 800, 120), row('s1child', 200, 240), row('s3child', 600, 240)];
  const anchor = row('anchor', 400, 120);
  const added: LayoutNode[] = [
    ...['n1', 'n2', 'n3', 'n4'].map((id) => ({ id, width: 160, height: 48 })),
    { id: 'owner', width: 160, height: 48 },
    { id: 'n1child', width: 160, height: 48 },
  ];
  const edges: LayoutEdge[] = [
    ...['n1', 'n2', 'n3', 'n4'].map((id) => ({ source: 'anchor', target: id })),
    { source: 'owner', target: 'anchor' },
    { source: 'n1', target: 'n1child' },
  ];
  const rows = { rankOf: new Map([['parent', 0], ['anchor', 1], ['s0', 1], ['s1', 1], ['s3', 1], ['s4', 1], ['s1child', 2], ['s3child', 2]]), rankY: new Map([[0, 0], [1, 120], [2, 240]]) };
  const result = placeExpansion({ anchor, existing, added, edges, rows, attached: ['parent'] });

  it('puts subsidiaries in the rows below the anchor and owners in the row above, beside its existing owner', () => {
    for (const id of ['n1', 'n2', 'n3', 'n4']) expect(result.added.get(id)!.y).toBe(240);
    expect(result.added.get('n1child')!.y).toBeGreaterThan(240);
    expect(result.added.get('owner')!.y).toBe(0);
    expect(result.added.get('owner')!.x).toBe(400 + 160 + 22);
    expect(result.moved.has('parent')).toBe(false);
    expect(result.rankOf.get('n1child')).toBe(3);
  });

  it('centres the subsidiaries under the anchor, in order, without overlaps', () => {
    const xs = ['n1', 'n2', 'n3', 'n4'].map((id) => result.added.get(id)!.x);
    expect((xs[0]! + xs[3]!) / 2).toBeCloseTo(400);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(160 + 22);
    expect(result.added.get('n1child')!.x).toBeCloseTo(result.added.get('n1')!.x);
  });

  it('moves only boxes in the rows that receive new nodes, outward from them, and never the anchor', () => {
    const after = new Map(existing.map((box) => [box.id, result.moved.get(box.id) ?? { x: box.x, y: box.y }]));
    after.set('anchor', { x: anchor.x, y: anchor.y });
    for (const [id, p] of result.added) after.set(id, p);
    const ids = [...after.keys()];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const a = after.get(ids[i]!)!;
        const b = after.get(ids[j]!)!;
        if (Math.abs(a.y - b.y) < 48) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(160 + 22 - 1e-6);
      }
    // s1child and s3child were in the way of the new subsidiaries' row: the left one moved left, the right
    // one right; the anchor's row (its siblings) and the parent's row stay as they were.
    expect([...result.moved.keys()].sort()).toEqual(['s1child', 's3child']);
    expect(result.moved.get('s1child')!.x).toBeLessThan(200);
    expect(result.moved.get('s3child')!.x).toBeGreaterThan(600);
    for (const p of result.moved.values()) expect(p.y).toBe(240);
  });

  it('moves nothing when the new rows are free', () => {
    const free = placeExpansion({ anchor, existing: existing.filter((b) => !b.id.endsWith('child')), added, edges, rows, attached: ['parent'] });
    expect(free.moved.size).toBe(0);
  });
});

describe('placeExpansion on random laid-out rows', () => {
  /** Rows of boxes 120 px apart, packed left to right with gaps of at least 22 px, like a layered layout. */
  const scenes = fc
    .record({
      rows: fc.array(fc.array(fc.tuple(fc.integer({ min: 60, max: 200 }), fc.integer({ min: 22, max: 400 })), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
      anchorPick: fc.nat(),
      attachedPicks: fc.array(fc.nat(), { maxLength: 3 }),
      subsidiaries: fc.integer({ min: 0, max: 8 }),
      owners: fc.integer({ min: 0, max: 3 }),
      grandchildren: fc.integer({ min: 0, max: 3 }),
      widths: fc.array(fc.integer({ min: 60, max: 200 }), { minLength: 14, maxLength: 14 }),
    })
    .map(({ rows, anchorPick, attachedPicks, subsidiaries, owners, grandchildren, widths }) => {
      const boxes: PlacedBox[] = [];
      rows.forEach((row, r) => {
        let right = -1000;
        row.forEach(([width, gap], i) => {
          const x = right + gap + width / 2;
          boxes.push({ id: `r${r}c${i}`, x, y: r * 120, width, height: 48 });
          right = x + width / 2;
        });
      });
      const anchor = boxes[anchorPick % boxes.length]!;
      const others = boxes.filter((b) => b !== anchor);
      const attached = others.length > 0 ? attachedPicks.map((p) => others[p % others.length]!.id) : [];
      const added: LayoutNode[] = [];
      const edges: LayoutEdge[] = [];
      for (let i = 0; i < subsidiaries; i++) {
        added.push({ id: `s${i}`, width: widths[i]!, height: 48 });
        edges.push({ source: anchor.id, target: `s${i}` });
      }
      for (let i = 0; i < Math.min(grandchildren, subsidiaries); i++) {
        added.push({ id: `g${i}`, width: widths[8 + i]!, height: 48 });
        edges.push({ source: `s${i}`, target: `g${i}` });
      }
      for (let i = 0; i < owners; i++) {
        added.push({ id: `o${i}`, width: widths[11 + i]!, height: 48 });
        edges.push({ source: `o${i}`, target: anchor.id });
      }
      const rankOf = new Map(boxes.map((b) => [b.id, Math.round(b.y / 120)]));
      const rankY = new Map(rows.map((_, r) => [r, r * 120]));
      return { anchor, existing: others, added, edges, attached, rows: { rankOf, rankY } };
    });

  it('never leaves two boxes overlapping, moves nothing vertically nor in the anchor row, keeps each row in order', () => {
    fc.assert(
      fc.property(scenes, (scene) => {
        const result = placeExpansion(scene);
        const final = [
          { ...scene.anchor },
          ...scene.existing.map((b) => ({ ...b, ...(result.moved.get(b.id) ?? {}) })),
          ...scene.added.map((n) => ({ ...n, ...result.added.get(n.id)! })),
        ];
        for (let i = 0; i < final.length; i++)
          for (let j = i + 1; j < final.length; j++) {
            const a = final[i]!;
            const b = final[j]!;
            const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 - 1e-6 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2 - 1e-6;
            if (!apart) throw new Error(`${a.id} overlaps ${b.id}`);
          }
        for (const [id, p] of result.moved) {
          expect(p.y).toBe(scene.existing.find((b) => b.id === id)!.y);
          expect(p.y).not.toBe(scene.anchor.y);
        }
        // Existing nodes keep their left-to-right order in every row.
        const byRow = new Map<number, Array<{ before: number; after: number }>>();
        for (const b of scene.existing) byRow.set(b.y, [...(byRow.get(b.y) ?? []), { before: b.x, after: result.moved.get(b.id)?.x ?? b.x }]);
        for (const row of byRow.values()) {
          row.sort((a, b) => a.before - b.before);
          for (let i = 1; i < row.length; i++) expect(row[i]!.after).toBeGreaterThan(row[i - 1]!.after);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('placeExpansion in a packed row', () => {
  // The anchor above a row of 60 boxes packed at the minimum gap; a 900 px gap may open after the 35th box.
  const anchor: PlacedBox = { id: 'anchor', x: 30 * 182, y: 0, width: 160, height: 48 };
  const packed = (gapAfter: number | null): PlacedBox[] =>
    Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, x: i * 182 + (gapAfter !== null && i > gapAfter ? 900 : 0), y: 120, width: 160, height: 48 }));
  const added: LayoutNode[] = ['a', 'b', 'c'].map((id) => ({ id, width: 160, height: 48 }));
  const edges: LayoutEdge[] = added.map((n) => ({ source: 'anchor', target: n.id }));

  function assertNoOverlap(existing: PlacedBox[], result: ReturnType<typeof placeExpansion>): void {
    const boxes = [...existing.map((b) => ({ ...b, ...(result.moved.get(b.id) ?? {}) })), ...added.map((n) => ({ ...n, ...result.added.get(n.id)! }))];
    boxes.sort((p, q) => p.x - q.x);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x - boxes[i - 1]!.x).toBeGreaterThanOrEqual(160 + 22 - 1e-6);
  }

  it('puts the new row in a nearby gap rather than pushing dozens of boxes aside', () => {
    const existing = packed(34);
    const result = placeExpansion({ anchor, existing, added, edges });
    expect(result.moved.size).toBe(0);
    const xs = added.map((n) => result.added.get(n.id)!.x);
    expect(Math.min(...xs)).toBeGreaterThan(34 * 182);
    expect(Math.max(...xs)).toBeLessThan(35 * 182 + 900);
    assertNoOverlap(existing, result);
  });

  it('with no gap close enough, slides the row and pushes one way only, moving fewer boxes than a push both ways', () => {
    const existing = packed(null);
    const result = placeExpansion({ anchor, existing, added, edges });
    // Pushed both ways from under the anchor, every one of the 60 packed boxes would move.
    expect(result.moved.size).toBeGreaterThan(0);
    expect(result.moved.size).toBeLessThan(30);
    const directions = new Set([...result.moved].map(([id, point]) => Math.sign(point.x - existing.find((b) => b.id === id)!.x)));
    expect(directions.size).toBe(1);
    const xs = added.map((n) => result.added.get(n.id)!.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q)); // the new row keeps its order
    expect(Math.abs((xs[0]! + xs[2]!) / 2 - anchor.x)).toBeLessThanOrEqual(1800); // and stays near its parent
    assertNoOverlap(existing, result);
  });
});
