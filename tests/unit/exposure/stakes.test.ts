// Intervals, unknown stakes, duplicates, cycles and data-quality warnings.
import { describe, expect, it } from '@jest/globals';
import { listedGraph, own, run, statuses } from './helpers.js';

const ofac = (owns: ReturnType<typeof own>[], listed = ['X']) => run('us-ofac-sdn', listedGraph('us-ofac-sdn', listed, owns));
const eu = (owns: ReturnType<typeof own>[], listed = ['X']) => run('eu-fsf', listedGraph('eu-fsf', listed, owns));

describe('ranges whose bound is exactly the threshold', () => {
  it.each([
    // [range, OFAC (≥ 50), EU (> 50)]
    [{ min: 50, max: 60 }, 'exposed', 'possibly_exposed'], // could be exactly 50
    [{ min: 50, max: 60, minInclusive: false }, 'exposed', 'exposed'], // more than 50
    [{ min: 40, max: 50 }, 'possibly_exposed', 'clear'], // at most 50
    [{ min: 40, max: 50, maxInclusive: false }, 'clear', 'clear'], // under 50
    [{ min: 50, max: 50 }, 'exposed', 'clear'], // a degenerate range is an exact figure
    [{ min: 25 }, 'possibly_exposed', 'possibly_exposed'], // at least 25, no upper bound
    [{ max: 49 }, 'clear', 'clear'],
  ])('range %j: OFAC %s, EU %s', (range, expectedOfac, expectedEu) => {
    expect(ofac([own('X', 'A', range)]).status('A')).toBe(expectedOfac);
    expect(eu([own('X', 'A', range)]).status('A')).toBe(expectedEu);
  });

  it('exclusive bounds add up: 20% and more than 30% is more than 50%', () => {
    const owns = [own('X', 'A', 20), own('Y', 'A', { min: 30, max: 40, minInclusive: false })];
    const ev = eu(owns, ['X', 'Y']);
    expect(ev.status('A')).toBe('exposed');
    expect(ev.determination('A')!.aggregate).toEqual({ min: 50, max: 60, minExclusive: true, maxExclusive: false });
  });
});

describe('unknown stakes', () => {
  it('an unknown stake held by a listed party makes the entity possibly exposed, never clear', () => {
    const ev = ofac([own('X', 'A', null)]);
    expect(ev.status('A')).toBe('possibly_exposed');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 0, max: 100 });
  });

  it('known stakes plus an unknown one that could complete the rule → possibly exposed', () => {
    expect(ofac([own('X', 'A', 30), own('Y', 'A', null)], ['X', 'Y']).status('A')).toBe('possibly_exposed');
  });

  it('an unknown stake held by an unlisted party adds nothing', () => {
    const ev = ofac([own('X', 'A', 30), own('Z', 'A', null)]);
    expect(ev.status('A')).toBe('clear');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 30 });
  });

  it('possible exposure propagates: unknown then 100%', () => {
    const ev = ofac([own('X', 'A', null), own('A', 'B', 100)]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'possibly_exposed', B: 'possibly_exposed' });
  });

  it('the upper bound reported is at most 100% even when several unknown stakes add up beyond it', () => {
    const ev = ofac([own('X', 'A', null), own('Y', 'A', null)], ['X', 'Y']);
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 0, max: 100 });
  });
});

