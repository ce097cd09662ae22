// Building blocks shared by the route schemas.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.js';
import { ENTITY_KINDS } from '../../domain/model.js';

/** Entity ids are URL-safe: letters, digits and . _ : - (dataset prefixes use ':'). */
export const EntityId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be an entity id (letters, digits, . _ : -)');

export const IsoDateParam = z.string().refine(isIsoDate, 'must be a calendar date as YYYY-MM-DD').meta({ format: 'date' });

export const Kind = z.enum(ENTITY_KINDS);

export const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
  .transform((c) => c.toLowerCase());

export const IdParams = z.strictObject({ id: EntityId });
