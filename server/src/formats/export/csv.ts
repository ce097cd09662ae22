// A zip of nodes.csv and edges.csv (columns in README "CSV columns"): the spreadsheet and pandas view,
// and the layout the CSV import reads back. Multi-valued cells are joined with '|'; an unknown value is
// an empty cell (an unknown stake has empty percent, percentMin and percentMax, never 0). The files
// start with a UTF-8 byte-order mark so spreadsheet programs read the Chinese names correctly.
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify';
import type { ExportFormat } from './format.js';
import { EDGE_ATTRIBUTE_TYPES, LIST_SEPARATOR, edgeAttributes, nodeAttributeTypes, nodeAttributes, type AttrValue } from './graph.js';

export const NODE_COLUMNS_FIXED = ['id', 'kind', 'name', 'aliases', 'country', 'identifiers', 'description', 'sourceIds', 'sourceUrls', 'depth', 'listed'];
export const EDGE_COLUMNS = ['id', 'type', 'source', 'target', ...EDGE_ATTRIBUTE_TYPES.map(([name]) => name).filter((n) => n !== 'type')];

export const csvZip: ExportFormat = {
  extension: 'zip',
  contentType: 'application/zip',
  async write(graph, out) {
    const nodeColumns = [...NODE_COLUMNS_FIXED, ...nodeAttributeTypes(graph.exposureLists).map(([n]) => n).filter((n) => !NODE_COLUMNS_FIXED.includes(n) && n !== 'name')];
    const archive = new ZipArchive({ zlib: { level: 6 } });
    const failed = once(archive, 'error').then(([err]) => Promise.reject(err as Error));
    archive.pipe(out, { end: false });
    archive.append(table(nodeColumns, graph.nodes.map((n) => nodeAttributes(n, graph))), { name: 'nodes.csv', date: new Date(graph.generatedAt) });
    archive.append(table(EDGE_COLUMNS, graph.edges.map((e) => edgeAttributes(e, graph))), { name: 'edges.csv', date: new Date(graph.generatedAt) });
    const ended = once(archive, 'end');
    await Promise.race([Promise.all([archive.finalize(), ended]), failed]);
  },
};

function table(columns: string[], rows: Iterable<Record<string, AttrValue>>): Readable {
  const csv = stringify({ header: true, columns, bom: true });
  function* cells() {
    for (const row of rows) yield columns.map((c) => cell(row[c]));
  }
  return Readable.from(cells()).pipe(csv);
}

function cell(v: AttrValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
  return String(v);
}
