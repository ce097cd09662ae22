import { describe, expect, it } from '@jest/globals';
import { inWindow, isIsoDate } from '../../server/src/domain/dates.js';
import { ValidationError } from '../../server/src/errors.js';
import { ChainQuery, SearchQuery } from '../../server/src/http/schemas/entities.js';
import { parseInput } from '../../server/src/http/validate.js';
import { toAppError } from '../../server/src/http/error-handler.js';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('20230101')).toBe(false);
  });

  it('treats windows as half-open [start, end)', () => {
    expect(inWindow('2023-03-28', '2023-03-28', null)).toBe(true);
    expect(inWindow('2023-03-28', null, '2023-03-28')).toBe(false);
    expect(inWindow('2023-03-27', null, '2023-03-28')).toBe(true);
  });
});

describe('parseInput', () => {
  function problems(fn: () => unknown) {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).errors;
    }
    throw new Error('expected a ValidationError');
  }

  it('names the field at fault', () => {
    expect(problems(() => parseInput(ChainQuery, { depth: '11' }, 'query'))[0]?.path).toBe('query.depth');
    expect(problems(() => parseInput(ChainQuery, { asOf: '2023-02-30' }, 'query'))[0]?.path).toBe('query.asOf');
    expect(problems(() => parseInput(SearchQuery, { limit: 'ten' }, 'query'))[0]?.path).toBe('query.limit');
  });

  it('names unknown parameters instead of ignoring them', () => {
    expect(problems(() => parseInput(ChainQuery, { dept: '2' }, 'query'))[0]?.path).toBe('query.dept');
  });

  it('rejects repeated parameters', () => {
    expect(problems(() => parseInput(SearchQuery, { q: ['a', 'b'] }, 'query'))[0]?.path).toBe('query.q');
  });

  it('applies defaults and coercion', () => {
    expect(parseInput(ChainQuery, { depth: '2', minPercent: '25.5' }, 'query')).toEqual({ depth: 2, minPercent: 25.5 });
    expect(parseInput(SearchQuery, { country: 'CN' }, 'query')).toEqual({ country: 'cn', limit: 20 });
  });
});

describe('toAppError', () => {
  it('turns a JSON parse failure into a 400 on the body', () => {
    const e = toAppError({ type: 'entity.parse.failed', status: 400, message: 'Unexpected token' });
    expect(e.status).toBe(400);
    expect(e.extensions()).toEqual({ errors: [{ path: 'body', message: 'is not valid JSON' }] });
  });

  it('hides unknown errors behind a generic 500', () => {
    const e = toAppError(new TypeError('secret internals'));
    expect(e.status).toBe(500);
    expect(e.message).not.toContain('secret');
  });
});
