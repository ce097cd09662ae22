// PRODUCT.md's worked examples (OFAC FAQ 401): X is blocked.
import { describe, expect, it } from '@jest/globals';
import { listedGraph, own, run, statuses } from './helpers.js';

const ofac = (owns: ReturnType<typeof own>[]) => run('us-ofac-sdn', listedGraph('us-ofac-sdn', ['X'], owns));

describe('OFAC FAQ 401 worked examples', () => {
  it('1: X owns 50% of A, A owns 50% of B → A and B are blocked', () => {
    const ev = ofac([own('X', 'A', 50), own('A', 'B', 50)]);
    expect(statuses(ev, ['X', 'A', 'B'])).toEqual({ X: 'listed', A: 'exposed', B: 'exposed' });
  });

  it('2: X owns 50% of A and of B; A and B each own 25% of C → A, B and C are blocked', () => {
    const ev = ofac([own('X', 'A', 50), own('X', 'B', 50), own('A', 'C', 25), own('B', 'C', 25)]);
    expect(statuses(ev, ['A', 'B', 'C'])).toEqual({ A: 'exposed', B: 'exposed', C: 'exposed' });
    expect(ev.determination('C')!.aggregate).toMatchObject({ min: 50, max: 50 });
  });

  it('3: X owns 50% of A and 10% of B; A owns 40% of B → A and B are blocked (10% + 40%)', () => {
    const ev = ofac([own('X', 'A', 50), own('X', 'B', 10), own('A', 'B', 40)]);
    expect(statuses(ev, ['A', 'B'])).toEqual({ A: 'exposed', B: 'exposed' });
    expect(ev.determination('B')!.aggregate).toMatchObject({ min: 50, max: 50 });
  });

  it('4: X owns 25% of A and of B; A and B each own 50% of C → none of A, B, C is blocked', () => {
    const ev = ofac([own('X', 'A', 25), own('X', 'B', 25), own('A', 'C', 50), own('B', 'C', 50)]);
    expect(statuses(ev, ['A', 'B', 'C'])).toEqual({ A: 'clear', B: 'clear', C: 'clear' });
    // A and B still carry the significant-minority flag an investigator must see.
    expect(ev.determination('A')!.flags).toEqual([{ kind: 'significant_minority', min: 25, atLeast: 25, threshold: 50 }]);
    expect(ev.determination('C')!.aggregate).toMatchObject({ min: 0, max: 0 });
  });
});
