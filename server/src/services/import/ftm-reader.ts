// FollowTheMoney JSON lines (or a JSON array) → graph items, in two passes over the files so that
// every entity is emitted before any edge or decision, whatever order the export uses: pass 1 reads
// entities (and notes things we do not import, such as vessels), pass 2 reads Ownership, Directorship,
// Control and Sanction. Each record is reported exactly once, in the pass that owns it.
import path from 'node:path';
import { readRegimes } from '../../formats/seed-files.js';
import { SEED_DIR } from '../../paths.js';
import { ENTITY_SCHEMAS, LINK_SCHEMAS, readFtm, type FtmRecord } from './ftm-model.js';
import { ftmEntity } from './ftm-entities.js';
import { ftmLink } from './ftm-links.js';
import { DATASET_LISTS, ftmSanction } from './ftm-sanctions.js';
import { IdMaker } from './ids.js';
import { jsonValues } from './json-stream.js';
import type { ImportInput, ImportReader, ReaderContext, ReaderEvent, Where } from './types.js';

type Valid = FtmRecord & { id: string; schema: string };

export class FtmReader implements ImportReader {
  readonly passes = 2;

  async *events(input: ImportInput, ctx: ReaderContext): AsyncGenerator<ReaderEvent> {
    const ids = new IdMaker('ftm', ctx.dataset);
    /** FtM ids of records we do not import (a Vessel), so edges to them are skipped, not rejected. */
    const notImported = new Map<string, string>();
    /** Built-in lists implied by an entity's datasets, for sanctions that name no authority. */
    const entityLists = new Map<string, string[]>();

    for await (const { at, rec, problem } of this.records(input, ctx)) {
      if (problem) {
        yield { type: 'reject', at, reason: problem };
        continue;
      }
      if (LINK_SCHEMAS.has(rec!.schema)) continue; // pass 2
      const r = rec!;
      if (!ENTITY_SCHEMAS.has(r.schema)) {
        notImported.set(r.id, r.schema);
        yield { type: 'skip', at, reason: `schema ${r.schema} is not imported`, entityId: ids.id(r.id) };
        continue;
      }
      const lists = [...new Set(r.datasets.map((d) => DATASET_LISTS[d]).filter((l): l is string => l !== undefined))];
      if (lists.length > 0) entityLists.set(r.id, lists);
      const mapped = ftmEntity(r, ids);
      if (!mapped.ok) yield { type: 'reject', at, reason: mapped.reason, entityId: ids.id(r.id) };
      else yield { type: 'record', at, items: [{ kind: 'entity', entity: mapped.entity }], warnings: mapped.warnings };
    }

    const builtInIds = new Set((await readRegimes(path.join(SEED_DIR, 'lists.json'))).map((r) => r.id));
    const sanctionCtx = { ids, dataset: ctx.dataset, entityLists: (id: string) => entityLists.get(id) ?? [], createdLists: new Set<string>(), builtInIds };
    for await (const { at, rec, problem } of this.records(input, ctx)) {
      if (problem || !LINK_SCHEMAS.has(rec!.schema)) continue; // reported in pass 1
      const r = rec!;
      const result = r.schema === 'Sanction' ? ftmSanction(r, sanctionCtx) : ftmLink(r, ids);
      if (!result.ok) {
        yield { type: 'skip' in result && result.skip ? 'skip' : 'reject', at, reason: result.reason };
        continue;
      }
      const ends = 'ends' in result ? result.ends : result.entities;
      const skipped = ends.filter((e) => notImported.has(e));
      if (skipped.length > 0 && (r.schema !== 'Sanction' || skipped.length === ends.length)) {
        const what = skipped.map((e) => `${e} (${notImported.get(e)})`).join(', ');
        yield { type: 'skip', at, reason: `refers to ${what}, which is not imported` };
        continue;
      }
      yield { type: 'record', at, items: result.items, warnings: result.warnings };
    }
  }

  /** Every value of every file as an FtM record, or the reason it is not one. */
  private async *records(input: ImportInput, ctx: ReaderContext): AsyncGenerator<{ at: Where; rec?: Valid; problem?: string }> {
    for (const [i, file] of input.files.entries()) {
      const name = input.names[i]!;
      for await (const item of jsonValues(file, ctx.onBytes)) {
        if ('error' in item) {
          yield { at: { file: name, line: item.line, id: null }, problem: item.error };
          continue;
        }
        const rec = readFtm(item.value);
        const at: Where = { file: name, line: item.line, id: rec?.id ?? null };
        if (rec === null) yield { at, problem: 'not a FollowTheMoney entity (not an object)' };
        else if (rec.schema === null) yield { at, problem: 'not a FollowTheMoney entity (no schema)' };
        else if (rec.id === null) yield { at, problem: 'missing id' };
        else yield { at, rec: rec as Valid };
      }
    }
  }
}
