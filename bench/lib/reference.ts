// The simplest correct alternative to the exposure engine, for the benchmark's side-by-side and for the
// correctness checks: one entity at a time, fetch its upstream closure (a variable-length OWNS pattern,
// cypher/bench/upstream-closure.cypher), then run the rule's least fixed point naively over it — sweep every
// member until nothing joins — with plain objects, no indexes, no reuse between entities. Covers the rules
// with aggregation 'all', downward propagation and control as a flag (OFAC 50%, BIS Affiliates Rule), which
// is where the engine's speed matters. Written apart from the engine (and from the property test's reference)
// so that an agreement means something.
import type { Database } from '../../server/src/db/database.js';
import { dateParam } from '../../server/src/db/convert.js';
import type { Regime } from '../../server/src/domain/exposure/regime.js';
import type { ExposureStatus } from '../../server/src/domain/exposure/types.js';

export interface StakeRow {
  owner: string;
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  minInclusive: boolean | null;
  maxInclusive: boolean | null;
}

export interface DecisionRow {
  id: string;
  list: string;
  action: string;
  date: string;
  effective: string | null;
}

/** Members of the closure: the stakes into each (valid on the date) and the decisions naming it. */
export type Closure = Map<string, { stakes: StakeRow[]; decisions: DecisionRow[] }>;

interface Bound {
  v: number;
  open: boolean;
}

function interval(s: StakeRow): { lo: Bound; hi: Bound } {
  if (s.percent !== null) return { lo: { v: s.percent, open: false }, hi: { v: s.percent, open: false } };
  const lo = { v: s.percentMin ?? 0, open: s.percentMin !== null && s.minInclusive === false };
  const hi = { v: s.percentMax ?? 100, open: s.percentMax !== null && s.maxInclusive === false };
  const empty = lo.v > hi.v || (lo.v === hi.v && (lo.open || hi.open));
  return empty ? { lo: { v: 0, open: false }, hi: { v: 100, open: false } } : { lo, hi };
}

/** Two reports of one (owner, owned) pair: their intersection, or their hull when they contradict. */
function combine(a: { lo: Bound; hi: Bound }, b: { lo: Bound; hi: Bound }): { lo: Bound; hi: Bound } {
  const max = (x: Bound, y: Bound, openWins: boolean): Bound => (x.v > y.v ? x : x.v < y.v ? y : { v: x.v, open: openWins ? x.open || y.open : x.open && y.open });
  const min = (x: Bound, y: Bound, openWins: boolean): Bound => (x.v < y.v ? x : x.v > y.v ? y : { v: x.v, open: openWins ? x.open || y.open : x.open && y.open });
  const cut = { lo: max(a.lo, b.lo, true), hi: min(a.hi, b.hi, true) };
  const empty = cut.lo.v > cut.hi.v || (cut.lo.v === cut.hi.v && (cut.lo.open || cut.hi.open));
  return empty ? { lo: min(a.lo, b.lo, false), hi: max(a.hi, b.hi, false) } : cut;
}

function listedOn(closure: Closure, list: string): Set<string> {
  const events: { id: string; d: DecisionRow }[] = [];
  for (const [id, m] of closure) for (const d of m.decisions) if (d.list === list) events.push({ id, d });
  const key = (d: DecisionRow): string => `${d.effective ?? d.date}|${d.date}|${d.id}`;
  events.sort((a, b) => (key(a.d) < key(b.d) ? -1 : key(a.d) > key(b.d) ? 1 : 0));
  const listed = new Set<string>();
  for (const { id, d } of events) {
    if (d.action === 'added') listed.add(id);
    if (d.action === 'removed') listed.delete(id);
  }
  return listed;
}

function meets(b: Bound, upper: boolean, rule: Regime['rule']): boolean {
  const t = rule.threshold;
  if (!upper) return rule.comparison === 'gte' ? b.v >= t : b.v > t || (b.v === t && b.open);
  return rule.comparison === 'gte' ? b.v > t || (b.v === t && !b.open) : b.v > t;
}

export function supported(regime: Regime): boolean {
  const r = regime.rule;
  return r.aggregation === 'all' && r.propagation === 'ownership' && r.control === 'flag';
}

/** The status of `x` under `regime` on `asOf`, from its closure (decisions must already be those in force by `asOf`). */
export function referenceStatus(x: string, closure: Closure, regime: Regime, asOf: string): ExposureStatus {
  if (!supported(regime)) throw new Error(`the reference covers aggregation 'all', ownership propagation, control as a flag; not ${regime.id}`);
  const rule = regime.rule;
  if (listedOn(closure, regime.id).has(x)) return 'listed';
  const inForce = rule.inForce === null || rule.inForce.some((w) => (w.start === null || w.start <= asOf) && (w.end === null || asOf < w.end));
  if (!inForce) return 'clear';
  const seeds = new Set<string>();
  for (const list of rule.countsAsListed) for (const id of listedOn(closure, list)) if (id !== x) seeds.add(id);
  // One interval per (owner, owned) pair.
  const stakes = new Map<string, Map<string, { lo: Bound; hi: Bound }>>();
  for (const [owned, m] of closure) {
    const into = new Map<string, { lo: Bound; hi: Bound }>();
    for (const s of m.stakes) {
      if (s.owner === owned) continue;
      const iv = interval(s);
      const had = into.get(s.owner);
      into.set(s.owner, had ? combine(had, iv) : iv);
    }
    stakes.set(owned, into);
  }
  const fixpoint = (upper: boolean): Set<string> => {
    const set = new Set(seeds);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [owned, into] of stakes) {
        if (set.has(owned)) continue;
        let sum: Bound = { v: 0, open: false };
        for (const [owner, iv] of into) {
          if (!set.has(owner)) continue;
          const b = upper ? iv.hi : iv.lo;
          sum = { v: sum.v + b.v, open: sum.open || b.open };
        }
        if (meets(sum, upper, rule)) {
          set.add(owned);
          changed = true;
        }
      }
    }
    return set;
  };
  if (fixpoint(false).has(x)) return 'exposed';
  return fixpoint(true).has(x) ? 'possibly_exposed' : 'clear';
}

/** One entity's status the simple way: one variable-length Cypher query, then the naive fixed point. */
export async function referenceFromDatabase(db: Database, x: string, regime: Regime, asOf: string): Promise<ExposureStatus> {
  const lists = [...new Set([regime.id, ...regime.rule.countsAsListed])];
  const rows = await db.read('bench/upstream-closure', { id: x, asOf: dateParam(asOf), lists }, 120_000);
  const closure: Closure = new Map();
  for (const r of rows) {
    const decisions = (r.decisions as DecisionRow[]).filter((d) => (d.effective ?? d.date) <= asOf);
    closure.set(String(r.id), { stakes: r.stakes as StakeRow[], decisions });
  }
  return referenceStatus(x, closure, regime, asOf);
}
