// Query schemas for the /entities routes.
import { z } from 'zod';
import { Country, IsoDateParam, Kind } from './common.js';

export const SearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  kind: Kind.optional(),
  country: Country.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  asOf: IsoDateParam.optional(),
});

export const ChainQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(10).default(3),
  asOf: IsoDateParam.optional(),
  minPercent: z.coerce.number().min(0).max(100).optional(),
});
