// The closures an incremental refresh by closure bounds itself with (services/exposure-affiliate-bounds.ts),
// read from the database: plain up/down closures from ExposureGraphRepo, one CONTROLS step either way, and
// breadth-first walks that enter only a given set of entities. Plain closures and steps are memoised per
// instance (one refresh), because the refresh asks for the same ones for several lists.
import type { Database } from '../database.js';
import type { ClosureReader } from '../../services/exposure-affiliate-bounds.js';
import { ExposureGraphRepo, PAGE_SIZE } from './exposure-graph.js';

const BULK_TIMEOUT_MS = 120_000;

export class ExposureClosures implements ClosureReader {
  private readonly memo = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly db: Database,
    private readonly repo = new ExposureGraphRepo(db),
  ) {}

  up(roots: Iterable<string>): Promise<Set<string>> {
    return this.remember('up', roots, (r) => this.repo.closure(r, 'up'));
  }

  down(roots: Iterable<string>): Promise<Set<string>> {
    return this.remember('down', roots, (r) => this.repo.closure(r, 'down'));
  }

  upThrough(roots: Iterable<string>, through: ReadonlySet<string>): Promise<Set<string>> {
    return this.breadthFirst([...new Set(roots)], 'exposure/step-up', {}, through);
  }

  downByStakeThrough(roots: Iterable<string>, through: ReadonlySet<string>, threshold: number): Promise<Set<string>> {
    return this.breadthFirst([...new Set(roots)], 'exposure/step-down-stake', { threshold }, through);
  }

  controlled(ids: Iterable<string>): Promise<Set<string>> {
    return this.remember('controlled', ids, (r) => this.step(r, 'exposure/controlled-step'));
  }

  controllers(ids: Iterable<string>): Promise<Set<string>> {
    return this.remember('controllers', ids, (r) => this.step(r, 'exposure/controllers-step'));
  }

  private remember(kind: string, ids: Iterable<string>, read: (ids: string[]) => Promise<Set<string>>): Promise<Set<string>> {
    const list = [...new Set(ids)].sort();
    const key = `${kind}|${list.join('\n')}`;
    let hit = this.memo.get(key);
    if (hit === undefined) {
      hit = read(list);
      this.memo.set(key, hit);
    }
    return hit;
  }

  /** One step from `ids` (not including them), in chunks. */
  private async step(ids: string[], query: string): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += PAGE_SIZE) {
      for (const r of await this.db.read(query, { ids: ids.slice(i, i + PAGE_SIZE) }, BULK_TIMEOUT_MS)) out.add(String(r.id));
    }
    return out;
  }

  /** The roots and what repeated steps reach entering only `through` entities, level by level. */
  private async breadthFirst(roots: string[], query: string, params: Record<string, unknown>, through: ReadonlySet<string>): Promise<Set<string>> {
    const seen = new Set(roots);
    let frontier = [...seen];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (let i = 0; i < frontier.length; i += PAGE_SIZE) {
        for (const r of await this.db.read(query, { ...params, frontier: frontier.slice(i, i + PAGE_SIZE) }, BULK_TIMEOUT_MS)) {
          const id = String(r.id);
          if (through.has(id) && !seen.has(id)) (seen.add(id), next.push(id));
        }
      }
      frontier = next;
    }
    return seen;
  }
}
