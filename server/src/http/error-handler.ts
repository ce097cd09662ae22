// The one place errors become responses: application/problem+json (RFC 9457) with a stable `type`.
// Unknown errors are logged with their stack and answered as a generic 500 — never with the stack.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, DatabaseUnavailableError, InternalError, NotFoundError, PayloadTooLargeError, QueryTimeoutError, ValidationError } from '../errors.js';

export const PROBLEM_JSON = 'application/problem+json';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; message?: string };
  // body-parser's own errors carry a `type`; translate the ones a client can cause.
  if (e?.type === 'entity.parse.failed') return new ValidationError([{ path: 'body', message: 'is not valid JSON' }]);
  if (e?.type === 'entity.too.large') return new PayloadTooLargeError('The request body is larger than the limit');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new ValidationError([{ path: 'headers.content-type', message: 'unsupported encoding or charset' }]);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new ValidationError([{ path: 'request', message: e.message ?? 'bad request' }]);
  }
  return new InternalError('An unexpected error occurred');
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError instanceof InternalError) req.log?.error({ err }, 'unhandled error');
  else if (appError instanceof DatabaseUnavailableError) req.log?.warn({ err: (appError as { cause?: unknown }).cause }, 'database unavailable');
  if (appError instanceof DatabaseUnavailableError || appError instanceof QueryTimeoutError) {
    res.setHeader('Retry-After', String(appError.retryAfterSeconds));
  }
  res.status(appError.status).type(PROBLEM_JSON).json({
    type: appError.type,
    title: appError.title,
    status: appError.status,
    detail: appError.message,
    instance: req.originalUrl,
    requestId: req.id,
    ...appError.extensions(),
  });
};

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route ${req.method} ${req.path}`));
};
