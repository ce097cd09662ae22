// CSV (the export's nodes.csv + edges.csv columns) and GLEIF Level 2 relationship records (no database).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ImportInputError } from '../../../server/src/services/import/types.js';
import { readAll } from './helpers.js';

const short = (s: string) => s.replace(/^(csv|gleif)-unit-/, '');

describe('CSV reader', () => {
  it('reads nodes before edges, with lists, identifiers and stakes in the export columns', async () => {
    const r = await readAll('csv', 'csv');
    expect(r.entities.map((e) => [short(e.id), e.kind, e.name, e.aliases, e.country, e.identifiers, e.sourceIds])).toEqual([
      ['bureau', 'StateBody', 'Municipal State Assets Bureau', ['City Assets Bureau'], 'cn', [], ['src-article-000']],
      ['devco', 'InvestmentVehicle', 'City Development Investment Co.', ['城投公司', 'CDI'], 'cn', [{ scheme: 'USCC', value: '91000000MA00000X1' }, { scheme: 'REG', value: '4401-0001' }], ['src-article-000', 'src-nowhere']],
      ['optics', 'Company', 'Precision Optics, Ltd.', [], 'gb', [{ scheme: 'REG', value: '01234567' }, { scheme: 'LEI', value: '2138000PRECISION0001' }], []],
      ['rossi', 'Person', 'Maria Rossi', [], 'it', [], []],
      ['lowerkind', 'Company', 'Lower-case Kind Co', [], null, [], []],
    ]);
    expect(r.owns.map((o) => [short(o.id), o.percent, o.percentMin, o.percentMax, o.minInclusive, o.maxInclusive, o.start])).toEqual([
      ['e1', 100, null, null, true, true, '2010-01-01'],
      ['e2', null, 30, 50, false, true, '2015-01-01'],
      ['e3', null, null, null, true, true, null],
      ['e6', 10, null, null, true, true, null],
      ['e8', 12.5, null, null, true, true, null],
      ['e10', 10, null, null, true, true, null],
    ]);
    expect(r.controls.map((c) => [short(c.id), c.basis, c.start])).toEqual([
      ['e4', 'state supervision', null],
      ['e11', 'control', '2021-07-01'],
    ]);
    expect(r.rejects).toEqual([
      { line: 7, id: 'alien', reason: "unknown kind 'Alien' (one of Company, Person, StateBody, InvestmentVehicle)" },
      { line: 8, id: null, reason: 'missing id' },
      { line: 9, id: 'noname', reason: 'missing name' },
      { line: 6, id: 'e5', reason: "percentage over 100 '150'" },
      { line: 8, id: 'e7', reason: "type must be OWNS or CONTROLS, not 'SHARES'" },
      { line: 10, id: 'e9', reason: 'end date 2019-01-01 is not after start date 2020-01-01' },
    ]);
  });

  it('refuses a file that is neither a nodes nor an edges file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-csv-'));
    await writeFile(path.join(dir, 'people.csv'), 'name,age\nAda,36\n');
    await expect(readAll('csv', dir)).rejects.toBeInstanceOf(ImportInputError);
  });
});

describe('GLEIF reader', () => {
  it('reverses child → parent, keeps consolidation only and stubs each LEI once', async () => {
    const r = await readAll('gleif', 'gleif');
    expect(r.input.names).toEqual(['relationship-records-page.json', 'relationships.csv']);
    expect(r.entities.map((e) => [short(e.id), e.name, e.identifiers])).toEqual([
      ['984500apiparent0ab02', 'LEI 984500APIPARENT0AB02', [{ scheme: 'LEI', value: '984500APIPARENT0AB02' }]],
      ['984500apichild00ab01', 'LEI 984500APICHILD00AB01', [{ scheme: 'LEI', value: '984500APICHILD00AB01' }]],
      ['984500parent0000aa02', 'LEI 984500PARENT0000AA02', [{ scheme: 'LEI', value: '984500PARENT0000AA02' }]],
      ['984500child00000aa01', 'LEI 984500CHILD00000AA01', [{ scheme: 'LEI', value: '984500CHILD00000AA01' }]],
      ['984500ultimate00aa03', 'LEI 984500ULTIMATE00AA03', [{ scheme: 'LEI', value: '984500ULTIMATE00AA03' }]],
      ['984500sold00000aa005', 'LEI 984500SOLD00000AA005', [{ scheme: 'LEI', value: '984500SOLD00000AA005' }]],
    ]);
    expect(r.owns.map((o) => [short(o.owner), short(o.owned), o.percent, o.start, o.end])).toEqual([
      ['984500apiparent0ab02', '984500apichild00ab01', null, '2019-04-01', null],
      ['984500parent0000aa02', '984500child00000aa01', null, '2012-06-15', null],
      ['984500ultimate00aa03', '984500parent0000aa02', null, '2008-03-01', null],
      ['984500parent0000aa02', '984500sold00000aa005', null, '2010-01-01', '2019-09-30'],
    ]);
    expect(r.controls.map((c) => [short(c.controller), short(c.controlled), c.basis])).toEqual([
      ['984500apiparent0ab02', '984500apichild00ab01', 'accounting consolidation (ultimate)'],
      ['984500ultimate00aa03', '984500child00000aa01', 'accounting consolidation (ultimate)'],
    ]);
    expect(r.skips.map((s) => s.reason)).toEqual([
      'IS_INTERNATIONAL_BRANCH_OF is not an ownership or control relationship',
      'inactive relationship without an end date',
      'registration status RETIRED',
      'IS_FUND-MANAGED_BY is not an ownership or control relationship',
    ]);
    expect(r.rejects).toEqual([
      { line: 9, id: '984500BADDATE000AA08→984500PARENT0000AA02', reason: "bad relationship period date '31/12/2015'" },
      { line: 11, id: '?→984500PARENT0000AA02', reason: 'missing start or end node LEI' },
    ]);
  });
});
