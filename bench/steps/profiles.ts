// PROFILE of the hot queries with real parameters, for the report: what the path search, the closures of an
// on-the-fly exposure, search, the materialised page, the recompute's bulk read, the bulk load and the
// baseline cost in rows and db hits. Write queries are profiled in a rolled-back transaction.
import neo4j from 'neo4j-driver';
import { dateParam } from '../../server/src/db/convert.js';
import { ownershipParams } from '../../server/src/db/repos/graph-writer.js';
import { today } from '../../server/src/domain/dates.js';
import { toLuceneQuery } from '../../server/src/domain/search-query.js';
import type { SyntheticGraph } from '../../server/src/synthetic/generate.js';
import { profile, type ProfiledQuery } from '../lib/profile.js';
import type { PathPair } from '../samples.js';

export async function hotQueryProfiles(uri: string, graph: SyntheticGraph, pair: PathPair, term: string): Promise<ProfiledQuery[]> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  const leaf = graph.id(graph.layout.organisations - 1);
  const fresh = (i: number) => ({ ...graph.edgesOf(i).owns[0]!, id: `${graph.layout.prefix}-profile-${i}` });
  const runs: [string, Record<string, unknown>, 'READ' | 'WRITE'][] = [
    ['paths/shortest-down-6', { from: pair.from, to: pair.to, relTypes: ['OWNS', 'CONTROLS'], asOf: dateParam(today()), minPercent: null, limit: 10 }, 'READ'],
    ['exposure/step-up', { frontier: [leaf] }, 'READ'],
    ['exposure/sub-graph', { ids: [leaf, pair.to], keep: null }, 'READ'],
    ['entity/search', { q: toLuceneQuery(term), kind: null, country: null, afterScore: null, afterId: null, limit: 20 }, 'READ'],
    ['exposure/page', { list: 'us-ofac-sdn', after: '', limit: 101 }, 'READ'],
    ['exposure/stream-owns', {}, 'READ'],
    ['bench/upstream-closure', { id: leaf, asOf: dateParam(today()), lists: ['us-ofac-sdn'] }, 'READ'],
    ['synthetic/create-owns', { rows: [1000, 2000, 3000].map((i) => ownershipParams(fresh(i))) }, 'WRITE'],
  ];
  const out: ProfiledQuery[] = [];
  try {
    for (const [name, params, mode] of runs) {
      try {
        out.push(await profile(driver, name, params, mode));
      } catch (err) {
        out.push({ query: name, ms: -1, rows: 0, dbHits: 0, plan: [`failed: ${err instanceof Error ? err.message : String(err)}`] });
      }
    }
  } finally {
    await driver.close();
  }
  return out;
}
