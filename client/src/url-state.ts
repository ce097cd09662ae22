// The view lives in the URL (`?entity=<id>`), so a view can be shared, bookmarked and restored on reload.
// Other query parameters (later: asOf, list) are preserved untouched.

export interface UrlState {
  entity(): string | null;
  setEntity(id: string | null, mode: 'push' | 'replace'): void;
  onChange(listener: () => void): void;
}

export function createUrlState(win: Window = window): UrlState {
  return {
    entity: () => new URL(win.location.href).searchParams.get('entity'),
    setEntity(id, mode) {
      const url = new URL(win.location.href);
      if (id === null) url.searchParams.delete('entity');
      else url.searchParams.set('entity', id);
      if (url.href === win.location.href) return;
      if (mode === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    },
    onChange: (listener) => win.addEventListener('popstate', listener),
  };
}
