// The engine against a deliberately naive reference on thousands of random small graphs: brute-force
// "exposed := listed ∪ {x : Σ stakes from exposed meets the rule}" repeated until nothing changes, with plain
// loops and objects, for lower bounds (exposed) and upper bounds (possibly exposed). Cycles, unknown stakes,
// ranges with open bounds, duplicate reports, dated edges and decisions, control edges are all generated.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../../../server/src/domain/model.js';
import {
  buildIndex, determineEntity, evaluate, relevantSubgraph, takeSnapshot,
  type ExposureGraph, type ExposureStatus, type Regime,
} from '../../../server/src/domain/exposure/index.js';
import { regime } from './helpers.js';

// ---- the reference ---------------------------------------------------------------------------------
interface Bound { v: number; open: boolean }
interface Iv { lo: Bound; hi: Bound }

function edgeInterval(e: OwnershipEdge): Iv {
  if (e.percent !== null) return { lo: { v: e.percent, open: false }, hi: { v: e.percent, open: false } };
  const iv = {
    lo: { v: e.percentMin ?? 0, open: e.percentMin !== null && !e.minInclusive },
    hi: { v: e.percentMax ?? 100, open: e.percentMax !== null && !e.maxInclusive },
  };
  return empty(iv) ? { lo: { v: 0, open: false }, hi: { v: 100, open: false } } : iv;
}
function empty(iv: Iv): boolean {
  return iv.lo.v > iv.hi.v || (iv.lo.v === iv.hi.v && (iv.lo.open || iv.hi.open));
}
const valid = (start: string | null, end: string | null, d: string) => (start === null || start <= d) && (end === null || d < end);

/** One interval per (owner, owned): intersection of the reports, or their hull if they contradict. */
function stakes(edges: OwnershipEdge[], d: string): Map<string, Iv> {
  const groups = new Map<string, Iv[]>();
  for (const e of edges) {
    if (!valid(e.start, e.end, d) || e.owner === e.owned) continue;
    const key = `${e.owner}>${e.owned}`;
    groups.set(key, [...(groups.get(key) ?? []), edgeInterval(e)]);
  }
  const out = new Map<string, Iv>();
  for (const [key, ivs] of groups) {
    let cut = ivs[0]!;
    let wide = ivs[0]!;
    for (const iv of ivs.slice(1)) {
      cut = {
        lo: iv.lo.v > cut.lo.v ? iv.lo : iv.lo.v < cut.lo.v ? cut.lo : { v: iv.lo.v, open: iv.lo.open || cut.lo.open },
        hi: iv.hi.v < cut.hi.v ? iv.hi : iv.hi.v > cut.hi.v ? cut.hi : { v: iv.hi.v, open: iv.hi.open || cut.hi.open },
      };
      wide = {
        lo: iv.lo.v < wide.lo.v ? iv.lo : iv.lo.v > wide.lo.v ? wide.lo : { v: iv.lo.v, open: iv.lo.open && wide.lo.open },
        hi: iv.hi.v > wide.hi.v ? iv.hi : iv.hi.v < wide.hi.v ? wide.hi : { v: iv.hi.v, open: iv.hi.open && wide.hi.open },
      };
    }
    out.set(key, empty(cut) ? wide : cut);
  }
  return out;
}

function listedOn(decisions: ListingDecision[], listId: string, d: string): Set<string> {
  const inForce = (x: ListingDecision) => x.effective ?? x.date;
  const sorted = decisions
    .filter((x) => x.listId === listId && inForce(x) <= d)
    .sort((a, b) => (inForce(a) < inForce(b) ? -1 : inForce(a) > inForce(b) ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const listed = new Set<string>();
  for (const x of sorted) {
    for (const id of x.entityIds) {
      if (x.action === 'added') listed.add(id);
      if (x.action === 'removed') listed.delete(id);
    }
  }
  return listed;
}

function meets(b: Bound, upper: boolean, rule: Regime['rule']): boolean {
  const t = rule.threshold;
  if (!upper) return rule.comparison === 'gte' ? b.v >= t : b.v > t || (b.v === t && b.open);
  return rule.comparison === 'gte' ? b.v > t || (b.v === t && !b.open) : b.v > t;
}

/** Least fixed point from `seeds`, naively: sweep every entity until a sweep adds nothing. */
function naiveDown(ids: string[], st: Map<string, Iv>, ctls: ControlEdge[], d: string, seeds: Set<string>, rule: Regime['rule'], upper: boolean, within?: Set<string>): Set<string> {
  const set = new Set(seeds);
  const controlCounts = upper ? rule.control !== 'flag' : rule.control === 'exposed';
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of ids) {
      if (set.has(x) || (within && !within.has(x))) continue;
      let sum: Bound = { v: 0, open: false };
      for (const o of set) {
        const iv = st.get(`${o}>${x}`);
        if (iv) sum = { v: sum.v + (upper ? iv.hi.v : iv.lo.v), open: sum.open || (upper ? iv.hi.open : iv.lo.open) };
      }
      const controlled = controlCounts && ctls.some((c) => c.controlled === x && set.has(c.controller) && valid(c.start, c.end, d) && c.controller !== x);
      if (meets(sum, upper, rule) || controlled) {
        set.add(x);
        changed = true;
      }
    }
  }
  return set;
}

