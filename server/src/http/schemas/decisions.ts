// Query and response schemas of GET /decisions.
import { z } from 'zod';
import { DECISION_ACTIONS } from '../../domain/model.js';
import { EntityId } from './common.js';
import { ListId } from './exposure.js';

const IsoDate = z.string().meta({ format: 'date' });

/** Entities per request: a view's worth fits the URL limit (4,096 characters by default) in a few requests. */
export const MAX_DECISION_ENTITIES = 100;

export const DecisionsQuery = z.strictObject({
  entity: z
    .string()
    .max(MAX_DECISION_ENTITIES * 201)
    .transform((text) => text.split(','))
    .pipe(z.array(EntityId).min(1).max(MAX_DECISION_ENTITIES))
    .optional()
    .meta({ description: `Comma-separated entity ids (at most ${MAX_DECISION_ENTITIES}): only decisions naming at least one of them`, example: 'hikvision,moyu-haishi' }),
  list: ListId.optional().meta({ description: 'Only decisions on this list' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
});

export const DecisionsPageResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        listId: z.string(),
        listName: z.string(),
        action: z.enum(DECISION_ACTIONS),
        date: IsoDate,
        effective: IsoDate.nullable(),
        citation: z.string(),
        summary: z.string(),
        sourceIds: z.array(z.string()),
        entityIds: z.array(z.string()).meta({ description: 'The requested entities it names; without `entity`, the first 100 it names (by id)' }),
        namedCount: z.number().int().meta({ description: 'How many entities the decision names in all' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DecisionPage', description: 'Listing decisions oldest first (by date, then id)' });
