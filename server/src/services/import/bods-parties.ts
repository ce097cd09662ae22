// BODS entity and person records → Entity. The latest statement of a record gives its state; names
// it carried earlier are kept as aliases. Kinds: registered/legal entities → Company, arrangements
// (trusts, nominations) → InvestmentVehicle, states and state bodies → StateBody, persons → Person.
import type { Entity, EntityKind, Identifier } from '../../domain/model.js';
import { obj, str, type Statement } from './bods-statements.js';
import { countryCode, distinct } from './values.js';

function entityKind(details: Record<string, unknown>): EntityKind {
  const et = details.entityType;
  const type = typeof et === 'string' ? et : str(obj(et)?.type);
  const subtype = str(obj(et)?.subtype);
  if (type === 'state' || type === 'stateBody' || subtype === 'governmentDepartment' || subtype === 'stateAgency') return 'StateBody';
  if (type === 'arrangement') return 'InvestmentVehicle';
  // A registered entity described as a fund or investment vehicle (as the BODS export writes them).
  if (/\b(investment vehicle|fund|limited partnership)\b/i.test(str(obj(et)?.details) ?? '')) return 'InvestmentVehicle';
  return 'Company';
}

function entityType(details: Record<string, unknown>): string | null {
  const et = details.entityType;
  return typeof et === 'string' ? et : str(obj(et)?.type);
}

function personNames(details: Record<string, unknown>): string[] {
  const names = Array.isArray(details.names) ? details.names.map(obj).filter((n): n is Record<string, unknown> => n !== null) : [];
  const rank = (n: Record<string, unknown>) => (n.type === 'individual' || n.type === 'legal' ? 0 : 1);
  return names
    .sort((a, b) => rank(a) - rank(b))
    .map((n) => str(n.fullName) ?? [str(n.givenName), str(n.patronymicName), str(n.familyName)].filter(Boolean).join(' '))
    .filter((n) => n.length > 0);
}

export function partyNames(s: Statement): string[] {
  if (s.recordType === 'person') return personNames(s.details);
  return distinct([s.details.name, ...(Array.isArray(s.details.alternateNames) ? s.details.alternateNames : [])]);
}

/** Identifiers of every statement, latest first: a restatement that omits one does not retire it. */
function identifiers(statements: Statement[], recordKey: string): Identifier[] {
  const out: Identifier[] = [{ scheme: 'BODS', value: recordKey }];
  const list = [...statements].reverse().flatMap((s) => (Array.isArray(s.details.identifiers) ? s.details.identifiers : []));
  for (const raw of list) {
    const i = obj(raw);
    const value = str(i?.id);
    if (!i || !value) continue;
    out.push({ scheme: str(i.scheme) ?? str(i.schemeName) ?? 'ID', value });
  }
  return out.filter((x, n) => out.findIndex((y) => y.scheme === x.scheme && y.value === x.value) === n);
}

function country(s: Statement): string | null {
  const d = s.details;
  if (s.recordType === 'person') {
    const nat = Array.isArray(d.nationalities) ? d.nationalities : [];
    for (const n of nat) {
      const c = countryCode(obj(n)?.code);
      if (c) return c;
    }
    return null;
  }
  return countryCode(obj(d.jurisdiction)?.code) ?? countryCode(obj(d.incorporatedInJurisdiction)?.code);
}

const PLACEHOLDER: Record<string, string> = {
  anonymousEntity: 'Anonymous entity',
  unknownEntity: 'Unknown entity',
  anonymousPerson: 'Anonymous person',
  unknownPerson: 'Unknown person',
};

export type PartyResult = { ok: true; entity: Entity; warnings: string[] } | { ok: false; reason: string };

/** The entity for a record from its statements in order (the last one holds the current state). */
export function bodsParty(statements: Statement[], id: string, recordKey: string): PartyResult {
  const last = statements[statements.length - 1]!;
  const d = last.details;
  const type = last.recordType === 'person' ? str(d.personType) : entityType(d);
  const names = partyNames(last);
  const earlier = statements.slice(0, -1).flatMap(partyNames);
  const unspecified = obj(d.unspecifiedEntityDetails) ?? obj(d.unspecifiedPersonDetails) ?? obj(d.missingInfoReason);
  const placeholder = type ? PLACEHOLDER[type] : undefined;
  const name = names[0] ?? earlier[earlier.length - 1] ?? placeholder ?? null;
  if (name === null) return { ok: false, reason: 'missing name' };
  const notes = [str(obj(d.entityType)?.details), unspecified ? [str(unspecified.reason), str(unspecified.description)].filter(Boolean).join(': ') : null]
    .filter((x): x is string => !!x && x.length > 0)
    .join('\n');
  return {
    ok: true,
    entity: {
      id,
      kind: last.recordType === 'person' ? 'Person' : entityKind(d),
      name,
      aliases: distinct([...names.slice(1), ...earlier], [name]),
      country: country(last),
      identifiers: identifiers(statements, recordKey),
      description: notes.length > 0 ? notes : null,
      sourceIds: [],
    },
    warnings: [],
  };
}

/** The placeholder owner for an `unspecified` interested party (one per relationship record). */
export function unspecifiedOwner(id: string, subjectName: string, reason: string | null, description: string | null): Entity {
  return {
    id,
    kind: 'Company',
    name: `Unspecified owner of ${subjectName}`,
    aliases: [],
    country: null,
    identifiers: [],
    description: [reason, description].filter(Boolean).join(': ') || 'The interested party is not specified in the source.',
    sourceIds: [],
  };
}
