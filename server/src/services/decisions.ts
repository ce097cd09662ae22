// Listing decisions as a keyset-paged read: every decision, or those naming any of a view's entities (the
// timeline's ticks and the dates on LISTED badges in one request rather than one entity detail each).
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { DecisionRepo, DecisionRow } from '../db/repos/decisions.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';

export interface DecisionQuery {
  entityIds?: string[] | undefined;
  listId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface DecisionPage {
  items: DecisionRow[];
  nextCursor: string | null;
}

const CursorKey = z.object({ d: z.string(), i: z.string() });

export class DecisionService {
  constructor(private readonly decisions: DecisionRepo) {}

  async page(query: DecisionQuery): Promise<DecisionPage> {
    const after = decodeCursor(query.cursor, CursorKey);
    // As on the exposure routes: an unknown list is a bad filter (400 on query.list), not an empty page.
    if (query.listId !== undefined && !(await this.decisions.listExists(query.listId))) {
      throw new ValidationError([{ path: 'query.list', message: `unknown list '${query.listId}'` }]);
    }
    const rows = await this.decisions.page({
      entityIds: query.entityIds ?? null,
      listId: query.listId ?? null,
      after: after ? { date: after.d, id: after.i } : null,
      limit: query.limit + 1, // one more than asked says whether there is a next page
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ d: last.date, i: last.id }) : null };
  }
}
