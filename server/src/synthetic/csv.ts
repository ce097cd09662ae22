// Writes a synthetic graph as CSV files in the header format of Neo4j's offline importer (`neo4j-admin
// database import full`, run by the launcher's --import mode: neo4j/…/BulkImport.java), for `npm run
// synthetic -- --bulk` and the bench. The rows come from the same generator and the same parameter
// functions as the online loader (GraphWriter's entityParams, ownershipParams, …), so both paths store the
// same properties with the same types: JS numbers go over Bolt as floats (here `:double`), dates as Neo4j
// dates (`:date`), null as no property (an empty unquoted field). One difference remains: the importer
// cannot store an empty list (an empty field means "no property"), so an entity without aliases has no
// `aliases` property after a bulk import where the online path stores []; every reader maps both to []
// (db/rows.ts), and restoring [] afterwards was a write pass over most entities, slower than the whole
// import. Any other empty list is refused rather than silently dropped.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { controlParams, decisionParams, entityParams, listParams, ownershipParams, sourceParams } from '../db/repos/graph-writer.js';
import type { Regime } from '../domain/exposure/regime.js';
import type { SyntheticGraph } from './generate.js';

/** Separates array elements and labels; BulkImport.java passes the same character (U+001F) to the importer. */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'double' | 'boolean' | 'date' | 'string[]';
type Props = Record<string, ColumnType>;

// Every property the online path writes, with its Neo4j type. A property missing here is an error (see cells).
const LIST_PROPS: Props = { name: 'string', authority: 'string', jurisdiction: 'string', rule: 'string' };
const SOURCE_PROPS: Props = { publisher: 'string', title: 'string', date: 'date', url: 'string', file: 'string' };
const ENTITY_PROPS: Props = { name: 'string', aliases: 'string[]', country: 'string', identifiers: 'string[]', description: 'string', sourceIds: 'string[]', searchText: 'string' };
const DECISION_PROPS: Props = { action: 'string', date: 'date', effective: 'date', citation: 'string', summary: 'string', sourceIds: 'string[]' };
const OWNS_PROPS: Props = {
  id: 'string', percent: 'double', percentMin: 'double', percentMax: 'double', minInclusive: 'boolean', maxInclusive: 'boolean',
  start: 'date', end: 'date', sourceIds: 'string[]',
};
const CONTROLS_PROPS: Props = { id: 'string', basis: 'string', start: 'date', end: 'date', sourceIds: 'string[]' };
/** The one list property left out when empty (see above). */
const ABSENT_WHEN_EMPTY = new Set(['aliases']);

export interface CsvCounts {
  lists: number;
  sources: number;
  entities: number;
  owns: number;
  controls: number;
  decisions: number;
  /** ON_LIST and NAMES relationships of the decisions. */
  decisionLinks: number;
}

export interface CsvReport {
  dir: string;
  counts: CsvCounts;
  bytes: number;
  ms: number;
}

/** A string as one CSV field: quoted when it must be, and always when empty ("" is an empty string). */
function quote(s: string): string {
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function cell(key: string, value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'string[]') {
    const items = value as string[];
    if (items.length === 0) {
      if (ABSENT_WHEN_EMPTY.has(key)) return '';
      throw new Error(`the bulk import cannot store an empty list for '${key}'`);
    }
    if (items.some((s) => s.includes(ARRAY_DELIMITER))) throw new Error(`'${key}' holds the array delimiter U+001F`);
    return quote(items.join(ARRAY_DELIMITER));
  }
  if (type === 'string') return quote(value as string);
  return String(value); // numbers (shortest round-trip form), booleans, neo4j Dates (YYYY-MM-DD)
}

function header(fixed: string[], props: Props): string {
  return `${[...fixed, ...Object.entries(props).map(([k, t]) => (t === 'string' ? k : `${k}:${t}`))].join(',')}\n`;
}

