// What every answer to a fuzzed request must be, as a list of broken rules (empty: fine).
import type { RawResponse } from '../raw-http.js';
import type { FuzzCase } from './cases.js';

/** The problem types the API may answer with; anything else (e.g. `internal`) is a failure. */
export const PROBLEM_TYPES = new Set(
  ['validation', 'not-found', 'unauthorized', 'forbidden', 'conflict', 'payload-too-large', 'rate-limited', 'uri-too-long', 'headers-too-large'].map(
    (slug) => `https://ownership-explorer.dev/problems/${slug}`,
  ),
);

/** Signs of an internal leaking out: a stack frame, a source path, a driver or JavaScript error name. */
const LEAKS: [RegExp, string][] = [
  [/\bat [^\s()]+ \([^)]*:\d+:\d+\)|\bat \/[^\s]+:\d+:\d+/, 'a stack frame'],
  [/\/work\/|node_modules|\/server\/src\/|\.ts:\d+/, 'a server path'],
  [/Neo4jError|Neo\.(ClientError|DatabaseError|TransientError)|neo4j-driver/, 'a driver error'],
  [/\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Cannot read propert/, 'a JavaScript error'],
];

const FIELD_PATH = /^(query|params|body|headers|request)(\.|$)/;

interface Problem {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  errors?: { path?: unknown; message?: unknown }[];
}

/** Rules for any answer: no 5xx, and every refusal a problem document with a known type that leaks nothing. */
export function responseProblems(res: RawResponse): string[] {
  const out: string[] = [];
  const { status } = res;
  if (status >= 500) out.push(`status ${status}: ${res.text.slice(0, 300)}`);
  if (status < 200 || (status >= 300 && status < 400)) out.push(`unexpected status ${status}`);
  for (const [pattern, what] of LEAKS) if (pattern.test(res.text) && status >= 400) out.push(`the body shows ${what}: ${res.text.slice(0, 300)}`);

  if (status >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) out.push(`content-type ${type} for ${status}`);
    const p = res.json as Problem | undefined;
    if (!p || typeof p !== 'object') out.push('the problem body is not JSON');
    else {
      if (!PROBLEM_TYPES.has(String(p.type))) out.push(`unknown problem type ${String(p.type)}`);
      if (p.status !== status) out.push(`problem status ${String(p.status)} ≠ ${status}`);
      if (typeof p.title !== 'string') out.push('problem without a title');
      if (status === 400) {
        if (!Array.isArray(p.errors) || p.errors.length === 0) out.push('400 without errors[]');
        else for (const e of p.errors) if (typeof e.path !== 'string' || !FIELD_PATH.test(e.path) || typeof e.message !== 'string') out.push(`bad error entry ${JSON.stringify(e)}`);
      }
    }
  }

  return out;
}

/** The rules for one fuzzed request: responseProblems, plus what its kind of case must get. */
export function problemsWith(c: FuzzCase, res: RawResponse): string[] {
  const out = responseProblems(res);
  const { status } = res;
  const keyed = c.auth === 'key';
  const writes = c.op.needsKey && c.kind !== 'route';

  // The key: writes (and the import routes) need it, and a secret sent is never sent back.
  if (c.op.needsKey && !keyed && status < 300) out.push(`status ${status} without a valid API key`);
  if (c.secret && c.secret.length >= 8 && res.text.includes(c.secret)) out.push('the wrong API key came back in the response');
  if (c.op.needsKey && !keyed && status === 401 && !res.headers['www-authenticate']) out.push('401 without WWW-Authenticate');

  const paths = ((res.json as Problem | undefined)?.errors ?? []).map((e) => String(e.path));
  // Limits the guard enforces before any route: these win over everything below.
  const limited = status === 414 || status === 413 || status === 431;
  const authorised = !c.op.needsKey || keyed;

  // One field made invalid: the answer is a 400 naming it (or a refusal that comes before validation).
  if (c.kind === 'field' && c.field?.invalid && authorised && !limited) {
    const name = `${c.field.location}.${c.field.name}`;
    // An empty path segment makes another URL (`/entities/` is the search, `/ownerships/` no route).
    const emptySegment = c.field.location === 'params' && /\/(\?|$)|\/\//.test(c.request.path);
    if (emptySegment) return out;
    if (status !== 400) out.push(`${name} is invalid but the status is ${status}`);
    else if (status === 400 && !paths.some((p) => p === name || p.startsWith(`${name}.`) || (c.field!.location === 'params' && p === 'request'))) {
      out.push(`400 names ${JSON.stringify(paths)}, not ${name}`);
    }
  }
  if (c.kind === 'unknown-key' && authorised && !limited) {
    if (status !== 400) out.push(`unknown ${c.unknown} but status ${status}`);
    else if (!paths.includes(c.unknown!)) out.push(`400 names ${JSON.stringify(paths)}, not ${c.unknown}`);
  }
  // A valid request: a 2xx, or a 404/409 about the ids it names, or a 400 from a rule across fields.
  if (c.kind === 'valid' && authorised) {
    if (status === 400 && paths.some((p) => !p.startsWith(`query.`) && !p.startsWith('body') && !p.startsWith('params.'))) out.push(`valid request, 400 on ${JSON.stringify(paths)}`);
    if (status >= 400 && ![400, 404, 409].includes(status)) out.push(`valid request, status ${status}`);
  }
  // (An import's body is a file: a broken one is imported with its records rejected, not refused.)
  if (writes && authorised && status < 300 && c.kind === 'structural' && c.op.path !== '/imports') out.push(`a broken body was accepted (${status})`);
  return out;
}
