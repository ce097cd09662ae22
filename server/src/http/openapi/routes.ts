// GET /api/v1/openapi.json (the generated document) and /api/docs (a self-contained reference page that
// renders it: plain HTML, one script and one stylesheet from this server, so it works offline and under
// the strict Content-Security-Policy — no CDN).
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { openApiDocument } from './document.js';

const DOCS_DIR = fileURLToPath(new URL('./docs', import.meta.url));

export function openApiRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(openApiDocument());
  });
  return router;
}

export function apiDocsPage(): Router {
  const router = Router();
  router.use(express.static(DOCS_DIR, { index: 'index.html', maxAge: '5m', redirect: true }));
  return router;
}
