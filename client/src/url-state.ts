// The view lives in the URL, so a view can be shared, bookmarked and restored on reload:
// `?entity=<id>&list=<list id>&asOf=<YYYY-MM-DD>&depth=<1-6>&sel=<id>&view=table`
// `&exp=<id>:up,<id>:down` (owners or subsidiaries the user expanded), `&col=…` (sides collapsed), and
// `&path=<from>,<to>,<own|any>,<hops>` (the path finder's question: reopening the link asks it again at the
// view's date, so the paths shown are never stale). Entity ids never hold a comma.
// Unknown query parameters are preserved untouched.

export type ViewMode = 'graph' | 'table';

export interface ViewState {
  entity: string | null;
  list: string | null;
  asOf: string | null;
  depth: number | null;
  sel: string | null;
  view: ViewMode;
  /** Sides (`<id>:up` / `<id>:down`) the user expanded beyond the depth, in the order they were opened. */
  exp: string[];
  /** Sides the user collapsed. */
  col: string[];
  path: PathQuery | null;
}

/** A path finder question: ownership only (`own`, owner → owned) or any connection, within `hops`. */
export interface PathQuery {
  from: string;
  to: string;
  any: boolean;
  hops: number;
}

export interface UrlState {
  read(): ViewState;
  /** Changes some parameters; `push` makes a history entry (a new view), `replace` does not (a tweak). */
  write(patch: Partial<ViewState>, mode: 'push' | 'replace'): void;
  onChange(listener: () => void): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const SIDE = /^[A-Za-z0-9][A-Za-z0-9._:-]*:(up|down)$/;
/** A hand-edited link cannot make the view fetch without end. */
const MAX_SIDES = 100;

const sides = (text: string | null): string[] => [...new Set((text ?? '').split(',').filter((side) => SIDE.test(side)))].slice(0, MAX_SIDES);

export function encodePath(query: PathQuery): string {
  return [query.from, query.to, query.any ? 'any' : 'own', query.hops].join(',');
}

export function decodePath(text: string | null): PathQuery | null {
  const [from, to, mode, hops, ...rest] = (text ?? '').split(',');
  const count = Number(hops);
  if (rest.length > 0 || !from || !to || !ENTITY_ID.test(from) || !ENTITY_ID.test(to) || (mode !== 'own' && mode !== 'any')) return null;
  return Number.isInteger(count) && count >= 1 && count <= 10 ? { from, to, any: mode === 'any', hops: count } : null;
}

export function createUrlState(win: Window = window): UrlState {
  const params = (): URLSearchParams => new URL(win.location.href).searchParams;
  return {
    read() {
      const p = params();
      const depth = Number(p.get('depth'));
      const asOf = p.get('asOf');
      return {
        entity: p.get('entity'),
        list: p.get('list'),
        asOf: asOf && DATE.test(asOf) ? asOf : null,
        depth: Number.isInteger(depth) && depth >= 1 && depth <= 10 ? depth : null,
        sel: p.get('sel'),
        view: p.get('view') === 'table' ? 'table' : 'graph',
        exp: sides(p.get('exp')),
        col: sides(p.get('col')),
        path: decodePath(p.get('path')),
      };
    },
    write(patch, mode) {
      const url = new URL(win.location.href);
      for (const [key, value] of Object.entries(patch)) {
        const text =
          value === null || value === undefined || (key === 'view' && value === 'graph') || (Array.isArray(value) && value.length === 0)
            ? null
            : key === 'path'
              ? encodePath(value as PathQuery)
              : Array.isArray(value)
                ? value.join(',')
                : String(value);
        if (text === null) url.searchParams.delete(key);
        else url.searchParams.set(key, text);
      }
      if (url.href === win.location.href) return;
      if (mode === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    },
    onChange: (listener) => win.addEventListener('popstate', listener),
  };
}
