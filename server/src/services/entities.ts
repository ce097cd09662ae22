// Entity use cases: search, details, and ownership chains with listing status on each node.
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { listedOn } from '../domain/listing.js';
import { toLuceneQuery } from '../domain/search-query.js';
import type { Entity, EntityKind } from '../domain/model.js';
import type { EntityRepo } from '../db/repos/entities.js';
import type { Direction, OwnershipRepo } from '../db/repos/ownership.js';
import type { GraphEdge } from '../db/rows.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';

export interface SearchInput {
  q?: string | undefined;
  kind?: EntityKind | undefined;
  country?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  asOf: string;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  depth: number;
  listed: string[];
}

export interface ChainGraph {
  root: string;
  direction: Direction;
  asOf: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

const CursorKey = z.object({ s: z.number().optional(), n: z.string().optional(), i: z.string() });

/** Chains stop at this many nodes and say so (`truncated`), so one request cannot pull the whole graph. */
export const MAX_CHAIN_NODES = 2000;

export class EntityService {
  constructor(
    private readonly entities: EntityRepo,
    private readonly ownership: OwnershipRepo,
  ) {}

  async search(input: SearchInput) {
    const after = decodeCursor(input.cursor, CursorKey);
    const lucene = input.q === undefined || input.q.trim() === '' ? null : toLuceneQuery(input.q);
    if (input.q !== undefined && input.q.trim() !== '' && lucene === null) return { items: [], nextCursor: null };
    const hits = await this.entities.search({
      lucene,
      kind: input.kind ?? null,
      country: input.country ?? null,
      after: after ? { id: after.i, ...(after.s !== undefined && { score: after.s }), ...(after.n !== undefined && { name: after.n }) } : null,
      limit: input.limit + 1,
    });
    const page = hits.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor =
      hits.length > input.limit && last
        ? encodeCursor(lucene === null ? { n: last.entity.name, i: last.entity.id } : { s: last.score, i: last.entity.id })
        : null;
    return {
      items: page.map((h) => ({
        id: h.entity.id,
        name: h.entity.name,
        kind: h.entity.kind,
        country: h.entity.country,
        aliases: h.entity.aliases,
        identifiers: h.entity.identifiers,
        listed: listedOn(h.decisions, input.asOf),
        score: h.score ?? 0,
      })),
      nextCursor,
    };
  }

  async get(id: string) {
    const found = await this.entities.get(id);
    if (!found) throw new NotFoundError(`No entity with id '${id}'`);
    return found;
  }

  async chain(id: string, direction: Direction, depth: number, asOf: string, minPercent: number | null): Promise<ChainGraph> {
    const { entity } = await this.get(id);
    const chain = await this.ownership.chain({ root: id, direction, depth, asOf, minPercent, maxNodes: MAX_CHAIN_NODES }, entity);
    const decisions = await this.entities.decisionsFor([...chain.nodes.keys()]);
    const nodes = [...chain.nodes.values()].map(({ entity: e, depth: d }) => toNode(e, d, listedOn(decisions.get(e.id) ?? [], asOf)));
    nodes.sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
    const edges = [...chain.edges.values()].sort((a, b) => a.id.localeCompare(b.id));
    return { root: id, direction, asOf, nodes, edges, truncated: chain.truncated };
  }
}

function toNode(e: Entity, depth: number, listed: string[]): GraphNode {
  return { id: e.id, name: e.name, kind: e.kind, country: e.country, depth, listed };
}
