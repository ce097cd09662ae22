// HTTP load with autocannon against the real server: `connections` concurrent keep-alive connections for
// `seconds`, each request taking the next of `requests` in turn. Latencies are collected per response and
// summarised here, because autocannon's own summary has no p95.
import autocannon from 'autocannon';
import { summarise, type Latency } from './stats.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  latencyMs: Latency;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function load(baseUrl: string, requests: HttpRequest[], opts: { connections: number; seconds: number }): Promise<LoadResult> {
  if (requests.length === 0) throw new Error('no requests to send');
  let next = 0;
  const latencies: number[] = [];
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const r = requests[next++ % requests.length]!;
          return {
            ...req,
            method: r.method,
            path: r.path,
            ...(r.body !== undefined && { body: JSON.stringify(r.body), headers: { ...req.headers, 'content-type': 'application/json' } }),
          };
        },
      },
    ],
  }, (err, result) => (err ? fail(err) : finish(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  return {
    connections: opts.connections,
    seconds: opts.seconds,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    latencyMs: summarise(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Sequential requests (one connection, no overlap): the latency of a query alone. */
export async function sequential(baseUrl: string, requests: HttpRequest[], count: number): Promise<{ latencyMs: Latency; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  for (let k = 0; k < count; k++) {
    const r = requests[k % requests.length]!;
    const t0 = performance.now();
    const res = await fetch(baseUrl + r.path, {
      method: r.method,
      ...(r.body !== undefined && { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (!res.ok) failures += 1;
  }
  return { latencyMs: summarise(latencies), failures };
}
