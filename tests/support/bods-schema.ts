// The BODS 0.4 JSON Schema (openownership/data-standard schema/statement.json, entity-record.json,
// person-record.json, relationship-record.json and components.json), transcribed without titles and
// descriptions: the same $ids, types, enums, formats, required fields and conditions. Register all five
// with ajv (draft 2020-12) and validate an export against `urn:bods:statement` (an array of Statements).
// One change from the originals: their $ids are 'urn:statement', 'urn:entity' …, URNs without a
// namespace-specific part, which ajv's URI library refuses; here they are 'urn:bods:statement' … .

const dateOrDateTime = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] };

const components = {
  $id: 'urn:bods:components',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: {
    Address: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['placeOfBirth', 'residence', 'registered', 'service', 'alternative', 'business'] },
        address: { type: 'string' },
        postCode: { type: 'string' },
        country: { $ref: 'urn:bods:components#/$defs/Country' },
      },
    },
    Country: {
      type: 'object',
      properties: { name: { type: 'string' }, code: { type: 'string', maxLength: 2, minLength: 2 } },
      required: ['name'],
    },
    Jurisdiction: {
      type: 'object',
      properties: { name: { type: 'string' }, code: { type: 'string', maxLength: 6, minLength: 2 } },
      required: ['name'],
    },
    Identifier: {
      type: 'object',
      properties: { id: { type: 'string' }, scheme: { type: 'string' }, schemeName: { type: 'string' }, uri: { type: 'string', format: 'uri' } },
      anyOf: [{ required: ['scheme'] }, { required: ['schemeName'] }, { required: ['scheme', 'schemeName'] }],
    },
    UnspecifiedRecord: {
      type: 'object',
      properties: {
        reason: {
          type: 'string',
          enum: ['noBeneficialOwners', 'subjectUnableToConfirmOrIdentifyBeneficialOwner', 'interestedPartyHasNotProvidedInformation',
            'subjectExemptFromDisclosure', 'interestedPartyExemptFromDisclosure', 'unknown', 'informationUnknownToPublisher'],
        },
        description: { type: 'string' },
      },
      required: ['reason'],
    },
    Source: {
      type: 'object',
      properties: {
        type: { type: 'array', items: { type: 'string', enum: ['selfDeclaration', 'officialRegister', 'thirdParty', 'primaryResearch', 'verified'] } },
        description: { type: 'string' },
        url: { type: 'string', format: 'uri' },
        retrievedAt: dateOrDateTime,
        assertedBy: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, uri: { type: 'string', format: 'uri' } } },
        },
      },
    },
  },
};

