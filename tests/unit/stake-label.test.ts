// Edge labels in the front end: an unknown stake is "?" (never 0%), ranges keep their strictness.
import { describe, expect, it } from '@jest/globals';
import { shortBasis, stakeDescription, stakeLabel } from '../../client/src/graph/stake-label.ts';

const owns = (p: Partial<Parameters<typeof stakeLabel>[0]> = {}) => ({
  type: 'OWNS' as const,
  percent: null,
  percentMin: null,
  percentMax: null,
  minInclusive: true,
  maxInclusive: true,
  basis: null,
  ...p,
});

describe('stakeLabel', () => {
  it('shows exact stakes rounded to two decimals', () => {
    expect(stakeLabel(owns({ percent: 36.4808 }))).toBe('36.48%');
    expect(stakeLabel(owns({ percent: 100 }))).toBe('100%');
  });

  it('shows an unknown stake as ?, never as 0%', () => {
    expect(stakeLabel(owns())).toBe('?');
    expect(stakeLabel(owns({ percentMin: 0, percentMax: 100 }))).toBe('?');
    expect(stakeDescription(owns())).toBe('an unknown share');
  });

  it('keeps inclusive and exclusive range bounds apart', () => {
    expect(stakeLabel(owns({ percentMin: 10.3, percentMax: 13.43 }))).toBe('10.3–13.43%');
    expect(stakeLabel(owns({ percentMin: 25, percentMax: 50, minInclusive: false }))).toBe('>25–50%');
    expect(stakeLabel(owns({ percentMin: 0, percentMax: 4.43, minInclusive: false }))).toBe('>0–4.43%');
    expect(stakeLabel(owns({ percentMin: 10 }))).toBe('≥10%');
    expect(stakeLabel(owns({ percentMax: 5, maxInclusive: false }))).toBe('<5%');
    expect(stakeDescription(owns({ percentMin: 25, percentMax: 50, minInclusive: false }))).toBe('more than 25% and at most 50%');
  });

  it('labels control edges with the gist of their basis', () => {
    expect(stakeLabel({ ...owns(), type: 'CONTROLS', basis: 'state supervision (SASAC acts as investor)' })).toBe('state supervision');
    expect(shortBasis('actual controller per the annual report of the listed company')).toMatch(/…$/);
    expect(shortBasis('actual controller per the annual report of the listed company').length).toBeLessThanOrEqual(27);
  });
});
