// Structured JSON logs (pino). One logger for the process; requests get a child with their id.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ownership-explorer' }, redact: ['req.headers.authorization'] });
}
