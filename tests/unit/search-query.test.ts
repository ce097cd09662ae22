import { describe, expect, it } from '@jest/globals';
import { toLuceneQuery } from '../../server/src/domain/search-query.js';

describe('toLuceneQuery', () => {
  it('turns Latin words into required lower-case prefix terms', () => {
    expect(toLuceneQuery('Hikvision Digital')).toBe('+hikvision* +digital*');
  });

  it('quotes a run of Chinese characters as a required phrase', () => {
    expect(toLuceneQuery('海康威视')).toBe('+"海康威视"');
    expect(toLuceneQuery('Hikvision海康')).toBe('+hikvision* +"海康"');
  });

  it('cuts input into words, so no Lucene operator survives', () => {
    expect(toLuceneQuery('hik* OR (x:1) AND -y')).toBe('+hik* +x +1 +y*');
    expect(toLuceneQuery('") MATCH (n) DETACH DELETE n //')).toBe('+match* +n +detach* +delete* +n*');
    expect(toLuceneQuery('a\\b "c~2"^3 {d TO e}')).toBe('+b +c +2 +3 +d +e*');
  });

  it('splits hyphenated words as the index analyzer does', () => {
    expect(toLuceneQuery('State-owned Assets')).toBe('+state* +owned* +assets*');
  });

  it('drops finished stop words, which the index never holds, and keeps a trailing one optional', () => {
    expect(toLuceneQuery('Commission of the State Council')).toBe('+commission* +state* +council*');
    expect(toLuceneQuery('Commission of the')).toBe('+commission* the*');
  });

  it('lets a one-letter word being typed after others match as a prefix, but not on its own', () => {
    expect(toLuceneQuery('China Electronics Technology H')).toBe('+china* +electronics* +technology* +h*');
    expect(toLuceneQuery('H')).toBe('+h');
  });

  it('returns null when nothing searchable is left', () => {
    expect(toLuceneQuery('  *** ?? ')).toBeNull();
    expect(toLuceneQuery('')).toBeNull();
  });

  it('keeps identifiers searchable', () => {
    expect(toLuceneQuery('002415')).toBe('+002415*');
  });

  it('caps the number of terms', () => {
    const q = toLuceneQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '));
    expect(q?.split(' ')).toHaveLength(8);
  });
});
