// Imports as users run them: `npm run import` (the CLI, a child process against the test run's Neo4j)
// and POST /api/v1/imports on the real HTTP server, each twice. Each channel and format has its own
// dataset; both must give the same entities, edges (stakes, ranges, dates) and listings, and the second
// run must change nothing (created 0, updated 0, the same graph fingerprint). Then exposure: an import
// that lists the 100% owner of an entity makes that entity exposed, with no recompute in between.
// Everything is written under `<format>-itest-cli-*` / `<format>-itest-api-*` and removed afterwards.
import { readFile } from 'node:fs/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportReport } from '../../server/src/services/import/report.js';
import { startExposureServer } from '../support/exposure.js';
import {
  IMPORT_API_KEY,
  IMPORT_FIXTURES,
  deleteDataset,
  importCounts,
  importedEdges,
  importFingerprint,
  postImport,
  runImportCli,
} from '../support/import.js';
import { api, type TestServer } from '../support/server.js';

const SLOW = 300_000;
let server: TestServer;
const written: [string, string][] = [];

beforeAll(async () => {
  server = await startExposureServer(IMPORT_API_KEY);
});
afterAll(async () => {
  for (const [format, dataset] of written) await deleteDataset(server.db, format, dataset);
  await server.close();
});

const fixture = (p: string) => path.join(IMPORT_FIXTURES, p);
const text = (p: string) => readFile(fixture(p), 'utf8');

/** An import run twice: the second finds everything unchanged and leaves the graph as it was. */
async function twice(format: string, dataset: string, run: () => Promise<ImportReport>): Promise<{ first: ImportReport; prefix: string }> {
  written.push([format, dataset]);
  const prefix = `${format}-${dataset}-`;
  const first = await run();
  expect(first.status).toBe('completed');
  const before = await importFingerprint(server.db, prefix);
  const second = await run();
  expect(second).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: first.created + first.updated + first.unchanged });
  expect([second.read, second.records, second.rejected, second.skipped]).toEqual([first.read, first.records, first.rejected, first.skipped]);
  expect(second.exposure).toMatchObject({ refreshed: false, note: 'nothing that affects exposure changed' });
  expect(await importFingerprint(server.db, prefix)).toBe(before);
  const counts = await importCounts(server.db, prefix);
  expect(counts).toMatchObject({ decisionsWithoutList: 0, decisionsNamingNobody: 0, ownsLeaving: 0, controlsLeaving: 0 });
  expect([counts.entityIds, counts.ownsIds, counts.controlsIds, counts.decisionIds]).toEqual([counts.entities, counts.owns, counts.controls, counts.decisions]);
  return { first, prefix };
}

const cli = (format: string, target: string, dataset: string) => () => runImportCli(['--format', format, fixture(target), '--dataset', dataset]);

async function viaApi(query: string, body: string, type: string): Promise<ImportReport> {
  const { status, job } = await postImport(server.baseUrl, query, body, type);
  expect([status, job.status, job.error]).toEqual([200, 'completed', null]);
  return job.report as ImportReport;
}

/** [type, from, to, percent, min, max, minInclusive, maxInclusive, basis, start, end] per edge. */
const edgeRows = async (prefix: string) =>
  (await importedEdges(server.db, prefix)).map((e) => [e.id, e.type, e.from, e.to, e.percent, e.percentMin, e.percentMax, e.minInclusive, e.maxInclusive, e.basis, e.start, e.end]);

const HOLDINGS = 'Huaxin Holdings Group Co., Ltd.';
const DIGITAL = 'Huaxin Digital Technology Co., Ltd.';
const SECURITY = 'Huaxin Xinjiang Security Co., Ltd.';
const TIANSHAN = 'Tianshan Vision Co., Ltd.';
const SASAC = 'State-owned Assets Supervision and Administration Commission of Zhejiang Province';
const URBAN = 'Hangzhou Urban Construction Investment Group Co., Ltd.';

