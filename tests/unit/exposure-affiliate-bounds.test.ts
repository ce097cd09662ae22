// The refresh bound by closure (affiliate rules such as NDAA 889, per-party aggregation such as the UK's) is exact: on random graphs and random changes (a listing, an OWNS
// or CONTROLS edge added, an OWNS edge removed), evaluating the subgraph induced by `keep` gives every entity
// of `region` the row a full recompute after the change gives it, and every entity outside `region` keeps
// the row a full recompute before the change gave it. Run for NDAA 889, the UK rule and variants of them
// (another threshold and comparison, control that decides or only flags, a rule in force only in windows).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeExposure } from '../../server/src/domain/exposure/engine.js';
import { stakeOfEdge, toMicro } from '../../server/src/domain/exposure/interval.js';
import type { Regime } from '../../server/src/domain/exposure/regime.js';
import type { ExposureGraph } from '../../server/src/domain/exposure/types.js';
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../../server/src/domain/model.js';
import { closureBounds, type ClosureReader } from '../../server/src/services/exposure-affiliate-bounds.js';
import { materialisedRow } from '../../server/src/services/exposure-rows.js';
import { regime } from './exposure/helpers.js';

const N = 10;
const NDAA = regime('us-ndaa-889');
const UK = regime('uk-sanctions');
const REGIMES: Regime[] = [
  UK,
  { ...UK, rule: { ...UK.rule, control: 'flag', threshold: 10, comparison: 'gte' } },
  NDAA,
  { ...NDAA, rule: { ...NDAA.rule, threshold: 50, comparison: 'gte', significantMinority: 25 } },
  { ...NDAA, rule: { ...NDAA.rule, control: 'exposed' } },
  { ...NDAA, rule: { ...NDAA.rule, control: 'possibly_exposed', inForce: [{ start: '2025-10-03', end: '2025-10-09', citations: [], note: null }] } },
];
const DATES = ['2025-09-30', '2025-10-05', '2025-10-10'];
const id = fc.integer({ min: 0, max: N - 1 }).map((i) => `n${i}`);
const date = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...DATES) });
const stake = fc.oneof(
  { weight: 3, arbitrary: fc.record({ percent: fc.constantFrom(0, 5, 10, 11, 20, 49, 50, 51, 100, 150), min: fc.constant(null), max: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ percent: fc.constant(null), min: fc.constant(null), max: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ percent: fc.constant(null), min: fc.constantFrom(null, 0, 5, 12, 60), max: fc.constantFrom(null, 8, 10, 50, 100) }) },
);
const ownArb = fc.record({ owner: id, owned: id, stake, maxInclusive: fc.boolean(), start: date, end: date });
const ctlArb = fc.record({ controller: id, controlled: id, start: date, end: date });
const decArb = fc.record({
  listId: fc.constantFrom('us-ndaa-889', 'uk-sanctions', 'us-ofac-sdn'),
  entityIds: fc.uniqueArray(id, { minLength: 1, maxLength: 2 }),
  action: fc.constantFrom('added', 'added', 'removed', 'proposed'),
  date: fc.constantFrom('2025-09-01', ...DATES),
});
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('listing' as const), decision: decArb }),
  fc.record({ kind: fc.constant('add-owns' as const), edge: ownArb }),
  fc.record({ kind: fc.constant('add-controls' as const), edge: ctlArb }),
  fc.record({ kind: fc.constant('remove-owns' as const), index: fc.nat() }),
);

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
let seq = 0;
const toOwn = (o: Of<typeof ownArb>): OwnershipEdge => ({
  id: `o${++seq}`, owner: o.owner, owned: o.owned, percent: o.stake.percent, percentMin: o.stake.min, percentMax: o.stake.max,
  minInclusive: true, maxInclusive: o.maxInclusive, start: o.start, end: o.end, sourceIds: [],
});
const toCtl = (c: Of<typeof ctlArb>): ControlEdge => ({ id: `c${++seq}`, basis: 'board', sourceIds: [], ...c });
const toDec = (d: Of<typeof decArb>): ListingDecision => ({ id: `d${++seq}`, effective: null, citation: 'c', summary: '', sourceIds: [], ...d });