describe('cycles', () => {
  it('A owns B owns A with a listed owner outside that holds too little: nobody is propped up', () => {
    const ev = ofac([own('X', 'A', 30), own('A', 'B', 60), own('B', 'A', 60)]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'clear', B: 'clear' });
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 30 });
  });

  it('the same cycle with enough from outside: both captured, and the cycle terminates', () => {
    const ev = ofac([own('X', 'A', 50), own('A', 'B', 60), own('B', 'A', 40)]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'exposed', B: 'exposed' });
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 90, max: 90 });
  });

  it('a cycle with no listed party anywhere upstream stays clear, even with unknown stakes', () => {
    const ev = ofac([own('A', 'B', null), own('B', 'A', null), own('X', 'C', 10)]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'clear', B: 'clear' });
  });

  it('self-ownership (treasury shares) is ignored with a warning', () => {
    const ev = ofac([own('X', 'A', 40), own('A', 'A', 20, { id: 'self' })]);
    expect(ev.status('A')).toBe('clear');
    expect(ev.determination('A')!.warnings).toEqual([{ kind: 'self_ownership', edgeId: 'self', entityId: 'A' }]);
  });
});

describe('the same stake reported twice counts once', () => {
  it('two reports of 30% are 30%, not 60%', () => {
    const ev = ofac([own('X', 'A', 30, { id: 'src1' }), own('X', 'A', 30, { id: 'src2' })]);
    expect(ev.status('A')).toBe('clear');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 30 });
    expect(ev.determination('A')!.warnings).toEqual([]);
  });

  it('overlapping validity windows are the same stake on the dates where both hold', () => {
    const ev = ofac([own('X', 'A', 30, { end: '2025-01-01' }), own('X', 'A', 30, { start: '2020-01-01' })]);
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 30 });
  });

  it('an unknown report and an exact one: the exact one', () => {
    expect(ofac([own('X', 'A', null), own('X', 'A', 60)]).status('A')).toBe('exposed');
  });

  it('a range and an exact figure inside it: the exact figure', () => {
    const ev = ofac([own('X', 'A', { min: 25, max: 75 }), own('X', 'A', 40)]);
    expect(ev.status('A')).toBe('clear');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 40, max: 40 });
  });

  it('contradicting reports: a warning, and the widest reading', () => {
    const ev = ofac([own('X', 'A', 30, { id: 'r30' }), own('X', 'A', 60, { id: 'r60' })]);
    expect(ev.status('A')).toBe('possibly_exposed');
    expect(ev.determination('A')!.aggregate).toMatchObject({ min: 30, max: 60 });
    expect(ev.determination('A')!.warnings).toEqual([{ kind: 'conflicting_stakes', ownerId: 'X', ownedId: 'A', edges: ['r30', 'r60'] }]);
  });

  it('different owners are different stakes', () => {
    expect(ofac([own('X', 'A', 30), own('Y', 'A', 30)], ['X', 'Y']).status('A')).toBe('exposed');
  });
});

describe('data-quality warnings never crash the engine', () => {
  it('owners holding more than 100% in total: a warning on the entity', () => {
    const ev = ofac([own('X', 'A', 60, { id: 'a' }), own('Z', 'A', 60, { id: 'b' })]);
    const d = ev.determination('A')!;
    expect(d.status).toBe('exposed');
    expect(d.warnings).toEqual([{ kind: 'ownership_over_100', entityId: 'A', min: 120, edges: ['a', 'b'] }]);
    expect(ev.snapshot.warnings).toHaveLength(1);
  });

  it('exactly 100% is fine', () => {
    expect(ofac([own('X', 'A', 60), own('Z', 'A', 40)]).determination('A')!.warnings).toEqual([]);
  });

  it('a malformed stake is treated as unknown, with a warning', () => {
    const ev = ofac([own('X', 'A', 150, { id: 'bad' }), own('X', 'B', { min: 60, max: 40 }, { id: 'empty' })]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'possibly_exposed', B: 'possibly_exposed' });
    expect(ev.determination('A')!.warnings).toEqual([{ kind: 'invalid_stake', edgeId: 'bad', message: 'percent 150 is outside 0–100' }]);
  });

  it('edges naming entities absent from the entity list are evaluated under their ids', () => {
    const ev = ofac([own('X', 'ghost', 60)]);
    expect(ev.determination('ghost')!.explanation!.steps[0]).toMatchObject({ entityId: 'ghost', name: 'ghost' });
  });
});
