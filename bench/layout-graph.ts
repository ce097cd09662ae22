// Synthetic ownership views for the layout benchmark, the same for a given size and seed on every run:
// a few groups, each with owners above its parent company (people, state bodies, funds, some chained) and a
// subsidiary tree below with heavy-tailed fan-out (most entities own nothing, a few own dozens), plus
// second owners inside a group (joint ventures), holdings across groups, a few upward cross-holdings
// (cycles), control edges beside stakes, unknown and ranged stakes, and some listed entities.
import type { ElementDefinition } from 'cytoscape';

export interface SyntheticView {
  elements: ElementDefinition[];
  nodeCount: number;
  edgeCount: number;
  /** The parent company of the first group: what the view is rooted on. */
  root: string;
  /** A subsidiary with nothing below it yet, deep in the first group: where the benchmark expands. */
  expandAnchor: string;
}

type Kind = 'Company' | 'Person' | 'StateBody' | 'InvestmentVehicle';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Hangzhou', 'Shenzhen', 'Beijing', 'Shanghai', 'Wuhan', 'Chengdu', 'Urumqi', "Xi'an", 'Nanjing', 'Tianjin', 'Hong Kong', 'Singapore', 'Luxembourg', 'Amsterdam', 'Delaware', 'Cayman'];
const CORES = ['Haishi', 'Kangtai', 'Xinan', 'Yongan', 'Dingxin', 'Meitian', 'Huarui', 'Zhongdian', 'Jinxin', 'Tongfang', 'Ruixin', 'Hengtai', 'Shengda', 'Weiye', 'Guanghe', 'Qianhai'];
const TRADES = ['Digital Technology', 'Security Systems', 'Investment Holdings', 'Electronics', 'Smart IoT', 'Logistics', 'Capital Management', 'Trading', 'Semiconductor', 'Software', 'Intelligent Manufacturing', 'Robotics'];
const FORMS = ['Co., Ltd.', 'Limited', 'S.à r.l.', 'LLC', 'B.V.', 'Pte. Ltd.', 'Holdings Ltd.'];
const GIVEN = ['Wei', 'Fang', 'Jun', 'Lei', 'Min', 'Tao', 'Yan', 'Hui', 'Anna', 'Marco', 'Olga', 'Piet'];
const FAMILY = ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Gong', 'Hu', 'Zhou', 'Visser', 'Rossi', 'Ivanova'];

