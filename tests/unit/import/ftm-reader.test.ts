// FollowTheMoney JSON lines → entities, OWNS/CONTROLS and listing decisions, with every bad record
// named by line and reason. Reads tests/fixtures/import/ftm/sample.ftm.jsonl (no database).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { builtInList } from '../../../server/src/services/import/ftm-sanctions.js';
import { readAll } from './helpers.js';

let r: Awaited<ReturnType<typeof readAll>>;
const id = (ftmId: string) => r.entities.find((e) => e.identifiers.some((i) => i.scheme === 'FTM' && i.value === ftmId))!;
beforeAll(async () => {
  r = await readAll('ftm', 'ftm/sample.ftm.jsonl', 'unit');
});

describe('FtM reader', () => {
  it('accounts for every line once and reads the file twice (entities first)', () => {
    expect(r.records.length + r.rejects.length + r.skips.length).toBe(43);
    expect(r.bytes).toBe(r.input.bytes * 2);
    const firstLink = r.events.findIndex((e) => e.type === 'record' && e.items.some((i) => i.kind !== 'entity'));
    const lastEntity = r.events.map((e) => e.type === 'record' && e.items.some((i) => i.kind === 'entity')).lastIndexOf(true);
    expect(lastEntity).toBeLessThan(firstLink);
  });

  it('rejects what it cannot read, naming the line and the reason', () => {
    expect(r.rejects).toEqual([
      { line: 11, id: 'NK-NoName11', reason: 'missing name' },
      { line: 12, id: null, reason: 'missing id' },
      { line: 13, id: null, reason: expect.stringMatching(/^not valid JSON/) },
      { line: 14, id: 'NK-NoSchema14', reason: 'not a FollowTheMoney entity (no schema)' },
      { line: 21, id: 'own-parent-tianshan', reason: "percentage over 100 '120%'" },
      { line: 22, id: 'own-parent-fund', reason: "negative percentage '-5'" },
      { line: 25, id: 'own-chen-security', reason: "unreadable percentage 'approx. half'" },
      { line: 28, id: 'own-backwards', reason: 'end date 2019-01-01 is not after start date 2020-01-01' },
      { line: 41, id: 'san-nodate', reason: 'no listing date, start date or first_seen: a decision needs a date' },
    ]);
  });

  it('skips schemas it does not import, and links to them', () => {
    expect(r.skips).toEqual([
      { line: 10, reason: 'schema Vessel is not imported' },
      { line: 32, reason: 'schema Family is not imported' },
      { line: 24, reason: expect.stringMatching(/^refers to NK-Vessel10 \(Vessel\)/) },
      { line: 43, reason: expect.stringMatching(/^refers to NK-Vessel10 \(Vessel\)/) },
    ]);
  });

  it('maps schemas to kinds and keeps names, aliases, countries and identifiers', () => {
    const kinds = Object.fromEntries(r.entities.map((e) => [e.identifiers[0]!.value, e.kind]));
    expect(kinds).toEqual({
      'NK-HxParent01': 'Company',
      'NK-HxDigital02': 'Company',
      'NK-HxSecurity03': 'Company',
      'NK-Tianshan04': 'Company',
      'NK-ZjFund05': 'InvestmentVehicle',
      'NK-UrbanInv06': 'Company',
      'NK-LiWei07': 'Person',
      'NK-ChenMing08': 'Person',
      'NK-SasacZj09': 'StateBody',
    });
    expect(id('NK-HxParent01')).toMatchObject({
      id: expect.stringMatching(/^ftm-unit-nk-hxparent01-[0-9a-f]{8}$/),
      name: 'Huaxin Holdings Group Co., Ltd.',
      aliases: ['华信控股集团有限公司', 'Huaxin Holdings'],
      country: 'cn',
      identifiers: [
        { scheme: 'FTM', value: 'NK-HxParent01' },
        { scheme: 'LEI', value: '5493001HXHOLDING0001' },
        { scheme: 'REG', value: '91330000MA27XHX01A' },
      ],
    });
    expect(id('NK-HxDigital02').identifiers.filter((i) => i.scheme === 'REG').map((i) => i.value)).toEqual(['91330100MA2HXD002B', '330100000012345']);
    expect(id('NK-HxDigital02').aliases).toEqual(['Huaxin Electronics Co., Ltd.']);
    expect(id('NK-Tianshan04').description).toBe('Camera maker\nSupplier of surveillance systems');
    expect(r.warnings).toContainEqual({ line: 1, id: 'NK-HxParent01', message: 'several countries (cn, hk): kept cn' });
  });

  it('reads percentages in every form, as exact values, ranges or unknown', () => {
    const stake = (edgeSuffix: string) => {
      const e = r.owns.find((o) => o.id.endsWith(edgeSuffix))!;
      return [e.percent, e.percentMin, e.percentMax, e.minInclusive, e.maxInclusive, e.start, e.end];
    };
    expect(stake('own-sasac-parent')).toEqual([49, null, null, true, true, '2019-01-01', null]);
    expect(stake('own-parent-digital')).toEqual([51, null, null, true, true, '2019-05-01', null]);
    expect(stake('own-fund-digital')).toEqual([49.99, null, null, true, true, '2020-07-15', null]);
    expect(stake('own-parent-security')).toEqual([null, 10, 25, true, true, null, null]);
    expect(stake('own-urban-security')).toEqual([null, null, null, true, true, '2015-01-01', '2022-12-31']);
    expect(stake('own-chen-tianshan')).toEqual([null, 30, 35, true, true, null, null]);
    expect(stake('own-li-tianshan')).toEqual([null, 50, 100, false, true, null, null]);
    expect(r.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        "partial start date '2019' read as 2019-01-01",
        "partial start date '2019-05' read as 2019-05-01",
        'several percentages (30; 35%): kept as the range 30–35%',
      ]),
    );
  });

  it('turns directorships, Control and vote-type ownership into CONTROLS', () => {
    expect(r.controls.map((c) => [c.id.replace(/^ftm-unit-/, ''), c.basis, c.start])).toEqual([
      ['own-chen-digital-votes', 'voting-rights-25-to-50-percent (25-50%)', null],
      ['dir-chen-digital', 'directorship: Chairman', '2018-03-01'],
      ['ctl-sasac-parent', 'state — Law on State-Owned Assets of Enterprises', null],
    ]);
  });

  it('puts each sanction on the right list, and other authorities on lists of their own', () => {
    const d = Object.fromEntries(r.decisions.map((x) => [x.decision.id.replace(/^ftm-unit-/, ''), [x.decision.listId, x.decision.action, x.decision.date, x.list?.id ?? null]]));
    const jp = 'ftm-unit-list-ministry-of-foreign-affairs-of-japan-d5a3424b';
    const seco = expect.stringMatching(/^ftm-unit-list-state-secretariat-for-economic-affairs-seco-/);
    expect(d).toEqual({
      'san-ofac-parent': ['us-ofac-sdn', 'added', '2021-12-10', null],
      'san-bis-security': ['us-bis-entity-list', 'added', '2023-03-28', null],
      'san-eu-digital': ['eu-fsf', 'added', '2022-06-01', null],
      'san-uk-chen': ['uk-sanctions', 'added', '2022-05-04', null],
      'san-uk-chen-removed': ['uk-sanctions', 'removed', '2024-01-15', null],
      'san-jp-tianshan': [jp, 'added', '2023-01-27', jp],
      'san-jp-tianshan-2': [jp, 'added', '2024-02-01', null],
      'san-meu-parent': ['us-bis-meu', 'added', '2020-12-23', null],
      'san-seco-urban': [seco, 'added', '2023-04-01', seco],
      'san-ghost': ['us-ofac-sdn', 'added', '2022-01-01', null],
    });
    const jpList = r.decisions.find((x) => x.list?.id === jp)!.list!;
    expect(jpList).toMatchObject({ name: 'Ministry of Foreign Affairs of Japan', jurisdiction: 'jp', rule: { propagation: 'none', control: 'flag' } });
    expect(r.warnings).toContainEqual({ line: 40, id: 'san-seco-urban', message: 'no listing or start date: dated by first_seen 2023-04-01' });
  });

  it('recognises the built-in lists from programme ids, programmes, datasets and authorities', () => {
    const none = { programIds: [], programs: [], datasets: [], authorities: [] };
    expect(builtInList({ ...none, programIds: ['US-BIS-EL'] })).toBe('us-bis-entity-list');
    expect(builtInList({ ...none, programIds: ['US-BIS-MEU'] })).toBe('us-bis-meu');
    expect(builtInList({ ...none, programs: ['Non-SDN Chinese Military-Industrial Complex Companies List'] })).toBe('us-ns-cmic');
    expect(builtInList({ ...none, datasets: ['gb_fcdo_sanctions'] })).toBe('uk-sanctions');
    expect(builtInList({ ...none, datasets: ['eu_fsf'] })).toBe('eu-fsf');
    expect(builtInList({ ...none, authorities: ['Office of Foreign Assets Control'] })).toBe('us-ofac-sdn');
    expect(builtInList({ ...none, authorities: ['Ministry of Foreign Affairs of Japan'] })).toBeNull();
    // a programme id that is a built-in list's id (the FtM export writes them so)
    expect(builtInList({ ...none, programIds: ['us-ndaa-889'], authorities: ['U.S. Congress'] }, new Set(['us-ndaa-889']))).toBe('us-ndaa-889');
    expect(builtInList({ ...none, programIds: ['us-ndaa-889'] })).toBeNull();
  });
});

