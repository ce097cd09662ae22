// BODS 0.4 (JSON array or JSON lines) and 0.2/0.3 statements → graph items. Statements may come in any
// order and be spread over several files, and a record's history must be applied in date order, so
// this reader first reads every statement of every file (memory grows with the number of statements),
// groups them into records (0.4 recordId; 0.2/0.3 chains of replacesStatements), then emits all
// entities and persons, then all relationships. Earlier statements of a record are reported as merged.
import { applyRelationship } from './bods-interests.js';
import { bodsParty, partyNames, unspecifiedOwner } from './bods-parties.js';
import { hasComponents, partyRef, readStatement, type Statement } from './bods-statements.js';
import { IdMaker } from './ids.js';
import { jsonValues } from './json-stream.js';
import type { GraphItem, ImportInput, ImportReader, ReaderContext, ReaderEvent } from './types.js';

const NO_OWNER_REASONS = new Set(['noBeneficialOwners', 'no-beneficial-owners', 'noBeneficialOwner']);

export class BodsReader implements ImportReader {
  readonly passes = 1;

  async *events(input: ImportInput, ctx: ReaderContext): AsyncGenerator<ReaderEvent> {
    const ids = new IdMaker('bods', ctx.dataset);
    const statements: Statement[] = [];
    const seenIds = new Map<string, Statement>();
    let order = 0;
    for (const [i, file] of input.files.entries()) {
      const name = input.names[i]!;
      for await (const item of jsonValues(file, ctx.onBytes)) {
        const at = { file: name, line: item.line, id: null };
        if ('error' in item) {
          yield { type: 'reject', at, reason: item.error };
          continue;
        }
        const s = readStatement(item.value, at, order++);
        if ('problem' in s) {
          yield { type: 'reject', at, reason: s.problem };
          continue;
        }
        const dup = seenIds.get(s.statementId);
        if (dup) {
          yield { type: 'merged', at: s.at, into: `duplicate of statement ${s.statementId} (${dup.at.file}:${dup.at.line})` };
          continue;
        }
        seenIds.set(s.statementId, s);
        statements.push(s);
      }
    }

    const records = groupRecords(statements);
    /** statementId (0.2/0.3) or recordId (0.4) → record key, for resolving references. */
    const keyOf = new Map<string, string>();
    for (const [key, list] of records) {
      keyOf.set(key, key);
      for (const s of list) keyOf.set(s.statementId, key);
    }
    const typeOf = (ref: string) => records.get(keyOf.get(ref) ?? '')?.[0]?.recordType;
    const names = new Map<string, string>();

    for (const [key, list] of records) {
      const last = list[list.length - 1]!;
      if (last.recordType === 'relationship') continue;
      for (const s of list.slice(0, -1)) yield { type: 'merged', at: s.at, into: `record ${key}` };
      const id = ids.id(key);
      const r = bodsParty(list, id, key);
      if (!r.ok) {
        yield { type: 'reject', at: last.at, reason: r.reason, entityId: id };
        continue;
      }
      names.set(key, r.entity.name);
      yield { type: 'record', at: last.at, items: [{ kind: 'entity', entity: r.entity }], warnings: r.warnings };
    }

    for (const [key, list] of records) {
      const last = list[list.length - 1]!;
      if (last.recordType !== 'relationship') continue;
      for (const s of list.slice(0, -1)) yield { type: 'merged', at: s.at, into: `record ${key}` };
      if (hasComponents(last)) {
        yield { type: 'skip', at: last.at, reason: 'indirect relationship: imported through its component relationships' };
        continue;
      }
      const subject = partyRef(last, 'subject');
      const party = partyRef(last, 'interestedParty');
      if (subject === null || !('ref' in subject)) {
        yield { type: 'reject', at: last.at, reason: 'missing subject (a relationship needs the entity it is about)' };
        continue;
      }
      if (typeOf(subject.ref) === 'person') {
        yield { type: 'reject', at: last.at, reason: `subject ${subject.ref} is a person: only entities can be owned` };
        continue;
      }
      const subjectKey = keyOf.get(subject.ref) ?? subject.ref;
      const items: GraphItem[] = [];
      let owner: string;
      if (party === null) {
        yield { type: 'reject', at: last.at, reason: 'missing interestedParty' };
        continue;
      } else if ('ref' in party) {
        owner = ids.id(keyOf.get(party.ref) ?? party.ref);
      } else {
        if (party.unspecified.reason !== null && NO_OWNER_REASONS.has(party.unspecified.reason)) {
          yield { type: 'skip', at: last.at, reason: 'declares that there is no beneficial owner' };
          continue;
        }
        owner = ids.id(`${key}/unspecified`);
        const subjectName = names.get(subjectKey) ?? partyNames(records.get(subjectKey)?.at(-1) ?? last)[0] ?? subjectKey;
        items.push({ kind: 'entity', entity: unspecifiedOwner(owner, subjectName, party.unspecified.reason, party.unspecified.description) });
      }
      const applied = applyRelationship(list, { recordKey: key, owner, owned: ids.id(subjectKey), edgeId: (k) => ids.id(k) });
      if (!applied.ok) {
        yield { type: 'reject', at: last.at, reason: applied.reason };
        continue;
      }
      for (const e of applied.edges) {
        if (e.type === 'owns') {
          const { type: _t, ...edge } = e;
          items.push({ kind: 'owns', edge });
        } else {
          const { type: _t, ...edge } = e;
          items.push({ kind: 'controls', edge });
        }
      }
      if (items.every((i) => i.kind === 'entity')) {
        yield { type: 'skip', at: last.at, reason: applied.warnings.find((w) => w.includes('neither ownership nor control')) ?? 'no ownership or control interest' };
        continue;
      }
      yield { type: 'record', at: last.at, items, warnings: applied.warnings };
    }
  }
}

/**
 * Records and their statements in date order. 0.4: by recordId. 0.2/0.3: statements linked by
 * replacesStatements form one record, keyed by its earliest statement so the id never changes when a
 * later file adds a replacement. Records come in order of their first statement in the input.
 */
export function groupRecords(statements: Statement[]): Map<string, Statement[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const byId = new Map(statements.map((s) => [s.statementId, s]));
  for (const s of statements) {
    if (!s.legacy) continue;
    parent.set(s.statementId, find(s.statementId));
    for (const old of s.replaces) if (byId.has(old)) parent.set(find(old), find(s.statementId));
  }
  const groups = new Map<string, Statement[]>();
  for (const s of statements) {
    const g = s.legacy ? `legacy:${find(s.statementId)}` : `record:${s.recordType}:${s.recordId}`;
    const list = groups.get(g) ?? [];
    list.push(s);
    groups.set(g, list);
  }
  const byDate = (a: Statement, b: Statement) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order);
  const out = new Map<string, Statement[]>();
  for (const list of [...groups.values()].sort((a, b) => Math.min(...a.map((s) => s.order)) - Math.min(...b.map((s) => s.order)))) {
    list.sort(byDate);
    const key = list[0]!.legacy ? [...list].sort((a, b) => byDate(a, b))[0]!.statementId : list[0]!.recordId!;
    out.set(key, list);
  }
  return out;
}
