// "How is A connected to B": ownership chains (direction-aware) or any connection, as ordered paths
// plus their merged subgraph, bounded by hops, a result cap and the transaction timeout.
import { NotFoundError, QueryTimeoutError } from '../errors.js';
import { listedOn } from '../domain/listing.js';
import type { Entity } from '../domain/model.js';
import type { EntityRepo } from '../db/repos/entities.js';
import type { FoundPath, PathQuery, PathRepo } from '../db/repos/paths.js';
import type { GraphEdge } from '../db/rows.js';
import type { GraphNode } from './entities.js';

export type CutOff = 'limit' | 'timeout';

export interface PathView {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface PathsResult {
  from: string;
  to: string;
  mode: PathQuery['mode'];
  direction: PathQuery['direction'];
  maxHops: number;
  asOf: string;
  paths: PathView[];
  subgraph: { nodes: GraphNode[]; edges: GraphEdge[] };
  /** True when more paths exist than were returned. */
  truncated: boolean;
  /** Why the result is incomplete: more than `limit` paths, or the all-paths search ran out of time
   *  (the shortest paths are returned instead). null when complete. */
  cutOff: CutOff | null;
}

export interface PathServiceOptions {
  /** Time budget for one request's path search (the transaction timeout). */
  timeoutMs: number;
}

export class PathService {
  constructor(
    private readonly paths: PathRepo,
    private readonly entities: EntityRepo,
    private readonly opts: PathServiceOptions,
  ) {}

  async find(q: PathQuery): Promise<PathsResult> {
    const existing = await this.paths.existing([q.from, q.to]);
    for (const id of [q.from, q.to]) if (!existing.has(id)) throw new NotFoundError(`No entity with id '${id}'`);

    const { found, timedOut } = await this.search(q);
    const truncated = found.length > q.limit || timedOut;
    const kept = found.slice(0, q.limit);
    const decisions = await this.entities.decisionsFor([...new Set(kept.flatMap((p) => p.nodes.map((n) => n.id)))]);
    const node = (e: Entity, depth: number): GraphNode => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      country: e.country,
      depth,
      listed: listedOn(decisions.get(e.id) ?? [], q.asOf),
    });

    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const paths = kept.map((p) => {
      p.nodes.forEach((e, i) => {
        const seen = nodes.get(e.id);
        if (!seen || seen.depth > i) nodes.set(e.id, node(e, i));
      });
      for (const e of p.edges) edges.set(e.id, e);
      return { length: p.edges.length, nodes: p.nodes.map((e, i) => node(e, i)), edges: p.edges };
    });
    return {
      from: q.from,
      to: q.to,
      mode: q.mode,
      direction: q.direction,
      maxHops: q.maxHops,
      asOf: q.asOf,
      paths,
      subgraph: {
        nodes: [...nodes.values()].sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name)),
        edges: [...edges.values()].sort((a, b) => a.id.localeCompare(b.id)),
      },
      truncated,
      cutOff: timedOut ? 'timeout' : found.length > q.limit ? 'limit' : null,
    };
  }

  /** Mode "all" gets most of the budget; if it runs out, the shortest paths (a far cheaper search)
   *  are answered instead and flagged, rather than failing the request. */
  private async search(q: PathQuery): Promise<{ found: FoundPath[]; timedOut: boolean }> {
    if (q.mode === 'shortest') return { found: await this.paths.find(q, this.opts.timeoutMs), timedOut: false };
    try {
      return { found: await this.paths.find(q, Math.round(this.opts.timeoutMs * 0.6)), timedOut: false };
    } catch (err) {
      if (!(err instanceof QueryTimeoutError)) throw err;
      return { found: await this.paths.find({ ...q, mode: 'shortest' }, Math.round(this.opts.timeoutMs * 0.4)), timedOut: true };
    }
  }
}
