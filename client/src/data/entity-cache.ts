// Entity details are asked for by the side panel, the timeline (decisions) and "why exposed" (sources):
// fetch each once, share the answer, and let a failed fetch be tried again.
import type { Api } from '../api.ts';
import type { EntityDetail } from '../api-types.ts';

export interface EntityCache {
  get(id: string): Promise<EntityDetail>;
  /** Whatever is already loaded, without fetching. */
  peek(id: string): EntityDetail | undefined;
}

export function createEntityCache(api: Pick<Api, 'getEntity'>): EntityCache {
  const loaded = new Map<string, EntityDetail>();
  const pending = new Map<string, Promise<EntityDetail>>();
  return {
    get(id) {
      const done = loaded.get(id);
      if (done) return Promise.resolve(done);
      let request = pending.get(id);
      if (!request) {
        request = api.getEntity(id).then(
          (detail) => {
            loaded.set(id, detail);
            pending.delete(id);
            return detail;
          },
          (error: unknown) => {
            pending.delete(id);
            throw error;
          },
        );
        pending.set(id, request);
      }
      return request;
    },
    peek: (id) => loaded.get(id),
  };
}

/** Runs `task` over `items` with at most `limit` at a time; failures are skipped, not fatal. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
