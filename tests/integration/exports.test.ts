// Subgraph exports of Hikvision's neighbourhood, each opened in a real reader: cytoscape (headless) for
// cyjs, graphology's GraphML and GEXF parsers, fflate + csv-parse for the CSV zip, and ajv against the
// FollowTheMoney and BODS 0.4 schemas for ftm and bods. Counts and specific values, not string matches.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { BODS_SCHEMAS } from '../support/bods-schema.js';
import { FTM, ftmJsonSchema, isA } from '../support/ftm-schema.js';
import { fromRoot } from '../../server/src/paths.js';
import { api, startTestServer, type TestServer } from '../support/server.js';

const AS_OF = '2024-01-01';
// ajv and ajv-formats are CommonJS: their classes are the `default` member of the module object.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const Graph = MultiDirectedGraph;
type Graph = MultiDirectedGraph;

const HAISHI = ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'];
// Hikvision, its seven owners and controllers on 2024-01-01, and its five Haishi subsidiaries.
const NEIGHBOURHOOD = ['hikvision', 'cethik', 'cetc', 'cetc-52nd-institute', 'cetc-investment-holdings', 'gong-hongjia', 'xinjiang-weixun', 'xinjiang-pukang', ...HAISHI];
// Six OWNS and two CONTROLS edges into Hikvision valid on that date, five OWNS edges out of it.
const EDGES = [
  'own-cethik-hikvision-2023', 'own-cetc52-hikvision', 'own-cetc-investment-hikvision-2023', 'own-gong-hongjia-hikvision-2019',
  'own-xinjiang-weixun-hikvision', 'own-xinjiang-pukang-hikvision', 'ctl-cethik-hikvision', 'ctl-cetc-hikvision',
  ...HAISHI.map((h) => `own-hikvision-${h}`),
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function download(path: string, init?: RequestInit) {
  const res = await fetch(server.baseUrl + path, init);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
}

const neighbourhood = (format: string) => download(`/api/v1/subgraph?root=hikvision&depth=1&direction=both&asOf=${AS_OF}&format=${format}`);

function expectNamedFile(headers: Headers, extension: string) {
  expect(headers.get('content-disposition')).toBe(`attachment; filename="ownership-hikvision-${AS_OF}.${extension}"`);
  expect(headers.get('x-export-nodes')).toBe(String(NEIGHBOURHOOD.length));
  expect(headers.get('x-export-edges')).toBe(String(EDGES.length));
  expect(headers.get('x-export-truncated')).toBe('false');
  // Streamed as it is written: chunked, no length known up front.
  expect(headers.get('transfer-encoding')).toBe('chunked');
  expect(headers.get('content-length')).toBeNull();
}

/** Well-formed XML in the expected namespace, by @xmldom/xmldom (which throws on fatal errors). */
function xmlRoot(text: string) {
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(text, 'application/xml');
  return doc.documentElement!;
}

describe('GET /subgraph exports of Hikvision (depth 1, both directions, 2024-01-01)', () => {
  it('cyjs loads into cytoscape', async () => {
    const { status, headers, text } = await neighbourhood('cyjs');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expectNamedFile(headers, 'cyjs');
    const doc = JSON.parse(text);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual([...NEIGHBOURHOOD].sort());
    expect(cy.edges().map((e) => e.id()).sort()).toEqual([...EDGES].sort());
    const cethik = cy.getElementById('own-cethik-hikvision-2023');
    expect(cethik.source().id()).toBe('cethik');
    expect(cethik.target().id()).toBe('hikvision');
    expect(cethik.data()).toMatchObject({ type: 'OWNS', percent: 36.48, stake: '36.48%', start: '2023-10-16', end: null });
    expect(cy.getElementById('own-xinjiang-pukang-hikvision').data()).toMatchObject({ percent: null, percentMin: null, percentMax: null, stake: 'unknown' });
    // Sources by id and by URL on every node and edge: the URLs of its sources in the seed (some have none).
    const seedSources = JSON.parse(readFileSync(fromRoot('seed/hikvision/sources.json'), 'utf8')) as { id: string; url: string | null }[];
    const urlOf = new Map(seedSources.filter((s) => s.url).map((s) => [s.id, s.url!]));
    const urlsOf = (ids: string[]) => [...new Set(ids.filter((id) => urlOf.has(id)).map((id) => urlOf.get(id)!))];
    for (const el of [...cy.nodes(), ...cy.edges()]) {
      expect([el.id(), el.data('sourceIds').length > 0, el.data('sourceUrls')]).toEqual([el.id(), true, urlsOf(el.data('sourceIds'))]);
    }
    expect(cy.getElementById('hikvision').data('sourceUrls').length).toBeGreaterThan(0);
    expect(cy.getElementById('own-gong-hongjia-hikvision-2019').data()).toMatchObject({ percent: null, percentMin: 10.3, percentMax: 13.43 });
    const hik = cy.getElementById('hikvision').data();
    expect(hik).toMatchObject({ kind: 'Company', country: 'cn', identifiers: ['SZSE:002415'], depth: 0 });
    expect(hik.aliases).toContain('海康威视');
    expect(hik.listed).toEqual(['us-bis-entity-list', 'us-ndaa-889', 'us-ns-cmic']);
    expect(cy.getElementById('gong-hongjia').data('kind')).toBe('Person');
    expect(cy.getElementById('moyu-haishi').data('listed')).toEqual(['us-bis-entity-list']);
    expect(doc.data).toMatchObject({ asOf: AS_OF, roots: ['hikvision'], truncated: false });
  });

  it('GraphML opens in graphology-graphml with typed attributes', async () => {
    const { status, headers, text } = await neighbourhood('graphml');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expectNamedFile(headers, 'graphml');
    expect(xmlRoot(text).namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    const g = graphml.parse(Graph, text);
    expect(g.order).toBe(NEIGHBOURHOOD.length);
    expect(g.size).toBe(EDGES.length);
    expect(g.nodes().sort()).toEqual([...NEIGHBOURHOOD].sort());
    expect(g.edges('cethik', 'hikvision')).toHaveLength(2); // CETHIK both owns and controls Hikvision: parallel edges survive
    const byId = edgeAttributesById(g);
    expect(byId.get('own-cethik-hikvision-2023')).toMatchObject({ type: 'OWNS', percent: 36.48, minInclusive: true, start: '2023-10-16' });
    expect(typeof byId.get('own-cethik-hikvision-2023')!.percent).toBe('number');
    const unknown = byId.get('own-xinjiang-pukang-hikvision')!;
    expect(unknown.percent).toBeUndefined();
    expect(unknown.percentMin).toBeUndefined();
    expect(unknown.stake).toBe('unknown');
    expect(byId.get('ctl-cetc-hikvision')).toMatchObject({ type: 'CONTROLS', stake: 'control' });
    expect(byId.get('ctl-cetc-hikvision')!.basis).toMatch(/actual controller|controller/i);
    expect(g.getNodeAttributes('hikvision')).toMatchObject({ kind: 'Company', country: 'cn', listed: 'us-bis-entity-list|us-ndaa-889|us-ns-cmic', depth: 0 });
    expect(g.getNodeAttribute('gong-hongjia', 'kind')).toBe('Person');
  });

  it('GEXF 1.3 opens in graphology-gexf with typed and list attributes', async () => {
    const { status, headers, text } = await neighbourhood('gexf');
    expect(status).toBe(200);
    expectNamedFile(headers, 'gexf');
    const root = xmlRoot(text);
    expect(root.namespaceURI).toBe('http://gexf.net/1.3');
    expect(root.getAttribute('version')).toBe('1.3');
    const g = gexf.parse(Graph, text);
    expect(g.order).toBe(NEIGHBOURHOOD.length);
    expect(g.size).toBe(EDGES.length);
    const byId = edgeAttributesById(g);
    expect(byId.get('own-cethik-hikvision-2023')).toMatchObject({ percent: 36.48, label: '36.48%', kind: 'OWNS' });
    expect(byId.get('own-xinjiang-pukang-hikvision')!.percent).toBeUndefined();
    expect(byId.get('own-gong-hongjia-hikvision-2019')).toMatchObject({ percentMin: 10.3, percentMax: 13.43, maxInclusive: true });
    const hik = g.getNodeAttributes('hikvision');
    expect(hik.label).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(hik.listed).toEqual(['us-bis-entity-list', 'us-ndaa-889', 'us-ns-cmic']);
    expect(hik.aliases).toContain('杭州海康威视数字技术股份有限公司');
    expect(hik.identifiers).toEqual(['SZSE:002415']);
  });

  it('CSV: a zip of nodes.csv and edges.csv that csv-parse reads back', async () => {
    const { status, headers, bytes } = await neighbourhood('csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/zip');
    expectNamedFile(headers, 'zip');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodes = parseCsv(strFromU8(files['nodes.csv']!), { columns: true, bom: true }) as Record<string, string>[];
    const edges = parseCsv(strFromU8(files['edges.csv']!), { columns: true, bom: true }) as Record<string, string>[];
    expect(nodes.map((n) => n.id).sort()).toEqual([...NEIGHBOURHOOD].sort());
    expect(edges.map((e) => e.id).sort()).toEqual([...EDGES].sort());
    const exposureColumns = Object.keys(nodes[0]!).filter((c) => c.startsWith('exposure_'));
    expect(Object.keys(nodes[0]!)).toEqual(['id', 'kind', 'name', 'aliases', 'country', 'identifiers', 'description', 'sourceIds', 'sourceUrls', 'depth', 'listed', ...exposureColumns]);
    expect(exposureColumns.length).toBeGreaterThan(0);
    expect(Object.keys(edges[0]!)).toEqual(['id', 'type', 'source', 'target', 'percent', 'percentMin', 'percentMax', 'minInclusive', 'maxInclusive', 'stake', 'basis', 'start', 'end', 'sourceIds', 'sourceUrls']);
    const hik = nodes.find((n) => n.id === 'hikvision')!;
    expect(hik).toMatchObject({ kind: 'Company', country: 'cn', identifiers: 'SZSE:002415', listed: 'us-bis-entity-list|us-ndaa-889|us-ns-cmic' });
    expect(hik.aliases!.split('|')).toContain('海康威视');
    const cethik = edges.find((e) => e.id === 'own-cethik-hikvision-2023')!;
    expect(cethik).toMatchObject({ type: 'OWNS', source: 'cethik', target: 'hikvision', percent: '36.48', percentMin: '', start: '2023-10-16', end: '' });
    expect(edges.find((e) => e.id === 'own-xinjiang-pukang-hikvision')).toMatchObject({ percent: '', percentMin: '', percentMax: '', stake: 'unknown' });
    expect(edges.find((e) => e.id === 'own-gong-hongjia-hikvision-2019')).toMatchObject({ percentMin: '10.3', percentMax: '13.43', minInclusive: 'true' });
  });

  it('FtM: every line is a valid FollowTheMoney entity, with Ownership, control links and Sanctions', async () => {
    const { status, headers, text } = await neighbourhood('ftm');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expectNamedFile(headers, 'ftm.jsonl');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(ftmJsonSchema());
    for (const line of lines) {
      const id = line.id;
      if (!validate(line)) throw new Error(`${id}: ${ajv.errorsText(validate.errors)}`);
    }
    // The schema has teeth: a missing required property or one the FtM schema lacks is refused.
    expect(validate({ id: 'x', schema: 'Ownership', properties: { owner: ['cethik'] } })).toBe(false);
    expect(validate({ id: 'x', schema: 'Company', properties: { name: ['X'], percentage: ['5'] } })).toBe(false);
    expect(validate({ id: 'x', schema: 'Sanction', properties: { entity: ['x'], startDate: ['9 Oct 2019'] } })).toBe(false);
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.size).toBe(lines.length);
    const things = lines.filter((l) => isA(l.schema, 'LegalEntity'));
    expect(things.map((l) => l.id).sort()).toEqual([...NEIGHBOURHOOD].sort());
    expect(byId.get('gong-hongjia')!.schema).toBe('Person');
    expect(byId.get('cetc-52nd-institute')!.schema).toBe('PublicBody');
    expect(byId.get('hikvision')!.properties).toMatchObject({ ticker: ['002415'], country: ['cn'], topics: ['sanction'] });

    const ownerships = lines.filter((l) => l.schema === 'Ownership');
    const links = lines.filter((l) => l.schema === 'UnknownLink');
    expect(ownerships).toHaveLength(11);
    expect(links.map((l) => l.id).sort()).toEqual(['ctl-cetc-hikvision', 'ctl-cethik-hikvision']);
    // Entity references point at entities in the file, of the range the FtM schema gives them.
    for (const o of ownerships) {
      expect(isA(byId.get(o.properties.owner![0]!)!.schema, 'LegalEntity')).toBe(true);
      expect(isA(byId.get(o.properties.asset![0]!)!.schema, 'Asset')).toBe(true);
    }
    expect(byId.get('own-cethik-hikvision-2023')!.properties).toMatchObject({ owner: ['cethik'], asset: ['hikvision'], percentage: ['36.48'], startDate: ['2023-10-16'] });
    expect(byId.get('own-xinjiang-pukang-hikvision')!.properties.percentage).toBeUndefined();
    expect(byId.get('own-gong-hongjia-hikvision-2019')!.properties.percentage).toEqual(['10.3-13.43']);

    const sanctions = lines.filter((l) => l.schema === 'Sanction');
    for (const s of sanctions) expect(byId.has(s.properties.entity![0]!)).toBe(true);
    const hikSanctions = sanctions.filter((s) => s.properties.entity![0] === 'hikvision');
    expect(hikSanctions.map((s) => s.properties.programId![0]).sort()).toEqual(['us-bis-entity-list', 'us-ndaa-889', 'us-ns-cmic']);
    const entityList = hikSanctions.find((s) => s.properties.programId![0] === 'us-bis-entity-list')!;
    expect(entityList.properties).toMatchObject({ listingDate: ['2019-10-09'], startDate: ['2019-10-09'], summary: ['84 FR 54002'], status: ['Active'] });
    expect(entityList.properties.authority![0]).toMatch(/Bureau of Industry and Security|BIS/);
    expect(entityList.properties.sourceUrl!.length).toBeGreaterThan(0);
    for (const h of HAISHI) {
      expect(sanctions.filter((s) => s.properties.entity![0] === h).map((s) => s.properties.listingDate![0])).toEqual(['2023-03-28']);
    }
    // The reported (not enacted) OFAC SDN listing makes no Sanction.
    expect(sanctions.some((s) => s.properties.programId![0] === 'us-ofac-sdn')).toBe(false);
    expect(Object.keys(FTM)).toContain('Sanction');
  });

  it('BODS: the statements validate against the BODS 0.4 schema, shares exact, ranged or absent', async () => {
    const { status, headers, text } = await neighbourhood('bods');
    expect(status).toBe(200);
    expectNamedFile(headers, 'bods.json');
    const statements = JSON.parse(text) as any[];
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const s of BODS_SCHEMAS) ajv.addSchema(s);
    const validate = ajv.getSchema('urn:bods:statement')!;
    if (!validate(statements)) throw new Error(ajv.errorsText(validate.errors));

    // … and it has teeth: a short statementId, a share over 100% or an unknown interest type fail.
    const rel = statements.find((x) => x.recordId === 'own-cethik-hikvision-2023');
    expect(validate([{ ...statements[0], statementId: 'abc' }])).toBe(false);
    expect(validate([{ ...rel, recordDetails: { ...rel.recordDetails, interests: [{ type: 'shareholding', share: { exact: 136.48 } }] } }])).toBe(false);
    expect(validate([{ ...rel, recordDetails: { ...rel.recordDetails, interests: [{ type: 'owns' }] } }])).toBe(false);

    expect(statements).toHaveLength(NEIGHBOURHOOD.length + EDGES.length);
    const ids = statements.map((s) => s.statementId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
    const records = new Map(statements.map((s) => [s.recordId, s]));
    expect(statements.every((s) => s.declarationSubject === 'hikvision' && s.statementDate === AS_OF)).toBe(true);
    expect(records.get('gong-hongjia')).toMatchObject({ recordType: 'person', recordDetails: { personType: 'knownPerson' } });
    expect(records.get('cetc-52nd-institute').recordDetails.entityType).toEqual({ type: 'stateBody' });
    expect(records.get('hikvision').recordDetails).toMatchObject({ jurisdiction: { code: 'CN', name: 'China' }, identifiers: [{ id: '002415', schemeName: 'SZSE' }] });

    // Relationships come after the records they name.
    const position = new Map(statements.map((s, i) => [s.recordId, i]));
    for (const s of statements.filter((x) => x.recordType === 'relationship')) {
      expect(position.get(s.recordDetails.subject)).toBeLessThan(position.get(s.recordId)!);
      expect(position.get(s.recordDetails.interestedParty)).toBeLessThan(position.get(s.recordId)!);
    }
    const interest = (id: string) => records.get(id).recordDetails.interests[0];
    expect(records.get('own-cethik-hikvision-2023').recordDetails).toMatchObject({ subject: 'hikvision', interestedParty: 'cethik' });
    expect(interest('own-cethik-hikvision-2023')).toMatchObject({ type: 'shareholding', share: { exact: 36.48 }, startDate: '2023-10-16' });
    expect(interest('own-gong-hongjia-hikvision-2019').share).toEqual({ minimum: 10.3, maximum: 13.43 });
    expect(interest('own-xinjiang-pukang-hikvision').share).toBeUndefined();
    expect(interest('ctl-cetc-hikvision')).toMatchObject({ type: 'otherInfluenceOrControl' });
    expect(records.get('hikvision').annotations[0].description).toContain('us-bis-entity-list');

    // Stable ids: the same export twice gives the same statement ids.
    const again = JSON.parse((await neighbourhood('bods')).text) as any[];
    expect(again.map((s) => s.statementId)).toEqual(ids);
  });
});

describe('exposure status per list on every node', () => {
  /** What the exposure engine says for one entity on AS_OF, per list, through its own route. */
  async function engine(id: string): Promise<Record<string, string>> {
    const { status, body } = await api(server.baseUrl, `/api/v1/entities/${id}/exposure?asOf=${AS_OF}`);
    expect(status).toBe(200);
    return Object.fromEntries(body.determinations.map((d: { list: string; status: string }) => [d.list, d.status]));
  }
  let expected: Map<string, Record<string, string>>;
  let lists: string[];
  beforeAll(async () => {
    expected = new Map();
    for (const id of NEIGHBOURHOOD) expected.set(id, await engine(id));
    lists = Object.keys(expected.get('hikvision')!).sort();
  }, 120_000);
  const attrs = (statuses: Record<string, string>) => Object.fromEntries(Object.entries(statuses).map(([l, s]) => [`exposure_${l}`, s]));

  it('matches the engine in cyjs, GraphML, GEXF and CSV (one exposure_<list> attribute per list)', async () => {
    expect(lists).toEqual(['eu-fsf', 'uk-sanctions', 'us-bis-entity-list', 'us-bis-meu', 'us-ndaa-889', 'us-ns-cmic', 'us-ofac-sdn']);
    expect(expected.get('hikvision')).toMatchObject({ 'us-bis-entity-list': 'listed', 'us-ns-cmic': 'listed', 'us-ofac-sdn': 'clear' });
    expect(expected.get('moyu-haishi')).toMatchObject({ 'us-bis-entity-list': 'listed' });

    const doc = JSON.parse((await neighbourhood('cyjs')).text);
    expect(doc.data.exposureLists).toEqual(lists);
    for (const n of doc.elements.nodes) expect([n.data.id, pick(n.data)]).toEqual([n.data.id, attrs(expected.get(n.data.id)!)]);

    const gml = graphml.parse(Graph, (await neighbourhood('graphml')).text);
    const gx = gexf.parse(Graph, (await neighbourhood('gexf')).text);
    for (const id of NEIGHBOURHOOD) {
      expect([id, pick(gml.getNodeAttributes(id))]).toEqual([id, attrs(expected.get(id)!)]);
      expect([id, pick(gx.getNodeAttributes(id))]).toEqual([id, attrs(expected.get(id)!)]);
    }

    const files = unzipSync((await neighbourhood('csv')).bytes);
    const rows = parseCsv(strFromU8(files['nodes.csv']!), { columns: true, bom: true }) as Record<string, string>[];
    for (const r of rows) expect([r.id, pick(r)]).toEqual([r.id, attrs(expected.get(r.id!)!)]);
  });

  it('FtM topics and notes, and BODS annotations, carry the same statuses', async () => {
    const lines = (await neighbourhood('ftm')).text.trim().split('\n').map((l) => JSON.parse(l));
    const statements = JSON.parse((await neighbourhood('bods')).text) as any[];
    for (const id of NEIGHBOURHOOD) {
      const statuses = expected.get(id)!;
      const entity = lines.find((l) => l.id === id)!;
      const note = `Exposure on ${AS_OF}: ${lists.map((l) => `${l} ${statuses[l]}`).join('; ')}`;
      expect([id, entity.properties.notes]).toEqual([id, [note]]);
      const linked = Object.values(statuses).some((s) => s === 'exposed' || s === 'possibly_exposed');
      expect([id, (entity.properties.topics ?? []).includes('sanction.linked')]).toEqual([id, linked]);
      const annotations = statements.find((s) => s.recordId === id).annotations.map((a: { description: string }) => a.description);
      expect([id, annotations]).toEqual([id, expect.arrayContaining([note])]);
    }
  });

  it('follows the date: before the Haishi listings (2023-03-28) the subsidiaries are clear', async () => {
    const r = await download('/api/v1/subgraph?root=moyu-haishi&depth=1&direction=up&asOf=2023-01-01&format=cyjs');
    const moyu = JSON.parse(r.text).elements.nodes.find((n: any) => n.data.id === 'moyu-haishi').data;
    expect(moyu['exposure_us-bis-entity-list']).toBe((await (async () => {
      const { body } = await api(server.baseUrl, '/api/v1/entities/moyu-haishi/exposure?asOf=2023-01-01&list=us-bis-entity-list');
      return body.determinations[0].status;
    })()));
    expect(moyu['exposure_us-bis-entity-list']).not.toBe('listed');
    expect(moyu.listed).toEqual([]);
  });
});

/** The exposure_<list> attributes of a node. */
function pick(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k.startsWith('exposure_')));
}

