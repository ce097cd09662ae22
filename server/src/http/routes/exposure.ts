// Exposure reads: one entity's determinations, the paged list of non-clear entities, the timeline diff,
// and the lists with their rules. Thin: parse, call the exposure service, send.
import { Router } from 'express';
import { today } from '../../domain/dates.js';
import type { ExposureService } from '../../services/exposure.js';
import { IdParams } from '../schemas/common.js';
import { EntityExposureQuery, ExposureChangesQuery, ExposureListQuery } from '../schemas/exposure.js';
import { parseInput } from '../validate.js';

export function exposureRoutes(service: ExposureService): Router {
  const router = Router();

  router.get('/entities/:id/exposure', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const q = parseInput(EntityExposureQuery, req.query, 'query');
    res.json(await service.entityExposure(id, q.asOf ?? today(), q.list));
  });

  router.get('/exposure', async (req, res) => {
    const q = parseInput(ExposureListQuery, req.query, 'query');
    res.json(await service.page({ ...q, asOf: q.asOf ?? today() }));
  });

  router.get('/exposure/changes', async (req, res) => {
    const q = parseInput(ExposureChangesQuery, req.query, 'query');
    res.json(await service.changes(q.from, q.to, q.list, q.limit, q.cursor));
  });

  router.get('/lists', async (_req, res) => {
    res.json(await service.lists());
  });

  return router;
}
