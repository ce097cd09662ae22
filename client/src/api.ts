// The only module that talks to the server. Every call takes an AbortSignal so a newer request can cancel
// an older one (typing in the search box, re-rooting the graph before the last one arrived).
import type {
  EntityDetail,
  EntityExposure,
  ExportFormat,
  ExposureChanges,
  DecisionPage,
  ExposurePage,
  ListsResponse,
  OwnershipGraph,
  PathsRequest,
  PathsResponse,
  Problem,
  SearchPage,
} from './api-types.ts';

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

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export interface Api {
  searchEntities(q: string, options?: SearchOptions): Promise<SearchPage>;
  getEntity(id: string, signal?: AbortSignal): Promise<EntityDetail>;
  getOwners(id: string, options?: GraphOptions): Promise<OwnershipGraph>;
  getSubsidiaries(id: string, options?: GraphOptions): Promise<OwnershipGraph>;
  getLists(signal?: AbortSignal): Promise<ListsResponse>;
  getEntityExposure(id: string, query: { asOf: string; list: string }, signal?: AbortSignal): Promise<EntityExposure>;
  getExposurePage(query: { list: string; asOf: string; cursor?: string; limit?: number }, signal?: AbortSignal): Promise<ExposurePage>;
  getExposureChanges(query: { from: string; to: string; list: string }, signal?: AbortSignal): Promise<ExposureChanges>;
  findPaths(body: PathsRequest, signal?: AbortSignal): Promise<PathsResponse>;
  /** Listing decisions naming any of `entities` (at most 100 ids), oldest first, one page. */
  getDecisions(query: { entities: string[]; list?: string; limit?: number; cursor?: string }, signal?: AbortSignal): Promise<DecisionPage>;
  /** The entities `nodes` and the edges among them, in an export format, as a file to save. */
  exportNodes(body: { nodes: string[]; asOf: string; format: ExportFormat }, signal?: AbortSignal): Promise<ExportFile>;
  /** A plain GET link to the subgraph around `roots` (what the view shows before any expansion). */
  subgraphUrl(query: { roots: string[]; depth: number; asOf: string; format: ExportFormat }): string;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Params = Record<string, string | number | undefined>;

export function createApi(baseUrl = '/api/v1', fetchImpl: typeof fetch = fetch.bind(globalThis)): Api {
  const urlOf = (path: string, params: Params = {}): string => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
    return `${baseUrl}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  };

  async function send(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('The server could not be reached.', 'network');
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      const problem = isProblem(body) ? body : null;
      // A proxy in front of a stopped server answers 502/504 without a problem body: treat it as unreachable.
      const kind = problem === null && response.status >= 502 && response.status <= 504 ? 'network' : 'http';
      throw new ApiError(problem?.detail ?? problem?.title ?? `The server answered ${response.status}.`, kind, response.status, problem);
    }
    return response;
  }

  async function json<T>(url: string, init: RequestInit): Promise<T> {
    const response = await send(url, { ...init, headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } });
    const body: unknown = await response.json().catch(() => null);
    if (body === null || typeof body !== 'object') throw new ApiError('The server sent an unreadable answer.', 'invalid-response', response.status);
    return body as T;
  }

  const get = <T>(path: string, params: Params, signal?: AbortSignal): Promise<T> => json<T>(urlOf(path, params), { signal: signal ?? null });
  const post = <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> =>
    json<T>(urlOf(path), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal: signal ?? null });

  const entityPath = (id: string): string => `/entities/${encodeURIComponent(id)}`;

  return {
    searchEntities: (q, { limit = 10, signal } = {}) => get<SearchPage>('/entities', { q, limit }, signal),
    getEntity: (id, signal) => get<EntityDetail>(entityPath(id), {}, signal),
    getOwners: (id, { depth = 3, asOf, signal } = {}) => get<OwnershipGraph>(`${entityPath(id)}/owners`, { depth, asOf }, signal),
    getSubsidiaries: (id, { depth = 3, asOf, signal } = {}) => get<OwnershipGraph>(`${entityPath(id)}/subsidiaries`, { depth, asOf }, signal),
    getLists: (signal) => get<ListsResponse>('/lists', {}, signal),
    getEntityExposure: (id, query, signal) => get<EntityExposure>(`${entityPath(id)}/exposure`, query, signal),
    getExposurePage: (query, signal) => get<ExposurePage>('/exposure', query, signal),
    getExposureChanges: (query, signal) => get<ExposureChanges>('/exposure/changes', query, signal),
    findPaths: (body, signal) => post<PathsResponse>('/paths', body, signal),
    getDecisions: ({ entities, ...rest }, signal) => get<DecisionPage>('/decisions', { entity: entities.join(','), ...rest }, signal),
    async exportNodes(body, signal) {
      const response = await send(urlOf('/subgraph/export'), {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        signal: signal ?? null,
      });
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `ownership.${body.format}`;
      return { blob: await response.blob(), fileName };
    },
    subgraphUrl: ({ roots, depth, asOf, format }) => urlOf('/subgraph', { root: roots.join(','), depth, asOf, direction: 'both', format }),
  };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string';
}
