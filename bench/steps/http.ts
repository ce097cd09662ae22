// HTTP figures against the real server process: GET /entities/:id/exposure under 50 concurrent connections,
// POST /paths (shortest, <= 6 hops) and GET /entities?q= (search), each after a sequential warm-up that
// compiles the query plans, then the memory of the API process and of the Neo4j JVM.
import { memoryOf, type Memory } from '../lib/machine.js';
import { load, sequential, type HttpRequest, type LoadResult } from '../lib/http-load.js';
import type { ApiServer } from '../lib/api-server.js';
import type { PathPair } from '../samples.js';

export interface HttpOptions {
  seconds: number;
  connections: number;
  /** Connections for paths and search (the issue fixes 50 for exposure only). */
  lightConnections: number;
  /** Search words never asked before (none in `terms`): each is asked once, so none is answered from the
   * server's per-graph-stamp search cache — the cold figure beside the repeated terms' one. */
  coldTerms?: string[];
}

export function pathRequests(pairs: PathPair[]): HttpRequest[] {
  return pairs.map((p) => ({ method: 'POST', path: '/api/v1/paths', body: { from: p.from, to: p.to, maxHops: 6, mode: 'shortest', direction: 'down' } }));
}

/** Warm up, then load; also reports how many of the path requests found a path (sequentially, once each). */
export async function measure(api: ApiServer, requests: HttpRequest[], connections: number, seconds: number): Promise<LoadResult & { warmUpMs: number }> {
  const t0 = performance.now();
  await sequential(api.baseUrl, requests, Math.min(requests.length, 30));
  const warmUpMs = Math.round(performance.now() - t0);
  return { ...(await load(api.baseUrl, requests, { connections, seconds })), warmUpMs };
}

export async function pathsFound(api: ApiServer, requests: HttpRequest[], count: number): Promise<{ asked: number; found: number }> {
  let found = 0;
  const asked = Math.min(count, requests.length);
  for (const r of requests.slice(0, asked)) {
    const res = await fetch(api.baseUrl + r.path, { method: 'POST', body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } });
    const body = (await res.json()) as { paths?: unknown[] };
    if ((body.paths?.length ?? 0) > 0) found += 1;
  }
  return { asked, found };
}

export interface HttpResults {
  exposure: LoadResult & { warmUpMs: number; cacheLoadMs: number };
  paths: LoadResult & { warmUpMs: number; found: { asked: number; found: number } };
  search: LoadResult & { warmUpMs: number };
  searchCold?: LoadResult & { warmUpMs: number; terms: number };
  memory: { api: Memory | null; neo4j: Memory | null };
}

export async function httpFigures(api: ApiServer, neo4jPid: number, ids: string[], pairs: PathPair[], terms: string[], o: HttpOptions): Promise<HttpResults> {
  // A past date's page waits for the whole-graph cache the server starts loading at start-up, so the figures
  // are of the in-memory path (until it is loaded, entity reads go to Neo4j: see README, Benchmarks).
  const c0 = performance.now();
  await fetch(`${api.baseUrl}/api/v1/exposure?list=us-ofac-sdn&asOf=2000-01-01&limit=1`);
  const cacheLoadMs = Math.round(performance.now() - c0);
  const exposure = { ...(await measure(api, ids.map((id) => ({ method: 'GET', path: `/api/v1/entities/${encodeURIComponent(id)}/exposure` })), o.connections, o.seconds)), cacheLoadMs };
  const pathReqs = pathRequests(pairs);
  const paths = { ...(await measure(api, pathReqs, o.lightConnections, o.seconds)), found: await pathsFound(api, pathReqs, 60) };
  const searchOf = (t: string): HttpRequest => ({ method: 'GET', path: `/api/v1/entities?q=${encodeURIComponent(t)}&limit=20` });
  const search = await measure(api, terms.map(searchOf), o.lightConnections, o.seconds);
  // Cold: the warm-up plans with 30 of the words, the load takes the rest in order, each once.
  const cold = o.coldTerms ?? [];
  let searchCold: HttpResults['searchCold'];
  if (cold.length > 60) {
    const t0 = performance.now();
    await sequential(api.baseUrl, cold.slice(0, 30).map(searchOf), 30);
    const warmUpMs = Math.round(performance.now() - t0);
    searchCold = { ...(await load(api.baseUrl, cold.slice(30).map(searchOf), { connections: o.lightConnections, seconds: o.seconds })), warmUpMs, terms: cold.length - 30 };
  }
  return { exposure, paths, search, ...(searchCold && { searchCold }), memory: { api: memoryOf(api.pid), neo4j: memoryOf(neo4jPid) } };
}
