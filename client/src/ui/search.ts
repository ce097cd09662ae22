// The header search box: an entity combobox whose choice opens the entity's ownership view.
import type { Api } from '../api.ts';
import { replaceChildren } from './dom.ts';
import { createEntityCombobox } from './entity-combobox.ts';

export interface SearchDeps {
  api: Pick<Api, 'searchEntities'>;
  onOpen: (id: string) => void;
  currentList: () => string | null;
}

export function createSearch(container: HTMLElement, { api, onOpen, currentList }: SearchDeps): { focus(): void } {
  const box = createEntityCombobox({
    api,
    idPrefix: 'search',
    label: 'Search entities by name, alias or identifier',
    placeholder: 'Search companies, people, state bodies — any name, alias or 中文名…',
    onChoose: (item) => onOpen(item.id),
    currentList,
  });
  replaceChildren(container, box.element);
  return { focus: () => box.focus() };
}
