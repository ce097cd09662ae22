// Each format imported twice through the import service (what `npm run import` runs) on the real Neo4j:
// the expected entities, edges and listings, every rejected record named with its line and reason, and
// a second import that changes nothing (identical counts, same graph fingerprint). A changed file
// updates exactly what changed. Each test has its own dataset; everything is removed afterwards.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../server/src/db/database.js';
import type { ImportReport } from '../../server/src/services/import/report.js';
import { ImportService } from '../../server/src/services/import/service.js';
import type { ImportFormat } from '../../server/src/services/import/types.js';
import { IMPORT_FIXTURES, importCounts, importFingerprint, secondRunOf, stableParts } from '../support/import.js';
import { testDatabase } from '../support/server.js';

// Generous: the first imports compile their query plans, and the machine is shared.
const SLOW = 300_000;
let db: Database;
const refreshed: { entities: string[]; owners: string[] }[] = [];
let service: ImportService;
const prefixes: string[] = [];

beforeAll(() => {
  db = testDatabase();
  // A recording refresher: the exposure engine's own tests cover the refresh; here, what it is told.
  service = new ImportService(db, async (change) => void refreshed.push(change));
});
afterAll(async () => {
  // Without the trailing hyphen, so the dataset's Source node (`<format>-<dataset>`) goes too.
  for (const p of prefixes) await db.write('test/delete-prefixed', { p: p.replace(/-$/, '') });
  await db.close();
});

async function twice(format: ImportFormat, target: string, dataset: string): Promise<{ first: ImportReport; second: ImportReport; prefix: string }> {
  const prefix = `${format}-${dataset}-`;
  prefixes.push(prefix);
  const first = await service.importPath(format, path.join(IMPORT_FIXTURES, target), dataset, { batchSize: 7 });
  const before = await importFingerprint(db, prefix);
  const second = await service.importPath(format, path.join(IMPORT_FIXTURES, target), dataset, { batchSize: 7 });
  expect(first.status).toBe('completed');
  expect(stableParts(second)).toEqual(stableParts(first));
  expect(second).toMatchObject(secondRunOf(first));
  expect(await importFingerprint(db, prefix)).toBe(before);
  expect(second.exposure).toMatchObject({ refreshed: false, note: 'nothing that affects exposure changed' });
  const counts = await importCounts(db, prefix);
  expect(counts).toMatchObject({ decisionsWithoutList: 0, decisionsNamingNobody: 0, ownsLeaving: 0, controlsLeaving: 0 });
  expect(counts.entityIds).toBe(counts.entities);
  expect(counts.owns).toBe(counts.ownsIds);
  expect(counts.controls).toBe(counts.controlsIds);
  return { first, second, prefix };
}

