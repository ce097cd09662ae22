// An entity picker: a WAI-ARIA combobox with a listbox of search results. Typing searches after a short
// pause; arrow keys move through results, Enter or a click chooses one, Escape closes the list. Used by
// the header search (choose = open) and the path finder (choose = fill the field).
import type { Api } from '../api.ts';
import { ApiError, isAbort } from '../api.ts';
import type { EntitySummary, ExposureStatus } from '../api-types.ts';
import { matchedAlias } from './alias-match.ts';
import { countryName, h, kindNames, replaceChildren } from './dom.ts';
import { kindIcon } from './kind-icon.ts';
import { statusPill } from './status-pill.ts';

export interface ComboboxOptions {
  api: Pick<Api, 'searchEntities'>;
  /** Unique per page: prefixes the element ids. */
  idPrefix: string;
  label: string;
  placeholder: string;
  onChoose: (item: EntitySummary) => void;
  /** The list whose status each result shows. */
  currentList: () => string | null;
  debounceMs?: number;
  limit?: number;
}

export interface Combobox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  setValue(text: string): void;
  focus(): void;
}

export function createEntityCombobox({ api, idPrefix, label, placeholder, onChoose, currentList, debounceMs = 200, limit = 10 }: ComboboxOptions): Combobox {
  const listId = `${idPrefix}-results`;
  const input = h('input', {
    id: `${idPrefix}-input`,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder,
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': `${label}: results`, hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'combobox' },
    h('label', { for: input.id, class: 'visually-hidden' }, label),
    h('div', { class: 'search-field' }, searchIcon(), input),
    list,
    status,
  );

  let items: EntitySummary[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | null = null;

  const setActive = (index: number): void => {
    active = index;
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `${idPrefix}-option-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
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
    onChoose(item);
  };

  const render = (query: string): void => {
    if (items.length === 0) {
      showMessage('is-empty', 'No entities match ', h('strong', {}, `“${query}”`), '. Try another spelling, a former name, a Chinese name or a registry number.');
      status.textContent = 'No results.';
      return;
    }
    const listId = currentList();
    replaceChildren(list, ...items.map((item, index) => resultOption(item, `${idPrefix}-option-${index}`, query, listId, () => choose(index))));
    setOpen(true);
    setActive(-1);
    status.textContent = `${items.length} result${items.length === 1 ? '' : 's'}. Use the arrow keys to choose.`;
  };

  const search = async (query: string): Promise<void> => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    element.classList.add('is-searching');
    try {
      const page = await api.searchEntities(query, { limit, signal: controller.signal });
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
        element.classList.remove('is-searching');
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
  element.addEventListener('focusout', (event) => {
    if (!element.contains(event.relatedTarget as Node | null)) setOpen(false);
  });

  return {
    element,
    input,
    setValue(text) {
      input.value = text;
      items = [];
      setOpen(false);
    },
    focus: () => input.focus(),
  };
}

function resultOption(item: EntitySummary, id: string, query: string, list: string | null, onChoose: () => void): HTMLLIElement {
  const alias = matchedAlias(query, item.name, item.aliases);
  const kind = kindNames[item.kind] ?? item.kind;
  const meta = [kind, countryName(item.country), ...item.identifiers.slice(0, 2).map((x) => `${x.scheme} ${x.value}`)].filter(Boolean).join(' · ');
  const status: ExposureStatus | null = list ? (item.exposure?.[list] ?? (item.listed.includes(list) ? 'listed' : null)) : null;
  const elsewhere = item.listed.filter((other) => other !== list).length;
  const option = h(
    'li',
    { id, role: 'option', class: 'search-option', 'aria-selected': 'false', 'data-entity-id': item.id },
    h('span', { class: 'search-option-icon' }, kindIcon(item.kind, kind)),
    h(
      'span',
      { class: 'search-option-name' },
      h('span', { class: 'search-option-title' }, item.name),
      status ? statusPill(status) : null,
      elsewhere > 0 ? h('span', { class: 'pill pill-muted', title: item.listed.filter((other) => other !== list).join(', ') }, `${status ? '+' : ''}${elsewhere} ${elsewhere === 1 ? 'list' : 'lists'}`) : null,
    ),
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
