// Structured JSON logs (pino). One logger for the process; requests get a child with their id.
import type { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout, or on `destination` (tests read the lines the server writes). */
export function createLogger(level: string, destination?: Writable): Logger {
  const options = { level, base: { service: 'ownership-explorer' }, redact: ['req.headers.authorization'] };
  return destination ? pino(options, destination) : pino(options);
}
