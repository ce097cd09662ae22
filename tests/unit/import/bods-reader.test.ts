// BODS: a 0.4 ownership chain split over a JSON array and a JSON-lines file, statements out of order,
// an update, a closure, an unspecified owner; and 0.3 statements replacing each other (no database).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readAll } from './helpers.js';

const row = (e: { owner?: string; owned?: string; controller?: string; controlled?: string; percent?: number | null; percentMin?: number | null; percentMax?: number | null; minInclusive?: boolean; maxInclusive?: boolean; basis?: string; start: string | null; end: string | null }) =>
  [e.owner ?? e.controller, e.owned ?? e.controlled, e.percent ?? null, e.percentMin ?? null, e.percentMax ?? null, e.basis ?? null, e.start, e.end].map((v) =>
    typeof v === 'string' ? v.replace(/^bods-unit-/, '') : v,
  );

describe('BODS 0.4 reader', () => {
  it('resolves a chain across two files and applies updates and closures in date order', async () => {
    const r = await readAll('bods', 'bods/chain');
    expect(r.input.names).toEqual(['part-1.json', 'part-2.jsonl']);
    expect(r.entities.map((e) => [e.id.replace(/^bods-unit-/, ''), e.kind, e.name, e.country, e.aliases])).toEqual([
      ['e-holding', 'Company', 'Meridian Holdings Ltd', 'gb', ['Meridian Holdings']],
      ['p-anna', 'Person', 'Anna Kowalski', 'pl', ['Anna Kowalska']],
      // updated in 2022: the earlier name is kept as an alias
      ['e-operating', 'Company', 'Meridian Operating Company Ltd', 'gb', ['Meridian Operations Ltd']],
      [expect.stringMatching(/^r-unspecified-op-unspecified-/), 'Company', 'Unspecified owner of Meridian Operating Company Ltd', null, []],
    ]);
    expect(r.owns.map(row)).toEqual([
      ['p-anna', 'e-holding', 60, null, null, null, '2016-04-06', null],
      // 100% from 2018, no longer listed by the 2020 update: ended on the update's date
      ['e-holding', 'e-operating', 100, null, null, null, '2018-02-01', '2020-06-01'],
      ['e-holding', 'e-operating', null, 50, 75, null, '2020-06-01', null],
      [expect.stringMatching(/^r-unspecified-op-unspecified-/), 'e-operating', null, 25, 50, null, '2021-01-10', null],
      // left to the pipeline, which also knows what is already in the graph
      ['p-anna', 'e-ghost', 10, null, null, null, null, null],
    ]);
    expect(r.owns[2]).toMatchObject({ minInclusive: true, maxInclusive: false });
    // closed on 2021-09-30
    expect(r.controls.map(row)).toEqual([['p-anna', 'e-operating', null, null, null, 'voting rights 25–50%', '2019-01-01', '2021-09-30']]);
    expect(r.entities.find((e) => e.name.startsWith('Unspecified'))!.description).toBe(
      'interestedPartyHasNotProvidedInformation: The new shareholder has not confirmed who owns it.',
    );
  });

  it('names each bad statement, skips declared non-ownership and counts merged history', async () => {
    const r = await readAll('bods', 'bods/chain');
    expect(r.rejects).toEqual([
      { line: 10, id: null, reason: 'missing recordId' },
      { line: 7, id: 'b2f2c0de-0000-4000-8000-000000000007', reason: 'share exact over 100 (120)' },
    ]);
    expect(r.skips).toEqual([{ line: 9, reason: 'declares that there is no beneficial owner' }]);
    // earlier statements of r-holding-op, r-anna-op-votes and e-operating
    expect(r.merged).toBe(3);
    expect(r.records.find((x) => x.at.id === 'b2f2c0de-0000-4000-8000-000000000008')!.items).toEqual([
      { kind: 'owns', edge: expect.objectContaining({ owner: 'bods-unit-p-anna', owned: 'bods-unit-e-ghost', percent: 10 }) },
    ]);
  });
});

describe('BODS 0.2/0.3 reader', () => {
  it('follows replacesStatements: one record per chain, keyed by its first statement', async () => {
    const r = await readAll('bods', 'bods/legacy');
    const first = 'c3f3c0de-0000-4000-8000-000000000001';
    expect(r.entities.map((e) => [e.id, e.name, e.aliases, e.country, e.identifiers])).toEqual([
      [`bods-unit-${first}`, 'Northwind Trading Limited', ['Northwind Trading Ltd'], 'cy', [{ scheme: 'BODS', value: first }, { scheme: 'CY-DRCOR', value: 'HE 400001' }]],
      ['bods-unit-c3f3c0de-0000-4000-8000-000000000002', 'Ivan Petrov', [], 'ru', [{ scheme: 'BODS', value: 'c3f3c0de-0000-4000-8000-000000000002' }]],
    ]);
    // 50% replaced by 40% (same interest, same start); a new indirect voting interest → CONTROLS
    expect(r.owns.map((o) => [o.owned, o.percent, o.start, o.end])).toEqual([[`bods-unit-${first}`, 40, '2018-06-01', null]]);
    expect(r.controls.map((c) => [c.basis, c.start])).toEqual([['voting rights 50–75%', '2020-01-01']]);
    expect(r.warnings.map((w) => w.message)).toEqual(['indirect voting-rights interest imported as a direct edge (the intermediaries are not given)']);
    expect(r.merged).toBe(2);
  });
});

describe('BODS reader on what the BODS export writes', () => {
  it('reads entity kinds from entityType (state body, a registered entity described as an investment vehicle)', async () => {
    const statement = (recordId: string, entityType: Record<string, string>, name: string) => ({
      statementId: `st-${recordId}`,
      statementDate: '2024-01-01',
      recordId,
      recordType: 'entity',
      recordStatus: 'new',
      recordDetails: { isComponent: false, entityType, name },
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-bods-unit-'));
    const file = path.join(dir, 'export.bods.json');
    await writeFile(
      file,
      JSON.stringify([
        statement('v', { type: 'registeredEntity', details: 'investment vehicle' }, 'V Fund'),
        statement('s', { type: 'stateBody' }, 'S Commission'),
        statement('c', { type: 'registeredEntity' }, 'C Ltd'),
      ]),
    );
    const r = await readAll('bods', file);
    expect(r.entities.map((e) => [e.name, e.kind])).toEqual([
      ['V Fund', 'InvestmentVehicle'],
      ['S Commission', 'StateBody'],
      ['C Ltd', 'Company'],
    ]);
  });
});