describe('FollowTheMoney (tests/fixtures/import/ftm/sample.ftm.jsonl)', () => {
  async function expectSample(first: ImportReport, prefix: string) {
    expect(first).toMatchObject({ read: 43, records: 27, skipped: 4, rejected: 12, created: 30, updated: 0 });
    expect(first.rejections.map((r) => [r.line, r.reason.replace(/^(unknown reference|owner|names).*/, '$1')])).toEqual([
      [11, 'missing name'],
      [12, 'missing id'],
      [13, expect.stringMatching(/^not valid JSON/)],
      [14, 'not a FollowTheMoney entity (no schema)'],
      [21, "percentage over 100 '120%'"],
      [22, "negative percentage '-5'"],
      [23, 'unknown reference'],
      [25, "unreadable percentage 'approx. half'"],
      [28, 'end date 2019-01-01 is not after start date 2020-01-01'],
      [29, 'owner'],
      [41, 'no listing date, start date or first_seen: a decision needs a date'],
      [42, 'names'],
    ]);
    expect(await importCounts(server.db, prefix)).toMatchObject({ entities: 9, persons: 2, stateBodies: 1, vehicles: 1, owns: 7, controls: 3, decisions: 9 });
    // Every percentage form of the file, as stored: "49", "51%", "49.99", "10-25%", none, two values, "> 50%".
    expect(await edgeRows(prefix)).toEqual([
      ['own-chen-digital-votes', 'CONTROLS', 'Chen Ming', DIGITAL, null, null, null, null, null, 'voting-rights-25-to-50-percent (25-50%)', null, null],
      ['dir-chen-digital', 'CONTROLS', 'Chen Ming', DIGITAL, null, null, null, null, null, 'directorship: Chairman', '2018-03-01', null],
      ['ctl-sasac-parent', 'CONTROLS', SASAC, HOLDINGS, null, null, null, null, null, 'state — Law on State-Owned Assets of Enterprises', null, null],
      ['own-chen-tianshan', 'OWNS', 'Chen Ming', TIANSHAN, null, 30, 35, true, true, null, null, null],
      ['own-urban-security', 'OWNS', URBAN, SECURITY, null, null, null, true, true, null, '2015-01-01', '2022-12-31'],
      ['own-parent-digital', 'OWNS', HOLDINGS, DIGITAL, 51, null, null, true, true, null, '2019-05-01', null],
      ['own-parent-security', 'OWNS', HOLDINGS, SECURITY, null, 10, 25, true, true, null, null, null],
      ['own-li-tianshan', 'OWNS', 'Li Wei', TIANSHAN, null, 50, 100, false, true, null, null, null],
      ['own-sasac-parent', 'OWNS', SASAC, HOLDINGS, 49, null, null, true, true, null, '2019-01-01', null],
      ['own-fund-digital', 'OWNS', 'Zhejiang Digital Industry Fund (Limited Partnership)', DIGITAL, 49.99, null, null, true, true, null, '2020-07-15', null],
    ]);
    // Sanctions from six authorities: the built-in lists, and lists of their own for Japan and SECO.
    const listed = await server.db.read('test/import-listings', { p: prefix });
    expect(listed.map((r) => [String(r.decision).slice(prefix.length), String(r.list).replace(prefix, 'PREFIX-'), r.action, r.date, r.names])).toEqual([
      ['san-bis-security', 'us-bis-entity-list', 'added', '2023-03-28', [SECURITY]],
      ['san-eu-digital', 'eu-fsf', 'added', '2022-06-01', [DIGITAL]],
      ['san-jp-tianshan', 'PREFIX-list-ministry-of-foreign-affairs-of-japan-d5a3424b', 'added', '2023-01-27', [TIANSHAN]],
      ['san-jp-tianshan-2', 'PREFIX-list-ministry-of-foreign-affairs-of-japan-d5a3424b', 'added', '2024-02-01', [TIANSHAN]],
      ['san-meu-parent', 'us-bis-meu', 'added', '2020-12-23', [HOLDINGS]],
      ['san-ofac-parent', 'us-ofac-sdn', 'added', '2021-12-10', [HOLDINGS]],
      ['san-seco-urban', 'PREFIX-list-state-secretariat-for-economic-affairs-seco-8801fb4e', 'added', '2023-04-01', [URBAN]],
      ['san-uk-chen', 'uk-sanctions', 'added', '2022-05-04', ['Chen Ming']],
      ['san-uk-chen-removed', 'uk-sanctions', 'removed', '2024-01-15', ['Chen Ming']],
    ]);
    // Several values per property: both names, the aliases and both registration numbers are kept.
    // (mixed-case FtM ids become ids with a hash suffix, so the entity is found by search)
    const search = await api(server.baseUrl, `/api/v1/entities?q=${encodeURIComponent('Huaxin Holdings')}&limit=50`);
    const holdings = search.body.items.find((i: { id: string }) => i.id.startsWith(prefix));
    const entity = await api(server.baseUrl, `/api/v1/entities/${holdings.id}`);
    expect(entity.body.entity ?? entity.body).toMatchObject({
      name: HOLDINGS,
      aliases: ['华信控股集团有限公司', 'Huaxin Holdings'],
      country: 'cn',
    });
  }

  it('through the command line', async () => {
    const { first, prefix } = await twice('ftm', 'itest-cli-ftm', cli('ftm', 'ftm/sample.ftm.jsonl', 'itest-cli-ftm'));
    await expectSample(first, prefix);
  }, SLOW);

  it('through POST /api/v1/imports (the file as the body)', async () => {
    const body = await text('ftm/sample.ftm.jsonl');
    const { first, prefix } = await twice('ftm', 'itest-api-ftm', () => viaApi('format=ftm&dataset=itest-api-ftm', body, 'application/x-ndjson'));
    expect(first.files).toEqual(['upload.jsonl']);
    await expectSample(first, prefix);
  }, SLOW);
});

