// FtM Company / Organization / LegalEntity / Person / PublicBody → Entity. Kinds: Person → Person,
// PublicBody → StateBody, a LegalEntity with a person's properties (birth date, nationality) → Person,
// anything whose legal form or name says fund or partnership → InvestmentVehicle, else Company.
import { ENTITY_KINDS, type Entity, type EntityKind, type Identifier } from '../../domain/model.js';
import { prop, type FtmRecord } from './ftm-model.js';
import type { IdMaker } from './ids.js';
import { countryCode, distinct } from './values.js';

/** FtM identifier properties and the scheme names we store them under ('scheme:value'). */
const IDENTIFIERS: readonly [string, string][] = [
  ['leiCode', 'LEI'],
  ['registrationNumber', 'REG'],
  ['uscCode', 'USCC'],
  ['taxNumber', 'TAX'],
  ['vatCode', 'VAT'],
  ['innCode', 'INN'],
  ['ogrnCode', 'OGRN'],
  ['okpoCode', 'OKPO'],
  ['swiftBic', 'BIC'],
  ['dunsCode', 'DUNS'],
  ['uniqueEntityId', 'UEI'],
  ['cikCode', 'CIK'],
  ['irsCode', 'IRS'],
  ['isinCode', 'ISIN'],
  ['ticker', 'TICKER'],
  ['ricCode', 'RIC'],
  ['bvdId', 'BVD'],
  ['wikidataId', 'WIKIDATA'],
  ['idNumber', 'ID'],
  ['passportNumber', 'PASSPORT'],
  ['licenseNumber', 'LICENSE'],
  ['imoNumber', 'IMO'],
];

const VEHICLE_FORM = /\b(fund|fonds|sicav|investment (?:fund|vehicle|trust|company)|(?:limited )?partnership|l\.?p\.?|spv|special purpose vehicle|trust)\b|合伙|基金/i;
const VEHICLE_NAME = /\b(fund|limited partnership|l\.p\.)(?:\s|$|[,.)])|\blp$|基金|有限合伙/i;
const PERSON_HINTS = ['birthDate', 'nationality', 'firstName', 'lastName', 'gender', 'citizenship'];

export function entityKind(rec: FtmRecord): EntityKind {
  if (rec.schema === 'Person') return 'Person';
  // Our own kind names, as the FtM export writes them in `classification`, are taken as they are.
  const named = prop(rec, 'classification').map((c) => ENTITY_KINDS.find((k) => k.toLowerCase() === c.toLowerCase())).find((k) => k !== undefined);
  if (named !== undefined && (named !== 'Person' || rec.schema === 'LegalEntity')) return named;
  if (rec.schema === 'PublicBody') return 'StateBody';
  if (rec.schema === 'LegalEntity' && PERSON_HINTS.some((p) => prop(rec, p).length > 0)) return 'Person';
  const forms = prop(rec, 'legalForm', 'classification', 'sector');
  if (forms.some((f) => VEHICLE_FORM.test(f))) return 'InvestmentVehicle';
  if (prop(rec, 'name').some((n) => VEHICLE_NAME.test(n))) return 'InvestmentVehicle';
  return 'Company';
}

export type EntityResult = { ok: true; entity: Entity; warnings: string[] } | { ok: false; reason: string };

export function ftmEntity(rec: FtmRecord & { id: string }, ids: IdMaker): EntityResult {
  const kind = entityKind(rec);
  const names = prop(rec, 'name');
  let name = names[0] ?? null;
  if (name === null && kind === 'Person') {
    const parts = [...prop(rec, 'firstName').slice(0, 1), ...prop(rec, 'lastName').slice(0, 1)];
    if (parts.length > 0) name = parts.join(' ');
  }
  name ??= rec.caption && rec.caption.trim() ? rec.caption.trim() : null;
  if (name === null) return { ok: false, reason: 'missing name' };

  const warnings: string[] = [];
  const countryProps = kind === 'Person' ? ['nationality', 'citizenship', 'country', 'jurisdiction'] : ['jurisdiction', 'country', 'mainCountry'];
  const rawCountries = prop(rec, ...countryProps);
  const codes = distinct(rawCountries.map(countryCode).filter((c): c is string => c !== null));
  if (codes.length > 1) warnings.push(`several countries (${codes.join(', ')}): kept ${codes[0]}`);
  const unusable = rawCountries.filter((c) => countryCode(c) === null);
  if (unusable.length > 0 && codes.length === 0) warnings.push(`no ISO 3166-1 alpha-2 country among ${unusable.join(', ')}`);

  const identifiers: Identifier[] = [{ scheme: 'FTM', value: rec.id }];
  for (const [p, scheme] of IDENTIFIERS) {
    for (const value of distinct(prop(rec, p))) identifiers.push({ scheme, value });
  }
  const description = distinct(prop(rec, 'description', 'summary', 'notes')).join('\n');
  return {
    ok: true,
    entity: {
      id: ids.id(rec.id),
      kind,
      name,
      aliases: distinct([...names.slice(1), ...prop(rec, 'alias', 'previousName', 'abbreviation', 'weakAlias')], [name]),
      country: codes[0] ?? null,
      identifiers,
      description: description.length > 0 ? description : null,
      sourceIds: [],
    },
    warnings,
  };
}
