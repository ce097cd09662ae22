// Driver errors become AppErrors here and nowhere else, so routes never see a Neo4jError.
import { Neo4jError } from 'neo4j-driver';
import { AppError, ConflictError, DatabaseUnavailableError, InternalError, QueryTimeoutError } from '../errors.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function mapDriverError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE.has(err.code)) return withCause(new DatabaseUnavailableError('The graph database cannot be reached'), err);
    // Two writes raced for the same id (both checked, both created; the uniqueness constraint let one in).
    if (err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return withCause(new ConflictError('A concurrent write created the same record; read it again, then retry if still needed'), err);
    }
    if (err.code.includes('TransactionTimedOut') || err.code.includes('Transaction.Terminated')) {
      return withCause(new QueryTimeoutError('The query exceeded its time limit; narrow it (smaller depth or limit)'), err);
    }
    if (err.code.startsWith('Neo.TransientError')) {
      return withCause(new DatabaseUnavailableError('The graph database is temporarily unavailable'), err);
    }
  }
  if (err instanceof Error && /ECONNREFUSED|ECONNRESET|socket hang up|Pool is closed|Connection acquisition timed out/i.test(err.message)) {
    return withCause(new DatabaseUnavailableError('The graph database cannot be reached'), err);
  }
  return withCause(new InternalError('Unexpected database error'), err);
}

function withCause<E extends AppError>(e: E, cause: unknown): E {
  (e as { cause?: unknown }).cause = cause;
  return e;
}