/** The property cells of one row, in header order; refuses a property the header does not declare. */
function cells(props: Record<string, unknown>, columns: Props): string {
  for (const key of Object.keys(props)) if (!(key in columns)) throw new Error(`the CSV writer has no column for property '${key}'`);
  return Object.entries(columns).map(([k, t]) => cell(k, props[k], t)).join(',');
}

class CsvFile {
  private readonly out: WriteStream;
  private buffered: string[] = [];
  bytes = 0;

  constructor(file: string, head: string) {
    this.out = createWriteStream(file);
    this.buffered.push(head);
  }

  row(line: string): void {
    this.buffered.push(line, '\n');
  }

  /** Writes what is buffered, waiting when the stream says so, so memory stays flat at any size. */
  async flush(): Promise<void> {
    const chunk = this.buffered.join('');
    this.buffered = [];
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

export async function writeSyntheticCsv(graph: SyntheticGraph, regimes: Regime[], dir: string, onProgress?: (done: number, total: number) => void): Promise<CsvReport> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const file = (name: string, head: string): CsvFile => new CsvFile(path.join(dir, name), head);
  const lists = file('nodes-lists.csv', header(['id:ID', ':LABEL'], LIST_PROPS));
  const sources = file('nodes-sources.csv', header(['id:ID', ':LABEL'], SOURCE_PROPS));
  const entities = file('nodes-entities.csv', header(['id:ID', ':LABEL'], ENTITY_PROPS));
  const decisions = file('nodes-decisions.csv', header(['id:ID', ':LABEL'], DECISION_PROPS));
  const owns = file('relationships-owns.csv', header([':START_ID', ':END_ID', ':TYPE'], OWNS_PROPS));
  const controls = file('relationships-controls.csv', header([':START_ID', ':END_ID', ':TYPE'], CONTROLS_PROPS));
  const links = file('relationships-decisions.csv', ':START_ID,:END_ID,:TYPE\n');
  const all = [lists, sources, entities, decisions, owns, controls, links];
  const counts: CsvCounts = { lists: 0, sources: 0, entities: 0, owns: 0, controls: 0, decisions: 0, decisionLinks: 0 };

  for (const r of regimes.map(listParams)) lists.row(`${quote(r.id)},List,${cells(r.props, LIST_PROPS)}`), counts.lists++;
  const source = sourceParams(graph.source());
  sources.row(`${quote(source.id)},Source,${cells(source.props, SOURCE_PROPS)}`);
  counts.sources++;

  const BATCH = 5000;
  for (let from = 0; from < graph.size; from += BATCH) {
    const to = Math.min(graph.size, from + BATCH);
    for (let i = from; i < to; i++) {
      const e = entityParams(graph.entity(i));
      entities.row(`${quote(e.id)},Entity${ARRAY_DELIMITER}${e.kind},${cells(e.props, ENTITY_PROPS)}`);
      counts.entities++;
      const edges = graph.edgesOf(i);
      for (const o of edges.owns.map(ownershipParams)) owns.row(`${quote(o.owner)},${quote(o.owned)},OWNS,${cells({ id: o.id, ...o.props }, OWNS_PROPS)}`), counts.owns++;
      for (const c of edges.controls.map(controlParams)) controls.row(`${quote(c.controller)},${quote(c.controlled)},CONTROLS,${cells({ id: c.id, ...c.props }, CONTROLS_PROPS)}`), counts.controls++;
      for (const d of graph.decisionsOf(i).map(decisionParams)) {
        decisions.row(`${quote(d.id)},ListingDecision,${cells(d.props, DECISION_PROPS)}`);
        links.row(`${quote(d.id)},${quote(d.listId)},ON_LIST`);
        for (const named of d.entityIds) links.row(`${quote(d.id)},${quote(named)},NAMES`);
        counts.decisions++;
        counts.decisionLinks += 1 + d.entityIds.length;
      }
    }
    for (const f of all) await f.flush();
    onProgress?.(to, graph.size);
  }
  for (const f of all) await f.close();
  return { dir, counts, bytes: all.reduce((a, f) => a + f.bytes, 0), ms: Math.round(performance.now() - started) };
}
