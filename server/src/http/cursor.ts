// Opaque keyset cursors: base64url JSON of the last row's sort key. Clients pass them back verbatim;
// a cursor that does not decode is a 400 on `query.cursor`, never a 500.
import { z } from 'zod';
import { ValidationError } from '../errors.js';

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>, path = 'query.cursor'): T | null {
  if (cursor === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path, message: 'is not a cursor returned by this API' }]);
}
