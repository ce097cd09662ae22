// seed/lists.json is valid, says what PRODUCT.md says, and bad regime data is rejected field by field.
import { describe, expect, it } from '@jest/globals';
import { parseRegime, parseRegimeFile, RegimeValidationError, ruleInForce } from '../../../server/src/domain/exposure/index.js';
import { REGIME_FILE, regime } from './helpers.js';

describe('the built-in regimes', () => {
  it('has the seven stable list ids', () => {
    expect(REGIME_FILE.lists.map((l) => l.id)).toEqual([
      'us-ofac-sdn', 'us-bis-entity-list', 'us-bis-meu', 'us-ns-cmic', 'us-ndaa-889', 'eu-fsf', 'uk-sanctions',
    ]);
  });

  it.each([
    ['us-ofac-sdn', 50, 'gte', 'all', 'flag', 'ownership'],
    ['us-bis-entity-list', 50, 'gte', 'all', 'flag', 'ownership'],
    ['us-bis-meu', 50, 'gte', 'all', 'flag', 'ownership'],
    ['us-ns-cmic', 50, 'gte', 'all', 'flag', 'none'],
    ['us-ndaa-889', 10, 'gt', 'all', 'flag', 'affiliate'],
    ['eu-fsf', 50, 'gt', 'all', 'exposed', 'ownership'],
    ['uk-sanctions', 50, 'gt', 'per-listed-party', 'exposed', 'ownership'],
  ])('%s: threshold %d, %s, aggregation %s, control %s, propagation %s', (id, threshold, comparison, aggregation, control, propagation) => {
    expect(regime(id).rule).toMatchObject({ threshold, comparison, aggregation, control, propagation });
    expect(regime(id).rule.citations.length).toBeGreaterThan(0);
  });

  it('the BIS Affiliates Rule counts Entity List and MEU parties for both lists', () => {
    expect(regime('us-bis-entity-list').rule.countsAsListed).toEqual(['us-bis-entity-list', 'us-bis-meu']);
    expect(regime('us-bis-meu').rule.countsAsListed).toEqual(['us-bis-meu', 'us-bis-entity-list']);
  });

  it('the Affiliates Rule windows: in force from 2025-09-29, suspended 2025-11-10 through 2026-11-09, each cited', () => {
    const rule = regime('us-bis-entity-list').rule;
    expect(rule.inForce!.map((w) => [w.start, w.end])).toEqual([
      ['2025-09-29', '2025-11-10'],
      ['2026-11-10', null],
    ]);
    expect(rule.inForce![0]!.citations[0]!.citation).toContain('90 FR 47201');
    expect(rule.inForce![1]!.note).toContain('UNCONFIRMED');
    expect(REGIME_FILE.notes.join(' ')).toContain('extension status is UNCONFIRMED');
    expect([ '2025-09-28', '2025-09-29', '2025-11-09', '2025-11-10', '2026-11-09', '2026-11-10' ].map((d) => ruleInForce(rule, d)))
      .toEqual([false, true, true, false, false, true]);
  });
});

describe('validation', () => {
  const valid = () => JSON.parse(JSON.stringify({ version: 1, lists: [REGIME_FILE.lists.find((l) => l.id === 'us-ofac-sdn')] }));

  it('names the field that is wrong', () => {
    const bad = valid();
    delete bad.lists[0].rule.threshold;
    bad.lists[0].rule.comparison = 'approximately';
    try {
      parseRegimeFile(bad);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(RegimeValidationError);
      expect((e as RegimeValidationError).issues.map((i) => i.path)).toEqual(['lists.0.rule.threshold', 'lists.0.rule.comparison']);
    }
  });

  it('rejects unknown counted lists, duplicate ids, overlapping windows and a threshold over 100', () => {
    const unknown = valid();
    unknown.lists[0].rule.countsAsListed = ['nope'];
    expect(() => parseRegimeFile(unknown)).toThrow(/unknown list id nope/);
    const dup = valid();
    dup.lists.push(dup.lists[0]);
    expect(() => parseRegimeFile(dup)).toThrow(/duplicate list id/);
    const overlap = valid();
    const c = [{ citation: 'x' }];
    overlap.lists[0].rule.inForce = [{ start: '2020-01-01', end: '2022-01-01', citations: c }, { start: '2021-01-01', end: null, citations: c }];
    expect(() => parseRegimeFile(overlap)).toThrow(/overlap/);
    const big = valid();
    big.lists[0].rule.threshold = 150;
    expect(() => parseRegimeFile(big)).toThrow(/lists\.0\.rule\.threshold/);
  });

  it('a window needs a citation and a start before its end', () => {
    const base = regime('us-ofac-sdn');
    expect(() => parseRegime({ ...base, rule: { ...base.rule, inForce: [{ start: '2020-01-01', end: null, citations: [] }] } })).toThrow(RegimeValidationError);
    expect(() =>
      parseRegime({ ...base, rule: { ...base.rule, inForce: [{ start: '2022-01-01', end: '2021-01-01', citations: [{ citation: 'x' }] }] } }),
    ).toThrow(/start must be before end/);
  });
});