describe('BODS 0.4 (a chain over two files: tests/fixtures/import/bods/chain)', () => {
  async function expectChain(first: ImportReport, prefix: string) {
    expect(first).toMatchObject({ read: 14, records: 7, merged: 3, skipped: 1, rejected: 3 });
    expect(first.rejections.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['part-2.jsonl', 7, 'share exact over 100 (120)'],
      ['part-2.jsonl', 8, `unknown reference: owned '${prefix}e-ghost' is neither in this import nor in the graph`],
      ['part-2.jsonl', 10, 'missing recordId'],
    ]);
    expect(await importCounts(server.db, prefix)).toMatchObject({ entities: 4, persons: 1, owns: 4, controls: 1, decisions: 0 });
    const rows = (await edgeRows(prefix)).map(([, ...rest]) => rest);
    expect(rows).toEqual([
      // closed on 2021-09-30 by the record's closing statement
      ['CONTROLS', 'Anna Kowalski', 'Meridian Operating Company Ltd', null, null, null, null, null, 'voting rights 25–50%', '2019-01-01', '2021-09-30'],
      ['OWNS', 'Anna Kowalski', 'Meridian Holdings Ltd', 60, null, null, true, true, null, '2016-04-06', null],
      // the 2018 shareholding ends when the 2020-06-01 update replaces it with a 50–<75% range
      ['OWNS', 'Meridian Holdings Ltd', 'Meridian Operating Company Ltd', 100, null, null, true, true, null, '2018-02-01', '2020-06-01'],
      ['OWNS', 'Meridian Holdings Ltd', 'Meridian Operating Company Ltd', null, 50, 75, true, false, null, '2020-06-01', null],
      // an unspecified interested party is an owner of its own, named after what it owns
      ['OWNS', 'Unspecified owner of Meridian Operating Company Ltd', 'Meridian Operating Company Ltd', null, 25, 50, true, false, null, '2021-01-10', null],
    ]);
  }

  it('through the command line (the directory)', async () => {
    const { first, prefix } = await twice('bods', 'itest-cli-bods', cli('bods', 'bods/chain', 'itest-cli-bods'));
    expect(first.files).toEqual(['part-1.json', 'part-2.jsonl']);
    await expectChain(first, prefix);
  }, SLOW);

  it('through POST /api/v1/imports (both files in a JSON envelope)', async () => {
    const envelope = JSON.stringify({ format: 'bods', dataset: 'itest-api-bods', files: { 'part-1.json': await text('bods/chain/part-1.json'), 'part-2.jsonl': await text('bods/chain/part-2.jsonl') } });
    const { first, prefix } = await twice('bods', 'itest-api-bods', () => viaApi('', envelope, 'application/json'));
    await expectChain(first, prefix);
  }, SLOW);
});

