// Ids are stable, URL-safe and never collide, even when making them URL-safe loses information.
import { describe, expect, it } from '@jest/globals';
import { datasetFromName, IdMaker, slug } from '../../../server/src/services/import/ids.js';

describe('import ids', () => {
  it('keeps ids that are already URL-safe and hashes the ones it had to change', () => {
    expect(slug('ofac-12345')).toBe('ofac-12345');
    expect(slug('NK-HxParent01')).toMatch(/^nk-hxparent01-[0-9a-f]{8}$/);
    expect(slug('NK-HxParent01')).toBe(slug('NK-HxParent01'));
  });

  it('never maps two source ids to one', () => {
    const ids = ['a-b', 'a_b', 'A-B', 'a b', 'a--b', 'Q7747', 'q7747', 'x'.repeat(200), `${'x'.repeat(199)}y`];
    expect(new Set(ids.map(slug)).size).toBe(ids.length);
    for (const id of ids.map(slug)) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(slug('x'.repeat(200)).length).toBeLessThanOrEqual(80);
  });

  it('prefixes format and dataset', () => {
    const ids = new IdMaker('ftm', 'opensanctions');
    expect(ids.id('ofac-1')).toBe('ftm-opensanctions-ofac-1');
    expect(ids.sourceId).toBe('ftm-opensanctions');
    expect(ids.listId('Ministry of Foreign Affairs of Japan')).toMatch(/^ftm-opensanctions-list-ministry-of-foreign-affairs-of-japan-[0-9a-f]{8}$/);
  });

  it('makes a dataset name from a file name', () => {
    expect(datasetFromName('OpenSanctions default.ftm.json')).toBe('opensanctions-default');
    expect(datasetFromName('statements.jsonl')).toBe('statements');
    expect(datasetFromName('!!!.csv')).toBe('import');
  });
});
