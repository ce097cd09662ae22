// A small HTTP client for tests that must send what fetch() would refuse or repair: raw percent-escapes
// in the path (invalid UTF-8, %00), bytes that are not UTF-8 in the body, a Content-Length that lies
// about nothing but a body that is broken. Keep-alive sockets (a bounded pool) so thousands of requests
// do not pay a TCP handshake each.
import http from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent: every byte outside printable ASCII must already be %-escaped. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  ms: number;
}

export interface RawClient {
  send(request: RawRequest, timeoutMs?: number): Promise<RawResponse>;
  close(): void;
}

export function rawClient(baseUrl: string, maxSockets = 8): RawClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    async send(request, timeoutMs = 60_000) {
      try {
        return await once(request, timeoutMs);
      } catch (err) {
        // The server closes a keep-alive socket after 5 s idle; a request that raced that close on a
        // reused socket never reached the app, so it is sent again once (as Node's documentation advises).
        if ((err as { reusedSocket?: boolean }).reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return once(request, timeoutMs);
        throw err;
      }
    },
    close() {
      agent.destroy();
    },
  };

  function once(request: RawRequest, timeoutMs: number): Promise<RawResponse> {
    const started = performance.now();
    return new Promise<RawResponse>((resolve, reject) => {
      const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
      const headers: Record<string, string | number> = { ...request.headers };
      if (body !== undefined) headers['content-length'] = body.length;
      const req = http.request(
        { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: performance.now() - started });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
      req.end(body);
    });
  }
}

/** Runs `work` over the items with at most `concurrency` in flight, in order of the items. */
export async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
