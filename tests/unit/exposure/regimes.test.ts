// What distinguishes each built-in regime from the others.
import { describe, expect, it } from '@jest/globals';
import { computeExposure, parseRegime } from '../../../server/src/domain/exposure/index.js';
import { ctl, decision, graph, listedGraph, own, regime, run, statuses } from './helpers.js';

const ALL = ['us-ofac-sdn', 'us-bis-entity-list', 'us-bis-meu', 'eu-fsf', 'uk-sanctions'];
const IN_FORCE = '2025-10-01'; // inside the BIS Affiliates Rule's first window

function under(listId: string, owns: ReturnType<typeof own>[], listed = ['X'], controls: ReturnType<typeof ctl>[] = []) {
  return run(listId, listedGraph(listId, listed, owns, controls), IN_FORCE);
}

describe('threshold at exactly 50%', () => {
  it.each([
    ['us-ofac-sdn', 'exposed'],
    ['us-bis-entity-list', 'exposed'],
    ['us-bis-meu', 'exposed'],
    ['eu-fsf', 'clear'],
    ['uk-sanctions', 'clear'],
  ])('%s: a listed party owning exactly 50%% → %s', (listId, expected) => {
    expect(under(listId, [own('X', 'A', 50)]).status('A')).toBe(expected);
  });

  it.each(ALL)('%s: just over 50%% is exposed everywhere', (listId) => {
    expect(under(listId, [own('X', 'A', 50.0001)]).status('A')).toBe('exposed');
  });

  it.each(ALL)('%s: just under 50%% is clear everywhere', (listId) => {
    expect(under(listId, [own('X', 'A', 49.9999)]).status('A')).toBe('clear');
  });
});

describe('aggregation', () => {
  const twoParties = [own('X', 'A', 30), own('Y', 'A', 30)];

  it('OFAC and EU add different listed parties together; the UK does not', () => {
    expect(under('us-ofac-sdn', twoParties, ['X', 'Y']).status('A')).toBe('exposed');
    expect(under('eu-fsf', twoParties, ['X', 'Y']).status('A')).toBe('exposed');
    expect(under('uk-sanctions', twoParties, ['X', 'Y']).status('A')).toBe('clear');
  });

  it('UK: one person holding through an entity it owns is aggregated with its direct stake', () => {
    // X holds 30% directly and 30% through V, which X owns 60% of: X holds 60% of A.
    const owns = [own('X', 'V', 60), own('X', 'A', 30), own('V', 'A', 30)];
    const ev = under('uk-sanctions', owns);
    expect(statuses(ev, ['V', 'A'])).toEqual({ V: 'exposed', A: 'exposed' });
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 60, max: 60 });
  });

  it('UK: an entity captured by one person does not add to another person', () => {
    // V is X's (60%); Y holds 30% of A and V holds 30%: X holds 30%, Y holds 30% — neither more than 50%.
    const owns = [own('X', 'V', 60), own('Y', 'A', 30), own('V', 'A', 30)];
    const ev = under('uk-sanctions', owns, ['X', 'Y']);
    expect(ev.status('A')).toBe('clear');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 30 });
    expect(under('eu-fsf', owns, ['X', 'Y']).status('A')).toBe('exposed');
  });

  it('UK: unknown stakes make a single person possibly hold more than 50%', () => {
    const ev = under('uk-sanctions', [own('X', 'A', null), own('Y', 'A', 30)], ['X', 'Y']);
    expect(ev.status('A')).toBe('possibly_exposed');
  });

  it('no upward propagation: a listed subsidiary does not taint its parent', () => {
    for (const listId of ALL) {
      const ev = run(listId, listedGraph(listId, ['S'], [own('P', 'S', 100)]), IN_FORCE);
      expect(statuses(ev, ['S', 'P'])).toEqual({ S: 'listed', P: 'clear' });
    }
  });
});