const entityRecord = {
  $id: 'urn:bods:entity',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    isComponent: { type: 'boolean' },
    entityType: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', enum: ['registeredEntity', 'legalEntity', 'arrangement', 'anonymousEntity', 'unknownEntity', 'state', 'stateBody'] },
        subtype: { type: 'string', enum: ['governmentDepartment', 'stateAgency', 'other', 'trust', 'nomination'] },
        details: { type: 'string' },
      },
      allOf: [
        { if: { properties: { type: { enum: ['arrangement'] } } }, then: { properties: { subtype: { enum: ['trust', 'nomination', 'other'] } } } },
        { if: { properties: { type: { enum: ['legalEntity'] } } }, then: { properties: { subtype: { enum: ['trust', 'other'] } } } },
        { if: { properties: { type: { enum: ['stateBody'] } } }, then: { properties: { subtype: { enum: ['governmentDepartment', 'stateAgency', 'other'] } } } },
        {
          if: { properties: { type: { enum: ['registeredEntity', 'state', 'anonymousEntity', 'unknownEntity'] } } },
          then: { properties: { subtype: { enum: ['other'] } } },
        },
      ],
    },
    unspecifiedEntityDetails: { $ref: 'urn:bods:components#/$defs/UnspecifiedRecord' },
    name: { type: 'string' },
    alternateNames: { type: 'array', items: { type: 'string' } },
    jurisdiction: { $ref: 'urn:bods:components#/$defs/Jurisdiction' },
    identifiers: { type: 'array', items: { $ref: 'urn:bods:components#/$defs/Identifier' } },
    foundingDate: { type: 'string', format: 'date' },
    dissolutionDate: { type: 'string', format: 'date' },
    addresses: {
      type: 'array',
      items: { $ref: 'urn:bods:components#/$defs/Address', properties: { type: { enum: ['registered', 'business', 'alternative'] } } },
    },
    uri: { type: 'string', format: 'uri' },
    publicListing: {
      type: 'object',
      required: ['hasPublicListing'],
      minProperties: 1,
      properties: {
        hasPublicListing: { type: 'boolean' },
        companyFilingsURLs: { type: 'array', items: { type: 'string', format: 'uri' } },
        securitiesListings: {
          type: 'array',
          items: {
            type: 'object',
            required: ['stockExchangeJurisdiction', 'security', 'stockExchangeName'],
            properties: {
              marketIdentifierCode: { type: 'string' },
              operatingMarketIdentifierCode: { type: 'string' },
              stockExchangeJurisdiction: { type: 'string', maxLength: 6, minLength: 2 },
              stockExchangeName: { type: 'string' },
              security: {
                type: 'object',
                required: ['ticker'],
                properties: { idScheme: { type: 'string', enum: ['isin', 'figi', 'cusip', 'cins'] }, id: { type: 'string' }, ticker: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    formedByStatute: { type: 'object', properties: { name: { type: 'string' }, date: { type: 'string', format: 'date' } } },
  },
  required: ['isComponent', 'entityType'],
};

const partialDate = { type: 'string', anyOf: [{ pattern: '^(\\d{4})(-(1[0-2]|0[1-9]))?$' }, { format: 'date' }] };

const personRecord = {
  $id: 'urn:bods:person',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    isComponent: { type: 'boolean' },
    personType: { type: 'string', enum: ['anonymousPerson', 'unknownPerson', 'knownPerson'] },
    unspecifiedPersonDetails: { $ref: 'urn:bods:components#/$defs/UnspecifiedRecord' },
    names: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fullName'],
        properties: {
          type: { type: 'string', enum: ['legal', 'translation', 'transliteration', 'former', 'alternative', 'birth'] },
          fullName: { type: 'string' },
          familyName: { type: 'string' },
          givenName: { type: 'string' },
          patronymicName: { type: 'string' },
        },
      },
    },
    identifiers: { type: 'array', items: { $ref: 'urn:bods:components#/$defs/Identifier' } },
    nationalities: { type: 'array', items: { $ref: 'urn:bods:components#/$defs/Country' } },
    placeOfBirth: { $ref: 'urn:bods:components#/$defs/Address', properties: { type: { enum: ['placeOfBirth'] } } },
    birthDate: partialDate,
    deathDate: partialDate,
    taxResidencies: { type: 'array', items: { $ref: 'urn:bods:components#/$defs/Country' } },
    addresses: {
      type: 'array',
      items: { $ref: 'urn:bods:components#/$defs/Address', properties: { type: { enum: ['residence', 'service', 'alternative'] } } },
    },
    politicalExposure: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['isPep', 'isNotPep', 'unknown'] }, details: { type: 'array', items: { type: 'object' } } },
    },
  },
  required: ['personType', 'isComponent'],
};

const share = { type: 'number', maximum: 100, minimum: 0 };

