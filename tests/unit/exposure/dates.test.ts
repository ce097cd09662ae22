// Everything is "as of" a date: edges and decisions by their validity windows.
import { describe, expect, it } from '@jest/globals';
import { decision, graph, own, run, statuses } from './helpers.js';

describe('ownership changes over time', () => {
  const g = graph({
    owns: [own('X', 'A', 60, { end: '2024-06-01' }), own('X', 'A', 40, { start: '2024-06-01' }), own('A', 'B', 100)],
    decisions: [decision('us-ofac-sdn', ['X'])],
  });

  it('divestment below 50% on a date: exposed the day before, clear from that day (half-open windows)', () => {
    expect(statuses(run('us-ofac-sdn', g, '2024-05-31'), ['A', 'B'])).toEqual({ A: 'exposed', B: 'exposed' });
    const after = run('us-ofac-sdn', g, '2024-06-01');
    expect(statuses(after, ['A', 'B'])).toEqual({ A: 'clear', B: 'clear' });
    expect(after.determination('A')!.flags).toEqual([expect.objectContaining({ kind: 'significant_minority', min: 40 })]);
  });

  it('an edge is not valid before its start', () => {
    const later = graph({ owns: [own('X', 'A', 60, { start: '2025-01-01' })], decisions: [decision('us-ofac-sdn', ['X'])] });
    expect(run('us-ofac-sdn', later, '2024-12-31').status('A')).toBe('clear');
    expect(run('us-ofac-sdn', later, '2025-01-01').status('A')).toBe('exposed');
  });
});

describe('listing decisions', () => {
  it('a decision is in force from its effective date, else from its date', () => {
    const g = graph({
      owns: [own('X', 'A', 100)],
      decisions: [decision('us-ofac-sdn', ['X'], { date: '2023-03-24', effective: '2023-03-28' })],
    });
    expect(statuses(run('us-ofac-sdn', g, '2023-03-27'), ['X', 'A'])).toEqual({ X: 'clear', A: 'clear' });
    expect(statuses(run('us-ofac-sdn', g, '2023-03-28'), ['X', 'A'])).toEqual({ X: 'listed', A: 'exposed' });
  });

  it('proposed and reported decisions never make anyone listed', () => {
    const g = graph({
      owns: [own('X', 'A', 100)],
      decisions: [
        decision('us-ofac-sdn', ['X'], { action: 'proposed', date: '2020-01-01' }),
        decision('us-ofac-sdn', ['X'], { action: 'reported', date: '2021-01-01' }),
      ],
    });
    expect(statuses(run('us-ofac-sdn', g), ['X', 'A'])).toEqual({ X: 'clear', A: 'clear' });
  });

  it('a removed decision ends the listing from its effective date, and its subsidiaries follow', () => {
    const g = graph({
      owns: [own('X', 'A', 100)],
      decisions: [
        decision('us-ofac-sdn', ['X'], { date: '2020-01-01' }),
        decision('us-ofac-sdn', ['X'], { action: 'removed', date: '2022-12-20', effective: '2023-01-01' }),
      ],
    });
    expect(statuses(run('us-ofac-sdn', g, '2022-12-31'), ['X', 'A'])).toEqual({ X: 'listed', A: 'exposed' });
    expect(statuses(run('us-ofac-sdn', g, '2023-01-01'), ['X', 'A'])).toEqual({ X: 'clear', A: 'clear' });
  });

  it('decisions are applied in the order they take effect, not the order given; re-listing works', () => {
    const g = graph({
      decisions: [
        decision('us-ofac-sdn', ['X'], { date: '2024-01-01', citation: 'again' }),
        decision('us-ofac-sdn', ['X'], { action: 'removed', date: '2021-01-01', effective: '2022-01-01' }),
        decision('us-ofac-sdn', ['X'], { date: '2020-01-01', citation: 'first' }),
        decision('us-ofac-sdn', ['X'], { action: 'amended', date: '2020-06-01' }),
      ],
    });
    expect(run('us-ofac-sdn', g, '2021-06-01').status('X')).toBe('listed');
    expect(run('us-ofac-sdn', g, '2022-01-01').status('X')).toBe('clear');
    const relisted = run('us-ofac-sdn', g, '2024-01-01').determination('X')!;
    expect(relisted.status).toBe('listed');
    expect(relisted.explanation!.decisions.map((d) => d.citation)).toEqual(['again']);
  });

  it('a removal from one list does not touch another', () => {
    const g = graph({
      decisions: [decision('us-ofac-sdn', ['X']), decision('eu-fsf', ['X']), decision('eu-fsf', ['X'], { action: 'removed', date: '2022-01-01' })],
    });
    expect(run('us-ofac-sdn', g).status('X')).toBe('listed');
    expect(run('eu-fsf', g).status('X')).toBe('clear');
  });

  it('one decision can name many entities', () => {
    const g = graph({ decisions: [decision('us-bis-entity-list', ['A', 'B', 'C'], { date: '2023-03-28' })] });
    expect(statuses(run('us-bis-entity-list', g), ['A', 'B', 'C'])).toEqual({ A: 'listed', B: 'listed', C: 'listed' });
  });

  it('a bad asOf date is an error, not a silent match', () => {
    expect(() => run('us-ofac-sdn', graph({}), '2024-13')).toThrow(RangeError);
  });
});
