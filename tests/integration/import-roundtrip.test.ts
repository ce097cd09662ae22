// Round trip: the Hikvision neighbourhood (depth 2) exported as the CSV zip, FtM and BODS, each imported
// back through POST /api/v1/imports under a dataset of its own, gives the same graph: the same nodes
// (kind, name, country), the same edges with the same stakes (exact, ranges with their inclusive or
// exclusive bounds, unknown) and dates, and — for FtM, which carries sanctions — the same listings.
// Data is written under `<format>-itest-rt-*` and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { startExposureServer } from '../support/exposure.js';
import { IMPORT_API_KEY, deleteDataset, postImport } from '../support/import.js';
import { api, type TestServer } from '../support/server.js';

let server: TestServer;
const written: [string, string][] = [];

beforeAll(async () => {
  server = await startExposureServer(IMPORT_API_KEY);
});
afterAll(async () => {
  for (const [format, dataset] of written) await deleteDataset(server.db, format, dataset);
  await server.close();
});

interface Data {
  [k: string]: unknown;
}

/** The subgraph as Cytoscape JSON, nodes and edges reduced to what must survive, ids without `strip`. */
async function shape(root: string, strip = '') {
  const { status, body } = await api(server.baseUrl, `/api/v1/subgraph?root=${encodeURIComponent(root)}&depth=2`);
  expect(status).toBe(200);
  const id = (v: unknown) => String(v).slice(strip.length);
  const nodes = (body.elements.nodes as { data: Data }[]).map(({ data: n }) => ({ id: id(n.id), kind: n.kind, name: n.name, country: n.country, listed: n.listed }));
  const edges = (body.elements.edges as { data: Data }[]).map(({ data: e }) => {
    const bounded = e.percentMin !== null || e.percentMax !== null;
    return {
      key: [e.type, id(e.source), id(e.target), e.start ?? ''].join(' '),
      percent: e.percent,
      percentMin: e.percentMin,
      percentMax: e.percentMax,
      // inclusive flags mean something only for a range
      minInclusive: bounded ? e.minInclusive : null,
      maxInclusive: bounded ? e.maxInclusive : null,
      start: e.start,
      end: e.end,
      basis: e.basis ?? null,
    };
  });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  return { nodes: nodes.sort(byId), edges: edges.sort(byKey) };
}

async function exported(format: string): Promise<Buffer> {
  const res = await fetch(`${server.baseUrl}/api/v1/subgraph?root=hikvision&depth=2&format=${format}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function reimport(format: 'csv' | 'ftm' | 'bods') {
  const dataset = `itest-rt-${format}`;
  written.push([format, dataset]);
  const bytes = await exported(format);
  let result;
  if (format === 'csv') {
    const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, content]) => [name, strFromU8(content)]));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    result = await postImport(server.baseUrl, '', JSON.stringify({ format, dataset, files }), 'application/json');
  } else {
    result = await postImport(server.baseUrl, `format=${format}&dataset=${dataset}`, bytes.toString('utf8'), format === 'ftm' ? 'application/x-ndjson' : 'application/json');
  }
  expect([result.status, result.job.status]).toEqual([200, 'completed']);
  expect(result.job.report).toMatchObject({ rejected: 0, skipped: 0 });
  const prefix = `${format}-${dataset}-`;
  return { report: result.job.report, prefix, graph: await shape(`${prefix}hikvision`, prefix) };
}

describe('export, then import under a new dataset', () => {
  let original: Awaited<ReturnType<typeof shape>>;
  beforeAll(async () => {
    original = await shape('hikvision');
    // the case this test is about: exact stakes, inclusive and exclusive ranges, unknown stakes, dates, control
    expect(original.edges.some((e) => e.minInclusive === false)).toBe(true);
    expect(original.edges.some((e) => e.percent === null && e.percentMin === null && e.key.startsWith('OWNS'))).toBe(true);
    expect(original.edges.some((e) => e.key.startsWith('CONTROLS'))).toBe(true);
  });

  const withoutListings = (g: typeof original) => ({ ...g, nodes: g.nodes.map(({ listed: _l, ...n }) => n) });

  it('CSV zip: the same nodes, edges, stakes, dates and control bases', async () => {
    const { report, graph } = await reimport('csv');
    expect(report.byKind.entities.created).toBe(original.nodes.length);
    expect(withoutListings(graph)).toEqual(withoutListings(original));
  }, 300_000);

  it('FtM: the same nodes, edges, stakes, dates, control bases, and the listings', async () => {
    const { report, graph } = await reimport('ftm');
    expect(report.byKind.entities.created).toBe(original.nodes.length);
    // the listings come back on the built-in lists (programId is the list id), so the same nodes are listed
    expect(graph).toEqual(original);
  }, 300_000);

  it('BODS: the same nodes, edges, stakes and dates (control bases as BODS interest details)', async () => {
    const { report, graph } = await reimport('bods');
    expect(report.byKind.entities.created).toBe(original.nodes.length);
    const basisless = (g: typeof original) => ({ ...withoutListings(g), edges: g.edges.map(({ basis: _b, ...e }) => e) });
    expect(basisless(graph)).toEqual(basisless(original));
    for (const [i, e] of original.edges.entries()) {
      if (e.basis) expect(graph.edges[i]!.basis).toBe(`other influence or control (${e.basis})`);
    }
  }, 300_000);
});
