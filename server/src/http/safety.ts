// The public API's guard, mounted on /api before any route: a URL length limit, CORS for the
// configured browser origins, a per-client rate limit and, when configured, the API key on reads.
// Every refusal is an AppError, so the one error handler answers it as problem+json.
import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError, RateLimitedError, UnauthorizedError } from '../errors.js';
import { bearerKeyProblem, keyDigest } from './write-auth.js';

export interface SafetySettings {
  rateLimitPerMinute: number;
  readApiKeyRequired: boolean;
  /** The API key (config API_KEY); reads need it when readApiKeyRequired. */
  apiKey: string | undefined;
  /** Allowed browser origins; '*' allows any; empty disables CORS. */
  corsOrigins: string[];
  maxUrlLength: number;
}

export class UriTooLongError extends AppError {
  readonly status = 414;
  readonly slug = 'uri-too-long';
  readonly title = 'URI too long';
}

/** Paths (under /api) that stay open without a key and outside the rate limit: probes and the docs. */
const OPEN = new Set(['/v1/health', '/v1/ready', '/v1/openapi.json']);
const isOpen = (path: string) => OPEN.has(path) || path === '/docs' || path.startsWith('/docs/');
const isProbe = (path: string) => path === '/v1/health' || path === '/v1/ready';

export function apiGuard(s: SafetySettings): Router {
  const router = Router();
  router.use(cors(s.corsOrigins));
  router.use(urlLimit(s.maxUrlLength));
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: s.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skip: (req) => req.method === 'OPTIONS' || isProbe(req.path),
      handler: (_req, _res, next) => {
        next(new RateLimitedError(`More than ${s.rateLimitPerMinute} requests in a minute; retry after the time in Retry-After`));
      },
    }),
  );
  if (s.readApiKeyRequired) router.use(requireKey(s.apiKey));
  return router;
}

function urlLimit(max: number): RequestHandler {
  return (req, _res, next) => {
    next(req.originalUrl.length > max ? new UriTooLongError(`The request URL is longer than ${max} characters`) : undefined);
  };
}

const EXPOSED_HEADERS = [
  'X-Request-Id',
  'Content-Disposition',
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'X-Export-Nodes',
  'X-Export-Edges',
  'X-Export-Truncated',
].join(', ');

/** CORS for the configured origins only: other origins get no CORS headers, so browsers refuse them. */
export function cors(origins: readonly string[]): RequestHandler {
  const any = origins.includes('*');
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origins.length === 0 || typeof origin !== 'string') return next();
    if (!any) res.append('Vary', 'Origin');
    if (!any && !origins.includes(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

function requireKey(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? keyDigest(apiKey) : null;
  return (req, res, next) => {
    if (isOpen(req.path) || req.method === 'OPTIONS') return next();
    // config.ts refuses READ_API_KEY_REQUIRED without API_KEY; refuse rather than open if that ever slips.
    if (expected === null) return next(new UnauthorizedError('Reads need an API key, and the server has none configured'));
    next(bearerKeyProblem(expected, req, res, 'This server requires an API key for reads: send') ?? undefined);
  };
}
