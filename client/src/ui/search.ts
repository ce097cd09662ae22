// The header search box: a WAI-ARIA combobox with a listbox of results. Typing searches after a short
// pause; arrow keys move through results, Enter or a click opens one, Escape closes the list.
import type { Api } from '../api.ts';
import { ApiError, isAbort } from '../api.ts';
import type { EntitySummary } from '../api-types.ts';
import { matchedAlias } from './alias-match.ts';
import { countryName, h, kindNames, replaceChildren } from './dom.ts';

export interface SearchDeps {
  api: Pick<Api, 'searchEntities'>;
  onOpen: (id: string) => void;
  debounceMs?: number;
}

export function createSearch(container: HTMLElement, { api, onOpen, debounceMs = 200 }: SearchDeps): { focus(): void } {
  const listId = 'search-results';
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Search companies, people, state bodies…',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': 'Search results', hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  replaceChildren(
    container,
    h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search entities by name or alias'),
    h('div', { class: 'search-field' }, searchIcon(), input),
    list,
    status,
  );

  let items: EntitySummary[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | null = null;

  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };

  const setActive = (index: number): void => {
    active = index;
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `search-option-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const showMessage = (className: string, ...content: (Node | string)[]): void => {
    items = [];
    replaceChildren(list, h('li', { class: `search-message ${className}`, role: 'presentation' }, ...content));
    setOpen(true);
  };

  const choose = (index: number): void => {
    const item = items[index];
    if (!item) return;
    input.value = item.name;
    setOpen(false);
    onOpen(item.id);
  };

  const render = (query: string): void => {
    if (items.length === 0) {
      showMessage('is-empty', 'No entities match ', h('strong', {}, `“${query}”`), '. Try another spelling, a former name or a registry number.');
      status.textContent = 'No results.';
      return;
    }
    replaceChildren(list, ...items.map((item, index) => resultOption(item, index, query, () => choose(index))));
    setOpen(true);
    setActive(-1);
    status.textContent = `${items.length} result${items.length === 1 ? '' : 's'}. Use the arrow keys to choose.`;
  };

  const search = async (query: string): Promise<void> => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    container.classList.add('is-searching');
    try {
      const page = await api.searchEntities(query, { limit: 10, signal: controller.signal });
      items = page.items;
      render(query);
    } catch (error) {
      if (isAbort(error)) return;
      const reason = error instanceof ApiError && error.kind !== 'network' ? `the server reported an error (${error.status ?? 'unknown'})` : 'the server could not be reached';
      showMessage('is-error', `Search failed: ${reason}. `, h('button', { type: 'button', class: 'link-button', onClick: () => void search(query) }, 'Retry'));
      status.textContent = 'Search failed.';
    } finally {
      if (inflight === controller) {
        inflight = null;
        container.classList.remove('is-searching');
      }
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query === '') {
      inflight?.abort();
      items = [];
      setOpen(false);
      return;
    }
    timer = setTimeout(() => void search(query), debounceMs);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (items.length === 0) return;
      event.preventDefault();
      if (list.hidden) setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + items.length) % items.length);
    } else if (event.key === 'Enter') {
      if (!list.hidden && items.length > 0) {
        event.preventDefault();
        choose(active >= 0 ? active : 0);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        setOpen(false);
      }
    }
  });

  input.addEventListener('focus', () => {
    if (items.length > 0 && input.value.trim() !== '') setOpen(true);
  });
  // Close when focus leaves the whole widget (a click on an option keeps it: mousedown is prevented there).
  container.addEventListener('focusout', (event) => {
    if (!container.contains(event.relatedTarget as Node | null)) setOpen(false);
  });

  return { focus: () => input.focus() };
}

function resultOption(item: EntitySummary, index: number, query: string, onChoose: () => void): HTMLLIElement {
  const alias = matchedAlias(query, item.name, item.aliases);
  const meta = [kindNames[item.kind] ?? item.kind, countryName(item.country)].filter(Boolean).join(' · ');
  const option = h(
    'li',
    { id: `search-option-${index}`, role: 'option', class: 'search-option', 'aria-selected': 'false', 'data-entity-id': item.id },
    h('span', { class: 'search-option-name' }, item.name, item.listed.length > 0 ? h('span', { class: 'pill pill-listed' }, 'Listed') : null),
    h('span', { class: 'search-option-meta' }, meta),
    alias ? h('span', { class: 'search-option-alias' }, 'Matched alias: ', h('span', { lang: /\p{Script=Han}/u.test(alias) ? 'zh' : null }, alias)) : null,
  );
  option.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
  option.addEventListener('click', onChoose);
  return option;
}

function searchIcon(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'search-icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M8.5 3a5.5 5.5 0 1 0 3.4 9.8l3.6 3.7 1.1-1.1-3.7-3.6A5.5 5.5 0 0 0 8.5 3Zm0 1.5a4 4 0 1 1 0 8 4 4 0 0 1 0-8Z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
