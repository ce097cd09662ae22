// Guards the write API with a bearer API key (config API_KEY). Without a configured key writes are
// disabled (403), so a server started without one can never be written to through HTTP.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function requireApiKey(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? digest(apiKey) : null;
  return (req, res, next) => {
    if (expected === null) return next(new ForbiddenError('Writes are disabled: the server has no API_KEY configured'));
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    // Hashing first gives equal-length buffers, so the comparison takes the same time for any key.
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="ownership-explorer"');
    return next(new UnauthorizedError('This route needs the header Authorization: Bearer <API_KEY>'));
  };
}