function naiveUp(ids: string[], st: Map<string, Iv>, seeds: Set<string>, rule: Regime['rule'], upper: boolean): Set<string> {
  const set = new Set(seeds);
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of ids) {
      if (set.has(x)) continue;
      if ([...set].some((m) => { const iv = st.get(`${x}>${m}`); return iv !== undefined && meets(upper ? iv.hi : iv.lo, upper, rule); })) {
        set.add(x);
        changed = true;
      }
    }
  }
  return set;
}

function inWindow(rule: Regime['rule'], d: string): boolean {
  if (rule.propagation === 'none') return false;
  return rule.inForce === null || rule.inForce.some((w) => (w.start === null || w.start <= d) && (w.end === null || d < w.end));
}

function reference(g: ExposureGraph, reg: Regime, d: string): Map<string, { status: ExposureStatus; min: number | null }> {
  const rule = reg.rule;
  const ids = [...new Set([...g.entities.map((e) => e.id), ...g.ownerships.flatMap((e) => [e.owner, e.owned]), ...g.controls.flatMap((c) => [c.controller, c.controlled]), ...g.decisions.flatMap((x) => x.entityIds)])];
  const st = stakes(g.ownerships, d);
  const own = listedOn(g.decisions, reg.id, d);
  const force = inWindow(rule, d);
  const seeds = new Set(own);
  if (force) for (const l of rule.countsAsListed) for (const id of listedOn(g.decisions, l, d)) seeds.add(id);
  const out = new Map<string, { status: ExposureStatus; min: number | null }>();
  if (!force) {
    for (const x of ids) out.set(x, { status: own.has(x) ? 'listed' : 'clear', min: null });
    return out;
  }
  const decide = (x: string, parties: Set<string>): { status: ExposureStatus; min: number | null } => {
    if (rule.aggregation === 'per-listed-party') {
      let certain = false;
      let possible = false;
      for (const p of parties) {
        if (p === x) continue;
        certain ||= naiveDown(ids, st, g.controls, d, new Set([p]), rule, false).has(x);
        possible ||= naiveDown(ids, st, g.controls, d, new Set([p]), rule, true).has(x);
      }
      return { status: certain ? 'exposed' : possible ? 'possibly_exposed' : 'clear', min: null };
    }
    const others = new Set([...parties].filter((p) => p !== x));
    const c = naiveDown(ids, st, g.controls, d, others, rule, false);
    const p = naiveDown(ids, st, g.controls, d, others, rule, true);
    let upC = false;
    let upP = false;
    if (rule.propagation === 'affiliate') {
      upC = naiveUp(ids, st, others, rule, false).has(x);
      upP = naiveUp(ids, st, others, rule, true).has(x);
    }
    const min = [...c].reduce((s, o) => s + (st.get(`${o}>${x}`)?.lo.v ?? 0), 0);
    return { status: c.has(x) || upC ? 'exposed' : p.has(x) || upP ? 'possibly_exposed' : 'clear', min };
  };
  for (const x of ids) out.set(x, own.has(x) ? { status: 'listed', min: null } : decide(x, seeds));
  return out;
}

