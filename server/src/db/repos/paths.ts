// Path queries between two entities. The query file is picked from a whitelist by mode, direction and
// hop bound (see path-cypher.ts); everything else is a parameter.
import type { Database, Row } from '../database.js';
import { dateParam } from '../convert.js';
import type { Entity } from '../../domain/model.js';
import { pathQueryName, type PathDirection, type PathMode } from '../path-cypher.js';
import { edgeFromRow, entityFromRow, type EdgeType, type GraphEdge } from '../rows.js';

export interface PathQuery {
  from: string;
  to: string;
  mode: PathMode;
  direction: PathDirection;
  maxHops: number;
  relTypes: EdgeType[];
  asOf: string;
  minPercent: number | null;
  /** Paths wanted; the query returns up to one more so the caller can tell it was cut off. */
  limit: number;
}

export interface FoundPath {
  /** from … to, in path order. */
  nodes: Entity[];
  /** The edges between consecutive nodes, each with its own (stored) direction in source/target. */
  edges: GraphEdge[];
}

export class PathRepo {
  constructor(private readonly db: Database) {}

  async find(q: PathQuery, timeoutMs?: number): Promise<FoundPath[]> {
    const rows = await this.db.read(
      pathQueryName(q.mode, q.direction, q.maxHops),
      {
        from: q.from,
        to: q.to,
        relTypes: q.relTypes,
        asOf: dateParam(q.asOf),
        minPercent: q.minPercent,
        limit: q.limit,
      },
      timeoutMs,
    );
    return rows.map((row) => ({
      nodes: (row.nodes as { props: Row; labels: unknown }[]).map((n) => entityFromRow(n.props, n.labels)),
      edges: (row.edges as Row[]).map(edgeFromRow),
    }));
  }

  /** The subset of `ids` that name existing entities. */
  async existing(ids: string[]): Promise<Set<string>> {
    const rows = await this.db.read('paths/endpoints', { ids });
    return new Set(rows.map((r) => String(r.id)));
  }
}
