// The case bar under the toolbar: which list colours the graph, the as-of date (with steps to the previous
// and next decision, and Today), and the timeline of the case's decisions.
import type { Decision, ListInfo } from '../api-types.ts';
import { h, replaceChildren } from './dom.ts';
import { renderTrack } from './timeline-track.ts';

export interface TimeBarDeps {
  onList: (list: string) => void;
  onDate: (asOf: string) => void;
  today: string;
}

export interface TimeBar {
  setLists(lists: readonly ListInfo[]): void;
  /** `decisions` null: still loading. */
  update(state: { list: string | null; asOf: string; decisions: readonly Decision[] | null }): void;
  hide(): void;
}

export function createTimeBar(container: HTMLElement, { onList, onDate, today }: TimeBarDeps): TimeBar {
  const listSelect = h('select', { id: 'list-select', class: 'select', onChange: () => onList(listSelect.value) });
  const dateInput = h('input', { id: 'as-of', type: 'date', class: 'date-input', max: '9999-12-31', onChange: () => dateInput.value && onDate(dateInput.value) });
  const previous = h('button', { type: 'button', class: 'icon-button step', 'aria-label': 'Previous decision', title: 'Previous decision' }, '‹');
  const next = h('button', { type: 'button', class: 'icon-button step', 'aria-label': 'Next decision', title: 'Next decision' }, '›');
  const todayButton = h('button', { type: 'button', class: 'button button-quiet', onClick: () => onDate(today) }, 'Today');
  const track = h('div', { class: 'timeline-track', role: 'group', 'aria-label': 'Timeline of listing decisions' });

  let state: { list: string | null; asOf: string; decisions: readonly Decision[] | null } = { list: null, asOf: today, decisions: null };
  const dates = (): string[] => [...new Set((state.decisions ?? []).map((decision) => decision.effective ?? decision.date))].sort();
  previous.addEventListener('click', () => {
    const before = dates().filter((date) => date < state.asOf);
    if (before.length > 0) onDate(before[before.length - 1]!);
  });
  next.addEventListener('click', () => {
    const after = dates().find((date) => date > state.asOf);
    if (after) onDate(after);
  });

  replaceChildren(
    container,
    h('div', { class: 'time-field' }, h('label', { for: 'list-select' }, 'List'), listSelect),
    h('div', { class: 'time-field' }, h('label', { for: 'as-of' }, 'As of'), previous, dateInput, next, todayButton),
    track,
  );
  container.hidden = true;
  new ResizeObserver(() => draw()).observe(track);

  function draw(): void {
    if (container.hidden) return;
    if (state.decisions === null) replaceChildren(track, h('p', { class: 'timeline-empty' }, 'Loading the case’s listing decisions…'));
    else renderTrack(track, { ...state, decisions: state.decisions, today }, onDate);
  }

  return {
    setLists(lists) {
      replaceChildren(listSelect, ...lists.map((list) => h('option', { value: list.id, title: list.name }, shortListName(list))));
      if (state.list) listSelect.value = state.list;
    },
    update(next_) {
      state = next_;
      container.hidden = false;
      if (next_.list) listSelect.value = next_.list;
      dateInput.value = next_.asOf;
      const all = dates();
      previous.disabled = !all.some((date) => date < next_.asOf);
      next.disabled = !all.some((date) => date > next_.asOf);
      draw();
    },
    hide() {
      container.hidden = true;
    },
  };
}

/** "Specially Designated Nationals and Blocked Persons List" is long for a select: keep the first clause. */
function shortListName(list: ListInfo): string {
  const name = list.name.split(/\s+\(/)[0] ?? list.name;
  return name.length > 48 ? `${name.slice(0, 46)}…` : name;
}
