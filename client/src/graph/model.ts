// Everything the client has fetched about the graph in view: the root's owner and subsidiary chains plus
// any node expanded on demand. Which of it is drawn is decided by visible.ts (collapse, "show more").
import type { EntityKind, ExposureStatus, GraphEdge, GraphNode, OwnershipGraph } from '../api-types.ts';

export interface ModelNode {
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  listed: string[];
  exposure: Record<string, ExposureStatus>;
}

export type Direction = 'up' | 'down';

export class GraphModel {
  readonly nodes = new Map<string, ModelNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** Edge ids by the node they point into (owners side) and out of (subsidiaries side). */
  private readonly into = new Map<string, Set<string>>();
  private readonly outOf = new Map<string, Set<string>>();
  /** True when the server cut a chain short at its depth or size limit. */
  truncated = false;

  constructor(readonly root: string) {}

  /** Adds a chain (owners or subsidiaries of one node); returns how many entities were new. */
  addChain(chain: OwnershipGraph): number {
    let added = 0;
    for (const node of chain.nodes) if (this.addNode(node)) added += 1;
    for (const edge of chain.edges) this.addEdge(edge);
    this.truncated ||= chain.truncated;
    return added;
  }

  addNode(node: GraphNode): boolean {
    if (this.nodes.has(node.id)) return false;
    this.nodes.set(node.id, { id: node.id, name: node.name, kind: node.kind, country: node.country, listed: node.listed, exposure: node.exposure ?? {} });
    return true;
  }

  addEdge(edge: GraphEdge): void {
    this.edges.set(edge.id, edge);
    for (const [index, key] of [[this.into, edge.target], [this.outOf, edge.source]] as const) {
      const ids = index.get(key) ?? new Set<string>();
      ids.add(edge.id);
      index.set(key, ids);
    }
  }

  /** Edges into `id` (its owners and controllers) or out of it (what it owns or controls). */
  neighbours(id: string, direction: Direction): { edge: GraphEdge; other: string }[] {
    const out: { edge: GraphEdge; other: string }[] = [];
    for (const edgeId of (direction === 'up' ? this.into : this.outOf).get(id) ?? []) {
      const edge = this.edges.get(edgeId);
      const other = direction === 'up' ? edge?.source : edge?.target;
      if (edge && other !== undefined && this.nodes.has(other)) out.push({ edge, other });
    }
    return out;
  }

  name(id: string): string {
    return this.nodes.get(id)?.name ?? id;
  }
}
