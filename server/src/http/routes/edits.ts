// The small write API (API key): a listing decision, an OWNS edge put or deleted. Thin: authorise,
// parse, call the edit service (which also refreshes the materialised exposure), send.
import { Router } from 'express';
import type { GraphEditService } from '../../services/graph-edits.js';
import { DecisionBody, OwnershipBody, RecordIdParams } from '../schemas/exposure.js';
import { parseInput } from '../validate.js';
import { requireApiKey } from '../write-auth.js';

export function editRoutes(service: GraphEditService, apiKey: string | undefined): Router {
  const router = Router();
  const auth = requireApiKey(apiKey);

  router.post('/decisions', auth, async (req, res) => {
    const body = parseInput(DecisionBody, req.body, 'body');
    res.status(201).json(await service.createDecision(body));
  });

  router.put('/ownerships/:id', auth, async (req, res) => {
    const { id } = parseInput(RecordIdParams, req.params, 'params');
    const body = parseInput(OwnershipBody, req.body, 'body');
    const result = await service.putOwnership(id, body);
    res.status(result.created ? 201 : 200).json(result);
  });

  router.delete('/ownerships/:id', auth, async (req, res) => {
    const { id } = parseInput(RecordIdParams, req.params, 'params');
    res.json(await service.deleteOwnership(id));
  });

  return router;
}
