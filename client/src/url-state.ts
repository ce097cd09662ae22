// The view lives in the URL, so a view can be shared, bookmarked and restored on reload:
// `?entity=<id>&list=<list id>&asOf=<YYYY-MM-DD>&depth=<1-6>&sel=<id>&view=table`.
// Unknown query parameters are preserved untouched.

export type ViewMode = 'graph' | 'table';

export interface ViewState {
  entity: string | null;
  list: string | null;
  asOf: string | null;
  depth: number | null;
  sel: string | null;
  view: ViewMode;
}

export interface UrlState {
  read(): ViewState;
  /** Changes some parameters; `push` makes a history entry (a new view), `replace` does not (a tweak). */
  write(patch: Partial<ViewState>, mode: 'push' | 'replace'): void;
  onChange(listener: () => void): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
      };
    },
    write(patch, mode) {
      const url = new URL(win.location.href);
      for (const [key, value] of Object.entries(patch)) {
        const text = value === null || value === undefined || (key === 'view' && value === 'graph') ? null : String(value);
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
