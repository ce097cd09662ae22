// Response shapes shared by the graph routes (chains, paths): documented in the OpenAPI document and
// kept next to the request schemas so both come from zod.
import { z } from 'zod';
import { EXPOSURE_STATUSES } from '../../domain/exposure/types.js';
import { ENTITY_KINDS } from '../../domain/model.js';

export const GraphNodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2, lower case' }),
    depth: z.number().int().meta({ description: 'Hops from the root (chains) or from `from` (paths)' }),
    listed: z.array(z.string()).meta({ description: 'Lists on which a decision in force on asOf names the entity' }),
    exposure: z
      .record(z.string(), z.enum(EXPOSURE_STATUSES))
      .optional()
      .meta({ description: 'Chains only: current exposure status per list id (lists where the entity is clear are absent)' }),
  })
  .meta({ id: 'GraphNode' });

export const GraphEdgeSchema = z
  .object({
    id: z.string(),
    type: z.enum(['OWNS', 'CONTROLS']),
    source: z.string().meta({ description: 'Owner or controller' }),
    target: z.string().meta({ description: 'Owned or controlled entity' }),
    percent: z.number().nullable().meta({ description: 'Exact stake in percent; null when unknown or a range (never 0 for unknown)' }),
    percentMin: z.number().nullable(),
    percentMax: z.number().nullable(),
    minInclusive: z.boolean(),
    maxInclusive: z.boolean(),
    basis: z.string().nullable().meta({ description: 'CONTROLS only: what the control rests on' }),
    start: z.string().nullable().meta({ description: 'First day the edge holds (YYYY-MM-DD); null = unbounded' }),
    end: z.string().nullable().meta({ description: 'First day it no longer holds (half-open window); null = open' }),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'GraphEdge' });

export const ChainGraphSchema = z
  .object({
    root: z.string(),
    direction: z.enum(['up', 'down']),
    asOf: z.string(),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    truncated: z.boolean(),
  })
  .meta({ id: 'ChainGraph' });