describe('FollowTheMoney', () => {
  it('imports entities, stakes, control and listings, and a second import changes nothing', async () => {
    refreshed.length = 0;
    const { first, prefix } = await twice('ftm', 'ftm/sample.ftm.jsonl', 'itest-ftm');
    expect(first).toMatchObject({ read: 43, records: 27, skipped: 4, rejected: 12, created: 30, updated: 0 });
    expect(first.byKind).toEqual({
      lists: { created: 2, updated: 0, unchanged: 0 },
      entities: { created: 9, updated: 0, unchanged: 0 },
      owns: { created: 7, updated: 0, unchanged: 0 },
      controls: { created: 3, updated: 0, unchanged: 0 },
      decisions: { created: 9, updated: 0, unchanged: 0 },
    });
    expect(await importCounts(db, prefix)).toMatchObject({ entities: 9, persons: 2, stateBodies: 1, vehicles: 1, owns: 7, controls: 3, decisions: 9 });
    expect(first.rejections.map((r) => [r.line, r.id, r.reason])).toEqual([
      [11, 'NK-NoName11', 'missing name'],
      [12, null, 'missing id'],
      [13, null, expect.stringMatching(/^not valid JSON/)],
      [14, 'NK-NoSchema14', 'not a FollowTheMoney entity (no schema)'],
      [21, 'own-parent-tianshan', "percentage over 100 '120%'"],
      [22, 'own-parent-fund', "negative percentage '-5'"],
      [23, 'own-parent-ghost', `unknown reference: owned '${prefix}nk-doesnotexist-36c5853d' is neither in this import nor in the graph`],
      [25, 'own-chen-security', "unreadable percentage 'approx. half'"],
      [28, 'own-backwards', 'end date 2019-01-01 is not after start date 2020-01-01'],
      [29, 'own-noname', `owner ${prefix}nk-noname11-45506bcf was rejected (sample.ftm.jsonl:11)`],
      [41, 'san-nodate', 'no listing date, start date or first_seen: a decision needs a date'],
      [42, 'san-ghost', expect.stringMatching(/^names no entity that can be imported: unknown reference/)],
    ]);
    expect(first.skippedReasons).toEqual({ 'refers to a record that is not imported': 2, 'schema Vessel is not imported': 1, 'schema Family is not imported': 1 });

    // listings on the built-in lists and on lists of their own for other authorities
    const listed = await db.read('test/import-listings', { p: prefix });
    expect(listed.map((r) => [String(r.decision).slice(prefix.length), r.list, r.action, r.date, r.names])).toEqual([
      ['san-bis-security', 'us-bis-entity-list', 'added', '2023-03-28', ['Huaxin Xinjiang Security Co., Ltd.']],
      ['san-eu-digital', 'eu-fsf', 'added', '2022-06-01', ['Huaxin Digital Technology Co., Ltd.']],
      ['san-jp-tianshan', `${prefix}list-ministry-of-foreign-affairs-of-japan-d5a3424b`, 'added', '2023-01-27', ['Tianshan Vision Co., Ltd.']],
      ['san-jp-tianshan-2', `${prefix}list-ministry-of-foreign-affairs-of-japan-d5a3424b`, 'added', '2024-02-01', ['Tianshan Vision Co., Ltd.']],
      ['san-meu-parent', 'us-bis-meu', 'added', '2020-12-23', ['Huaxin Holdings Group Co., Ltd.']],
      ['san-ofac-parent', 'us-ofac-sdn', 'added', '2021-12-10', ['Huaxin Holdings Group Co., Ltd.']],
      ['san-seco-urban', expect.stringMatching(new RegExp(`^${prefix}list-state-secretariat`)), 'added', '2023-04-01', ['Hangzhou Urban Construction Investment Group Co., Ltd.']],
      ['san-uk-chen', 'uk-sanctions', 'added', '2022-05-04', ['Chen Ming']],
      ['san-uk-chen-removed', 'uk-sanctions', 'removed', '2024-01-15', ['Chen Ming']],
    ]);

    // exposure is told which entities' inputs changed: owned ends and named entities (first run only)
    expect(refreshed).toHaveLength(1);
    const bare = (ids: string[] | undefined) => [...new Set((ids ?? []).map((id) => id.slice(prefix.length).replace(/-[0-9a-f]{8}$/, '')))].sort();
    // The fund owns but is owned by nobody (its owner's -5% stake is rejected) and is named by no sanction.
    expect(bare(refreshed[0]!.entities)).toEqual(['nk-chenming08', 'nk-hxdigital02', 'nk-hxparent01', 'nk-hxsecurity03', 'nk-tianshan04', 'nk-urbaninv06']);
    expect(bare(refreshed[0]!.owners)).toEqual(['nk-chenming08', 'nk-hxparent01', 'nk-liwei07', 'nk-sasaczj09', 'nk-urbaninv06', 'nk-zjfund05']);
  }, SLOW);

  it('updates only what changed in a new version of the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-ftm-'));
    const file = path.join(dir, 'sample.ftm.jsonl');
    const dataset = 'itest-ftm-v2';
    prefixes.push(`ftm-${dataset}-`);
    await copyFile(path.join(IMPORT_FIXTURES, 'ftm/sample.ftm.jsonl'), file);
    const first = await service.importPath('ftm', file, dataset);
    const text = (await readFile(file, 'utf8')).replace('"percentage": ["49.99"]', '"percentage": ["39.99"]').replace('Tianshan Vision Co., Ltd.', 'Tianshan Vision Technology Co., Ltd.');
    await writeFile(file, text);
    const second = await service.importPath('ftm', file, dataset);
    expect(second.runId).not.toBe(first.runId);
    expect(second).toMatchObject({ created: 0, updated: 2, unchanged: first.created - 2, resumedAfterBatch: null });
    expect(second.byKind.entities.updated).toBe(1);
    expect(second.byKind.owns.updated).toBe(1);
  }, SLOW);
});

describe('BODS', () => {
  it('resolves a chain across two files, applies updates and closures, and a second import changes nothing', async () => {
    const { first, prefix } = await twice('bods', 'bods/chain', 'itest-bods');
    expect(first).toMatchObject({ read: 14, records: 7, merged: 3, skipped: 1, rejected: 3 });
    expect(first.byKind).toMatchObject({ entities: { created: 4 }, owns: { created: 4 }, controls: { created: 1 } });
    expect(first.rejections.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['part-2.jsonl', 7, 'share exact over 100 (120)'],
      ['part-2.jsonl', 8, `unknown reference: owned '${prefix}e-ghost' is neither in this import nor in the graph`],
      ['part-2.jsonl', 10, 'missing recordId'],
    ]);
    const chain = await db.read('test/import-edges', { p: prefix });
    expect(chain.map((e) => [e.type, e.from, e.to, e.percent, e.percentMin, e.percentMax, e.start, e.end])).toEqual(
      expect.arrayContaining([
        ['OWNS', 'Anna Kowalski', 'Meridian Holdings Ltd', 60, null, null, '2016-04-06', null],
        ['OWNS', 'Meridian Holdings Ltd', 'Meridian Operating Company Ltd', 100, null, null, '2018-02-01', '2020-06-01'],
        ['OWNS', 'Meridian Holdings Ltd', 'Meridian Operating Company Ltd', null, 50, 75, '2020-06-01', null],
        ['OWNS', 'Unspecified owner of Meridian Operating Company Ltd', 'Meridian Operating Company Ltd', null, 25, 50, '2021-01-10', null],
        ['CONTROLS', 'Anna Kowalski', 'Meridian Operating Company Ltd', null, null, null, '2019-01-01', '2021-09-30'],
      ]),
    );
    expect(chain).toHaveLength(5);
  }, SLOW);

  it('imports 0.3 statements that replace each other', async () => {
    const { first } = await twice('bods', 'bods/legacy', 'itest-bods03');
    expect(first).toMatchObject({ read: 5, records: 3, merged: 2, rejected: 0, created: 4 });
  }, SLOW);
});

