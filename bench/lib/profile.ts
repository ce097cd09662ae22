// PROFILE of a named query with real parameters: the plan as indented lines (operator, rows, db hits,
// details) and the totals, for the benchmark report. Runs through its own driver session because the app's
// Database returns records only, and the plan is in the result summary.
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../../server/src/db/cypher.js';

export interface ProfiledQuery {
  query: string;
  ms: number;
  rows: number;
  dbHits: number;
  plan: string[];
}

interface PlanNode {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const num = (v: unknown): number => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v ?? 0));

function lines(node: PlanNode, depth: number, out: string[]): number {
  const details = String(node.arguments['Details'] ?? '').replace(/\s+/g, ' ').slice(0, 160);
  out.push(`${'  '.repeat(depth)}${node.operatorType.replace(/@neo4j$/, '')}  rows=${num(node.rows)} dbHits=${num(node.dbHits)}${details ? `  ${details}` : ''}`);
  let hits = num(node.dbHits);
  for (const child of node.children) hits += lines(child, depth + 1, out);
  return hits;
}

/** PROFILE in a transaction that is rolled back, so profiling a write query leaves the graph unchanged. */
export async function profile(driver: Driver, name: string, params: Record<string, unknown>, mode: 'READ' | 'WRITE' = 'READ'): Promise<ProfiledQuery> {
  const session = driver.session({ defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  const tx = await session.beginTransaction();
  try {
    const t0 = performance.now();
    const result = await tx.run(`PROFILE ${cypher(name)}`, params);
    const ms = Math.round(performance.now() - t0);
    const plan = result.summary.profile as unknown as PlanNode | false;
    const out: string[] = [];
    const dbHits = plan ? lines(plan, 0, out) : 0;
    return { query: name, ms, rows: result.records.length, dbHits, plan: out };
  } finally {
    await tx.rollback();
    await session.close();
  }
}
