// Serves the built front end (dist/client) with a single-page-app fallback, so deep links such as
// /?entity=hikvision or /entity/hikvision load index.html and the client restores the view.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export function staticClient(dir: string): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      res.type('text/plain').send('The front end is not built. Run `npm run build`, then reload.');
    });
    return router;
  }
  router.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    res.sendFile(index);
  });
  return router;
}