describe('CSV', () => {
  it('imports the export columns, names each bad row, and a second import changes nothing', async () => {
    const { first, prefix } = await twice('csv', 'csv', 'itest-csv');
    expect(first).toMatchObject({ read: 19, records: 11, rejected: 8, created: 11 });
    expect(first.rejections.map((r) => [r.file, r.line, r.id, r.reason])).toEqual([
      ['nodes.csv', 7, 'alien', "unknown kind 'Alien' (one of Company, Person, StateBody, InvestmentVehicle)"],
      ['nodes.csv', 8, null, 'missing id'],
      ['nodes.csv', 9, 'noname', 'missing name'],
      ['edges.csv', 6, 'e5', "percentage over 100 '150'"],
      ['edges.csv', 7, 'e6', `unknown reference: owned '${prefix}nowhere' is neither in this import nor in the graph`],
      ['edges.csv', 8, 'e7', "type must be OWNS or CONTROLS, not 'SHARES'"],
      ['edges.csv', 10, 'e9', 'end date 2019-01-01 is not after start date 2020-01-01'],
      ['edges.csv', 11, 'e10', `owner ${prefix}alien was rejected (nodes.csv:7)`],
    ]);
    // a cited source that exists is kept, one that does not is dropped with a warning
    const [devco] = await db.read('entity/get', { id: `${prefix}devco` });
    expect((devco?.entity as { sourceIds: string[] }).sourceIds).toEqual(['src-article-000', `csv-itest-csv`]);
    expect((devco?.sources as { id: string }[]).map((x) => x.id).sort()).toEqual(['csv-itest-csv', 'src-article-000']);
    expect(first.warnings).toContainEqual({ file: 'nodes.csv', line: 3, id: 'devco', message: "unknown source 'src-nowhere' dropped" });
    expect(await importCounts(db, prefix)).toMatchObject({ entities: 5, vehicles: 1, stateBodies: 1, persons: 1, owns: 4, controls: 2 });
  }, SLOW);
});

describe('names too long to index', () => {
  it('rejects each such record by name (a Neo4j RANGE index key holds ~8 KB), imports the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-itest-long-'));
    const prefix = 'csv-itest-long-names-';
    prefixes.push(prefix);
    const long = 'a'.repeat(9_000);
    const cjk = '海'.repeat(1_400); // 4,200 bytes in UTF-8: over the limit in bytes, not in characters
    await writeFile(
      path.join(dir, 'nodes.csv'),
      ['id,kind,name', 'short,Company,A short name', `long,Company,${long}`, `cjk,Company,${cjk}`, `fits,Company,${'海'.repeat(1_333)}`].join('\n') + '\n',
    );
    await writeFile(path.join(dir, 'edges.csv'), 'id,type,source,target,percent\ne1,OWNS,long,short,60\n');
    const report = await service.importPath('csv', dir, 'itest-long-names');
    expect(report).toMatchObject({ status: 'completed', created: 2, rejected: 3 });
    expect(report.rejections.map((r) => [r.file, r.id, r.reason])).toEqual([
      ['nodes.csv', 'long', 'name is 9000 bytes long; at most 4000 (UTF-8)'],
      ['nodes.csv', 'cjk', 'name is 4200 bytes long; at most 4000 (UTF-8)'],
      ['edges.csv', 'e1', `owner ${prefix}long was rejected (nodes.csv:3)`],
    ]);
    expect((await importCounts(db, prefix)).entities).toBe(2);
  }, SLOW);
});

describe('GLEIF', () => {
  it('imports consolidation relationships parent → child, and a second import changes nothing', async () => {
    const { first, prefix } = await twice('gleif', 'gleif', 'itest-gleif');
    expect(first).toMatchObject({ read: 12, records: 6, skipped: 4, rejected: 2, created: 12 });
    const edges = await db.read('test/import-edges', { p: prefix });
    expect(edges.filter((e) => e.type === 'CONTROLS').map((e) => [e.from, e.to, e.basis])).toEqual(
      expect.arrayContaining([['LEI 984500ULTIMATE00AA03', 'LEI 984500CHILD00000AA01', 'accounting consolidation (ultimate)']]),
    );
    expect(edges.filter((e) => e.type === 'OWNS').map((e) => [e.from, e.to, e.percent])).toEqual(
      expect.arrayContaining([['LEI 984500PARENT0000AA02', 'LEI 984500CHILD00000AA01', null]]),
    );
  }, SLOW);
});
