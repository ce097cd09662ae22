// Composes the process: configuration, database (embedded unless NEO4J_URI is set), schema, seed on
// an empty database, then the HTTP server for the API and the built front end on one port.
import { KEEP_ALIVE_TIMEOUT_MS, createApp } from './app.js';
import { connect } from './bootstrap.js';
import { answerClientErrors } from './http/client-errors.js';
import { loadConfig } from './config.js';
import { EntityRepo } from './db/repos/entities.js';
import { PathRepo } from './db/repos/paths.js';
import { createLogger } from './logger.js';
import { fromRoot } from './paths.js';
import { maintainExposure } from './services/exposure-recompute.js';
import { warmUpPathPlans } from './services/path-warm-up.js';
import { loadSeed } from './services/seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const connected = await connect(config, (line) => logger.info(line));
  const { db } = connected;

  if (config.SEED_ON_EMPTY && (await new EntityRepo(db).count()) === 0) {
    const report = await loadSeed(db);
    logger.info({ seed: report }, `seeded the Hikvision case in ${report.ms} ms`);
  }

  const exposure = maintainExposure(db, logger); // recompute now if missing or stale, then hourly (in the background)
  const app = createApp({ db, logger, clientDir: fromRoot(config.CLIENT_DIR), apiKey: config.API_KEY, config });
  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info(`Ownership Explorer on http://localhost:${config.PORT} (API at /api/v1)`);
  });
  answerClientErrors(server);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  warmUpPathPlans(new PathRepo(db)).then(
    (r) => logger.info(`planned ${r.queries} path queries in ${r.ms} ms (background)`),
    (err: unknown) => logger.warn({ err }, 'path query warm-up failed (first path requests plan their queries)'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close();
    exposure.stop();
    await connected.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
