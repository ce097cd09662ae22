// Merges the owners graph (up) and the subsidiaries graph (down) of one root into one view.
// Owners get negative ranks and subsidiaries positive ones, so a reader can tell which side a node came
// from; a node reachable both ways (a cross-holding or a cycle) keeps the side it was first seen on.
import type { EntityKind, GraphEdge, OwnershipGraph } from '../api-types.ts';

export interface ViewNode {
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  listed: string[];
  /** Hops above (negative) or below (positive) the root; 0 for the root. */
  rank: number;
}

export interface MergedGraph {
  root: string;
  nodes: ViewNode[];
  edges: GraphEdge[];
  /** True when the server cut either direction short at the requested depth or its size limit. */
  truncated: boolean;
}

export function mergeGraphs(owners: OwnershipGraph, subsidiaries: OwnershipGraph): MergedGraph {
  const nodes = new Map<string, ViewNode>();
  const edges = new Map<string, GraphEdge>();
  for (const graph of [owners, subsidiaries]) {
    const sign = graph.direction === 'up' ? -1 : 1;
    for (const node of graph.nodes) {
      if (!nodes.has(node.id)) nodes.set(node.id, { ...node, rank: sign * node.depth });
    }
    for (const edge of graph.edges) edges.set(edge.id, edge);
  }
  // Drop an edge whose end the server did not send, rather than let Cytoscape throw on it.
  const complete = [...edges.values()].filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  return {
    root: owners.root,
    nodes: [...nodes.values()],
    edges: complete,
    truncated: owners.truncated || subsidiaries.truncated,
  };
}
