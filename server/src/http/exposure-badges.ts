// Adds `exposure: {<listId>: status}` — current, from the materialised relationships; lists on which the
// entity is clear are absent — to the graph nodes of /entities/:id/owners|subsidiaries and to the items of
// the /entities search, so the front end can colour nodes. One extra indexed read per response.
// Those routes belong to the entity service; this wraps their res.json instead of editing them. Moving the
// lookup into their queries (one OPTIONAL MATCH on EXPOSURE) would make this module unnecessary.
import type { RequestHandler, Response } from 'express';
import type { ExposureStatus } from '../domain/exposure/types.js';

type Statuses = (ids: string[]) => Promise<Map<string, Record<string, ExposureStatus>>>;

const DECORATED = /^\/entities(?:\/[^/]+\/(?:owners|subsidiaries))?\/?$/;

function nodesOf(body: unknown): { id: string; exposure?: Record<string, ExposureStatus> }[] | null {
  if (body === null || typeof body !== 'object') return null;
  const b = body as { nodes?: unknown; items?: unknown };
  const list = Array.isArray(b.nodes) ? b.nodes : Array.isArray(b.items) ? b.items : null;
  if (list === null || !list.every((n) => n !== null && typeof n === 'object' && typeof (n as { id?: unknown }).id === 'string')) return null;
  return list as { id: string }[];
}

export function exposureBadges(statuses: Statuses): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || !DECORATED.test(req.path)) return next();
    const send = res.json.bind(res) as Response['json'];
    res.json = ((body: unknown) => {
      const nodes = res.statusCode < 400 ? nodesOf(body) : null;
      if (nodes === null || nodes.length === 0) return send(body);
      statuses(nodes.map((n) => n.id)).then(
        (found) => {
          for (const n of nodes) n.exposure = found.get(n.id) ?? {};
          send(body);
        },
        (err: unknown) => {
          // Colours are a nicety: answer without them rather than fail the request.
          req.log?.warn({ err }, 'exposure badges unavailable');
          send(body);
        },
      );
      return res;
    }) as Response['json'];
    next();
  };
}
