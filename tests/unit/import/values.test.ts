// Percentages, shares, partial dates and countries as the formats write them.
import { describe, expect, it } from '@jest/globals';
import { countryCode, parseDate, parsePercentages, pickDate, stakeFromBounds } from '../../../server/src/services/import/values.js';

const exact = (percent: number) => ({ percent, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true });
const range = (lo: number, hi: number, loIn = true, hiIn = true) => ({ percent: null, percentMin: lo, percentMax: hi, minInclusive: loIn, maxInclusive: hiIn });

describe('parsePercentages', () => {
  it.each([
    ['51%', exact(51)],
    ['49', exact(49)],
    ['49.99', exact(49.99)],
    ['49,5', exact(49.5)],
    [' 100 % ', exact(100)],
    ['0', exact(0)],
    ['10-25%', range(10, 25)],
    ['10 – 25 %', range(10, 25)],
    ['25 to 50 percent', range(25, 50)],
    ['> 50%', range(50, 100, false)],
    ['>=25', range(25, 100)],
    ['more than 25%', range(25, 100, false)],
    ['75% or more', range(75, 100)],
    ['< 10%', range(0, 10, true, false)],
    ['up to 5%', range(0, 5)],
    // exclusive bounds as the FtM export writes them
    ['>0-4.43', range(0, 4.43, false, true)],
    ['10-<20%', range(10, 20, true, false)],
    ['>10-<20', range(10, 20, false, false)],
  ])('reads %j', (text, stake) => {
    expect(parsePercentages([text])).toEqual({ ok: true, value: stake, warnings: [] });
  });

  it('treats no value (or only blanks) as an unknown stake, never 0', () => {
    expect(parsePercentages([])).toEqual({ ok: true, value: { percent: null, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true }, warnings: [] });
    expect(parsePercentages(['', '  '])).toMatchObject({ ok: true, value: { percent: null, percentMin: null, percentMax: null } });
  });

  it.each([
    ['120%', "percentage over 100 '120%'"],
    ['100.5', "percentage over 100 '100.5'"],
    ['90-110%', "percentage over 100 '90-110%'"],
    ['-5', "negative percentage '-5'"],
    ['- 5%', "negative percentage '- 5%'"],
    ['50-10', "percentage range '50-10' runs backwards"],
    ['>5-5', "percentage range '>5-5' runs backwards"],
    ['approx. half', "unreadable percentage 'approx. half'"],
    ['51%%', "unreadable percentage '51%%'"],
  ])('rejects %j', (text, reason) => {
    expect(parsePercentages([text])).toEqual({ ok: false, reason });
  });

  it('keeps equal values as one and spans disagreeing values with a warning', () => {
    expect(parsePercentages(['51%', '51'])).toEqual({ ok: true, value: exact(51), warnings: [] });
    expect(parsePercentages(['30', '35%'])).toEqual({ ok: true, value: range(30, 35), warnings: ['several percentages (30; 35%): kept as the range 30–35%'] });
    expect(parsePercentages(['> 50%', '60'])).toMatchObject({ ok: true, value: range(50, 100, false, true) });
  });

  it('rejects the whole property when any value is bad', () => {
    expect(parsePercentages(['30', '130'])).toEqual({ ok: false, reason: "percentage over 100 '130'" });
  });
});

describe('stakeFromBounds (BODS share)', () => {
  it('prefers exact, then inclusive and exclusive bounds, open ends at 0 and 100', () => {
    expect(stakeFromBounds({ exact: 60, minimum: 60, maximum: 60 })).toEqual({ ok: true, value: exact(60), warnings: [] });
    expect(stakeFromBounds({ minimum: 50, exclusiveMaximum: 75 })).toEqual({ ok: true, value: range(50, 75, true, false), warnings: [] });
    expect(stakeFromBounds({ exclusiveMinimum: 75 })).toEqual({ ok: true, value: range(75, 100, false, true), warnings: [] });
    expect(stakeFromBounds({ maximum: 25 })).toEqual({ ok: true, value: range(0, 25), warnings: [] });
    expect(stakeFromBounds({ minimum: 30, maximum: 30 })).toEqual({ ok: true, value: exact(30), warnings: [] });
    expect(stakeFromBounds({})).toMatchObject({ ok: true, value: { percent: null, percentMin: null, percentMax: null } });
  });

  it('rejects shares over 100, negative, non-numeric or empty', () => {
    expect(stakeFromBounds({ exact: 120 })).toEqual({ ok: false, reason: 'share exact over 100 (120)' });
    expect(stakeFromBounds({ minimum: -1 })).toEqual({ ok: false, reason: 'negative share minimum -1' });
    expect(stakeFromBounds({ maximum: 'lots' })).toEqual({ ok: false, reason: 'share maximum is not a number ("lots")' });
    expect(stakeFromBounds({ minimum: 60, maximum: 40 })).toEqual({ ok: false, reason: 'share bounds are empty (60–40)' });
    expect(stakeFromBounds({ exclusiveMinimum: 50, exclusiveMaximum: 50 })).toEqual({ ok: false, reason: 'share bounds are empty (50–50)' });
  });
});

describe('dates', () => {
  it('maps partial dates to the first day and says so', () => {
    expect(parseDate('2019', 'start date')).toEqual({ ok: true, value: '2019-01-01', warnings: ["partial start date '2019' read as 2019-01-01"] });
    expect(parseDate('2019-05', 'end date')).toEqual({ ok: true, value: '2019-05-01', warnings: ["partial end date '2019-05' read as 2019-05-01"] });
    expect(parseDate('2019-05-17', 'x')).toEqual({ ok: true, value: '2019-05-17', warnings: [] });
    expect(parseDate('2012-06-15T00:00:00Z', 'x')).toEqual({ ok: true, value: '2012-06-15', warnings: [] });
  });

  it('rejects what is not a date', () => {
    expect(parseDate('2019-13', 'start date')).toEqual({ ok: false, reason: "bad start date '2019-13'" });
    expect(parseDate('2019-02-30', 'x')).toEqual({ ok: false, reason: "bad x '2019-02-30'" });
    expect(parseDate('31/12/2015', 'x')).toEqual({ ok: false, reason: "bad x '31/12/2015'" });
  });

  it('keeps the earliest start and the latest end of several values', () => {
    expect(pickDate(['2020-01-01', '2019-06'], 'start date', 'earliest')).toEqual({
      ok: true,
      value: '2019-06-01',
      warnings: ["partial start date '2019-06' read as 2019-06-01", 'several start dates (2019-06-01, 2020-01-01): kept the earliest, 2019-06-01'],
    });
    expect(pickDate(['2020-01-01', '2021-01-01'], 'end date', 'latest')).toMatchObject({ ok: true, value: '2021-01-01' });
    expect(pickDate([], 'end date', 'latest')).toEqual({ ok: true, value: null, warnings: [] });
  });
});

describe('countryCode', () => {
  it('lower-cases alpha-2 codes and subdivisions, and refuses the rest', () => {
    expect(countryCode('CN')).toBe('cn');
    expect(countryCode('GB-ENG')).toBe('gb');
    expect(countryCode('suhh')).toBeNull();
    expect(countryCode('')).toBeNull();
    expect(countryCode(undefined)).toBeNull();
  });
});