describe('FtM reader on what the FtM export writes', () => {
  const lines = [
    { id: 'a', schema: 'Company', properties: { name: ['A Holdings'] } },
    { id: 'f', schema: 'Company', properties: { name: ['F Partners'], classification: ['InvestmentVehicle'] } },
    { id: 's', schema: 'PublicBody', properties: { name: ['S Commission'], classification: ['StateBody'] } },
    { id: 'p', schema: 'Company', properties: { name: ['Not A Person Ltd'], classification: ['Person'] } },
    { id: 'own-a-f', schema: 'Ownership', properties: { owner: ['a'], asset: ['f'], percentage: ['>0-4.43'] } },
    { id: 'ctl-s-a', schema: 'UnknownLink', properties: { subject: ['s'], object: ['a'], role: ['controls'], summary: ['state supervision'], startDate: ['2020-01-01'] } },
    { id: 'rel-a-s', schema: 'UnknownLink', properties: { subject: ['a'], object: ['s'], role: ['supplier'] } },
    { id: 'san-a', schema: 'Sanction', properties: { entity: ['a'], authority: ['U.S. Congress'], programId: ['us-ndaa-889'], listingDate: ['2018-08-13'] } },
  ];
  let x: Awaited<ReturnType<typeof readAll>>;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-ftm-unit-'));
    await writeFile(path.join(dir, 'export.ftm.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    x = await readAll('ftm', path.join(dir, 'export.ftm.jsonl'), 'unit');
  });

  it('takes our kind names from classification (never Person for a company schema)', () => {
    expect(x.entities.map((e) => [e.name, e.kind])).toEqual([
      ['A Holdings', 'Company'],
      ['F Partners', 'InvestmentVehicle'],
      ['S Commission', 'StateBody'],
      ['Not A Person Ltd', 'Company'],
    ]);
  });

  it('reads exclusive range bounds, UnknownLink control, and a programme id naming a built-in list', () => {
    expect(x.owns.map((o) => [o.percent, o.percentMin, o.percentMax, o.minInclusive, o.maxInclusive])).toEqual([[null, 0, 4.43, false, true]]);
    expect(x.controls.map((c) => [c.controller, c.controlled, c.basis, c.start])).toEqual([['ftm-unit-s', 'ftm-unit-a', 'state supervision', '2020-01-01']]);
    expect(x.skips).toEqual([{ line: 7, reason: "UnknownLink with role 'supplier' is not imported (only control)" }]);
    expect(x.decisions.map((d) => [d.decision.listId, d.decision.date, d.list])).toEqual([['us-ndaa-889', '2018-08-13', undefined]]);
    expect(x.rejects).toEqual([]);
  });
});
