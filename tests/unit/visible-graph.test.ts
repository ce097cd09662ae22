// The client's choice of what to draw: chains up and down from the root, expansions, collapses, the
// "+N more" cap and pinned path entities.
import type { GraphEdge, GraphNode, OwnershipGraph } from '../../client/src/api-types.ts';
import { GraphModel } from '../../client/src/graph/model.ts';
import { visibleGraph, type VisibilityOptions } from '../../client/src/graph/visible.ts';

const node = (id: string): GraphNode => ({ id, name: id.toUpperCase(), kind: 'Company', country: 'cn', depth: 0, listed: [] });
const owns = (source: string, target: string, percent: number | null = null): GraphEdge => ({
  id: `${source}>${target}`,
  type: 'OWNS',
  source,
  target,
  percent,
  percentMin: null,
  percentMax: null,
  minInclusive: true,
  maxInclusive: true,
  basis: null,
  start: null,
  end: null,
  sourceIds: [],
});
const chain = (root: string, direction: 'up' | 'down', ids: string[], edges: GraphEdge[]): OwnershipGraph => ({
  root,
  direction,
  nodes: [root, ...ids].map(node),
  edges,
  truncated: false,
});
const options = (over: Partial<VisibilityOptions> = {}): VisibilityOptions => ({ expanded: new Set(), collapsed: new Set(), revealed: new Map(), cap: 12, ...over });

function model(): GraphModel {
  const m = new GraphModel('r');
  m.addChain(chain('r', 'up', ['o1', 'o2', 'g'], [owns('o1', 'r', 60), owns('o2', 'r', 40), owns('g', 'o1', 100)]));
  m.addChain(chain('r', 'down', ['s1', 's2'], [owns('r', 's1'), owns('r', 's2', 51)]));
  // o1 has another subsidiary the view reaches only when o1 is expanded downwards.
  m.addChain(chain('o1', 'down', ['sib'], [owns('o1', 'sib', 20)]));
  return m;
}

const ranks = (view: ReturnType<typeof visibleGraph>): Record<string, number> => Object.fromEntries(view.nodes.map((n) => [n.id, n.rank]));

describe('visibleGraph', () => {
  test('owners above the root (negative ranks), subsidiaries below; an owner’s other subsidiaries wait for an expansion', () => {
    const view = visibleGraph(model(), options());
    expect(ranks(view)).toEqual({ r: 0, o1: -1, o2: -1, g: -2, s1: 1, s2: 1 });
    expect(view.edges.map((e) => e.id).sort()).toEqual(['g>o1', 'o1>r', 'o2>r', 'r>s1', 'r>s2']);
    expect(view.more).toEqual([]);
  });

  test('expanding an owner downwards shows its other subsidiaries beside the root', () => {
    const view = visibleGraph(model(), options({ expanded: new Set(['o1:down']) }));
    expect(ranks(view)['sib']).toBe(0);
    expect(view.edges.some((e) => e.id === 'o1>sib')).toBe(true);
  });

  test('collapsing a side hides everything reached only through it', () => {
    const view = visibleGraph(model(), options({ collapsed: new Set(['o1:up', 'r:down']) }));
    expect(Object.keys(ranks(view)).sort()).toEqual(['o1', 'o2', 'r']);
  });

  test('beyond the cap the largest stakes are shown and the rest folded behind one chip, until revealed', () => {
    const m = new GraphModel('r');
    const ids = Array.from({ length: 8 }, (_, i) => `s${i}`);
    m.addChain(chain('r', 'down', ids, ids.map((id, i) => owns('r', id, i * 10))));
    const folded = visibleGraph(m, options({ cap: 3 }));
    expect(folded.nodes.map((n) => n.id).sort()).toEqual(['r', 's5', 's6', 's7']);
    expect(folded.more).toEqual([{ id: 'more:r:down', parent: 'r', direction: 'down', hidden: 5, rank: 1 }]);
    const revealed = visibleGraph(m, options({ cap: 3, revealed: new Map([['r:down', 6]]) }));
    // 2 left would be hidden: fewer than 3 are never folded, so all show.
    expect(revealed.nodes).toHaveLength(9);
    expect(revealed.more).toEqual([]);
  });

  test('pinned entities (a found path) join next to a shown neighbour', () => {
    const m = model();
    m.addNode(node('far'));
    m.addEdge(owns('s1', 'far'));
    const view = visibleGraph(m, options({ pinned: new Set(['far']) }));
    expect(ranks(view)['far']).toBe(2);
    expect(view.edges.some((e) => e.id === 's1>far')).toBe(true);
  });
});
