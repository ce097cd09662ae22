// `npm run db:start | db:stop | db:jars`: the embedded Neo4j as a local service that outlives the
// command, for working on the server with `npm run serve` restarting beside it. An edge of the
// program, so it reads its own settings from the environment (same names and defaults as config.ts).
import { z } from 'zod';
import { ensureNeo4jJars, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../db/embedded.js';

const size = z.string().regex(/^\d+[mg]$/, 'must be a size such as 512m or 2g');
const EnvSchema = z.object({
  NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_HEAP: size.default('2g'),
  NEO4J_PAGECACHE: size.default('2g'),
  // An empty value means "no password" (auth off), as it does for a shell `NEO4J_PASSWORD= npm …`.
  NEO4J_PASSWORD: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(8, 'Neo4j rejects passwords shorter than 8 characters').optional(),
  ),
});

const log = (line: string): void => console.error(line);

async function main(command: string | undefined): Promise<number> {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) log(`${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const env = parsed.data;
  switch (command) {
    case 'jars':
      await ensureNeo4jJars(log);
      log('embedded-neo4j: jars are built (neo4j/target)');
      return 0;
    case 'start': {
      const started = Date.now();
      const db = await startEmbeddedNeo4j({
        port: env.NEO4J_PORT,
        dataDir: env.NEO4J_DATA_DIR,
        heap: env.NEO4J_HEAP,
        pageCache: env.NEO4J_PAGECACHE,
        password: env.NEO4J_PASSWORD,
        detached: true,
        log,
      });
      const how = db.reused ? 'already running' : `started in ${Date.now() - started} ms`;
      console.log(`Neo4j ${how} at ${db.uri} (pid ${db.pid}, data ${db.dataDir}); stop it with npm run db:stop`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopEmbeddedNeo4j(env.NEO4J_DATA_DIR);
      console.log(stopped ? `Neo4j on ${env.NEO4J_DATA_DIR} stopped` : `No Neo4j was running on ${env.NEO4J_DATA_DIR}`);
      return 0;
    }
    default:
      log('usage: tsx server/src/cli/db.ts start|stop|jars   (env: NEO4J_PORT NEO4J_DATA_DIR NEO4J_HEAP NEO4J_PAGECACHE NEO4J_PASSWORD)');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
