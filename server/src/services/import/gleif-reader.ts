// GLEIF Level 2 relationship records → edges. A record says "child IS_..._CONSOLIDATED_BY parent", so
// the direction is reversed (parent → child). Only accounting consolidation is ownership or control:
//   IS_DIRECTLY_CONSOLIDATED_BY   → OWNS with an unknown stake (consolidation implies control, usually
//                                   through equity, but GLEIF does not give the equity share)
//   IS_ULTIMATELY_CONSOLIDATED_BY → CONTROLS, basis 'accounting consolidation (ultimate)' (an indirect
//                                   relationship: as OWNS it would count the chain's stake twice)
// Branch, fund-management, sub-fund and feeder relationships are skipped. Relationship files name only
// LEIs, so each LEI becomes an entity 'LEI <code>' the first time it appears (in the same record as its
// first edge). Reads the golden-copy CSV (Relationship.StartNode.NodeID …) and the API's JSON
// (relationship-records: a {data: [...]} page, an array, or JSON lines).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Entity } from '../../domain/model.js';
import { csvOptions } from './csv-reader.js';
import { IdMaker } from './ids.js';
import { jsonValues } from './json-stream.js';
import type { GraphItem, ImportInput, ImportReader, ReaderContext, ReaderEvent, Where } from './types.js';
import { parseDate, windowProblem } from './values.js';

interface Relationship {
  child: string | null;
  childType: string | null;
  parent: string | null;
  parentType: string | null;
  type: string | null;
  status: string | null;
  registrationStatus: string | null;
  periods: { start: string | null; end: string | null; type: string | null }[];
}

const SKIP_REGISTRATION = new Set(['ANNULLED', 'DUPLICATE', 'RETIRED']);
const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function fromCsv(row: Record<string, string>): Relationship {
  const periods: Relationship['periods'] = [];
  for (let n = 1; n <= 5; n++) {
    const type = s(row[`Relationship.Period.${n}.periodType`]);
    const start = s(row[`Relationship.Period.${n}.startDate`]);
    const end = s(row[`Relationship.Period.${n}.endDate`]);
    if (type || start || end) periods.push({ start, end, type });
  }
  return {
    child: s(row['Relationship.StartNode.NodeID']),
    childType: s(row['Relationship.StartNode.NodeIDType']),
    parent: s(row['Relationship.EndNode.NodeID']),
    parentType: s(row['Relationship.EndNode.NodeIDType']),
    type: s(row['Relationship.RelationshipType']),
    status: s(row['Relationship.RelationshipStatus']),
    registrationStatus: s(row['Registration.RegistrationStatus']),
    periods,
  };
}

function fromJson(value: unknown): Relationship | null {
  const v = value as Record<string, any> | null;
  const attrs = v?.attributes ?? v;
  const rel = attrs?.relationship;
  if (!rel || typeof rel !== 'object') return null;
  return {
    child: s(rel.startNode?.id),
    childType: s(rel.startNode?.type),
    parent: s(rel.endNode?.id),
    parentType: s(rel.endNode?.type),
    type: s(rel.type),
    status: s(rel.status),
    registrationStatus: s(attrs?.registration?.status),
    periods: Array.isArray(rel.periods) ? rel.periods.map((p: any) => ({ start: s(p?.startDate), end: s(p?.endDate), type: s(p?.type) })) : [],
  };
}

function stub(id: string, lei: string): Entity {
  return {
    id,
    kind: 'Company',
    name: `LEI ${lei}`,
    aliases: [],
    country: null,
    identifiers: [{ scheme: 'LEI', value: lei }],
    description: 'Known from a GLEIF relationship record only: its name and details are in GLEIF Level 1 (lei-records).',
    sourceIds: [],
  };
}

export class GleifReader implements ImportReader {
  readonly passes = 1;

