// Runs a reader over fixture files without a database and sorts its events for assertions.
import path from 'node:path';
import { resolveInput } from '../../../server/src/services/import/input.js';
import { readerFor } from '../../../server/src/services/import/readers.js';
import type { GraphItem, ImportFormat, ReaderEvent } from '../../../server/src/services/import/types.js';
import { fromRoot } from '../../../server/src/paths.js';

export const FIXTURES = fromRoot('tests/fixtures/import');

export async function readAll(format: ImportFormat, target: string, dataset = 'unit') {
  const input = await resolveInput(format, path.isAbsolute(target) ? target : path.join(FIXTURES, target));
  let bytes = 0;
  const events: ReaderEvent[] = [];
  for await (const ev of readerFor(format).events(input, { format, dataset, onBytes: (n) => void (bytes += n) })) events.push(ev);
  const records = events.filter((e): e is Extract<ReaderEvent, { type: 'record' }> => e.type === 'record');
  const items: GraphItem[] = records.flatMap((r) => r.items);
  return {
    events,
    bytes,
    input,
    records,
    rejects: events.filter((e): e is Extract<ReaderEvent, { type: 'reject' }> => e.type === 'reject').map((e) => ({ line: e.at.line, id: e.at.id, reason: e.reason })),
    skips: events.filter((e): e is Extract<ReaderEvent, { type: 'skip' }> => e.type === 'skip').map((e) => ({ line: e.at.line, reason: e.reason })),
    merged: events.filter((e) => e.type === 'merged').length,
    entities: items.flatMap((i) => (i.kind === 'entity' ? [i.entity] : [])),
    owns: items.flatMap((i) => (i.kind === 'owns' ? [i.edge] : [])),
    controls: items.flatMap((i) => (i.kind === 'controls' ? [i.edge] : [])),
    decisions: items.flatMap((i) => (i.kind === 'decision' ? [i] : [])),
    warnings: records.flatMap((r) => (r.warnings ?? []).map((w) => ({ line: r.at.line, id: r.at.id, message: w }))),
  };
}
