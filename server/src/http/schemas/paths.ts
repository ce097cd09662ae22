// POST /paths: the request body and the response, both from zod (the OpenAPI document reads them).
import { z } from 'zod';
import { MAX_HOPS, MAX_PATHS, PATH_DIRECTIONS, PATH_MODES } from '../../db/path-cypher.js';
import { EntityId, IsoDateParam } from './common.js';
import { GraphEdgeSchema, GraphNodeSchema } from './graph.js';

export const RelType = z.enum(['OWNS', 'CONTROLS']);

export const PathsBody = z
  .strictObject({
    from: EntityId.meta({ description: 'Entity id where paths start' }),
    to: EntityId.meta({ description: 'Entity id where paths end' }),
    mode: z.enum(PATH_MODES).default('shortest').meta({ description: '`shortest`: every shortest path; `all`: simple paths up to maxHops, shortest first' }),
    maxHops: z.number().int().min(1).max(MAX_HOPS).default(6),
    direction: z
      .enum(PATH_DIRECTIONS)
      .default('down')
      .meta({ description: '`down`: from owns/controls … to; `up`: to owns/controls … from; `any`: ignore edge direction' }),
    relTypes: z
      .array(RelType)
      .min(1)
      .max(2)
      .refine((t) => new Set(t).size === t.length, 'must not repeat a type')
      .default(['OWNS', 'CONTROLS']),
    minPercent: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .meta({ description: 'Skip OWNS edges whose upper bound is below this (unknown stakes are kept)' }),
    asOf: IsoDateParam.optional().meta({ description: 'Only edges valid on this date (default today)' }),
    limit: z.number().int().min(1).max(MAX_PATHS).default(10),
  })
  .refine((b) => b.from !== b.to, { path: ['to'], message: 'must differ from `from`' })
  .meta({ id: 'PathsRequest' });

export type PathsBodyInput = z.output<typeof PathsBody>;

const PathSchema = z
  .object({
    length: z.number().int(),
    nodes: z.array(GraphNodeSchema).meta({ description: 'from … to, in order' }),
    edges: z.array(GraphEdgeSchema).meta({ description: 'Edges between consecutive nodes, in order' }),
  })
  .meta({ id: 'Path' });

export const PathsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    mode: z.enum(PATH_MODES),
    direction: z.enum(PATH_DIRECTIONS),
    maxHops: z.number().int(),
    asOf: z.string(),
    paths: z.array(PathSchema),
    subgraph: z.object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema) }),
    truncated: z.boolean(),
    cutOff: z
      .enum(['limit', 'timeout'])
      .nullable()
      .meta({ description: '`limit`: more paths exist than `limit`; `timeout`: the all-paths search ran out of time and the shortest paths are returned' }),
  })
  .meta({ id: 'PathsResponse' });
