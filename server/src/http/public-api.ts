// Composes the API surface for code clients for createApp: the /api guard (URL limit, CORS, rate
// limit, read key), path queries, subgraph exports, the OpenAPI document and its reference page.
import { Router } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { EntityRepo } from '../db/repos/entities.js';
import { ExportRepo } from '../db/repos/export.js';
import { OwnershipRepo } from '../db/repos/ownership.js';
import { PathRepo } from '../db/repos/paths.js';
import { PathService } from '../services/paths.js';
import { SubgraphService, type ExposureLookup } from '../services/subgraph.js';
import { apiDocsPage, openApiRoutes } from './openapi/routes.js';
import { pathRoutes } from './routes/paths.js';
import { subgraphRoutes } from './routes/subgraph.js';
import { apiGuard } from './safety.js';

export type PublicApiConfig = Pick<
  Config,
  'QUERY_TIMEOUT_MS' | 'RATE_LIMIT_PER_MINUTE' | 'READ_API_KEY_REQUIRED' | 'CORS_ORIGINS' | 'MAX_URL_LENGTH'
>;

export interface PublicApiDeps {
  db: Database;
  config: PublicApiConfig;
  apiKey: string | undefined;
  exposure?: ExposureLookup | null;
}

export function publicApi({ db, config, apiKey, exposure = null }: PublicApiDeps) {
  const paths = new PathService(new PathRepo(db), new EntityRepo(db), { timeoutMs: config.QUERY_TIMEOUT_MS });
  const subgraphs = new SubgraphService(new ExportRepo(db), new OwnershipRepo(db), paths, exposure);
  const routes = Router();
  routes.use(pathRoutes(paths));
  routes.use(subgraphRoutes(subgraphs));
  routes.use(openApiRoutes());
  return {
    /** Mount on /api before the body parser and every route. */
    guard: apiGuard({
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      readApiKeyRequired: config.READ_API_KEY_REQUIRED,
      apiKey,
      corsOrigins: config.CORS_ORIGINS,
      maxUrlLength: config.MAX_URL_LENGTH,
    }),
    /** Mount on /api/v1. */
    routes,
    /** Mount on /api/docs: the API reference page. */
    docs: apiDocsPage(),
  };
}
