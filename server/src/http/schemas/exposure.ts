// Query and body schemas for the exposure routes and the small write API.
import { z } from 'zod';
import { DECISION_ACTIONS } from '../../domain/model.js';
import { EntityId, IsoDateParam } from './common.js';

/** List ids are lower-case and URL-safe (as in seed/lists.json); whether the list exists is the service's call. */
export const ListId = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a list id (lower-case letters, digits, -)');

/** Statuses worth listing: clear is everything else, so it is not a filter. */
export const NonClearStatus = z.enum(['listed', 'exposed', 'possibly_exposed']);

export const EntityExposureQuery = z.strictObject({
  asOf: IsoDateParam.optional(),
  list: ListId.optional(),
});

export const ExposureListQuery = z.strictObject({
  list: ListId,
  asOf: IsoDateParam.optional(),
  status: NonClearStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(500).optional(),
});

export const ExposureChangesQuery = z.strictObject({
  from: IsoDateParam,
  to: IsoDateParam,
  list: ListId.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
});

/** Record ids (decisions, edges): URL-safe like entity ids. */
export const RecordId = EntityId;

const Percent = z.number().min(0).max(100);

export const DecisionBody = z.strictObject({
  /** Omitted → one is made up (`decision-<uuid>`). */
  id: RecordId.optional(),
  listId: ListId,
  action: z.enum(DECISION_ACTIONS),
  date: IsoDateParam,
  effective: IsoDateParam.nullable().default(null),
  citation: z.string().min(1).max(500),
  summary: z.string().max(5000).default(''),
  entityIds: z.array(EntityId).min(1).max(1000),
  sourceIds: z.array(RecordId).max(100).default([]),
});
export type DecisionInput = z.output<typeof DecisionBody>;

export const OwnershipBody = z
  .strictObject({
    owner: EntityId,
    owned: EntityId,
    /** null or omitted with no bounds: unknown stake ([0, 100]), never 0. */
    percent: Percent.nullable().default(null),
    percentMin: Percent.nullable().default(null),
    percentMax: Percent.nullable().default(null),
    minInclusive: z.boolean().default(true),
    maxInclusive: z.boolean().default(true),
    start: IsoDateParam.nullable().default(null),
    end: IsoDateParam.nullable().default(null),
    sourceIds: z.array(RecordId).max(100).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.owner === b.owned) ctx.addIssue({ code: 'custom', path: ['owned'], message: 'an entity cannot own itself' });
    if (b.percent !== null && (b.percentMin !== null || b.percentMax !== null)) {
      ctx.addIssue({ code: 'custom', path: ['percent'], message: 'give either percent or percentMin/percentMax, not both' });
    }
    if (b.percentMin !== null && b.percentMax !== null && b.percentMin > b.percentMax) {
      ctx.addIssue({ code: 'custom', path: ['percentMin'], message: 'must not be above percentMax' });
    }
    if (b.start !== null && b.end !== null && b.start >= b.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  });
export type OwnershipInput = z.output<typeof OwnershipBody>;

export const RecordIdParams = z.strictObject({ id: RecordId });
