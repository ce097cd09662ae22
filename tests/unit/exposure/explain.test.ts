// Proofs and sentences, and "what changed between two dates".
import { describe, expect, it } from '@jest/globals';
import { buildIndex, diffExposure, evaluate, takeSnapshot } from '../../../server/src/domain/exposure/index.js';
import { ctl, decision, graph, listedGraph, own, regime, run } from './helpers.js';

const HIK = 'hikvision';
const names = {
  [HIK]: 'Hangzhou Hikvision Digital Technology',
  sub: 'Hikvision subsidiary',
  jv: 'Joint venture',
  cetc: 'CETC',
};
const hikvision = graph({
  names,
  owns: [own(HIK, 'sub', null, { id: 'o1' }), own('cetc', HIK, 40, { id: 'o2' })],
  decisions: [decision('us-bis-entity-list', [HIK], { id: 'd1', date: '2019-10-07', effective: '2019-10-09', citation: '84 FR 54002' })],
});

describe('explanations', () => {
  it('possibly exposed through an unknown stake: the sentence from the issue', () => {
    const d = run('us-bis-entity-list', hikvision, '2025-10-01').determination('sub')!;
    expect(d.status).toBe('possibly_exposed');
    expect(d.explanation).toEqual({
      sentence:
        'Possibly exposed under the BIS Affiliates Rule (us-bis-entity-list) as of 2025-10-01: ' +
        'Hangzhou Hikvision Digital Technology (listed 2019-10-09, 84 FR 54002) owns an unknown share (0–100%); ' +
        'listed owners together hold 0–100%, threshold ≥ 50%.',
      nodes: ['sub', HIK],
      edges: ['o1'],
      decisions: [{ id: 'd1', listId: 'us-bis-entity-list', action: 'added', date: '2019-10-07', effective: '2019-10-09', citation: '84 FR 54002' }],
      steps: [
        {
          entityId: 'sub',
          name: 'Hikvision subsidiary',
          status: 'possibly_exposed',
          aggregate: { min: 0, max: 100, minExclusive: false, maxExclusive: false },
          decisions: [],
          via: [{ type: 'OWNS', edgeIds: ['o1'], from: HIK, to: 'sub', stake: { min: 0, max: 100, minExclusive: false, maxExclusive: false }, basis: null }],
        },
        {
          entityId: HIK,
          name: 'Hangzhou Hikvision Digital Technology',
          status: 'listed',
          aggregate: { min: 0, max: 0, minExclusive: false, maxExclusive: false },
          decisions: [expect.objectContaining({ id: 'd1' })],
          via: [],
        },
      ],
    });
  });

  it('listed: names the decision; shareholders of a listed entity are not exposed', () => {
    const ev = run('us-bis-entity-list', hikvision, '2024-01-01');
    expect(ev.determination(HIK)!.explanation!.sentence).toBe(
      'Listed on Entity List (us-bis-entity-list) as of 2024-01-01: added 2019-10-09 (84 FR 54002).',
    );
    expect(ev.determination('cetc')).toMatchObject({ status: 'clear', explanation: null });
    expect(ev.determination('sub')).toMatchObject({ status: 'clear', explanation: null, ruleInForce: false });
  });

  it('a chain: every entity from the listed party down, with its aggregate, and the decisive owners named', () => {
    const g = graph({
      names: { X: 'Xcorp', A: 'Acorp', B: 'Bcorp', C: 'Ccorp' },
      owns: [own('X', 'A', 50, { id: 'xa' }), own('X', 'B', 10, { id: 'xb' }), own('A', 'B', 40, { id: 'ab' }), own('C', 'B', 50, { id: 'cb' })],
      decisions: [decision('us-ofac-sdn', ['X'], { id: 'dx', date: '2022-02-24', citation: '87 FR 1234' })],
    });
    const e = run('us-ofac-sdn', g).determination('B')!.explanation!;
    expect(e.sentence).toBe(
      'Exposed under the OFAC 50 Percent Rule (us-ofac-sdn) as of 2024-01-01: Xcorp (listed 2022-02-24, 87 FR 1234) owns 10%; ' +
        'Acorp (itself exposed) owns 40%; listed and captured owners together hold 50%, threshold ≥ 50%.',
    );
    expect(e.nodes).toEqual(['B', 'X', 'A']); // C is not listed: not in the proof
    expect(new Set(e.edges)).toEqual(new Set(['xb', 'ab', 'xa']));
    expect(e.steps.map((s) => [s.entityId, s.aggregate.min, s.aggregate.max])).toEqual([
      ['B', 50, 50],
      ['X', 0, 0],
      ['A', 50, 50],
    ]);
    expect(e.decisions.map((d) => d.id)).toEqual(['dx']);
  });

  it('duplicate reports of a stake appear as one proof edge carrying both edge ids', () => {
    const g = listedGraph('us-ofac-sdn', ['X'], [own('X', 'A', 60, { id: 's1' }), own('X', 'A', null, { id: 's2' })]);
    const e = run('us-ofac-sdn', g).determination('A')!.explanation!;
    expect(e.steps[0]!.via).toEqual([expect.objectContaining({ edgeIds: ['s1', 's2'], stake: expect.objectContaining({ min: 60, max: 60 }) })]);
  });

  it('UK: the sentence says whose holding it is and that parties are not added up', () => {
    const g = graph({
      names: { X: 'Xcorp', V: 'Vehicle', A: 'Acorp' },
      owns: [own('X', 'V', 60), own('X', 'A', 30), own('V', 'A', 30)],
      decisions: [decision('uk-sanctions', ['X'], { citation: 'UK ref RUS0001' })],
    });
    const e = run('uk-sanctions', g).determination('A')!.explanation!;
    expect(e.sentence).toBe(
      'Exposed under the UK ownership and control rule (uk-sanctions) as of 2024-01-01: Xcorp (listed 2000-01-01, UK ref RUS0001) owns 30%; ' +
        'Vehicle (itself exposed) owns 30%; Xcorp holds 60% directly or through entities it owns or controls ' +
        '(holdings of different listed parties are not added up), threshold > 50%.',
    );
    expect(e.nodes).toEqual(['A', 'X', 'V']);
  });

  it('control: the controlling edge is part of the proof', () => {
    const g = listedGraph('eu-fsf', ['X'], [], [ctl('X', 'A', { id: 'c1', basis: 'voting agreement' })]);
    const e = run('eu-fsf', g).determination('A')!.explanation!;
    expect(e.edges).toEqual(['c1']);
    expect(e.sentence).toContain('X (listed 2000-01-01, ');
    expect(e.sentence).toContain('controls it (voting agreement)');
    expect(e.sentence).toContain('control by a listed or captured party counts under this rule');
  });
});

