// POST /paths: parse the body, ask the path service, send.
import { Router } from 'express';
import { today } from '../../domain/dates.js';
import type { PathService } from '../../services/paths.js';
import { PathsBody } from '../schemas/paths.js';
import { parseInput } from '../validate.js';

export function pathRoutes(service: PathService): Router {
  const router = Router();
  router.post('/paths', async (req, res) => {
    const body = parseInput(PathsBody, req.body, 'body');
    res.json(await service.find({ ...body, asOf: body.asOf ?? today(), minPercent: body.minPercent ?? null }));
  });
  return router;
}
