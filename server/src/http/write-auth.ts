// The API key (config API_KEY) as `Authorization: Bearer <key>`, for the write API and, when
// READ_API_KEY_REQUIRED, for reads (safety.ts). One check for both, so they answer alike (RFC 6750):
// no key → 401; a wrong key → 401 with error="invalid_token"; writes on a server without a configured key
// → 403 (they are disabled, so no key could help), which means a server started without one can never be
// written to through HTTP.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

const REALM = 'Bearer realm="ownership-explorer"';
const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** null when the request carries the key; otherwise the 401 to answer (WWW-Authenticate is set on res). */
export function bearerKeyProblem(expected: Buffer, req: Request, res: Response, needs: string): UnauthorizedError | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  // Hashing first gives equal-length buffers, so the comparison takes the same time for any key.
  if (match && timingSafeEqual(digest(match[1]!), expected)) return null;
  if (match) {
    res.setHeader('WWW-Authenticate', `${REALM}, error="invalid_token"`);
    return new UnauthorizedError('The API key is not valid');
  }
  res.setHeader('WWW-Authenticate', REALM);
  return new UnauthorizedError(`${needs} the header Authorization: Bearer <API_KEY>`);
}

export function keyDigest(apiKey: string): Buffer {
  return digest(apiKey);
}

export function requireApiKey(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? digest(apiKey) : null;
  return (req, res, next) => {
    if (expected === null) return next(new ForbiddenError('Writes are disabled: the server has no API_KEY configured'));
    next(bearerKeyProblem(expected, req, res, 'This route needs') ?? undefined);
  };
}