  async *events(input: ImportInput, ctx: ReaderContext): AsyncGenerator<ReaderEvent> {
    const ids = new IdMaker('gleif', ctx.dataset);
    const emitted = new Set<string>();
    for (const [i, file] of input.files.entries()) {
      const name = input.names[i]!;
      for await (const { line, rel, problem } of this.relationships(file, ctx)) {
        const at: Where = { file: name, line, id: rel ? `${rel.child ?? '?'}→${rel.parent ?? '?'}` : null };
        if (problem || !rel) {
          yield { type: 'reject', at, reason: problem ?? 'not a GLEIF relationship record' };
          continue;
        }
        const ev = this.map(rel, at, ids, emitted);
        yield ev;
      }
    }
  }

  private map(rel: Relationship, at: Where, ids: IdMaker, emitted: Set<string>): ReaderEvent {
    if (!rel.child || !rel.parent) return { type: 'reject', at, reason: 'missing start or end node LEI' };
    for (const t of [rel.childType, rel.parentType]) {
      if (t !== null && t !== 'LEI') return { type: 'reject', at, reason: `node id type ${t} is not supported (LEI only)` };
    }
    if (rel.type !== 'IS_DIRECTLY_CONSOLIDATED_BY' && rel.type !== 'IS_ULTIMATELY_CONSOLIDATED_BY') {
      return { type: 'skip', at, reason: `${rel.type ?? 'untyped'} is not an ownership or control relationship` };
    }
    if (rel.registrationStatus && SKIP_REGISTRATION.has(rel.registrationStatus.toUpperCase())) {
      return { type: 'skip', at, reason: `registration status ${rel.registrationStatus}` };
    }
    const period = rel.periods.find((p) => p.type === 'RELATIONSHIP_PERIOD') ?? null;
    const warnings: string[] = [];
    const dates: (string | null)[] = [];
    for (const v of [period?.start ?? null, period?.end ?? null]) {
      if (v === null) {
        dates.push(null);
        continue;
      }
      const d = parseDate(v, 'relationship period date');
      if (!d.ok) return { type: 'reject', at, reason: d.reason };
      warnings.push(...d.warnings);
      dates.push(d.value);
    }
    const [start, end] = dates as [string | null, string | null];
    const problem = windowProblem(start, end);
    if (problem) return { type: 'reject', at, reason: problem };
    if (rel.status === 'INACTIVE' && end === null) return { type: 'skip', at, reason: 'inactive relationship without an end date' };

    // LEIs are upper-case codes: lower-casing them for the id loses nothing (and needs no hash suffix).
    const child = ids.id(rel.child.toLowerCase());
    const parent = ids.id(rel.parent.toLowerCase());
    const items: GraphItem[] = [];
    for (const [id, lei] of [[parent, rel.parent.toUpperCase()], [child, rel.child.toUpperCase()]] as const) {
      if (emitted.has(id)) continue;
      emitted.add(id);
      items.push({ kind: 'entity', entity: stub(id, lei) });
    }
    const direct = rel.type === 'IS_DIRECTLY_CONSOLIDATED_BY';
    const edgeId = ids.id(`${rel.child}-${direct ? 'direct' : 'ultimate'}-${rel.parent}`.toLowerCase());
    const base = { id: edgeId, start, end, sourceIds: [] as string[] };
    items.push(
      direct
        ? { kind: 'owns', edge: { ...base, owner: parent, owned: child, percent: null, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true } }
        : { kind: 'controls', edge: { ...base, controller: parent, controlled: child, basis: 'accounting consolidation (ultimate)' } },
    );
    return { type: 'record', at, items, warnings };
  }

  private async *relationships(file: string, ctx: ReaderContext): AsyncGenerator<{ line: number; rel?: Relationship; problem?: string }> {
    if (/\.csv$/i.test(file)) {
      const stream = createReadStream(file);
      stream.on('data', (chunk) => ctx.onBytes((chunk as Buffer).length));
      const parser = stream.pipe(parse({ ...csvOptions, columns: true, info: true }));
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        yield { line: info.lines, rel: fromCsv(record) };
      }
      return;
    }
    for await (const item of jsonValues(file, ctx.onBytes)) {
      if ('error' in item) yield { line: item.line, problem: item.error };
      else {
        const rel = fromJson(item.value);
        yield rel ? { line: item.line, rel } : { line: item.line, problem: 'not a GLEIF relationship record (no relationship)' };
      }
    }
  }
}
