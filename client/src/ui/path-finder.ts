// The path finder: two entities, ownership only (owner → … → owned) or any connection (ownership or
// control, either direction), a hop limit. Found paths are listed and highlighted on the graph.
import type { Api } from '../api.ts';
import { ApiError, isAbort } from '../api.ts';
import type { EntitySummary, PathResult, PathsResponse } from '../api-types.ts';
import { stakeLabel } from '../graph/stake-label.ts';
import type { PathQuery } from '../url-state.ts';
import { h, replaceChildren } from './dom.ts';
import { createEntityCombobox } from './entity-combobox.ts';

export interface PathFinderDeps {
  api: Pick<Api, 'searchEntities' | 'findPaths'>;
  currentList: () => string | null;
  asOf: () => string;
  /** Show these paths on the graph (all of them, or the one chosen), or none. */
  onShow: (result: PathsResponse | null, only: PathResult | null) => void;
  onSelect: (id: string) => void;
  /** Told the question the user asks (or null when they clear it), so the URL can carry it. */
  onQuery: (query: PathQuery | null) => void;
}

export interface PathFinder {
  /** Prefills an end with an entity (e.g. the one in view), if that end is still empty. */
  suggest(end: 'from' | 'to', entity: { id: string; name: string }): void;
  /** Asks `query` again (a shared link, a reload, a new date), or clears the results with null. */
  restore(query: PathQuery | null): void;
}