const relationshipRecord = {
  $id: 'urn:bods:relationship',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    isComponent: { type: 'boolean' },
    componentRecords: { type: 'array', items: { type: 'string' } },
    subject: { oneOf: [{ type: 'string' }, { $ref: 'urn:bods:components#/$defs/UnspecifiedRecord' }] },
    interestedParty: { oneOf: [{ type: 'string' }, { $ref: 'urn:bods:components#/$defs/UnspecifiedRecord' }] },
    interests: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: {
            type: 'string',
            enum: ['shareholding', 'votingRights', 'appointmentOfBoard', 'otherInfluenceOrControl', 'seniorManagingOfficial', 'settlor', 'trustee',
              'protector', 'beneficiaryOfLegalArrangement', 'rightsToSurplusAssetsOnDissolution', 'rightsToProfitOrIncome', 'rightsGrantedByContract',
              'conditionalRightsGrantedByContract', 'controlViaCompanyRulesOrArticles', 'controlByLegalFramework', 'boardMember', 'boardChair',
              'unknownInterest', 'unpublishedInterest', 'enjoymentAndUseOfAssets', 'rightToProfitOrIncomeFromAssets', 'nominee', 'nominator'],
          },
          directOrIndirect: { type: 'string', enum: ['direct', 'indirect', 'unknown'] },
          beneficialOwnershipOrControl: { type: 'boolean' },
          details: { type: 'string' },
          share: {
            type: 'object',
            properties: { exact: share, maximum: share, minimum: share, exclusiveMinimum: share, exclusiveMaximum: share },
          },
          startDate: { type: 'string', format: 'date' },
          endDate: { type: 'string', format: 'date' },
        },
      },
    },
  },
  required: ['isComponent', 'subject', 'interestedParty'],
  if: { properties: { isComponent: { const: true } } },
  then: { properties: { componentRecords: { const: [] } } },
};

const statement = {
  $id: 'urn:bods:statement',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'array',
  items: { $ref: '#/$defs/Statement' },
  $defs: {
    Statement: {
      type: 'object',
      properties: {
        statementId: { type: 'string', minLength: 32, maxLength: 64 },
        statementDate: dateOrDateTime,
        annotations: { type: 'array', items: { $ref: '#/$defs/Annotation' } },
        publicationDetails: {
          type: 'object',
          properties: {
            publicationDate: dateOrDateTime,
            bodsVersion: { type: 'string', pattern: '^(\\d+\\.)(\\d+)$' },
            license: { type: 'string', format: 'uri' },
            publisher: {
              type: 'object',
              properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' } },
              anyOf: [{ required: ['name'] }, { required: ['url'] }],
            },
          },
          required: ['publicationDate', 'bodsVersion', 'publisher'],
        },
        source: { $ref: 'urn:bods:components#/$defs/Source' },
        declaration: { type: 'string' },
        declarationSubject: { type: 'string' },
        recordId: { type: 'string' },
        recordType: { type: 'string', enum: ['entity', 'person', 'relationship'] },
        recordStatus: { type: 'string', enum: ['new', 'updated', 'closed'] },
        recordDetails: { type: 'object' },
      },
      allOf: [
        { if: { properties: { recordType: { const: 'entity' } } }, then: { properties: { recordDetails: { $ref: 'urn:bods:entity' } } } },
        { if: { properties: { recordType: { const: 'person' } } }, then: { properties: { recordDetails: { $ref: 'urn:bods:person' } } } },
        { if: { properties: { recordType: { const: 'relationship' } } }, then: { properties: { recordDetails: { $ref: 'urn:bods:relationship' } } } },
      ],
      required: ['statementId', 'declarationSubject', 'recordId', 'recordType', 'recordDetails', 'statementDate'],
    },
    Annotation: {
      type: 'object',
      properties: {
        statementPointerTarget: { type: 'string' },
        creationDate: dateOrDateTime,
        createdBy: { type: 'object', properties: { name: { type: 'string' }, uri: { type: 'string', format: 'uri' } } },
        motivation: { type: 'string', enum: ['commenting', 'correcting', 'identifying', 'linking', 'transformation'] },
        description: { type: 'string' },
        transformedContent: { type: 'string' },
        url: { type: 'string', format: 'uri' },
      },
      required: ['motivation', 'statementPointerTarget'],
      allOf: [
        { if: { properties: { motivation: { const: 'linking' } } }, then: { required: ['url'] } },
        { if: { not: { properties: { motivation: { const: 'transformation' } } } }, then: { properties: { transformedContent: { const: '' } } } },
      ],
    },
  },
};

export const BODS_SCHEMAS = [components, entityRecord, personRecord, relationshipRecord, statement];
