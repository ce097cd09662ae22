// Requests Node's HTTP parser refuses never reach Express: a request line or headers over Node's 16 KB
// limit, or bytes that are not HTTP. Node's default answer is a bare status line with no body; this
// answers the same statuses as application/problem+json like every other refusal, so a client (and the
// fuzz test) sees one error format. The connection is closed afterwards, as the parser's state is lost.
import { randomUUID } from 'node:crypto';
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
    // The parser never made a request object, so there is no request id yet: make one, as for any request.
    const requestId = randomUUID();
    const body = JSON.stringify({
      type: problem.type, title: problem.title, status: problem.status, detail: problem.message,
      instance: requestTarget(err), requestId, ...problem.extensions(),
    });
    socket.end(
      `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Error'}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

/** The request line's target when the bytes the parser saw start with one, else '/' (nothing usable). */
function requestTarget(err: NodeJS.ErrnoException & { rawPacket?: Buffer }): string {
  const line = err.rawPacket?.subarray(0, 2048).toString('latin1').split('\r\n', 1)[0] ?? '';
  const target = /^[A-Z]+ (\/[\x21-\x7e]*) HTTP\/1\.[01]$/.exec(line)?.[1];
  return target ?? '/';
}
