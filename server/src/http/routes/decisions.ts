// GET /decisions: thin — parse, call the decision service, send.
import { Router } from 'express';
import type { DecisionService } from '../../services/decisions.js';
import { DecisionsQuery } from '../schemas/decisions.js';
import { parseInput } from '../validate.js';

export function decisionRoutes(service: DecisionService): Router {
  const router = Router();
  router.get('/decisions', async (req, res) => {
    const q = parseInput(DecisionsQuery, req.query, 'query');
    res.json(await service.page({ entityIds: q.entity, listId: q.list, limit: q.limit, cursor: q.cursor }));
  });
  return router;
}
