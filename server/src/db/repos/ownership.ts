// Ownership chains by breadth-first steps, one query per level: each level is small and indexed, the
// depth is an ordinary parameter (a variable-length pattern would need it spliced into the Cypher),
// and the walk can stop at a node cap and say the result was cut off.
import type { Database, Row } from '../database.js';
import { dateParam } from '../convert.js';
import type { Entity } from '../../domain/model.js';
import { edgeFromRow, entityFromRow, type GraphEdge } from '../rows.js';

export type Direction = 'up' | 'down';

export interface ChainParams {
  root: string;
  direction: Direction;
  depth: number;
  asOf: string;
  minPercent: number | null;
  maxNodes: number;
}

export interface Chain {
  nodes: Map<string, { entity: Entity; depth: number }>;
  edges: Map<string, GraphEdge>;
  truncated: boolean;
}

export class OwnershipRepo {
  constructor(private readonly db: Database) {}

  async chain(p: ChainParams, rootEntity: Entity): Promise<Chain> {
    const nodes = new Map<string, { entity: Entity; depth: number }>([[p.root, { entity: rootEntity, depth: 0 }]]);
    const edges = new Map<string, GraphEdge>();
    let frontier = [p.root];
    let truncated = false;
    const query = p.direction === 'up' ? 'ownership/owners-step' : 'ownership/subsidiaries-step';
    for (let level = 1; level <= p.depth && frontier.length > 0; level++) {
      const budget = p.maxNodes - nodes.size;
      // Ask for one row more than the budget allows so we know whether anything was left out.
      const rows = await this.db.read(query, {
        frontier,
        asOf: dateParam(p.asOf),
        minPercent: p.minPercent,
        limit: Math.max(budget, 0) * 4 + 1,
      });
      const next: string[] = [];
      for (const row of rows) {
        const edge = edgeFromRow(row.edge as Row);
        const farId = p.direction === 'up' ? edge.source : edge.target;
        if (!nodes.has(farId)) {
          if (nodes.size >= p.maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(farId, { entity: entityFromRow(row.node as Row, row.labels), depth: level });
          next.push(farId);
        }
        edges.set(edge.id, edge);
      }
      if (rows.length > Math.max(budget, 0) * 4) truncated = true;
      frontier = next;
    }
    return { nodes, edges, truncated };
  }
}