// ---- random graphs ----------------------------------------------------------------------------------
const LISTS = ['us-ofac-sdn', 'eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889'];
const DATES = ['2025-09-30', '2025-10-05', '2025-10-10']; // all inside the Affiliates Rule's first window
const entityId = fc.integer({ min: 0, max: 7 }).map((i) => `n${i}`);
// Mostly undated, so that enough edges hold on the date; sometimes starting or ending around it.
const date = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...DATES) });
const stake = fc.oneof(
  { weight: 3, arbitrary: fc.record({ percent: fc.constantFrom(0, 5, 10, 11, 20, 25, 30, 40, 49, 50, 51, 60, 75, 100), range: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ percent: fc.constant(null), range: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({
    percent: fc.constant(null),
    range: fc.record({
      min: fc.option(fc.constantFrom(0, 10, 25, 40, 50, 60), { nil: null }),
      max: fc.option(fc.constantFrom(10, 25, 40, 50, 60, 100), { nil: null }),
      minInclusive: fc.boolean(),
      maxInclusive: fc.boolean(),
    }),
  }) },
);
const ownership = fc.record({ owner: entityId, owned: entityId, stake, start: date, end: date });
const control = fc.record({ controller: entityId, controlled: entityId, start: date, end: date });
const dec = fc.record({
  listId: fc.constantFrom(...LISTS),
  entityIds: fc.uniqueArray(entityId, { minLength: 1, maxLength: 3 }),
  action: fc.constantFrom('added', 'added', 'added', 'removed', 'proposed', 'reported', 'amended'),
  date: fc.constantFrom('2025-09-01', ...DATES),
  effective: date,
});

const graphArb = fc.record({
  owns: fc.array(ownership, { maxLength: 18 }),
  controls: fc.array(control, { maxLength: 3 }),
  decisions: fc.array(dec, { minLength: 2, maxLength: 14 }),
  asOf: fc.constantFrom('2025-10-01', '2025-10-07', '2025-10-12'),
}).map(({ owns, controls, decisions, asOf }) => ({
  asOf,
  graph: {
    entities: Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, name: `Entity ${i}` })),
    ownerships: owns.map((o, i): OwnershipEdge => ({
      id: `o${i}`, owner: o.owner, owned: o.owned, percent: o.stake.percent,
      percentMin: o.stake.range?.min ?? null, percentMax: o.stake.range?.max ?? null,
      minInclusive: o.stake.range?.minInclusive ?? true, maxInclusive: o.stake.range?.maxInclusive ?? true,
      start: o.start, end: o.end, sourceIds: [],
    })),
    controls: controls.map((c, i): ControlEdge => ({ id: `c${i}`, basis: 'board', sourceIds: [], ...c })),
    decisions: decisions.map((x, i): ListingDecision => ({ id: `d${i}`, citation: `cite ${i}`, summary: '', sourceIds: [], ...x })),
  } satisfies ExposureGraph,
}));

const REGIMES = LISTS.map(regime);

describe('engine = naive reference on random graphs', () => {
  it('statuses (and aggregate lower bounds under all-party rules) agree for every regime', () => {
    fc.assert(
      fc.property(graphArb, ({ graph, asOf }) => {
        const snap = takeSnapshot(buildIndex(graph), asOf);
        for (const reg of REGIMES) {
          const ev = evaluate(snap, reg);
          const ref = reference(graph, reg, asOf);
          for (const [id, want] of ref) {
            const got = ev.determination(id, { explain: false })!;
            if (got.status !== want.status) {
              throw new Error(`${reg.id} ${id}: engine ${got.status}, reference ${want.status}`);
            }
            if (want.min !== null && got.aggregate.min !== want.min) {
              throw new Error(`${reg.id} ${id}: engine min ${got.aggregate.min}, reference ${want.min}`);
            }
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('one entity over its closure equals the global answer; proofs end at listed parties', () => {
    fc.assert(
      fc.property(graphArb, entityId, fc.constantFrom(...REGIMES), ({ graph, asOf }, id, reg) => {
        const global = evaluate(takeSnapshot(buildIndex(graph), asOf), reg);
        const want = global.determination(id)!;
        const local = determineEntity(relevantSubgraph(graph, id, reg), reg, asOf, id);
        expect(local?.status ?? 'clear').toBe(want.status);
        if (local) expect(local.aggregate).toEqual(want.aggregate);
        if (want.status === 'clear') {
          expect(want.explanation).toBeNull();
        } else {
          const e = want.explanation!;
          expect(e.nodes[0]).toBe(id);
          expect(e.sentence.length).toBeGreaterThan(20);
          if (want.status !== 'listed') {
            expect(e.steps[0]!.via.length).toBeGreaterThan(0);
            // Every entity of the proof that nothing leads into is a listed party with its decision.
            for (const s of e.steps.slice(1)) if (s.via.length === 0) expect(s.decisions.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