/** The reader over an in-memory graph; downByStake keeps what the Cypher keeps (malformed stakes too). */
function reader(g: ExposureGraph): ClosureReader {
  const reach = (roots: Iterable<string>, next: (u: string) => string[]): Set<string> => {
    const seen = new Set(roots);
    const todo = [...seen];
    while (todo.length > 0) for (const w of next(todo.pop()!)) if (!seen.has(w)) (seen.add(w), todo.push(w));
    return seen;
  };
  const mayMeet = (e: OwnershipEdge, t: number): boolean => {
    const s = stakeOfEdge(e);
    return typeof s === 'string' || s.hi >= toMicro(t);
  };
  const ownersOf = (u: string): string[] => [...g.ownerships.filter((e) => e.owned === u).map((e) => e.owner), ...g.controls.filter((e) => e.controlled === u).map((e) => e.controller)];
  const byStake = (t: number) => (u: string): string[] => g.ownerships.filter((e) => e.owner === u && mayMeet(e, t)).map((e) => e.owned);
  const through = (next: (u: string) => string[], allowed: ReadonlySet<string>) => (u: string): string[] => next(u).filter((w) => allowed.has(w));
  return {
    up: async (r) => reach(r, ownersOf),
    down: async (r) => reach(r, (u) => [...g.ownerships.filter((e) => e.owner === u).map((e) => e.owned), ...g.controls.filter((e) => e.controller === u).map((e) => e.controlled)]),
    controlled: async (ids) => new Set(g.controls.filter((e) => new Set(ids).has(e.controller)).map((e) => e.controlled)),
    controllers: async (ids) => new Set(g.controls.filter((e) => new Set(ids).has(e.controlled)).map((e) => e.controller)),
    upThrough: async (r, allowed) => reach(r, through(ownersOf, allowed)),
    downByStakeThrough: async (r, allowed, t) => reach(r, through(byStake(t), allowed)),
  };
}

function induced(g: ExposureGraph, keep: Set<string>): ExposureGraph {
  return {
    entities: g.entities.filter((e) => keep.has(e.id)),
    ownerships: g.ownerships.filter((e) => keep.has(e.owner) && keep.has(e.owned)),
    controls: g.controls.filter((e) => keep.has(e.controller) && keep.has(e.controlled)),
    decisions: g.decisions.filter((d) => d.entityIds.some((x) => keep.has(x))).map((d) => ({ ...d, entityIds: d.entityIds.filter((x) => keep.has(x)) })),
  };
}

async function check(before: ExposureGraph, after: ExposureGraph, changed: string[], owners: string[], asOf: string): Promise<void> {
  for (const r of REGIMES) {
    const old = computeExposure(before, r, asOf);
    const storedNonClear = new Set(old.nonClear().map((n) => n.entityId));
    const upwardThreshold = r.rule.propagation === 'affiliate' ? r.rule.threshold : null;
    const { region, keep } = await closureBounds({ entities: changed, owners, upwardThreshold, storedNonClear }, reader(after));
    const full = computeExposure(after, r, asOf);
    const partial = computeExposure(induced(after, keep), r, asOf);
    for (const { id: x } of after.entities) {
      const expected = materialisedRow(full.determination(x, { explain: false })!);
      const got = materialisedRow((region.has(x) ? partial : old).determination(x, { explain: false })!);
      expect({ rule: r.rule, x, inRegion: region.has(x), row: got }).toEqual({ rule: r.rule, x, inRegion: region.has(x), row: expected });
    }
  }
}

const scenario = fc.record({
  owns: fc.array(ownArb, { maxLength: 18 }),
  controls: fc.array(ctlArb, { maxLength: 6 }),
  decisions: fc.array(decArb, { minLength: 1, maxLength: 6 }),
  change: changeArb,
  asOf: fc.constantFrom('2025-10-01', '2025-10-07', '2025-10-12'),
});

