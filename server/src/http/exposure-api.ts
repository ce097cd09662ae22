// Composes the exposure feature for createApp: repositories, services and routers (reads, the badges on
// entity graph nodes, and the API-key write API that keeps the materialisation current).
import { Router } from 'express';
import type { Database } from '../db/database.js';
import { ExposureGraphRepo } from '../db/repos/exposure-graph.js';
import { ExposureStore } from '../db/repos/exposure-store.js';
import { GraphEdits } from '../db/repos/graph-edits.js';
import type { Logger } from '../logger.js';
import { ExposureService } from '../services/exposure.js';
import { ExposureGraphCache } from '../services/exposure-cache.js';
import { refreshExposure } from '../services/exposure-refresh.js';
import { GraphEditService } from '../services/graph-edits.js';
import type { ExposureLookup } from '../services/subgraph.js';
import { exposureBadges } from './exposure-badges.js';
import { editRoutes } from './routes/edits.js';
import { exposureRoutes } from './routes/exposure.js';

export interface ExposureFeature {
  router: Router;
  /** Exposure per list of entities on a date, for the exports' node attributes. */
  lookup: ExposureLookup;
}

export function exposureApi(db: Database, logger: Logger, apiKey: string | undefined): ExposureFeature {
  const store = new ExposureStore(db);
  const cache = new ExposureGraphCache(new ExposureGraphRepo(db), logger);
  // Loaded in the background from start-up, so the first entity reads find it (until then they use Neo4j).
  cache.warm();
  const service = new ExposureService(new ExposureGraphRepo(db), store, cache);
  const edits = new GraphEditService(new GraphEdits(db), store, (change) => {
    // This process's own write: drop the cached graph at once rather than at the next stamp check.
    cache.invalidate();
    return refreshExposure(db, change);
  }, logger);
  const router = Router();
  router.use(exposureBadges((ids) => service.currentStatuses(ids)));
  router.use(exposureRoutes(service));
  router.use(editRoutes(edits, apiKey));
  return { router, lookup: { statuses: (ids, asOf) => service.statusesOn(ids, asOf) } };
}
