import { describe, expect, it } from '@jest/globals';
import { listedOn, type DecisionRef } from '../../server/src/domain/listing.js';

const added = (listId: string, date: string, effective: string | null = null): DecisionRef => ({ listId, action: 'added', date, effective });

describe('listedOn', () => {
  it('lists from the effective date, not the publication date', () => {
    const d = [added('us-bis-entity-list', '2023-03-30', '2023-03-28')];
    expect(listedOn(d, '2023-03-27')).toEqual([]);
    expect(listedOn(d, '2023-03-28')).toEqual(['us-bis-entity-list']);
  });

  it('ends a listing on a later removal and restores it on a later addition', () => {
    const d: DecisionRef[] = [
      added('eu-fsf', '2020-01-01'),
      { listId: 'eu-fsf', action: 'removed', date: '2021-01-01', effective: null },
      added('eu-fsf', '2022-06-01'),
    ];
    expect(listedOn(d, '2020-06-01')).toEqual(['eu-fsf']);
    expect(listedOn(d, '2021-06-01')).toEqual([]);
    expect(listedOn(d, '2022-06-01')).toEqual(['eu-fsf']);
  });

  it('never lists anyone on a proposed or reported decision', () => {
    const d: DecisionRef[] = [
      { listId: 'us-ofac-sdn', action: 'reported', date: '2022-03-10', effective: null },
      { listId: 'us-ofac-sdn', action: 'proposed', date: '2022-04-10', effective: null },
    ];
    expect(listedOn(d, '2024-01-01')).toEqual([]);
  });

  it('answers per list, sorted', () => {
    const d = [added('us-ns-cmic', '2021-06-03', '2021-08-02'), added('us-bis-entity-list', '2019-10-09')];
    expect(listedOn(d, '2022-01-01')).toEqual(['us-bis-entity-list', 'us-ns-cmic']);
  });
});
