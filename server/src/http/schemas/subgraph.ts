// GET /subgraph and POST /subgraph/export: which subgraph to export and in which format.
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../formats/export/index.js';
import { EntityId, IsoDateParam } from './common.js';
import { PathsBody } from './paths.js';

export const MAX_ROOTS = 20;
/** Roots in a POST body, which has no URL length to respect. */
export const MAX_POST_ROOTS = 100;
export const MAX_EXPORT_IDS = 1000;

export const ExportFormatParam = z
  .enum(EXPORT_FORMATS)
  .default('cyjs')
  .meta({
    description:
      'cyjs (Cytoscape JSON), graphml, gexf (1.3), csv (zip of nodes.csv + edges.csv), ftm (FollowTheMoney JSON lines), bods (BODS 0.4 JSON array)',
  });

/** One or more root ids: `root=a&root=b` or `root=a,b`. */
const Roots = z
  .union([z.string(), z.array(z.string()).max(MAX_ROOTS)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(EntityId).min(1, 'needs at least one entity id').max(MAX_ROOTS))
  .meta({ description: `Entity id(s) to export around; repeat the parameter or separate ids with commas (at most ${MAX_ROOTS})` });

const Depth = z.number().int().min(1).max(10).meta({ description: 'Hops from each root' });
const Direction = z.enum(['up', 'down', 'both']).meta({ description: 'Owners (up), subsidiaries (down) or both' });

export const SubgraphQuery = z.strictObject({
  root: Roots,
  depth: z.coerce.number().int().min(1).max(10).default(2).meta({ description: 'Hops from each root' }),
  direction: Direction.default('both'),
  asOf: IsoDateParam.optional().meta({ description: 'Graph state on this date (default today)' }),
  format: ExportFormatParam,
});

export const SubgraphExportBody = z
  .strictObject({
    format: ExportFormatParam,
    asOf: IsoDateParam.optional().meta({ description: 'For `roots` and `nodes`: graph state on this date (default today); `paths` carries its own asOf' }),
    roots: z
      .array(EntityId)
      .min(1)
      .max(MAX_POST_ROOTS)
      .optional()
      .meta({ description: `Entity ids to export around, with depth and direction (as GET /subgraph, up to ${MAX_POST_ROOTS} roots)` }),
    depth: Depth.optional().meta({ description: 'With `roots`: hops from each root (default 2)' }),
    direction: Direction.optional().meta({ description: 'With `roots`: owners (up), subsidiaries (down) or both (default)' }),
    paths: PathsBody.optional().meta({ description: 'A POST /paths request: exports the merged subgraph of its paths' }),
    nodes: z
      .array(EntityId)
      .min(1)
      .max(MAX_EXPORT_IDS)
      .optional()
      .meta({ description: 'Entity ids: exports them and the OWNS/CONTROLS edges among them' }),
  })
  .superRefine((b, ctx) => {
    const given = [b.roots, b.paths, b.nodes].filter((x) => x !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', path: ['paths'], message: 'give exactly one of `roots` (with depth and direction), `paths` (a path request) or `nodes` (entity ids)' });
    }
    for (const key of ['depth', 'direction'] as const) {
      if (b[key] !== undefined && b.roots === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'applies only with `roots`' });
    }
  })
  .meta({ id: 'SubgraphExportRequest' });
