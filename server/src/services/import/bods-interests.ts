// BODS interests → OWNS / CONTROLS edges, and a relationship's statements applied in date order: an
// update replaces the interests it repeats, ends those it no longer lists (on its statement date), and
// a closed record ends whatever is still open. Shareholdings (and interests of unknown or unpublished
// type) are equity; votes, board appointment, trusteeship and the like are control; rights to profit or
// assets are neither and are reported, not imported.
import type { ControlEdge, OwnershipEdge } from '../../domain/model.js';
import type { Statement } from './bods-statements.js';
import { interestsOf, obj, str } from './bods-statements.js';
import { parseDate, stakeFromBounds, type Stake } from './values.js';

const OWNERSHIP = new Set(['shareholding', 'unknowninterest', 'unpublishedinterest']);
const CONTROL: Record<string, string> = {
  votingrights: 'voting rights',
  appointmentofboard: 'right to appoint the board',
  otherinfluenceorcontrol: 'other influence or control',
  influenceorcontrol: 'influence or control',
  seniormanagingofficial: 'senior managing official',
  settlor: 'settlor',
  settloroftrust: 'settlor',
  trustee: 'trustee',
  trusteeoftrust: 'trustee',
  protector: 'protector',
  protectoroftrust: 'protector',
  rightsgrantedbycontract: 'rights granted by contract',
  conditionalrightsgrantedbycontract: 'conditional rights granted by contract',
  controlviacompanyrulesorarticles: 'control via company rules or articles',
  controlbylegalframework: 'control by legal framework',
  boardmember: 'board member',
  boardchair: 'board chair',
  nominee: 'nominee',
  nominator: 'nominator',
};

export type Edge = ({ type: 'owns' } & OwnershipEdge) | ({ type: 'controls' } & ControlEdge);

const norm = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
const pctText = (s: Stake) =>
  s.percent !== null ? `${s.percent}%` : s.percentMin !== null || s.percentMax !== null ? `${s.percentMin ?? 0}–${s.percentMax ?? 100}%` : '';

interface Built {
  key: string;
  edge: Edge;
}

type InterestResult = { ok: true; built: Built | null; warnings: string[] } | { ok: false; reason: string };

function buildInterest(raw: Record<string, unknown>, ctx: { recordKey: string; owner: string; owned: string; edgeId: (key: string) => string }): InterestResult {
  const typeText = str(raw.type) ?? 'unknownInterest';
  const type = norm(typeText);
  const warnings: string[] = [];
  if (!str(raw.type)) warnings.push('interest without a type: read as an unknown interest');
  const stake = stakeFromBounds(obj(raw.share) ?? {});
  if (!stake.ok) return stake;
  warnings.push(...stake.warnings);
  const dates: (string | null)[] = [];
  for (const f of ['startDate', 'endDate'] as const) {
    const v = str(raw[f]);
    if (v === null) {
      dates.push(null);
      continue;
    }
    const d = parseDate(v, f === 'startDate' ? 'start date' : 'end date');
    if (!d.ok) return d;
    warnings.push(...d.warnings);
    dates.push(d.value);
  }
  const [start, end] = dates as [string | null, string | null];
  if (start !== null && end !== null && end <= start) return { ok: false, reason: `interest ${typeText}: end date ${end} is not after start date ${start}` };
  const level = str(raw.directOrIndirect) ?? str(raw.interestLevel);
  if (level === 'indirect') warnings.push(`indirect ${typeText} interest imported as a direct edge (the intermediaries are not given)`);
  const key = `${ctx.recordKey}/${type}/${start ?? ''}`;
  const base = { id: ctx.edgeId(key), start, end, sourceIds: [] as string[] };
  if (OWNERSHIP.has(type)) {
    return { ok: true, warnings, built: { key, edge: { type: 'owns', ...base, owner: ctx.owner, owned: ctx.owned, ...stake.value } } };
  }
  const label = CONTROL[type];
  if (label === undefined) {
    warnings.push(`interest ${typeText} is neither ownership nor control: not imported`);
    return { ok: true, warnings, built: null };
  }
  const basis = [label, pctText(stake.value), str(raw.details) ? `(${str(raw.details)})` : ''].filter(Boolean).join(' ');
  return { ok: true, warnings, built: { key, edge: { type: 'controls', ...base, controller: ctx.owner, controlled: ctx.owned, basis } } };
}

export type ApplyResult = { ok: true; edges: Edge[]; warnings: string[] } | { ok: false; reason: string };

/** Applies a relationship record's statements (sorted by date) and returns every edge it ever had. */
export function applyRelationship(
  statements: Statement[],
  ctx: { recordKey: string; owner: string; owned: string; edgeId: (key: string) => string },
): ApplyResult {
  const all = new Map<string, Edge>();
  let open = new Set<string>();
  const warnings: string[] = [];
  const endAt = (key: string, date: string, why: string) => {
    const e = all.get(key)!;
    if (e.end !== null) return;
    if (!date) warnings.push(`${why} has no statement date: ${e.id} left open`);
    else if (e.start !== null && date <= e.start) warnings.push(`${why} on ${date}, not after the interest's start ${e.start}: left open`);
    else all.set(key, { ...e, end: date });
  };
  for (const s of statements) {
    const seen = new Set<string>();
    for (const raw of interestsOf(s)) {
      const r = buildInterest(raw, ctx);
      if (!r.ok) return r;
      warnings.push(...r.warnings);
      if (!r.built) continue;
      let key = r.built.key;
      for (let n = 2; seen.has(key); n++) key = `${r.built.key}#${n}`;
      seen.add(key);
      all.set(key, { ...r.built.edge, id: key === r.built.key ? r.built.edge.id : ctx.edgeId(key) });
    }
    for (const key of open) if (!seen.has(key)) endAt(key, s.date, `interest dropped by statement ${s.statementId}`);
    open = seen;
    if (s.status === 'closed') {
      for (const key of open) endAt(key, s.date, `record closed by statement ${s.statementId}`);
      open = new Set();
    }
  }
  return { ok: true, edges: [...all.values()], warnings: [...new Set(warnings)] };
}
