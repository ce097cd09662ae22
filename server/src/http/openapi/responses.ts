// Response shapes of the routes whose handlers return plain objects (entities, health, exposure, writes),
// written as zod so the OpenAPI document has one kind of source. tests/integration/openapi.test.ts checks
// real responses against these, so they cannot drift from what the server sends unnoticed.
import { z } from 'zod';
import { DECISION_ACTIONS, ENTITY_KINDS } from '../../domain/model.js';
import { EXPOSURE_STATUSES } from '../../domain/exposure/types.js';
import { RuleSchema } from '../../domain/exposure/regime.js';

const IsoDate = z.string().meta({ format: 'date' });
const Status = z.enum(EXPOSURE_STATUSES);

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'Stable URI of the error kind, e.g. https://ownership-explorer.dev/problems/validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().meta({ description: 'Also in the X-Request-Id header and the server log' }),
    errors: z
      .array(z.object({ path: z.string().meta({ description: 'The field, e.g. query.depth or body.maxHops' }), message: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ReadySchema = z.object({ status: z.literal('ready') }).meta({ id: 'Ready' });

const IdentifierSchema = z.object({ scheme: z.string(), value: z.string() }).meta({ id: 'Identifier' });

/** Exposure per list id, added to graph nodes and search items from the materialised determinations. */
export const ExposureBadges = z
  .record(z.string(), Status)
  .meta({ description: 'Current exposure status per list id (lists on which the entity is clear are absent)' });

export const SearchResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(ENTITY_KINDS),
        country: z.string().nullable(),
        aliases: z.array(z.string()),
        identifiers: z.array(IdentifierSchema),
        listed: z.array(z.string()),
        score: z.number(),
        exposure: ExposureBadges.optional(),
      }),
    ),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .meta({ id: 'SearchResponse' });

export const EntitySchema = z
  .object({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    aliases: z.array(z.string()),
    country: z.string().nullable(),
    identifiers: z.array(IdentifierSchema),
    description: z.string().nullable(),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'Entity' });

export const DecisionSchema = z
  .object({
    id: z.string(),
    listId: z.string(),
    action: z.enum(DECISION_ACTIONS),
    date: IsoDate,
    effective: IsoDate.nullable(),
    citation: z.string(),
    summary: z.string(),
    entityIds: z.array(z.string()),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'ListingDecision' });

export const SourceSchema = z
  .object({
    id: z.string(),
    publisher: z.string(),
    title: z.string(),
    date: IsoDate.nullable(),
    url: z.string().nullable(),
    file: z.string().nullable(),
  })
  .meta({ id: 'Source' });

export const EntityDetailsResponse = z
  .object({
    entity: EntitySchema,
    decisions: z.array(DecisionSchema.extend({ listName: z.string() })),
    sources: z.array(SourceSchema),
  })
  .meta({ id: 'EntityDetails' });

const AggregateSchema = z
  .object({ min: z.number(), max: z.number(), minExclusive: z.boolean(), maxExclusive: z.boolean() })
  .meta({ id: 'Aggregate', description: 'Aggregate stake of listed parties, in percent, as an interval' });

const DecisionRefSchema = z.object({
  id: z.string(),
  listId: z.string(),
  action: z.enum(DECISION_ACTIONS),
  date: IsoDate,
  effective: IsoDate.nullable(),
  citation: z.string(),
});

const ExplanationSchema = z
  .looseObject({
    sentence: z.string(),
    nodes: z.array(z.string()),
    edges: z.array(z.string()),
    decisions: z.array(DecisionRefSchema),
    steps: z.array(z.looseObject({ entityId: z.string(), status: Status })),
  })
  .meta({ id: 'Explanation' });

export const EntityExposureResponse = z
  .object({
    entityId: z.string(),
    asOf: IsoDate,
    determinations: z.array(
      z.object({
        list: z.string(),
        listName: z.string(),
        status: Status,
        aggregate: AggregateSchema,
        ruleInForce: z.boolean(),
        flags: z.array(z.looseObject({ kind: z.string() })),
        warnings: z.array(z.looseObject({ kind: z.string() })),
        explanation: ExplanationSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'EntityExposure' });

export const ExposurePageResponse = z
  .object({
    list: z.string(),
    asOf: IsoDate,
    source: z.enum(['materialised', 'computed']),
    items: z.array(z.object({ entityId: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS), status: Status, aggregate: AggregateSchema })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ExposurePage' });

export const ExposureChangesResponse = z
  .object({
    from: IsoDate,
    to: IsoDate,
    list: z.string().nullable(),
    changes: z.array(
      z.object({
        list: z.string(),
        entityId: z.string(),
        name: z.string(),
        before: Status,
        after: Status,
        causes: z.object({
          decisions: z.array(DecisionRefSchema),
          ownerships: z.array(z.string()),
          controls: z.array(z.string()),
          ruleWindow: z.boolean(),
        }),
      }),
    ),
    /** Changes come ordered by list, then entity id; more follow when nextCursor is not null. */
    truncated: z.boolean(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ExposureChanges' });

export const ListsResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        authority: z.string(),
        jurisdiction: z.string(),
        rule: RuleSchema.nullable(),
        ruleError: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Lists' });

const ExposureOutcome = z
  .looseObject({ refreshed: z.boolean(), error: z.string().optional() })
  .meta({ id: 'ExposureRefresh', description: 'Whether the materialised exposure was refreshed after the write' });

const OwnershipSchema = z.object({
  id: z.string(),
  owner: z.string(),
  owned: z.string(),
  percent: z.number().nullable(),
  percentMin: z.number().nullable(),
  percentMax: z.number().nullable(),
  minInclusive: z.boolean(),
  maxInclusive: z.boolean(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  sourceIds: z.array(z.string()),
});

export const DecisionCreatedResponse = z.object({ decision: DecisionSchema, exposure: ExposureOutcome }).meta({ id: 'DecisionCreated' });
export const OwnershipPutResponse = z
  .object({ created: z.boolean(), ownership: OwnershipSchema, exposure: ExposureOutcome })
  .meta({ id: 'OwnershipPut' });
export const OwnershipDeletedResponse = z.object({ deleted: z.string(), exposure: ExposureOutcome }).meta({ id: 'OwnershipDeleted' });