describe('CSV (the nodes.csv + edges.csv pair of the CSV export)', () => {
  async function expectPair(first: ImportReport, prefix: string) {
    expect(first).toMatchObject({ read: 19, records: 11, rejected: 8, created: 11 });
    expect(first.rejections.map((r) => [r.file, r.line, r.id])).toEqual([
      ['nodes.csv', 7, 'alien'],
      ['nodes.csv', 8, null],
      ['nodes.csv', 9, 'noname'],
      ['edges.csv', 6, 'e5'],
      ['edges.csv', 7, 'e6'],
      ['edges.csv', 8, 'e7'],
      ['edges.csv', 10, 'e9'],
      ['edges.csv', 11, 'e10'],
    ]);
    expect(await importCounts(server.db, prefix)).toMatchObject({ entities: 5, persons: 1, stateBodies: 1, vehicles: 1, owns: 4, controls: 2 });
    expect(await edgeRows(prefix)).toEqual([
      ['e11', 'CONTROLS', 'Maria Rossi', 'City Development Investment Co.', null, null, null, null, null, 'control', '2021-07-01', null],
      ['e4', 'CONTROLS', 'Municipal State Assets Bureau', 'Precision Optics, Ltd.', null, null, null, null, null, 'state supervision', null, null],
      ['e2', 'OWNS', 'City Development Investment Co.', 'Precision Optics, Ltd.', null, 30, 50, false, true, null, '2015-01-01', null],
      ['e8', 'OWNS', 'Maria Rossi', 'Lower-case Kind Co', 12.5, null, null, true, true, null, null, null],
      ['e3', 'OWNS', 'Maria Rossi', 'Precision Optics, Ltd.', null, null, null, true, true, null, null, null],
      ['e1', 'OWNS', 'Municipal State Assets Bureau', 'City Development Investment Co.', 100, null, null, true, true, null, '2010-01-01', null],
    ]);
  }

  it('through the command line (the directory)', async () => {
    const { first, prefix } = await twice('csv', 'itest-cli-csv', cli('csv', 'csv', 'itest-cli-csv'));
    expect(first.files).toEqual(['nodes.csv', 'edges.csv']);
    await expectPair(first, prefix);
  }, SLOW);

  it('through POST /api/v1/imports (both files in a JSON envelope)', async () => {
    const envelope = JSON.stringify({ format: 'csv', dataset: 'itest-api-csv', files: { 'nodes.csv': await text('csv/nodes.csv'), 'edges.csv': await text('csv/edges.csv') } });
    const { first, prefix } = await twice('csv', 'itest-api-csv', () => viaApi('', envelope, 'application/json'));
    await expectPair(first, prefix);
  }, SLOW);
});

describe('exposure after an import', () => {
  it('an imported OFAC listing of a 100% owner makes the owned entity exposed, without a recompute', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-import-exposure-'));
    const dataset = 'itest-exposure-import';
    written.push(['ftm', dataset]);
    const prefix = `ftm-${dataset}-`;
    const [owner, owned] = [`${prefix}exp-owner`, `${prefix}exp-sub`];
    // First the companies and the stake (through the API) …
    const companies = [
      { id: 'exp-owner', schema: 'Company', properties: { name: ['Exposure Import Owner Ltd'] } },
      { id: 'exp-sub', schema: 'Company', properties: { name: ['Exposure Import Subsidiary Ltd'] } },
      { id: 'exp-own', schema: 'Ownership', properties: { owner: ['exp-owner'], asset: ['exp-sub'], percentage: ['100%'], startDate: ['2015-01-01'] } },
    ];
    const before = await viaApi(`format=ftm&dataset=${dataset}`, companies.map((c) => JSON.stringify(c)).join('\n'), 'application/x-ndjson');
    expect(before.byKind.owns.created).toBe(1);
    const status = async (id: string) => (await api(server.baseUrl, `/api/v1/entities/${id}/exposure?list=us-ofac-sdn`)).body.determinations[0].status;
    expect(await status(owned)).toBe('clear');

    // … then, in another file and another process (the command line), the owner's listing.
    const listing = path.join(dir, 'listing.ftm.jsonl');
    const sanction = { id: 'exp-sdn', schema: 'Sanction', properties: { entity: ['exp-owner'], authority: ['Office of Foreign Assets Control'], program: ['SDGT'], listingDate: ['2020-01-01'] }, datasets: ['us_ofac_sdn'] };
    await writeFile(listing, `${JSON.stringify(sanction)}\n`);
    const report = await runImportCli(['--format', 'ftm', listing, '--dataset', dataset]);
    expect(report).toMatchObject({ created: 1, rejected: 0, exposure: { refreshed: true, entities: 1 } });
    expect(report.exposure.lists).toContain('us-ofac-sdn');

    // Computed on the fly for the entity …
    expect(await status(owner)).toBe('listed');
    expect(await status(owned)).toBe('exposed');
    // … and in the materialised list the server answers today's /exposure from, refreshed by the import.
    const materialised = async (id: string) => {
      let cursor = '';
      for (;;) {
        const page = await api(server.baseUrl, `/api/v1/exposure?list=us-ofac-sdn&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect([page.status, page.body.source]).toEqual([200, 'materialised']);
        const hit = page.body.items.find((i: { entityId: string }) => i.entityId === id);
        if (hit || !page.body.nextCursor) return hit ?? null;
        cursor = page.body.nextCursor;
      }
    };
    expect(await materialised(owned)).toMatchObject({ status: 'exposed', aggregate: { min: 100, max: 100 } });
    expect(await materialised(owner)).toMatchObject({ status: 'listed' });
  }, SLOW);
});
