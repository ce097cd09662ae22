// One error hierarchy for the whole server. Each error knows its HTTP status and a stable problem
// `type`, so the single Express error handler can render application/problem+json without guessing.

export interface FieldProblem {
  /** Where the bad value is, e.g. 'query.depth' or 'body.from'. */
  path: string;
  message: string;
}

const TYPE_BASE = 'https://ownership-explorer.dev/problems/';

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;
  get type(): string {
    return TYPE_BASE + this.slug;
  }
  /** Extra members for the problem document (never secrets, never stack traces). */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly slug = 'validation';
  readonly title = 'Invalid request';
  constructor(readonly errors: FieldProblem[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly slug = 'unauthorized';
  readonly title = 'Authentication required';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Forbidden';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = 'Conflict';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'Payload too large';
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly slug = 'rate-limited';
  readonly title = 'Too many requests';
}

/** The database cannot be reached (or is shutting down); clients should retry later. */
export class DatabaseUnavailableError extends AppError {
  readonly status = 503;
  readonly slug = 'database-unavailable';
  readonly title = 'Database unavailable';
  readonly retryAfterSeconds = 5;
}

/** A query ran past its transaction timeout: the request asked for too much. */
export class QueryTimeoutError extends AppError {
  readonly status = 503;
  readonly slug = 'query-timeout';
  readonly title = 'Query took too long';
  readonly retryAfterSeconds = 1;
}

export class InternalError extends AppError {
  readonly status = 500;
  readonly slug = 'internal';
  readonly title = 'Internal error';
}
