// Subgraphs for export: around roots (owners, subsidiaries or both, to a depth), from a path query, or
// induced by a chosen set of entities; each decorated once with what every format writes (entity
// details, listing status and decisions on asOf, exposure per list, sources).
import { NotFoundError } from '../errors.js';
import { listedOn } from '../domain/listing.js';
import type { DecisionAction, Entity } from '../domain/model.js';
import type { ExportRepo } from '../db/repos/export.js';
import type { OwnershipRepo } from '../db/repos/ownership.js';
import type { PathQuery } from '../db/repos/paths.js';
import type { GraphEdge } from '../db/rows.js';
import type { ExportGraph, ExportNode } from '../formats/export/graph.js';
import type { PathService } from './paths.js';

/** Exposure per list for entities on a date, from the exposure engine; null when it cannot answer. */
export interface ExposureLookup {
  statuses(ids: string[], asOf: string): Promise<{ lists: string[]; byEntity: Map<string, Record<string, string>> } | null>;
}

/** Exports stop at this many entities (and say so: `truncated`), so one request cannot pull the graph. */
export const EXPORT_MAX_NODES = 10_000;
export const EXPORT_MAX_EDGES = 50_000;

export type SubgraphDirection = 'up' | 'down' | 'both';

export interface RootsQuery {
  roots: string[];
  depth: number;
  direction: SubgraphDirection;
  asOf: string;
}

interface Skeleton {
  title: string;
  roots: string[];
  asOf: string;
  depths: Map<string, number>;
  entities: Map<string, Entity>;
  edges: Map<string, GraphEdge>;
  truncated: boolean;
}

export class SubgraphService {
  constructor(
    private readonly repo: ExportRepo,
    private readonly ownership: OwnershipRepo,
    private readonly paths: PathService,
    private readonly exposure: ExposureLookup | null = null,
  ) {}

  async fromRoots(q: RootsQuery): Promise<ExportGraph> {
    const found = await this.repo.nodes(q.roots, q.asOf);
    const missing = q.roots.filter((id) => !found.has(id));
    if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.map((id) => `'${id}'`).join(', ')}`);
    const sk: Skeleton = { title: q.roots.join('+'), roots: q.roots, asOf: q.asOf, depths: new Map(), entities: new Map(), edges: new Map(), truncated: false };
    for (const root of q.roots) {
      const entity = found.get(root)!.entity;
      for (const direction of q.direction === 'both' ? (['up', 'down'] as const) : [q.direction]) {
        const budget = EXPORT_MAX_NODES - sk.depths.size + (sk.depths.has(root) ? 1 : 0);
        if (budget <= 0) {
          sk.truncated = true;
          continue;
        }
        const chain = await this.ownership.chain({ root, direction, depth: q.depth, asOf: q.asOf, minPercent: null, maxNodes: budget }, entity);
        for (const [id, { entity: e, depth }] of chain.nodes) {
          sk.entities.set(id, e);
          sk.depths.set(id, Math.min(depth, sk.depths.get(id) ?? depth));
        }
        for (const [id, edge] of chain.edges) sk.edges.set(id, edge);
        sk.truncated ||= chain.truncated;
      }
    }
    return this.decorate(sk);
  }

  async fromPaths(q: PathQuery): Promise<ExportGraph> {
    const result = await this.paths.find(q);
    return this.decorate({
      title: `${q.from}-to-${q.to}`,
      roots: [q.from],
      asOf: q.asOf,
      depths: new Map(result.subgraph.nodes.map((n) => [n.id, n.depth])),
      entities: new Map(),
      edges: new Map(result.subgraph.edges.map((e) => [e.id, e])),
      truncated: result.truncated,
    });
  }

  async fromNodes(ids: string[], asOf: string): Promise<ExportGraph> {
    const found = await this.repo.nodes(ids, asOf);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.map((id) => `'${id}'`).join(', ')}`);
    const edges = await this.repo.edgesBetween(ids, asOf, EXPORT_MAX_EDGES + 1);
    return this.decorate({
      title: ids.length === 1 ? ids[0]! : `${ids[0]}-and-${ids.length - 1}-more`,
      roots: ids,
      asOf,
      depths: new Map(ids.map((id) => [id, 0])),
      entities: new Map([...found].map(([id, n]) => [id, n.entity])),
      edges: new Map(edges.slice(0, EXPORT_MAX_EDGES).map((e) => [e.id, e])),
      truncated: edges.length > EXPORT_MAX_EDGES,
    });
  }

  private async decorate(sk: Skeleton): Promise<ExportGraph> {
    const ids = [...sk.depths.keys()];
    const details = await this.repo.nodes(ids, sk.asOf);
    const exposure = this.exposure ? await this.exposure.statuses(ids, sk.asOf) : null;
    const nodes: ExportNode[] = [];
    for (const id of ids) {
      const d = details.get(id);
      const entity = d?.entity ?? sk.entities.get(id);
      if (!entity) continue; // deleted between the two reads
      const decisions = d?.decisions ?? [];
      nodes.push({
        entity,
        depth: sk.depths.get(id) ?? 0,
        listed: listedOn(decisions.map((x) => ({ ...x, action: x.action as DecisionAction })), sk.asOf),
        decisions,
        exposure: exposure ? Object.fromEntries(exposure.lists.map((l) => [l, exposure.byEntity.get(id)?.[l] ?? 'clear'])) : null,
      });
    }
    nodes.sort((a, b) => a.depth - b.depth || a.entity.name.localeCompare(b.entity.name) || a.entity.id.localeCompare(b.entity.id));
    const kept = new Set(nodes.map((n) => n.entity.id));
    const edges = [...sk.edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target)).sort((a, b) => a.id.localeCompare(b.id));

    const sourceIds = new Set<string>();
    for (const n of nodes) {
      n.entity.sourceIds.forEach((s) => sourceIds.add(s));
      n.decisions.forEach((dec) => dec.sourceIds.forEach((s) => sourceIds.add(s)));
    }
    edges.forEach((e) => e.sourceIds.forEach((s) => sourceIds.add(s)));

    const lists = new Map<string, { id: string; name: string; authority: string | null }>();
    for (const n of nodes) for (const dec of n.decisions) lists.set(dec.listId, { id: dec.listId, name: dec.listName, authority: dec.authority });
    for (const l of exposure?.lists ?? []) if (!lists.has(l)) lists.set(l, { id: l, name: l, authority: null });

    return {
      title: sk.title,
      roots: sk.roots,
      asOf: sk.asOf,
      generatedAt: new Date().toISOString(),
      nodes,
      edges,
      sources: await this.repo.sources([...sourceIds]),
      lists: [...lists.values()].sort((a, b) => a.id.localeCompare(b.id)),
      exposureLists: [...(exposure?.lists ?? [])].sort(),
      truncated: sk.truncated,
    };
  }
}

/** `ownership-<title>-<asOf>.<ext>`, restricted to characters every file system and browser accepts. */
export function exportFileName(graph: Pick<ExportGraph, 'title' | 'asOf'>, extension: string): string {
  const title = graph.title.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 120);
  return `ownership-${title}-${graph.asOf}.${extension}`;
}
