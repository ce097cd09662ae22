// A JSON Schema for FollowTheMoney entities, derived from the FtM schema files (followthemoney/schema/
// *.yaml: Thing, LegalEntity, Organization, Asset/Value, Company, PublicBody, Person, Interval, Interest,
// Ownership, UnknownLink, Sanction): which properties each schema has (its own plus inherited ones),
// which it requires, and the value shape of the typed ones (dates, countries, URLs). Every property value
// is a non-empty list of strings. Entity-reference ranges (Ownership.owner is a LegalEntity, .asset an
// Asset) are data, checked by the test against the other lines of the file.

interface FtmSchema {
  extends: string[];
  required?: string[];
  properties: string[];
  abstract?: boolean;
}

export const FTM: Record<string, FtmSchema> = {
  Thing: {
    abstract: true,
    extends: [],
    required: ['name'],
    properties: ['name', 'summary', 'description', 'country', 'alias', 'previousName', 'weakAlias', 'sourceUrl', 'publisher', 'publisherUrl',
      'alephUrl', 'wikipediaUrl', 'wikidataId', 'keywords', 'topics', 'address', 'addressEntity', 'program', 'notes', 'proof', 'indexText',
      'modifiedAt', 'retrievedAt'],
  },
  Value: { abstract: true, extends: [], properties: ['amount', 'currency', 'amountUsd', 'amountEur'] },
  Asset: { abstract: true, extends: ['Thing', 'Value'], properties: [] },
  LegalEntity: {
    extends: ['Thing'],
    properties: ['email', 'phone', 'website', 'legalForm', 'incorporationDate', 'dissolutionDate', 'taxStatus', 'status', 'sector',
      'classification', 'registrationNumber', 'idNumber', 'taxNumber', 'vatCode', 'jurisdiction', 'mainCountry', 'opencorporatesUrl', 'bvdId',
      'icijId', 'okpoCode', 'innCode', 'dunsCode', 'swiftBic', 'parent', 'subsidiaries', 'passport'],
  },
  Organization: { extends: ['LegalEntity'], required: ['name'], properties: ['cageCode', 'permId', 'imoNumber', 'giiNumber'] },
  Company: {
    extends: ['Organization', 'Asset'],
    required: ['name'],
    properties: ['jurisdiction', 'registrationNumber', 'capital', 'voenCode', 'coatoCode', 'irsCode', 'ipoCode', 'cikCode', 'jibCode', 'mbsCode',
      'caemCode', 'kppCode', 'okvedCode', 'okopfCode', 'fnsCode', 'fssCode', 'bikCode', 'pfrNumber', 'oksmCode', 'isinCode', 'ticker', 'ricCode'],
  },
  PublicBody: { extends: ['Organization'], required: ['name'], properties: [] },
  Person: {
    extends: ['LegalEntity'],
    required: ['name'],
    properties: ['title', 'firstName', 'secondName', 'middleName', 'fatherName', 'motherName', 'lastName', 'nameSuffix', 'birthDate', 'birthPlace',
      'birthCountry', 'deathDate', 'position', 'nationality', 'citizenship', 'passportNumber', 'socialSecurityNumber', 'gender', 'ethnicity',
      'height', 'weight', 'eyeColor', 'hairColor', 'appearance', 'religion', 'political', 'education', 'spokenLanguage'],
  },
  Interval: { abstract: true, extends: [], properties: ['startDate', 'endDate', 'date', 'summary', 'recordId', 'sourceUrl'] },
  Interest: { abstract: true, extends: ['Interval'], properties: ['role', 'status'] },
  Ownership: {
    extends: ['Interest'],
    required: ['owner', 'asset'],
    properties: ['owner', 'asset', 'percentage', 'sharesCount', 'sharesValue', 'sharesCurrency', 'sharesType', 'legalBasis', 'ownershipType'],
  },
  UnknownLink: { extends: ['Interest'], properties: ['subject', 'object'] },
  Sanction: {
    extends: ['Interval'],
    required: ['entity'],
    properties: ['entity', 'authority', 'authorityId', 'unscId', 'program', 'programId', 'programUrl', 'provisions', 'status', 'duration',
      'reason', 'country', 'listingDate'],
  },
};

const DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };
const COUNTRY = { type: 'string', pattern: '^[a-z]{2}(-[a-z0-9]{1,8})?$' };
const URL = { type: 'string', format: 'uri' };
const TYPED: Record<string, object> = {
  startDate: DATE, endDate: DATE, date: DATE, listingDate: DATE, incorporationDate: DATE, dissolutionDate: DATE, birthDate: DATE,
  deathDate: DATE, modifiedAt: DATE, retrievedAt: DATE,
  country: COUNTRY, jurisdiction: COUNTRY, mainCountry: COUNTRY, nationality: COUNTRY, citizenship: COUNTRY, birthCountry: COUNTRY,
  sourceUrl: URL, website: URL, publisherUrl: URL, programUrl: URL, wikipediaUrl: URL, opencorporatesUrl: URL, alephUrl: URL,
};

/** Whether `schema` is `ancestor` or extends it (a Company is a LegalEntity and an Asset). */
export function isA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  return (FTM[schema]?.extends ?? []).some((p) => isA(p, ancestor));
}

function allProperties(name: string): string[] {
  const s = FTM[name]!;
  return [...new Set([...s.extends.flatMap(allProperties), ...s.properties])];
}

function allRequired(name: string): string[] {
  const s = FTM[name]!;
  return [...new Set([...s.extends.flatMap(allRequired), ...(s.required ?? [])])];
}

/** The JSON Schema of one FtM entity line: {id, schema, properties}. */
export function ftmJsonSchema(): object {
  const concrete = Object.keys(FTM).filter((s) => !FTM[s]!.abstract);
  return {
    type: 'object',
    required: ['id', 'schema', 'properties'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', minLength: 1 },
      schema: { enum: concrete },
      properties: { type: 'object' },
      datasets: { type: 'array', items: { type: 'string' } },
    },
    allOf: concrete.map((name) => ({
      if: { properties: { schema: { const: name } } },
      then: {
        properties: {
          properties: {
            type: 'object',
            additionalProperties: false,
            required: allRequired(name),
            properties: Object.fromEntries(
              allProperties(name).map((p) => [p, { type: 'array', minItems: 1, items: TYPED[p] ?? { type: 'string', minLength: 1 } }]),
            ),
          },
        },
      },
    })),
  };
}