describe('what changed between two dates', () => {
  const g = graph({
    names: { H: 'Hikvision', S1: 'Xinjiang subsidiary 1', S2: 'Xinjiang subsidiary 2', P: 'Other' },
    owns: [own('H', 'S1', 51), own('H', 'S2', 30, { id: 'h-s2-old', end: '2023-03-29' }), own('H', 'S2', 60, { id: 'h-s2-new', start: '2023-03-29' })],
    decisions: [
      decision('us-bis-entity-list', ['H'], { id: 'd2019', date: '2019-10-09', citation: '84 FR 54002' }),
      decision('us-bis-entity-list', ['S1', 'S2'], { id: 'd2023', date: '2023-03-28', citation: '88 FR 18983' }),
      decision('us-bis-entity-list', ['P'], { id: 'prop', action: 'proposed', date: '2023-03-28' }),
    ],
  });
  const index = buildIndex(g);
  const at = (asOf: string, listId = 'us-bis-entity-list') => evaluate(takeSnapshot(index, asOf), regime(listId));

  it('names the entities listed between the dates and the decision that did it', () => {
    const changes = diffExposure(at('2023-03-27'), at('2023-03-29'));
    expect(changes).toEqual([
      {
        entityId: 'S1',
        name: 'Xinjiang subsidiary 1',
        before: 'clear',
        after: 'listed',
        causes: { decisions: [expect.objectContaining({ id: 'd2023', citation: '88 FR 18983' })], ownerships: [], controls: [], ruleWindow: false },
      },
      {
        entityId: 'S2',
        name: 'Xinjiang subsidiary 2',
        before: 'clear',
        after: 'listed',
        causes: { decisions: [expect.objectContaining({ id: 'd2023' })], ownerships: ['h-s2-old', 'h-s2-new'], controls: [], ruleWindow: false },
      },
    ]);
  });

  it('an edge change under a rule in force; the rule window itself', () => {
    const ofacLike = graph({
      owns: [own('H', 'S', 30, { id: 'old', end: '2025-10-15' }), own('H', 'S', 60, { id: 'new', start: '2025-10-15' })],
      decisions: [decision('us-bis-entity-list', ['H'], { date: '2019-10-09' })],
    });
    const idx = buildIndex(ofacLike);
    const el = regime('us-bis-entity-list');
    const changes = diffExposure(evaluate(takeSnapshot(idx, '2025-10-01'), el), evaluate(takeSnapshot(idx, '2025-11-01'), el));
    expect(changes).toEqual([expect.objectContaining({ entityId: 'S', before: 'clear', after: 'exposed', causes: expect.objectContaining({ ownerships: ['old', 'new'], ruleWindow: false }) })]);
    const suspended = diffExposure(evaluate(takeSnapshot(idx, '2025-11-01'), el), evaluate(takeSnapshot(idx, '2025-12-01'), el));
    expect(suspended).toEqual([expect.objectContaining({ entityId: 'S', before: 'exposed', after: 'clear', causes: expect.objectContaining({ ruleWindow: true, ownerships: [] }) })]);
  });

  it('nothing changed → no changes; proposed decisions are never causes', () => {
    expect(diffExposure(at('2024-01-01'), at('2024-06-01'))).toEqual([]);
  });

  it('refuses to compare two different lists', () => {
    expect(() => diffExposure(at('2024-01-01'), at('2024-01-01', 'us-ofac-sdn'))).toThrow();
  });
});