export function createPathFinder(container: HTMLElement, { api, currentList, asOf, onShow, onSelect, onQuery }: PathFinderDeps): PathFinder {
  const chosen: { from: EntitySummary | { id: string; name: string } | null; to: EntitySummary | { id: string; name: string } | null } = { from: null, to: null };
  const picker = (end: 'from' | 'to', label: string) =>
    createEntityCombobox({ api, idPrefix: `path-${end}`, label, placeholder: 'Search an entity…', currentList, onChoose: (item) => (chosen[end] = item), limit: 8 });
  const fromBox = picker('from', 'From (owner)');
  const toBox = picker('to', 'To (owned)');
  // Typing again un-chooses: the search must not run on a stale pick.
  fromBox.input.addEventListener('input', () => (chosen.from = null));
  toBox.input.addEventListener('input', () => (chosen.to = null));
  const mode = (value: string, text: string, hint: string, checked: boolean): HTMLLabelElement =>
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'path-mode', value, checked }), h('span', {}, h('strong', {}, text), h('span', { class: 'radio-hint' }, hint)));
  const hops = h('select', { id: 'path-hops', class: 'select' }, ...Array.from({ length: 10 }, (_, i) => h('option', { value: String(i + 1), selected: i + 1 === 6 }, String(i + 1))));
  const findButton = h('button', { type: 'submit', class: 'button button-primary', 'data-action': 'find-paths' }, 'Find paths');
  const results = h('div', { class: 'path-results', 'aria-live': 'polite' });
  let inflight: AbortController | null = null;

  const form = h(
    'form',
    { class: 'path-form', novalidate: true },
    h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'From'), fromBox.element),
    h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'To'), toBox.element),
    h(
      'fieldset',
      { class: 'field' },
      h('legend', { class: 'field-label' }, 'Connection'),
      mode('ownership', 'Ownership only', 'From owns … owns To', true),
      mode('any', 'Any connection', 'Ownership or control, either direction', false),
    ),
    h('div', { class: 'field field-inline' }, h('label', { for: 'path-hops', class: 'field-label' }, 'At most'), hops, h('span', {}, 'hops')),
    h('div', { class: 'path-buttons' }, findButton, h('button', { type: 'button', class: 'button button-quiet', onClick: () => clear(true) }, 'Clear')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void find();
  });
  replaceChildren(container, h('h2', { class: 'pane-title' }, 'Find how two entities connect'), form, results);

  function clear(asked = true): void {
    inflight?.abort();
    replaceChildren(results);
    onShow(null, null);
    if (asked) onQuery(null);
  }

  /** Runs the form's question; `restoring` when it came from the URL rather than from the user. */
  async function find(restoring = false): Promise<void> {
    const { from, to } = chosen;
    if (!from || !to) return message('Choose both ends: search and pick an entity in each box.', true);
    if (from.id === to.id) return message('Choose two different entities.', true);
    const any = (form.querySelector<HTMLInputElement>('input[name="path-mode"]:checked')?.value ?? 'ownership') === 'any';
    if (!restoring) onQuery({ from: from.id, to: to.id, any, hops: Number(hops.value) });
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    message('Searching…', false);
    try {
      const result = await api.findPaths(
        { from: from.id, to: to.id, mode: 'all', maxHops: Number(hops.value), direction: any ? 'any' : 'down', relTypes: any ? ['OWNS', 'CONTROLS'] : ['OWNS'], asOf: asOf(), limit: 10 },
        controller.signal,
      );
      if (restoring) nameEnds(result);
      render(result, chosen.from?.name ?? from.name, chosen.to?.name ?? to.name);
    } catch (error) {
      if (isAbort(error)) return;
      message(error instanceof ApiError && error.kind === 'network' ? 'The server could not be reached. Try again.' : `The search failed: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }

  function message(text: string, isError: boolean): void {
    replaceChildren(results, h('p', { class: isError ? 'panel-error' : 'panel-note', role: isError ? 'alert' : null }, text));
  }

  function render(result: PathsResponse, fromName: string, toName: string): void {
    if (result.paths.length === 0) {
      onShow(null, null);
      return message(`No path from ${fromName} to ${toName} within ${hops.value} hops on ${result.asOf}.`, false);
    }
    onShow(result, null);
    const items = result.paths.map((path, index) =>
      h(
        'li',
        { class: 'path', 'data-path-index': String(index) },
        h('div', { class: 'path-head' }, h('strong', {}, `${path.length} ${path.length === 1 ? 'hop' : 'hops'}`), h('button', { type: 'button', class: 'link-button', onClick: () => onShow(result, path) }, 'Highlight only this')),
        h('ol', { class: 'path-steps' }, ...steps(path, onSelect)),
      ),
    );
    replaceChildren(
      results,
      h('p', { class: 'path-summary' }, `${result.paths.length} ${result.paths.length === 1 ? 'path' : 'paths'} on ${result.asOf}${result.truncated ? ' (more exist; showing the shortest)' : ''}.`, ' ', h('button', { type: 'button', class: 'link-button', onClick: () => onShow(result, null) }, 'Highlight all')),
      h('ol', { class: 'path-list' }, ...items),
    );
  }

  /** A restored question knows only ids: the answer's entities give the boxes their names. */
  function nameEnds(result: PathsResponse): void {
    for (const end of ['from', 'to'] as const) {
      const node = result.subgraph.nodes.find((n) => n.id === chosen[end]?.id);
      if (node) choose(end, { id: node.id, name: node.name });
    }
  }

  function choose(end: 'from' | 'to', entity: { id: string; name: string }): void {
    chosen[end] = entity;
    (end === 'from' ? fromBox : toBox).setValue(entity.name);
  }

  return {
    suggest(end, entity) {
      if (!chosen[end]) choose(end, entity);
    },
    restore(query) {
      if (!query) return clear(false);
      choose('from', { id: query.from, name: query.from });
      choose('to', { id: query.to, name: query.to });
      for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="path-mode"]')) radio.checked = radio.value === (query.any ? 'any' : 'ownership');
      hops.value = String(query.hops);
      void find(true);
    },
  };
}

/** "A —36.48%→ B —?→ C": each entity a button, each edge its stake or control basis. */
function steps(path: PathResult, onSelect: (id: string) => void): HTMLLIElement[] {
  return path.nodes.map((node, i) => {
    const edge = i > 0 ? path.edges[i - 1] : undefined;
    const forward = edge ? edge.target === node.id : true;
    return h(
      'li',
      { class: 'path-step' },
      edge ? h('span', { class: `path-edge is-${edge.type.toLowerCase()}` }, `${forward ? '↓' : '↑'} ${edge.type === 'OWNS' ? 'owns' : 'controls'} ${stakeLabel(edge)}`) : null,
      h('button', { type: 'button', class: 'link-button', 'data-entity-id': node.id, onClick: () => onSelect(node.id) }, node.name),
    );
  });
}