describe('affiliate refresh bounds', () => {
  it('cover what an owner captured upward controls (its controlled_by_listed flag changes)', async () => {
    // ruled is exposed (t, listed, holds 15%), so its row — with its flags — is stored.
    const entities = ['a', 'owner', 'ruled', 't'].map((x) => ({ id: x, name: x }));
    const before: ExposureGraph = {
      entities,
      ownerships: [
        { id: 'o1', owner: 'owner', owned: 'a', percent: 20, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [] },
        { id: 'o2', owner: 't', owned: 'ruled', percent: 15, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [] },
      ],
      controls: [{ id: 'c1', controller: 'owner', controlled: 'ruled', basis: 'board', start: null, end: null, sourceIds: [] }],
      decisions: [{ id: 'd0', listId: 'us-ndaa-889', action: 'added', date: '2025-01-01', effective: null, citation: 'c', summary: '', entityIds: ['t'], sourceIds: [] }],
    };
    const listing: ListingDecision = { id: 'd1', listId: 'us-ndaa-889', action: 'added', date: '2025-01-01', effective: null, citation: 'c', summary: '', entityIds: ['a'], sourceIds: [] };
    const after = { ...before, decisions: [...before.decisions, listing] };
    const { region } = await closureBounds({ entities: ['a'], owners: [], upwardThreshold: 10, storedNonClear: new Set() }, reader(after));
    expect([...region].sort()).toEqual(['a', 'owner', 'ruled']);
    await check(before, after, ['a'], [], '2025-10-01');
  });

  it('load the holdings of a region entity’s controller (its upward capture decides a flag in the region)', async () => {
    // v is exposed (t, listed, holds 15%), so its row — with its flags — is stored.
    const entities = ['a', 'b', 'v', 'w', 's', 't'].map((x) => ({ id: x, name: x }));
    const stake = (eid: string, owner: string, owned: string, percent: number): OwnershipEdge => ({
      id: eid, owner, owned, percent, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true, start: null, end: null, sourceIds: [],
    });
    const before: ExposureGraph = {
      entities,
      ownerships: [stake('o1', 'b', 'v', 60), stake('o2', 'w', 's', 20), stake('o4', 't', 'v', 15)],
      controls: [{ id: 'c1', controller: 'w', controlled: 'v', basis: 'board', start: null, end: null, sourceIds: [] }],
      decisions: [{ id: 'd1', listId: 'us-ndaa-889', action: 'added', date: '2025-01-01', effective: null, citation: 'c', summary: '', entityIds: ['s', 't'], sourceIds: [] }],
    };
    const after = { ...before, ownerships: [...before.ownerships, stake('o3', 'a', 'b', 30)] };
    await check(before, after, ['b'], ['a'], '2025-10-01');
  });

  it('change only the region, and the region evaluated on keep equals a full recompute', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ owns, controls, decisions, change, asOf }) => {
        const entities = Array.from({ length: N }, (_, i) => ({ id: `n${i}`, name: `Entity ${i}` }));
        const before: ExposureGraph = { entities, ownerships: owns.map(toOwn), controls: controls.map(toCtl), decisions: decisions.map(toDec) };
        const after: ExposureGraph = { ...before, ownerships: [...before.ownerships], controls: [...before.controls], decisions: [...before.decisions] };
        let changed: string[];
        let owners: string[] = [];
        if (change.kind === 'listing') {
          const d = toDec(change.decision);
          after.decisions.push(d);
          changed = d.entityIds;
        } else if (change.kind === 'add-owns') {
          const e = toOwn(change.edge);
          after.ownerships.push(e);
          [changed, owners] = [[e.owned], [e.owner]];
        } else if (change.kind === 'add-controls') {
          const e = toCtl(change.edge);
          after.controls.push(e);
          [changed, owners] = [[e.controlled], [e.controller]];
        } else {
          if (after.ownerships.length === 0) return;
          const [removed] = after.ownerships.splice(change.index % after.ownerships.length, 1);
          [changed, owners] = [[removed!.owned], [removed!.owner]];
        }
        await check(before, after, changed, owners, asOf);
      }),
      { numRuns: 1500 },
    );
  });
});
