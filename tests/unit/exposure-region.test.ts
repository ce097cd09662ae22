// The incremental refresh by boundary is exact: on random graphs and random changes (a listing, an OWNS or
// CONTROLS edge added, an OWNS edge removed), evaluating only the changed entities' downstream region, with
// the boundary's statuses as stored before the change, gives every region entity the row a full recompute
// after the change gives it (status, aggregate and flags) — for every regime the boundary method is used for.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeExposure } from '../../server/src/domain/exposure/engine.js';
import type { ExposureGraph } from '../../server/src/domain/exposure/types.js';
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../../server/src/domain/model.js';
import { boundaryOf, boundaryWorks, evaluateRegion, type StoredStatuses } from '../../server/src/services/exposure-region.js';
import { materialisedRow } from '../../server/src/services/exposure-rows.js';
import { REGIME_FILE } from './exposure/helpers.js';

const N = 9;
const LISTS = ['us-ofac-sdn', 'eu-fsf', 'us-bis-entity-list', 'us-bis-meu', 'us-ns-cmic', 'uk-sanctions', 'us-ndaa-889'];
const DATES = ['2025-09-30', '2025-10-05', '2025-10-10'];
const id = fc.integer({ min: 0, max: N - 1 }).map((i) => `n${i}`);
const date = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...DATES) });
const stake = fc.oneof(
  { weight: 3, arbitrary: fc.record({ percent: fc.constantFrom(0, 10, 20, 25, 30, 40, 49, 50, 51, 60, 100), min: fc.constant(null), max: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ percent: fc.constant(null), min: fc.constant(null), max: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ percent: fc.constant(null), min: fc.constantFrom(0, 25, 40, 50), max: fc.constantFrom(50, 60, 100) }) },
);
const ownArb = fc.record({ owner: id, owned: id, stake, start: date, end: date });
const ctlArb = fc.record({ controller: id, controlled: id, start: date, end: date });
const decArb = fc.record({
  listId: fc.constantFrom(...LISTS),
  entityIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
  action: fc.constantFrom('added', 'added', 'added', 'removed', 'proposed'),
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
  minInclusive: true, maxInclusive: true, start: o.start, end: o.end, sourceIds: [],
});
const toCtl = (c: Of<typeof ctlArb>): ControlEdge => ({ id: `c${++seq}`, basis: 'board', sourceIds: [], ...c });
const toDec = (d: Of<typeof decArb>): ListingDecision => ({ id: `d${++seq}`, effective: null, citation: 'c', summary: '', sourceIds: [], ...d });

const scenario = fc.record({
  owns: fc.array(ownArb, { maxLength: 16 }),
  controls: fc.array(ctlArb, { maxLength: 3 }),
  decisions: fc.array(decArb, { minLength: 1, maxLength: 8 }),
  change: changeArb,
  asOf: fc.constantFrom('2025-10-01', '2025-10-07', '2025-10-12'),
});

function downClosure(g: ExposureGraph, roots: string[]): Set<string> {
  const seen = new Set(roots);
  const todo = [...roots];
  while (todo.length > 0) {
    const u = todo.pop()!;
    for (const e of g.ownerships) if (e.owner === u && !seen.has(e.owned)) (seen.add(e.owned), todo.push(e.owned));
    for (const e of g.controls) if (e.controller === u && !seen.has(e.controlled)) (seen.add(e.controlled), todo.push(e.controlled));
  }
  return seen;
}

const REGIMES = REGIME_FILE.lists.filter(boundaryWorks);

describe('incremental refresh by boundary', () => {
  it('is used for the all-party downward regimes only', () => {
    expect(REGIMES.map((r) => r.id).sort()).toEqual(['eu-fsf', 'us-bis-entity-list', 'us-bis-meu', 'us-ns-cmic', 'us-ofac-sdn']);
  });

  it('gives the region the rows a full recompute gives it', () => {
    fc.assert(
      fc.property(scenario, ({ owns, controls, decisions, change, asOf }) => {
        const entities = Array.from({ length: N }, (_, i) => ({ id: `n${i}`, name: `Entity ${i}` }));
        const before: ExposureGraph = { entities, ownerships: owns.map(toOwn), controls: controls.map(toCtl), decisions: decisions.map(toDec) };
        const after: ExposureGraph = { ...before, ownerships: [...before.ownerships], controls: [...before.controls], decisions: [...before.decisions] };
        let changed: string[];
        if (change.kind === 'listing') {
          const d = toDec(change.decision);
          after.decisions.push(d);
          changed = d.entityIds;
        } else if (change.kind === 'add-owns') {
          const e = toOwn(change.edge);
          after.ownerships.push(e);
          changed = [e.owned];
        } else if (change.kind === 'add-controls') {
          const e = toCtl(change.edge);
          after.controls.push(e);
          changed = [e.controlled];
        } else {
          if (after.ownerships.length === 0) return;
          const [removed] = after.ownerships.splice(change.index % after.ownerships.length, 1);
          changed = [removed!.owned];
        }

        // What is stored before the change, on every list (as ExposureStore.statusesOf returns it).
        const stored: StoredStatuses = new Map();
        for (const regime of REGIME_FILE.lists) {
          for (const { entityId, status } of computeExposure(before, regime, asOf).nonClear()) {
            stored.set(entityId, { ...stored.get(entityId), [regime.id]: status });
          }
        }
        // What the refresh loads: the region, every edge into it, and decisions naming it or its boundary.
        const region = downClosure(after, changed);
        const edgesIn = { ownerships: after.ownerships.filter((e) => region.has(e.owned)), controls: after.controls.filter((e) => region.has(e.controlled)) };
        const boundary = boundaryOf(region, edgesIn);
        const named = new Set([...region, ...boundary]);
        const sub: ExposureGraph = {
          entities: entities.filter((e) => region.has(e.id)),
          ...edgesIn,
          decisions: after.decisions
            .filter((d) => d.entityIds.some((x) => named.has(x)))
            .map((d) => ({ ...d, entityIds: d.entityIds.filter((x) => named.has(x)) })),
        };

        for (const regime of REGIMES) {
          const full = computeExposure(after, regime, asOf);
          const partial = evaluateRegion(sub, regime, asOf, boundary, stored);
          for (const x of region) {
            const expected = materialisedRow(full.determination(x, { explain: false })!);
            const got = materialisedRow(partial.determination(x, { explain: false })!);
            expect({ list: regime.id, x, row: got }).toEqual({ list: regime.id, x, row: expected });
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
