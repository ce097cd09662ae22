// BODS statements of any version in one shape. 0.4 statements carry recordId/recordType/recordStatus and
// the record's state in recordDetails; 0.2/0.3 statements carry statementType and their own fields,
// and say which earlier statements they replace (replacesStatements). References differ too: 0.4
// points at recordIds, 0.2/0.3 at statementIDs (subject.describedByEntityStatement …).
import type { Where } from './types.js';

export type RecordType = 'entity' | 'person' | 'relationship';

export interface Statement {
  statementId: string;
  /** ISO date of the statement ('' when it has none: such statements sort first). */
  date: string;
  /** Position in the input (files in order, then lines), the tie-break after the date. */
  order: number;
  recordType: RecordType;
  status: 'new' | 'updated' | 'closed';
  /** 0.4: the recordId; 0.2/0.3: null until statements are grouped by their replacement chains. */
  recordId: string | null;
  replaces: string[];
  details: Record<string, unknown>;
  legacy: boolean;
  at: Where;
}

/** A reference from a relationship to the party at one end: a record/statement id, or "unspecified". */
export type PartyRef = { ref: string } | { unspecified: { reason: string | null; description: string | null } } | null;

const LEGACY_TYPES: Record<string, RecordType> = {
  entityStatement: 'entity',
  personStatement: 'person',
  ownershipOrControlStatement: 'relationship',
};

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : null);

export function readStatement(value: unknown, at: Where, order: number): Statement | { problem: string } {
  const v = obj(value);
  if (!v) return { problem: 'not a BODS statement (not an object)' };
  const date = (str(v.statementDate) ?? '').slice(0, 10);
  if (typeof v.recordType === 'string' || v.recordDetails !== undefined) {
    const statementId = str(v.statementId);
    const recordId = str(v.recordId);
    const recordType = v.recordType as RecordType;
    const details = obj(v.recordDetails);
    if (!statementId) return { problem: 'missing statementId' };
    if (!recordId) return { problem: 'missing recordId' };
    if (!['entity', 'person', 'relationship'].includes(recordType)) return { problem: `unknown recordType '${String(v.recordType)}'` };
    if (!details) return { problem: 'missing recordDetails' };
    const status = v.recordStatus === 'closed' ? 'closed' : v.recordStatus === 'updated' ? 'updated' : 'new';
    return { statementId, date, order, recordType, status, recordId, replaces: [], details, legacy: false, at: { ...at, id: statementId } };
  }
  const type = typeof v.statementType === 'string' ? LEGACY_TYPES[v.statementType] : undefined;
  if (!type) return { problem: `not a BODS statement (statementType '${String(v.statementType ?? v.statementType)}')` };
  const statementId = str(v.statementID) ?? str(v.statementId);
  if (!statementId) return { problem: 'missing statementID' };
  const replaces = Array.isArray(v.replacesStatements) ? v.replacesStatements.filter((s): s is string => typeof s === 'string') : [];
  return { statementId, date, order, recordType: type, status: 'new', recordId: null, replaces, details: v, legacy: true, at: { ...at, id: statementId } };
}

function unspecified(u: Record<string, unknown>): PartyRef {
  return { unspecified: { reason: str(u.reason), description: str(u.description) } };
}

/** The subject or interested party of a relationship statement. */
export function partyRef(s: Statement, end: 'subject' | 'interestedParty'): PartyRef {
  const raw = s.details[end];
  if (typeof raw === 'string') return raw.trim() ? { ref: raw.trim() } : null;
  const o = obj(raw);
  if (!o) return null;
  if (!s.legacy) return unspecified(o);
  const ref = str(o.describedByEntityStatement) ?? str(o.describedByPersonStatement);
  if (ref) return { ref };
  const u = obj(o.unspecified);
  return u ? unspecified(u) : null;
}

/** A relationship whose indirect interest is spelled out by component relationships. */
export function hasComponents(s: Statement): boolean {
  const c = s.details.componentStatementIDs ?? s.details.componentRecords;
  return Array.isArray(c) && c.length > 0;
}

export function interestsOf(s: Statement): Record<string, unknown>[] {
  const list = s.details.interests;
  return Array.isArray(list) ? list.map(obj).filter((i): i is Record<string, unknown> => i !== null) : [];
}

export { obj, str };
