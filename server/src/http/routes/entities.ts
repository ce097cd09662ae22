// /entities: thin handlers — parse, call the entity service, send.
import { Router } from 'express';
import { today } from '../../domain/dates.js';
import type { EntityService } from '../../services/entities.js';
import { IdParams } from '../schemas/common.js';
import { ChainQuery, SearchQuery } from '../schemas/entities.js';
import { parseInput } from '../validate.js';

export function entityRoutes(service: EntityService): Router {
  const router = Router();

  router.get('/entities', async (req, res) => {
    const query = parseInput(SearchQuery, req.query, 'query');
    res.json(await service.search({ ...query, asOf: query.asOf ?? today() }));
  });

  router.get('/entities/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await service.get(id));
  });

  for (const [segment, direction] of [['owners', 'up'], ['subsidiaries', 'down']] as const) {
    router.get(`/entities/:id/${segment}`, async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const q = parseInput(ChainQuery, req.query, 'query');
      res.json(await service.chain(id, direction, q.depth, q.asOf ?? today(), q.minPercent ?? null));
    });
  }

  return router;
}