describe('more subgraph exports', () => {
  it('takes several roots, repeated or comma-separated, and names the file after them', async () => {
    const a = await download(`/api/v1/subgraph?root=moyu-haishi&root=pishan-haishi-yongan&depth=1&direction=up&asOf=${AS_OF}&format=cyjs`);
    const b = await download(`/api/v1/subgraph?root=moyu-haishi,pishan-haishi-yongan&depth=1&direction=up&asOf=${AS_OF}&format=cyjs`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-disposition')).toBe(`attachment; filename="ownership-moyu-haishi+pishan-haishi-yongan-${AS_OF}.cyjs"`);
    const ids = JSON.parse(a.text).elements.nodes.map((n: any) => n.data.id).sort();
    expect(ids).toEqual(['hikvision', 'lgfv-moyu', 'lgfv-pishan', 'moyu-haishi', 'pishan-haishi-yongan']);
    expect(JSON.parse(b.text).elements).toEqual(JSON.parse(a.text).elements);
  });

  it('exports a path result (POST /subgraph/export with a paths request)', async () => {
    const r = await download('/api/v1/subgraph/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'graphml', paths: { from: 'moyu-haishi', to: 'sasac', direction: 'up', relTypes: ['OWNS'], asOf: AS_OF } }),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="ownership-moyu-haishi-to-sasac-${AS_OF}.graphml"`);
    const g = graphml.parse(Graph, r.text);
    expect(g.nodes().sort()).toEqual(['cetc', 'cethik', 'hikvision', 'moyu-haishi', 'sasac']);
    expect(g.size).toBe(4);
    expect(g.getNodeAttribute('sasac', 'kind')).toBe('StateBody');
    expect(g.getNodeAttribute('sasac', 'depth')).toBe(4);
  });

  it('takes roots in a POST body too, with depth and direction, and gives the same file as GET', async () => {
    const posted = await download('/api/v1/subgraph/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'cyjs', roots: ['moyu-haishi', 'pishan-haishi-yongan'], depth: 1, direction: 'up', asOf: AS_OF }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('content-disposition')).toBe(`attachment; filename="ownership-moyu-haishi+pishan-haishi-yongan-${AS_OF}.cyjs"`);
    const got = await download(`/api/v1/subgraph?root=moyu-haishi,pishan-haishi-yongan&depth=1&direction=up&asOf=${AS_OF}&format=cyjs`);
    expect(JSON.parse(posted.text).elements).toEqual(JSON.parse(got.text).elements);
    expect(JSON.parse(posted.text).elements.nodes).toHaveLength(5);
  });

  it('exports a chosen set of entities with the edges among them', async () => {
    const r = await download('/api/v1/subgraph/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'cyjs', asOf: AS_OF, nodes: ['sasac', 'cetc', 'cethik'] }),
    });
    expect(r.status).toBe(200);
    const cy = cytoscape({ headless: true, elements: JSON.parse(r.text).elements });
    expect(cy.nodes().length).toBe(3);
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['ctl-cetc-cethik', 'ctl-sasac-cetc', 'own-cetc-cethik', 'own-sasac-cetc']);
  });
});

describe('bad export requests', () => {
  const problem = async (path: string, init?: RequestInit) => {
    const r = await api(server.baseUrl, path, init);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return { status: r.status, paths: (r.body.errors ?? []).map((e: { path: string }) => e.path), body: r.body };
  };
  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('name the field that is wrong', async () => {
    expect(await problem('/api/v1/subgraph?root=hikvision&format=xlsx')).toMatchObject({ status: 400, paths: ['query.format'] });
    expect(await problem('/api/v1/subgraph?root=hikvision&depth=0')).toMatchObject({ status: 400, paths: ['query.depth'] });
    expect(await problem('/api/v1/subgraph?root=hikvision&depth=11')).toMatchObject({ status: 400, paths: ['query.depth'] });
    expect(await problem('/api/v1/subgraph?root=hikvision&direction=sideways')).toMatchObject({ status: 400, paths: ['query.direction'] });
    expect(await problem('/api/v1/subgraph?root=hikvision&asOf=2024-13-01')).toMatchObject({ status: 400, paths: ['query.asOf'] });
    expect(await problem('/api/v1/subgraph?format=cyjs')).toMatchObject({ status: 400, paths: ['query.root'] });
    expect(await problem('/api/v1/subgraph?root=,')).toMatchObject({ status: 400, paths: ['query.root'] });
    expect(await problem('/api/v1/subgraph?root=hik%20vision')).toMatchObject({ status: 400, paths: ['query.root.0'] });
    expect(await problem('/api/v1/subgraph?root=hikvision&colour=red')).toMatchObject({ status: 400, paths: ['query.colour'] });
    expect(await problem('/api/v1/subgraph/export', post({ format: 'pdf', nodes: ['hikvision'] }))).toMatchObject({ status: 400, paths: ['body.format'] });
    expect(await problem('/api/v1/subgraph/export', post({ format: 'cyjs' }))).toMatchObject({ status: 400, paths: ['body.paths'] });
    expect(await problem('/api/v1/subgraph/export', post({ nodes: ['hikvision'], paths: { from: 'cethik', to: 'hikvision' } }))).toMatchObject({ status: 400, paths: ['body.paths'] });
    expect(await problem('/api/v1/subgraph/export', post({ nodes: [] }))).toMatchObject({ status: 400, paths: ['body.nodes'] });
    expect(await problem('/api/v1/subgraph/export', post({ paths: { from: 'cethik', to: 'hikvision', maxHops: 0 } }))).toMatchObject({ status: 400, paths: ['body.paths.maxHops'] });
    expect(await problem('/api/v1/subgraph/export', post({ roots: ['hikvision'], depth: 11 }))).toMatchObject({ status: 400, paths: ['body.depth'] });
    expect(await problem('/api/v1/subgraph/export', post({ roots: ['hikvision'], direction: 'any' }))).toMatchObject({ status: 400, paths: ['body.direction'] });
    expect(await problem('/api/v1/subgraph/export', post({ roots: ['hikvision'], asOf: '2024-02-30' }))).toMatchObject({ status: 400, paths: ['body.asOf'] });
    expect(await problem('/api/v1/subgraph/export', post({ roots: [] }))).toMatchObject({ status: 400, paths: ['body.roots'] });
    expect(await problem('/api/v1/subgraph/export', post({ nodes: ['hikvision'], depth: 2 }))).toMatchObject({ status: 400, paths: ['body.depth'] });
    expect(await problem('/api/v1/subgraph/export', post({ roots: ['hikvision'], nodes: ['hikvision'] }))).toMatchObject({ status: 400, paths: ['body.paths'] });
  });

  it('answer 404 naming unknown roots', async () => {
    const r = await problem('/api/v1/subgraph?root=hikvision,no-such-entity');
    expect(r.status).toBe(404);
    expect(r.body.detail).toContain('no-such-entity');
    expect((await problem('/api/v1/subgraph/export', post({ nodes: ['nobody'] }))).status).toBe(404);
  });
});

function edgeAttributesById(g: Graph): Map<string, Record<string, any>> {
  const out = new Map<string, Record<string, any>>();
  g.forEachEdge((key: string, attrs: Record<string, any>, source: string, target: string) => out.set(String(attrs.id ?? key), { ...attrs, source, target }));
  return out;
}