export function syntheticOwnershipView(targetElements: number, seed = 20240101): SyntheticView {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const depthOf: number[] = [];
  const groupOf: number[] = [];
  const children: number[] = [];
  const edgeKeys = new Set<string>();
  const total = (): number => nodes.length + edges.length;

  const addNode = (kind: Kind, depth: number, group: number): number => {
    const i = nodes.length;
    const name =
      kind === 'Person'
        ? `${pick(FAMILY)} ${pick(GIVEN)}`
        : kind === 'StateBody'
          ? `${pick(PLACES)} State-owned Assets Supervision and Administration Commission`
          : kind === 'InvestmentVehicle'
            ? `${pick(CORES)} ${pick(['Equity Partnership (LP)', 'Growth Fund', 'Capital Investment Partnership'])}`
            : `${pick(PLACES)} ${pick(CORES)} ${pick(TRADES)} ${pick(FORMS)}`;
    const listed = kind === 'Company' && rand() < 0.02;
    nodes.push({
      group: 'nodes',
      data: { id: `n${i}`, label: name, kind, country: null, listed: listed ? ['us-entity-list'] : [], rank: depth },
      classes: listed ? ['listed'] : [],
    });
    depthOf.push(depth);
    groupOf.push(group);
    children.push(0);
    return i;
  };
  const addEdge = (owner: number, owned: number, type: 'OWNS' | 'CONTROLS'): void => {
    const key = `${owner}>${owned}>${type}`;
    if (owner === owned || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    const r = rand();
    const label =
      type === 'CONTROLS' ? pick(['board appointment', 'voting agreement', 'state supervision']) : r < 0.3 ? '100%' : r < 0.42 ? '?' : r < 0.5 ? '10–25%' : `${between(1, 99)}.${between(0, 99)}%`;
    edges.push({
      group: 'edges',
      data: { id: `e${edges.length}`, source: `n${owner}`, target: `n${owned}`, type, label, description: '' },
      classes: [type === 'CONTROLS' ? 'controls' : 'owns', label === '?' ? 'unknown-stake' : ''].filter(Boolean),
    });
    if (type === 'OWNS') children[owner]! += 1;
  };

  // Groups: one per ~900 elements, each a parent company with two or three owners above it.
  const groups = Math.max(2, Math.round(targetElements / 900));
  const frontier: number[][] = [];
  const members: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const parent = addNode('Company', 0, g);
    members.push([parent]);
    frontier.push([parent]);
    const ownerCount = between(2, 3);
    for (let k = 0; k < ownerCount; k++) {
      const owner = addNode(pick<Kind>(['Person', 'StateBody', 'InvestmentVehicle', 'Company']), -1, g);
      addEdge(owner, parent, 'OWNS');
      if (k === 0) addEdge(addNode('StateBody', -2, g), owner, 'OWNS');
    }
  }

  // Grow the groups' subsidiary trees breadth-first, round-robin, until the element budget is spent.
  const fanOut = (depth: number): number => {
    if (depth >= 7) return 0;
    const r = rand();
    if (depth === 0) return between(4, 9);
    return r < 0.4 ? 0 : r < 0.78 ? between(1, 3) : r < 0.94 ? between(4, 8) : between(9, 28);
  };
  let g = 0;
  while (total() < targetElements && frontier.some((f) => f.length > 0)) {
    g = (g + 1) % groups;
    const queue = frontier[g]!;
    const owner = queue.shift();
    if (owner === undefined) continue;
    const count = fanOut(depthOf[owner]!);
    for (let k = 0; k < count && total() < targetElements; k++) {
      const child = addNode(rand() < 0.06 ? 'InvestmentVehicle' : 'Company', depthOf[owner]! + 1, g);
      addEdge(owner, child, 'OWNS');
      members[g]!.push(child);
      queue.push(child);
      const r = rand();
      if (r < 0.07) {
        // A joint venture: a second owner from the same group, higher up.
        const higher = members[g]!.filter((m) => depthOf[m]! < depthOf[child]! && m !== owner);
        if (higher.length > 0) addEdge(pick(higher), child, 'OWNS');
      } else if (r < 0.08) {
        addEdge(pick(members[(g + 1) % groups]!), child, 'OWNS'); // a holding across groups
      } else if (r < 0.1) {
        addEdge(owner, child, 'CONTROLS'); // control beside the stake
      }
    }
  }
  // A few cross-holdings back up the tree: the cycles a layout must survive.
  const deep = nodes.map((_, i) => i).filter((i) => depthOf[i]! >= 3);
  for (let k = 0; k < Math.max(1, Math.round(nodes.length / 400)); k++) {
    const from = pick(deep);
    const to = pick(members[groupOf[from]!]!.filter((m) => depthOf[m]! >= 0 && depthOf[m]! < depthOf[from]! - 1));
    addEdge(from, to, 'OWNS');
  }

  const leaves = members[0]!.filter((m) => depthOf[m]! >= 3 && children[m] === 0);
  return {
    elements: [...nodes, ...edges],
    nodeCount: nodes.length,
    edgeCount: edges.length,
    root: 'n0',
    expandAnchor: `n${leaves[Math.floor(leaves.length / 2)] ?? members[0]![1]}`,
  };
}

/**
 * What expanding `anchor` loads: `count` subsidiaries below it, a few with subsidiaries of their own, and
 * two owners above it (a second shareholder and a fund), with ids that do not clash with the view's.
 */
export function syntheticExpansion(anchor: string, count = 14, prefix = 'x'): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const node = (id: string, label: string, kind: Kind): void => {
    elements.push({ group: 'nodes', data: { id, label, kind, country: null, listed: [], rank: 0 } });
  };
  const edge = (source: string, target: string, label: string): void => {
    elements.push({ group: 'edges', data: { id: `${prefix}e${elements.length}`, source, target, type: 'OWNS', label }, classes: ['owns'] });
  };
  for (let i = 0; i < count; i++) {
    const id = `${prefix}s${i}`;
    node(id, `Expanded Subsidiary ${i + 1} ${TRADES[i % TRADES.length]} Co., Ltd.`, 'Company');
    edge(anchor, id, `${100 - i * 3}%`);
    if (i % 5 === 0) {
      node(`${id}c`, `Expanded Grandchild ${i + 1} Limited`, 'Company');
      edge(id, `${id}c`, '51%');
    }
  }
  node(`${prefix}o1`, 'Expanded Co-Shareholder Holdings Ltd.', 'Company');
  edge(`${prefix}o1`, anchor, '30%');
  node(`${prefix}o2`, 'Expanded Growth Fund (LP)', 'InvestmentVehicle');
  edge(`${prefix}o2`, anchor, '?');
  return elements;
}
