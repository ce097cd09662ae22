// Requests Node's HTTP parser refuses never reach Express: a request line or headers over Node's 16 KB
// limit, or bytes that are not HTTP. Node's default answer is a bare status line with no body; this
// answers the same statuses as application/problem+json like every other refusal, so a client (and the
// fuzz test) sees one error format. The connection is closed afterwards, as the parser's state is lost.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, ValidationError } from '../errors.js';
import { PROBLEM_JSON } from './error-handler.js';

export class HeadersTooLargeError extends AppError {
  readonly status = 431;
  readonly slug = 'headers-too-large';
  readonly title = 'Request header fields too large';
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or a socket already answered: nothing to say, just let it go.
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new HeadersTooLargeError('The request line and headers are larger than 16 KB; send long input in a POST body')
        : new ValidationError([{ path: 'request', message: 'is not a well-formed HTTP request' }]);
    const body = JSON.stringify({ type: problem.type, title: problem.title, status: problem.status, detail: problem.message, ...problem.extensions() });
    socket.end(
      `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Error'}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
