import { describe, expect, it } from '@jest/globals';
import { toLuceneQuery } from '../../server/src/domain/search-query.js';

describe('toLuceneQuery', () => {
  it('turns Latin words into lower-case prefix terms joined by AND', () => {
    expect(toLuceneQuery('Hikvision Digital')).toBe('hikvision* AND digital*');
  });

  it('quotes a run of Chinese characters as a phrase', () => {
    expect(toLuceneQuery('海康威视')).toBe('"海康威视"');
  });

  it('strips Lucene operators so input can only be words', () => {
    expect(toLuceneQuery('hik* OR (x:1) AND -y')).toBe('hik* AND or* AND x AND 1 AND and* AND y');
    expect(toLuceneQuery('") MATCH (n) DETACH DELETE n //')).toBe('match* AND n AND detach* AND delete* AND n');
  });

  it('returns null when nothing searchable is left', () => {
    expect(toLuceneQuery('  *** ?? ')).toBeNull();
    expect(toLuceneQuery('')).toBeNull();
  });

  it('keeps identifiers searchable', () => {
    expect(toLuceneQuery('002415')).toBe('002415*');
  });

  it('caps the number of terms', () => {
    const q = toLuceneQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '));
    expect(q?.split(' AND ')).toHaveLength(8);
  });
});
