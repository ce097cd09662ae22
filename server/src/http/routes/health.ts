// Liveness (the process answers) and readiness (the database answers; 503 with Retry-After if not).
import { Router } from 'express';
import type { Database } from '../../db/database.js';

export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    await db.ping();
    res.json({ status: 'ready' });
  });
  return router;
}
