// Exposure status of every entity for one list and date, from GET /exposure (which lists the non-clear
// ones, paged): an entity absent from it is clear. Cached per (list, date), since a timeline replay
// comes back to the same dates.
import type { Api } from '../api.ts';
import type { ExposureStatus } from '../api-types.ts';

/** Pages of 1,000; beyond this many pages the rest is reported as unknown, not clear. */
const PAGE_SIZE = 1000;
const MAX_PAGES = 20;

export interface StatusTable {
  /** Non-clear statuses by entity id. */
  readonly nonClear: ReadonlyMap<string, ExposureStatus>;
  /** False when paging stopped early: entities not in `nonClear` are then of unknown status. */
  readonly complete: boolean;
}

export function createStatusSource(api: Pick<Api, 'getExposurePage'>): { get(list: string, asOf: string, signal?: AbortSignal): Promise<StatusTable> } {
  const cache = new Map<string, Promise<StatusTable>>();

  async function load(list: string, asOf: string, signal?: AbortSignal): Promise<StatusTable> {
    const nonClear = new Map<string, ExposureStatus>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await api.getExposurePage({ list, asOf, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, signal);
      for (const item of answer.items) nonClear.set(item.entityId, item.status);
      if (!answer.nextCursor) return { nonClear, complete: true };
      cursor = answer.nextCursor;
    }
    return { nonClear, complete: false };
  }

  return {
    get(list, asOf, signal) {
      const key = `${list}|${asOf}`;
      let entry = cache.get(key);
      if (!entry) {
        entry = load(list, asOf, signal);
        cache.set(key, entry);
        entry.catch(() => cache.delete(key)); // an aborted or failed load is not remembered
      }
      return entry;
    },
  };
}
