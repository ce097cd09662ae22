// One ownership view's data: the root's chains at a date and depth, plus what the user expanded,
// collapsed, revealed beyond the cap or pinned (found paths). Fetches through the public API only.
import type { Api } from './api.ts';
import type { GraphEdge, GraphNode } from './api-types.ts';
import { GraphModel, type Direction } from './graph/model.ts';
import { sideKey, visibleGraph, type ViewGraph } from './graph/visible.ts';

/** Neighbours shown per entity and side before a "+N more" chip. */
export const DEFAULT_CAP = 12;

export interface SessionKey {
  root: string;
  asOf: string;
  depth: number;
}

export class GraphSession {
  model: GraphModel;
  readonly expanded = new Set<string>();
  readonly collapsed = new Set<string>();
  readonly revealed = new Map<string, number>();
  readonly pinned = new Set<string>();

  constructor(
    private readonly api: Pick<Api, 'getOwners' | 'getSubsidiaries'>,
    public key: SessionKey,
    private readonly cap: number = DEFAULT_CAP,
  ) {
    this.model = new GraphModel(key.root);
  }

  /** (Re)loads the chains and every expansion for the current key. */
  async load(signal: AbortSignal): Promise<void> {
    const { root, asOf, depth } = this.key;
    const options = { depth, asOf, signal };
    const model = new GraphModel(root);
    const [owners, subsidiaries] = await Promise.all([this.api.getOwners(root, options), this.api.getSubsidiaries(root, options)]);
    model.addChain(owners);
    model.addChain(subsidiaries);
    await Promise.all([...this.expanded].map((key) => this.fetchSide(model, key, signal)));
    this.model = model;
  }

  /** Fetches one more level on one side of `id`; returns how many entities were new. */
  async expand(id: string, direction: Direction, signal: AbortSignal): Promise<number> {
    const key = sideKey(id, direction);
    this.collapsed.delete(key);
    const added = await this.fetchSide(this.model, key, signal);
    this.expanded.add(key);
    return added;
  }

  collapse(id: string, direction: Direction): void {
    this.collapsed.add(sideKey(id, direction));
  }

  /** Shows `cap` more neighbours behind a "+N more" chip. */
  reveal(id: string, direction: Direction): void {
    const key = sideKey(id, direction);
    this.revealed.set(key, (this.revealed.get(key) ?? this.cap) + this.cap);
  }

  /** Adds found paths' entities and edges to the view. */
  pin(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): void {
    for (const node of nodes) {
      this.model.addNode(node);
      this.pinned.add(node.id);
    }
    for (const edge of edges) this.model.addEdge(edge);
  }

  unpin(): void {
    this.pinned.clear();
  }

  visible(): ViewGraph {
    return visibleGraph(this.model, { expanded: this.expanded, collapsed: this.collapsed, revealed: this.revealed, cap: this.cap, pinned: this.pinned });
  }

  private async fetchSide(model: GraphModel, key: string, signal: AbortSignal): Promise<number> {
    const separator = key.lastIndexOf(':');
    const id = key.slice(0, separator);
    const direction = key.slice(separator + 1) as Direction;
    const options = { depth: 1, asOf: this.key.asOf, signal };
    const chain = direction === 'up' ? await this.api.getOwners(id, options) : await this.api.getSubsidiaries(id, options);
    return model.addChain(chain);
  }
}
