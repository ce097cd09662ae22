// nodes.csv + edges.csv → graph items, in the columns the CSV export writes (formats/export/csv.ts,
// README "CSV columns"): multi-valued cells joined with '|', identifiers as 'scheme:value', an unknown
// stake as empty percent cells. Columns the export adds for reading only (depth, listed, stake,
// sourceUrls, exposure_<list>) are ignored. Each file's role comes from its header, and node files are read first.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ENTITY_KINDS, type EntityKind, type Identifier } from '../../domain/model.js';
import { EDGE_COLUMNS, NODE_COLUMNS_FIXED } from '../../formats/export/csv.js';
import { LIST_SEPARATOR } from '../../formats/export/graph.js';
import { IdMaker } from './ids.js';
import { ImportInputError, type GraphItem, type ImportInput, type ImportReader, type ReaderContext, type ReaderEvent, type Where } from './types.js';
import { countryCode, parseDate, parsePercentages, stakeFromBounds, windowProblem, type Stake } from './values.js';

type Role = 'nodes' | 'edges';
type Row = Record<string, string>;
type Mapped = { ok: true; items: GraphItem[]; warnings: string[] } | { ok: false; reason: string };

const READ_ONLY_COLUMNS = /^(depth|listed|stake|sourceUrls|exposure_.+)$/;

export const csvOptions = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true } as const;

async function readHeader(file: string): Promise<string[]> {
  const parser = createReadStream(file).pipe(parse({ ...csvOptions, to_line: 1 }));
  for await (const row of parser) return (row as string[]).map((c) => c.trim());
  return [];
}

function roleOf(header: string[]): Role | null {
  const has = (...cols: string[]) => cols.every((c) => header.includes(c));
  if (has('id', 'type', 'source', 'target')) return 'edges';
  if (has('id', 'name')) return 'nodes';
  return null;
}

export const splitList = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export class CsvReader implements ImportReader {
  readonly passes = 1;

  async *events(input: ImportInput, ctx: ReaderContext): AsyncGenerator<ReaderEvent> {
    const ids = new IdMaker('csv', ctx.dataset);
    const files: { file: string; name: string; role: Role; header: string[] }[] = [];
    for (const [i, file] of input.files.entries()) {
      const name = input.names[i]!;
      const header = await readHeader(file);
      const role = roleOf(header);
      if (role === null) {
        throw new ImportInputError(`${name}: the header is neither a nodes file (id, kind, name, …) nor an edges file (id, type, source, target, …); found: ${header.join(', ') || 'nothing'}`);
      }
      files.push({ file, name, role, header });
    }
    files.sort((a, b) => (a.role === b.role ? 0 : a.role === 'nodes' ? -1 : 1));

    for (const { file, name, role, header } of files) {
      const known: readonly string[] = role === 'nodes' ? NODE_COLUMNS_FIXED : EDGE_COLUMNS;
      const ignored = header.filter((c) => !known.includes(c) && !READ_ONLY_COLUMNS.test(c));
      if (ignored.length > 0) yield { type: 'warn', at: { file: name, line: 1, id: null }, message: `columns not imported: ${ignored.join(', ')}` };
      const stream = createReadStream(file);
      stream.on('data', (chunk) => ctx.onBytes((chunk as Buffer).length));
      const parser = stream.pipe(parse({ ...csvOptions, columns: true, info: true }));
      for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
        const at: Where = { file: name, line: info.lines, id: record.id?.trim() || null };
        if (!at.id) {
          yield { type: 'reject', at, reason: 'missing id' };
          continue;
        }
        const mapped = role === 'nodes' ? nodeRow(record, at.id, ids) : edgeRow(record, at.id, ids);
        if (!mapped.ok) yield { type: 'reject', at, reason: mapped.reason, ...(role === 'nodes' ? { entityId: ids.id(at.id) } : {}) };
        else yield { type: 'record', at, items: mapped.items, warnings: mapped.warnings };
      }
    }
  }
}