describe('control', () => {
  const controlled = (listId: string) => under(listId, [own('A', 'B', 60)], ['X'], [ctl('X', 'A')]);

  it('EU and UK: control by a listed party makes the entity exposed, and it then passes its stakes', () => {
    for (const listId of ['eu-fsf', 'uk-sanctions']) {
      const ev = controlled(listId);
      expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'exposed', B: 'exposed' });
      expect(ev.determination('A')!.flags).toEqual([]);
      expect(ev.determination('A')!.explanation!.sentence).toContain('X (listed 2000-01-01, ');
      expect(ev.determination('A')!.explanation!.sentence).toContain('controls it (board control)');
    }
  });

  it('OFAC and BIS: control alone never exposes; it is flagged', () => {
    for (const listId of ['us-ofac-sdn', 'us-bis-entity-list']) {
      const ev = controlled(listId);
      expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'clear', B: 'clear' });
      const flag = ev.determination('A')!.flags.find((f) => f.kind === 'controlled_by_listed');
      expect(flag).toMatchObject({ controllers: ['X'], certain: true });
    }
  });

  it('control by a captured (exposed) party also counts, transitively', () => {
    const ev = under('eu-fsf', [own('X', 'A', 60)], ['X'], [ctl('A', 'B')]);
    expect(ev.status('B')).toBe('exposed');
    const ofac = under('us-ofac-sdn', [own('X', 'A', 60)], ['X'], [ctl('A', 'B')]);
    expect(ofac.determination('B')!.flags[0]).toMatchObject({ kind: 'controlled_by_listed', controllers: ['A'] });
  });

  it('control by a possibly exposed party makes the controlled entity possibly exposed', () => {
    const ev = under('eu-fsf', [own('X', 'A', null)], ['X'], [ctl('A', 'B')]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'possibly_exposed', B: 'possibly_exposed' });
  });

  it('a regime may count control only as a possibility (control: possibly_exposed)', () => {
    const eu = regime('eu-fsf');
    const cautious = parseRegime({ ...eu, id: 'eu-cautious', rule: { ...eu.rule, control: 'possibly_exposed' } });
    const g = listedGraph('eu-cautious', ['X'], [own('A', 'B', 60)], [ctl('X', 'A')]);
    const ev = computeExposure(g, cautious, IN_FORCE);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'possibly_exposed', B: 'possibly_exposed' });
  });

  it('a control edge outside its validity window does nothing', () => {
    const ev = under('eu-fsf', [], ['X'], [ctl('X', 'A', { end: '2025-01-01' })]);
    expect(ev.status('A')).toBe('clear');
  });
});

describe('BIS Affiliates Rule windows', () => {
  const g = graph({
    owns: [own('H', 'S', 100), own('H', 'U', null)],
    decisions: [decision('us-bis-entity-list', ['H'], { date: '2019-10-09', citation: '84 FR 54002' })],
  });

  it.each([
    ['2025-09-28', 'clear', 'clear'], // before the rule took effect
    ['2025-09-29', 'exposed', 'possibly_exposed'], // effective date
    ['2025-11-09', 'exposed', 'possibly_exposed'], // last day before the suspension
    ['2025-11-10', 'clear', 'clear'], // suspended
    ['2026-11-09', 'clear', 'clear'], // last day of the published suspension
    ['2026-11-10', 'exposed', 'possibly_exposed'], // reimposed as published (extension unconfirmed)
  ])('as of %s: a 100%% subsidiary is %s, an unknown-stake one %s; the listed parent stays listed', (asOf, s, u) => {
    const ev = run('us-bis-entity-list', g, asOf);
    expect(statuses(ev, ['H', 'S', 'U'])).toEqual({ H: 'listed', S: s, U: u });
    expect(ev.ruleInForce).toBe(s === 'exposed');
  });

  it('Entity List and MEU List parties count together, under both lists', () => {
    const both = graph({
      owns: [own('E', 'A', 25), own('M', 'A', 25)],
      decisions: [decision('us-bis-entity-list', ['E']), decision('us-bis-meu', ['M'])],
    });
    for (const listId of ['us-bis-entity-list', 'us-bis-meu']) {
      expect(run(listId, both, IN_FORCE).status('A')).toBe('exposed');
      expect(run(listId, both, '2024-01-01').status('A')).toBe('clear');
    }
    const el = run('us-bis-entity-list', both, IN_FORCE);
    expect(statuses(el, ['E', 'M'])).toEqual({ E: 'listed', M: 'clear' });
    expect(el.determination('M')!.flags).toEqual([
      expect.objectContaining({ kind: 'listed_on_counted_list', lists: ['us-bis-meu'] }),
    ]);
  });

  it('an entity on the other counted list is captured by its owners, not by itself round a cycle', () => {
    // M (MEU) owns 100% of A, A owns 60% of M: under the Entity List rule M is a party but not captured.
    const cyc = graph({ owns: [own('M', 'A', 100), own('A', 'M', 60)], decisions: [decision('us-bis-meu', ['M'])] });
    expect(statuses(run('us-bis-entity-list', cyc, IN_FORCE), ['M', 'A'])).toEqual({ M: 'clear', A: 'exposed' });
    // E (Entity List) owns 60% of M: now M is captured under the Entity List rule.
    const owned = graph({
      owns: [own('E', 'M', 60), own('M', 'A', 100)],
      decisions: [decision('us-bis-meu', ['M']), decision('us-bis-entity-list', ['E'])],
    });
    const ev = run('us-bis-entity-list', owned, IN_FORCE);
    expect(statuses(ev, ['E', 'M', 'A'])).toEqual({ E: 'listed', M: 'exposed', A: 'exposed' });
    expect(ev.determination('M')!.explanation!.sentence).toMatch(/^Exposed under the BIS Affiliates Rule/);
  });
});

