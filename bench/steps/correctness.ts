// Correctness at scale and the side-by-side baseline: for sampled entities (half uniform, half among the
// materialised non-clear ones, so every status is exercised), the status stored by the engine's recompute
// must equal the naive per-entity reference (one variable-length Cypher query + a naive fixed point). The
// reference's mean time per uniformly sampled entity, times the graph's size, against the engine's time for
// the same list over the whole graph, is the speed-up.
import type { Database } from '../../server/src/db/database.js';
import type { Regime } from '../../server/src/domain/exposure/regime.js';
import type { ExposureStatus } from '../../server/src/domain/exposure/types.js';
import { mulberry32 } from '../../server/src/synthetic/random.js';
import { referenceFromDatabase, supported } from '../lib/reference.js';
import { summarise, type Latency } from '../lib/stats.js';

export interface ListCheck {
  list: string;
  asOf: string;
  sampled: number;
  agreed: number;
  byStatus: Record<ExposureStatus, number>;
  disagreements: { id: string; materialised: ExposureStatus; reference: ExposureStatus }[];
  /** Reference latency per entity, uniform half of the sample. */
  referenceMs: Latency;
}

export async function checkAgainstReference(db: Database, regime: Regime, asOf: string, entityIds: string[], perHalf: number, seed: number): Promise<ListCheck> {
  if (!supported(regime)) throw new Error(`no reference for ${regime.id}`);
  const stored = new Map<string, ExposureStatus>();
  for (const r of await db.read('bench/materialised', { list: regime.id }, 300_000)) stored.set(String(r.id), r.status as ExposureStatus);
  const rand = mulberry32(seed);
  const uniform = Array.from({ length: perHalf }, () => entityIds[Math.floor(rand() * entityIds.length)]!);
  const nonClear = [...stored.keys()];
  const flagged = Array.from({ length: Math.min(perHalf, nonClear.length) }, () => nonClear[Math.floor(rand() * nonClear.length)]!);
  const check: ListCheck = {
    list: regime.id, asOf, sampled: 0, agreed: 0,
    byStatus: { listed: 0, exposed: 0, possibly_exposed: 0, clear: 0 }, disagreements: [], referenceMs: summarise([]),
  };
  const times: number[] = [];
  for (const [k, id] of [...uniform, ...flagged].entries()) {
    const t0 = performance.now();
    const reference = await referenceFromDatabase(db, id, regime, asOf);
    if (k < uniform.length) times.push(performance.now() - t0);
    const materialised = stored.get(id) ?? 'clear';
    check.sampled += 1;
    check.byStatus[materialised] += 1;
    if (materialised === reference) check.agreed += 1;
    else if (check.disagreements.length < 20) check.disagreements.push({ id, materialised, reference });
  }
  check.referenceMs = summarise(times);
  return check;
}