function nodeRow(row: Row, id: string, ids: IdMaker): Mapped {
  const warnings: string[] = [];
  const rawKind = (row.kind ?? '').trim();
  let kind: EntityKind = 'Company';
  if (rawKind === '') warnings.push('no kind: read as Company');
  else {
    const match = ENTITY_KINDS.find((k) => k.toLowerCase() === rawKind.toLowerCase());
    if (!match) return { ok: false, reason: `unknown kind '${rawKind}' (one of ${ENTITY_KINDS.join(', ')})` };
    kind = match;
  }
  const name = (row.name ?? '').trim();
  if (name === '') return { ok: false, reason: 'missing name' };
  const rawCountry = (row.country ?? '').trim();
  const country = rawCountry === '' ? null : countryCode(rawCountry);
  if (rawCountry !== '' && country === null) warnings.push(`country '${rawCountry}' is not an ISO 3166-1 alpha-2 code: left empty`);
  const identifiers: Identifier[] = splitList(row.identifiers).map((s) => {
    const at = s.indexOf(':');
    return at > 0 ? { scheme: s.slice(0, at), value: s.slice(at + 1) } : { scheme: 'ID', value: s };
  });
  const description = (row.description ?? '').trim();
  const entity = {
    id: ids.id(id),
    kind,
    name,
    aliases: splitList(row.aliases).filter((a) => a !== name),
    country,
    identifiers,
    description: description === '' ? null : description,
    sourceIds: splitList(row.sourceIds),
  };
  return { ok: true, items: [{ kind: 'entity', entity }], warnings };
}

function flag(cell: string | undefined, name: string): boolean | string {
  const v = (cell ?? '').trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return `${name} must be true or false, not '${cell}'`;
}

function stakeOf(row: Row): { ok: true; value: Stake; warnings: string[] } | { ok: false; reason: string } {
  const percent = (row.percent ?? '').trim();
  if (percent !== '') return parsePercentages([percent]);
  const min = (row.percentMin ?? '').trim();
  const max = (row.percentMax ?? '').trim();
  const minIn = flag(row.minInclusive, 'minInclusive');
  const maxIn = flag(row.maxInclusive, 'maxInclusive');
  if (typeof minIn === 'string') return { ok: false, reason: minIn };
  if (typeof maxIn === 'string') return { ok: false, reason: maxIn };
  return stakeFromBounds({
    ...(min !== '' ? { [minIn ? 'minimum' : 'exclusiveMinimum']: min } : {}),
    ...(max !== '' ? { [maxIn ? 'maximum' : 'exclusiveMaximum']: max } : {}),
  });
}

function edgeRow(row: Row, id: string, ids: IdMaker): Mapped {
  const type = (row.type ?? '').trim().toUpperCase();
  if (type !== 'OWNS' && type !== 'CONTROLS') return { ok: false, reason: `type must be OWNS or CONTROLS, not '${row.type ?? ''}'` };
  const source = (row.source ?? '').trim();
  const target = (row.target ?? '').trim();
  if (source === '') return { ok: false, reason: 'missing source' };
  if (target === '') return { ok: false, reason: 'missing target' };
  const warnings: string[] = [];
  const dates: (string | null)[] = [];
  for (const f of ['start', 'end'] as const) {
    const v = (row[f] ?? '').trim();
    if (v === '') {
      dates.push(null);
      continue;
    }
    const d = parseDate(v, `${f} date`);
    if (!d.ok) return d;
    warnings.push(...d.warnings);
    dates.push(d.value);
  }
  const [start, end] = dates as [string | null, string | null];
  const problem = windowProblem(start, end);
  if (problem) return { ok: false, reason: problem };
  const base = { id: ids.id(id), start, end, sourceIds: splitList(row.sourceIds) };
  if (type === 'OWNS') {
    const stake = stakeOf(row);
    if (!stake.ok) return stake;
    warnings.push(...stake.warnings);
    return { ok: true, warnings, items: [{ kind: 'owns', edge: { ...base, owner: ids.id(source), owned: ids.id(target), ...stake.value } }] };
  }
  let basis = (row.basis ?? '').trim();
  if (basis === '') {
    basis = 'control';
    warnings.push("CONTROLS without a basis: recorded as 'control'");
  }
  if ((row.percent ?? '').trim() || (row.percentMin ?? '').trim() || (row.percentMax ?? '').trim()) warnings.push('percentages on a CONTROLS edge are not imported');
  return { ok: true, warnings, items: [{ kind: 'controls', edge: { ...base, controller: ids.id(source), controlled: ids.id(target), basis } }] };
}
