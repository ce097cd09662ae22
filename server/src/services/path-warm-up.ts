// Plans the path queries people ask first, in the background after start-up: Neo4j plans a path query on its
// first run (1-4 s each on a cold server, measured; more under load), and that first request paid for it.
// Only the default hop bound (6, the UI's and the API's) in every mode and direction — six plans, one at a
// time so the rest of the server is not starved; other bounds are planned on first use as before. Run from
// main.ts only: tests start many servers and never wait for it.
import { PATH_DIRECTIONS, PATH_MODES } from '../db/path-cypher.js';
import type { PathRepo } from '../db/repos/paths.js';
import { today } from '../domain/dates.js';

const WARM_HOPS = 6;
/** An id no entity has: the queries find no endpoints, so only planning costs anything. */
const NOBODY = '\u0000path-warm-up';

export async function warmUpPathPlans(paths: PathRepo): Promise<{ queries: number; ms: number }> {
  const started = performance.now();
  let queries = 0;
  for (const mode of PATH_MODES) {
    for (const direction of PATH_DIRECTIONS) {
      await paths.find({ from: NOBODY, to: NOBODY, mode, direction, maxHops: WARM_HOPS, relTypes: ['OWNS', 'CONTROLS'], asOf: today(), minPercent: null, limit: 10 });
      queries++;
    }
  }
  return { queries, ms: Math.round(performance.now() - started) };
}
