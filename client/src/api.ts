// The only module that talks to the server. Every call takes an AbortSignal so a newer request can cancel
// an older one (typing in the search box, re-rooting the graph before the last one arrived).
import type { EntityDetail, OwnershipGraph, Problem, SearchPage } from './api-types.ts';

/** Why a request failed, in terms the UI can act on: `network` means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'http' | 'invalid-response',
    readonly status: number | null = null,
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SearchOptions {
  limit?: number;
  signal?: AbortSignal;
}

export interface GraphOptions {
  depth?: number;
  asOf?: string;
  signal?: AbortSignal;
}

export interface Api {
  searchEntities(q: string, options?: SearchOptions): Promise<SearchPage>;
  getEntity(id: string, signal?: AbortSignal): Promise<EntityDetail>;
  getOwners(id: string, options?: GraphOptions): Promise<OwnershipGraph>;
  getSubsidiaries(id: string, options?: GraphOptions): Promise<OwnershipGraph>;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function createApi(baseUrl = '/api/v1', fetchImpl: typeof fetch = fetch.bind(globalThis)): Api {
  async function getJson<T>(path: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
    const url = `${baseUrl}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;

    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: signal ?? null });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('The server could not be reached.', 'network');
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = isProblem(body) ? body : null;
      // A proxy in front of a stopped server answers 502/504 without a problem body: treat it as unreachable.
      const kind = problem === null && response.status >= 502 && response.status <= 504 ? 'network' : 'http';
      throw new ApiError(problem?.detail ?? problem?.title ?? `The server answered ${response.status}.`, kind, response.status, problem);
    }
    if (body === null || typeof body !== 'object') throw new ApiError('The server sent an unreadable answer.', 'invalid-response', response.status);
    return body as T;
  }

  const entityPath = (id: string): string => `/entities/${encodeURIComponent(id)}`;

  return {
    searchEntities: (q, { limit = 10, signal } = {}) => getJson<SearchPage>('/entities', { q, limit }, signal),
    getEntity: (id, signal) => getJson<EntityDetail>(entityPath(id), {}, signal),
    getOwners: (id, { depth = 3, asOf, signal } = {}) => getJson<OwnershipGraph>(`${entityPath(id)}/owners`, { depth, asOf }, signal),
    getSubsidiaries: (id, { depth = 3, asOf, signal } = {}) =>
      getJson<OwnershipGraph>(`${entityPath(id)}/subsidiaries`, { depth, asOf }, signal),
  };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string';
}
