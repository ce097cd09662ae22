// GET /subgraph and POST /subgraph/export: which subgraph to export and in which format.
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../formats/export/index.js';
import { EntityId, IsoDateParam } from './common.js';
import { PathsBody } from './paths.js';

export const MAX_ROOTS = 20;
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

export const SubgraphQuery = z.strictObject({
  root: Roots,
  depth: z.coerce.number().int().min(1).max(10).default(2).meta({ description: 'Hops from each root' }),
  direction: z.enum(['up', 'down', 'both']).default('both').meta({ description: 'Owners (up), subsidiaries (down) or both' }),
  asOf: IsoDateParam.optional().meta({ description: 'Graph state on this date (default today)' }),
  format: ExportFormatParam,
});

export const SubgraphExportBody = z
  .strictObject({
    format: ExportFormatParam,
    asOf: IsoDateParam.optional().meta({ description: 'For `nodes`: graph state on this date (default today); `paths` carries its own asOf' }),
    paths: PathsBody.optional().meta({ description: 'A POST /paths request: exports the merged subgraph of its paths' }),
    nodes: z
      .array(EntityId)
      .min(1)
      .max(MAX_EXPORT_IDS)
      .optional()
      .meta({ description: 'Entity ids: exports them and the OWNS/CONTROLS edges among them' }),
  })
  .superRefine((b, ctx) => {
    if ((b.paths === undefined) === (b.nodes === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['paths'], message: 'give exactly one of `paths` (a path request) or `nodes` (entity ids)' });
    }
  })
  .meta({ id: 'SubgraphExportRequest' });
