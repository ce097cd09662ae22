// Builds the Express app from its dependencies without listening, so tests run the real app on port 0
// against a real database, and main.ts only composes and listens.
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Database } from './db/database.js';
import { DecisionRepo } from './db/repos/decisions.js';
import { EntityRepo } from './db/repos/entities.js';
import { OwnershipRepo } from './db/repos/ownership.js';
import { loadConfig } from './config.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { exposureApi } from './http/exposure-api.js';
import { decisionRoutes } from './http/routes/decisions.js';
import { entityRoutes } from './http/routes/entities.js';
import { publicApi, type PublicApiConfig } from './http/public-api.js';
import { healthRoutes } from './http/routes/health.js';
import { importRoutes } from './http/routes/imports.js';
import { staticClient } from './http/static-client.js';
import type { Logger } from './logger.js';
import { DecisionService } from './services/decisions.js';
import { EntityService } from './services/entities.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** Directory of the built front end; omitted → API only. */
  clientDir?: string;
  /** Bearer key of the write API (config API_KEY); omitted → writes answer 403. */
  apiKey?: string | undefined;
  /** Limits, CORS, read key and timeouts of the public API (config.ts); omitted → the defaults. */
  config?: PublicApiConfig;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Idle keep-alive time of the HTTP server (Node's default is 5 s). Clients reuse an idle connection until
 * just before the server's timeout; with 5 s, a client whose event loop is busy for a few seconds can
 * send on a socket the server is closing and get ECONNRESET. Longer than common proxy idle timeouts (60 s).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createApp({ db, logger, clientDir, apiKey, config = loadConfig({}) }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger,
      // Honour a caller's request id when it is safe to echo; otherwise make one.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  const exposure = exposureApi(db, logger, apiKey);
  const surface = publicApi({ db, config, apiKey, exposure: exposure.lookup });
  app.use('/api', surface.guard);
  app.use('/api/v1/imports', importRoutes({ db, apiKey, logFailure: (err, jobId) => logger.error({ err, jobId }, 'import job failed') }));
  app.use(express.json({ limit: '1mb' }));

  const entities = new EntityService(new EntityRepo(db), new OwnershipRepo(db));
  const api = express.Router();
  api.use(healthRoutes(db));
  api.use(exposure.router);
  api.use(entityRoutes(entities));
  api.use(decisionRoutes(new DecisionService(new DecisionRepo(db))));
  api.use(surface.routes);
  api.use(apiNotFound);
  app.use('/api/docs', surface.docs);
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);

  if (clientDir) app.use(staticClient(clientDir));
  app.use(errorHandler);
  return app;
}
