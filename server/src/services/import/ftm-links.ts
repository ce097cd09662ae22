// FtM Ownership / Directorship / Control / UnknownLink → OWNS or CONTROLS. An Ownership whose type speaks
// of votes, appointment or influence rather than shares is control (UK PSC-style
// "voting-rights-25-to-50-percent"). An UnknownLink (subject → object) is control when its role says so
// (the FtM export writes CONTROLS edges as UnknownLink with role 'controls'); other roles are skipped.
import type { GraphItem } from './types.js';
import { prop, type FtmRecord } from './ftm-model.js';
import type { IdMaker } from './ids.js';
import { parsePercentages, pickDate, windowProblem } from './values.js';

export type LinkResult =
  | { ok: true; items: GraphItem[]; warnings: string[]; ends: string[] }
  /** `skip`: a valid link of a kind we do not import (an UnknownLink that is not control). */
  | { ok: false; reason: string; skip?: boolean };

const ENDS: Record<string, [string, string]> = {
  Ownership: ['owner', 'asset'],
  Directorship: ['director', 'organization'],
  Control: ['controller', 'controlled'],
  UnknownLink: ['subject', 'object'],
};

const CONTROL_WORDS = /\b(vot(?:e|es|ing)|control|influence|appoint|remove directors|management|trustee|nominee|protector|settlor)\b/i;
const SHARE_WORDS = /\b(shares?|equity|capital|stock)\b/i;

/** The single FtM id a required edge property holds (several values are not one edge). */
function one(rec: FtmRecord, name: string): { ok: true; value: string } | { ok: false; reason: string } {
  const values = [...new Set(prop(rec, name))];
  if (values.length === 0) return { ok: false, reason: `missing ${name}` };
  if (values.length > 1) return { ok: false, reason: `several ${name}s (${values.join(', ')}): one edge has one ${name}` };
  return { ok: true, value: values[0]! };
}

function window(rec: FtmRecord) {
  const start = pickDate(prop(rec, 'startDate'), 'start date', 'earliest');
  if (!start.ok) return start;
  const end = pickDate(prop(rec, 'endDate'), 'end date', 'latest');
  if (!end.ok) return end;
  const problem = windowProblem(start.value, end.value);
  if (problem) return { ok: false as const, reason: problem };
  return { ok: true as const, start: start.value, end: end.value, warnings: [...start.warnings, ...end.warnings] };
}

export function ftmLink(rec: FtmRecord & { id: string }, ids: IdMaker): LinkResult {
  const [fromProp, toProp] = ENDS[rec.schema ?? 'Control'] ?? ENDS.Control!;
  if (rec.schema === 'UnknownLink' && !prop(rec, 'role').some((r) => /\bcontrol/i.test(r))) {
    return { ok: false, skip: true, reason: `UnknownLink with role '${prop(rec, 'role').join('; ') || 'none'}' is not imported (only control)` };
  }
  const from = one(rec, fromProp);
  if (!from.ok) return from;
  const to = one(rec, toProp);
  if (!to.ok) return to;
  if (from.value === to.value) return { ok: false, reason: `${fromProp} and ${toProp} are the same entity` };
  const w = window(rec);
  if (!w.ok) return w;
  const id = ids.id(rec.id);
  const source = ids.id(from.value);
  const target = ids.id(to.value);
  const ends = [from.value, to.value];
  const base = { id, start: w.start, end: w.end, sourceIds: [] as string[] };

  if (rec.schema === 'Ownership') {
    const stake = parsePercentages(prop(rec, 'percentage'));
    if (!stake.ok) return stake;
    const kinds = prop(rec, 'ownershipType', 'role', 'legalBasis');
    const isControl = kinds.some((k) => CONTROL_WORDS.test(k)) && !kinds.some((k) => SHARE_WORDS.test(k));
    if (isControl) {
      const pct = prop(rec, 'percentage');
      const basis = [kinds.join('; '), pct.length > 0 ? `(${pct.join('; ')})` : ''].filter(Boolean).join(' ');
      return { ok: true, ends, warnings: [...w.warnings], items: [{ kind: 'controls', edge: { ...base, controller: source, controlled: target, basis } }] };
    }
    return {
      ok: true,
      ends,
      warnings: [...w.warnings, ...stake.warnings],
      items: [{ kind: 'owns', edge: { ...base, owner: source, owned: target, ...stake.value } }],
    };
  }
  const basis =
    rec.schema === 'Directorship'
      ? ['directorship', prop(rec, 'role').join('; ')].filter(Boolean).join(': ')
      : rec.schema === 'UnknownLink'
        ? prop(rec, 'summary').join('; ') || prop(rec, 'role').join('; ')
        : [prop(rec, 'controlType').join('; ') || 'control', prop(rec, 'legalBasis').join('; ')].filter(Boolean).join(' — ');
  return { ok: true, ends, warnings: w.warnings, items: [{ kind: 'controls', edge: { ...base, controller: source, controlled: target, basis } }] };
}
