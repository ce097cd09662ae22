// GET /subgraph and POST /subgraph/export (roots, a path request or chosen entities): build the subgraph, then stream it in the chosen format as a
// named file. Input errors and unknown ids are answered before the first byte; a failure while
// streaming can only cut the connection (the status line has gone), and is logged.
import { Router, type Request, type Response } from 'express';
import { today } from '../../domain/dates.js';
import { FORMATS, type ExportFormatName, type ExportGraph } from '../../formats/export/index.js';
import { exportFileName, type SubgraphService } from '../../services/subgraph.js';
import { SubgraphExportBody, SubgraphQuery } from '../schemas/subgraph.js';
import { parseInput } from '../validate.js';

export function subgraphRoutes(service: SubgraphService): Router {
  const router = Router();

  router.get('/subgraph', async (req, res) => {
    const q = parseInput(SubgraphQuery, req.query, 'query');
    const graph = await service.fromRoots({ roots: q.root, depth: q.depth, direction: q.direction, asOf: q.asOf ?? today() });
    await send(req, res, graph, q.format);
  });

  router.post('/subgraph/export', async (req, res) => {
    const body = parseInput(SubgraphExportBody, req.body, 'body');
    const graph = body.roots
      ? await service.fromRoots({ roots: body.roots, depth: body.depth ?? 2, direction: body.direction ?? 'both', asOf: body.asOf ?? today() })
      : body.paths
        ? await service.fromPaths({ ...body.paths, asOf: body.paths.asOf ?? body.asOf ?? today(), minPercent: body.paths.minPercent ?? null })
        : await service.fromNodes(body.nodes ?? [], body.asOf ?? today());
    await send(req, res, graph, body.format);
  });

  return router;
}

async function send(req: Request, res: Response, graph: ExportGraph, name: ExportFormatName): Promise<void> {
  const format = FORMATS[name];
  res.status(200);
  res.setHeader('Content-Type', format.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(graph, format.extension)}"`);
  res.setHeader('X-Export-Nodes', String(graph.nodes.length));
  res.setHeader('X-Export-Edges', String(graph.edges.length));
  res.setHeader('X-Export-Truncated', String(graph.truncated));
  try {
    await format.write(graph, res);
    res.end();
  } catch (err) {
    req.log?.error({ err }, 'export failed while streaming');
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