describe('NDAA section 889: affiliates more than 10% either way', () => {
  const g = listedGraph('us-ndaa-889', ['H'], [
    own('H', 'S', 11), // subsidiary, direct
    own('S', 'T', 20), // subsidiary, indirect
    own('H', 'N', 10), // exactly 10%: not more than 10%
    own('P', 'H', 11), // owner of H, direct
    own('Q', 'P', 20), // owner of H, indirect
    own('P', 'R', 90), // P's other subsidiary: a sibling, not an affiliate
    own('W', 'H', null), // unknown owner stake
  ]);
  const ev = run('us-ndaa-889', g);

  it('captures subsidiaries and owners, directly and indirectly, above 10%', () => {
    expect(statuses(ev, ['H', 'S', 'T', 'N', 'P', 'Q', 'R', 'W'])).toEqual({
      H: 'listed', S: 'exposed', T: 'exposed', N: 'clear', P: 'exposed', Q: 'exposed', R: 'clear', W: 'possibly_exposed',
    });
  });

  it('explains an upward affiliation', () => {
    expect(ev.determination('Q')!.explanation).toMatchObject({
      nodes: ['Q', 'P', 'H'],
      sentence: expect.stringContaining('Q owns 20% of P (itself exposed)'),
    });
  });
});

describe('NS-CMIC: only listed entities', () => {
  it('a wholly owned subsidiary of a listed company is clear, with its aggregate reported', () => {
    const ev = run('us-ns-cmic', listedGraph('us-ns-cmic', ['L'], [own('L', 'S', 100), own('L', 'M', 30)]));
    expect(statuses(ev, ['L', 'S', 'M'])).toEqual({ L: 'listed', S: 'clear', M: 'clear' });
    expect(ev.determination('S')!.aggregate).toMatchObject({ min: 100, max: 100 });
    expect(ev.determination('M')!.flags).toEqual([expect.objectContaining({ kind: 'significant_minority', min: 30 })]);
    expect(ev.ruleInForce).toBe(false);
  });
});

describe('user-defined regimes', () => {
  it('a new regime is configuration: a strict 25% rule without aggregation', () => {
    const custom = parseRegime({
      id: 'xx-custom',
      name: 'Custom list',
      authority: 'Somebody',
      jurisdiction: 'xx',
      rule: { name: 'Custom 25% rule', threshold: 25, comparison: 'gt', aggregation: 'per-listed-party', control: 'flag', propagation: 'ownership' },
    });
    expect(custom.rule.countsAsListed).toEqual(['xx-custom']);
    expect(custom.rule.significantMinority).toBe(25);
    const g = listedGraph('xx-custom', ['X', 'Y'], [own('X', 'A', 26), own('X', 'B', 25), own('Y', 'B', 25)]);
    const ev = computeExposure(g, custom, '2024-01-01');
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'exposed', B: 'clear' });
  });
});
