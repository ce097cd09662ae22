// "What changed" between two dates on the chosen list: which entities became or stopped being listed,
// exposed or possibly exposed, and the decisions or facts that caused it. The entities are listed here and
// marked on the graph.
import type { Api } from '../api.ts';
import { ApiError, isAbort } from '../api.ts';
import type { ExposureChange, ExposureChanges } from '../api-types.ts';
import { h, replaceChildren } from './dom.ts';
import { citationUrl } from './citations.ts';
import { statusPill } from './status-pill.ts';

export interface ChangesDeps {
  api: Pick<Api, 'getExposureChanges'>;
  currentList: () => string | null;
  listName: (id: string) => string;
  inView: (id: string) => boolean;
  /** Mark these entities on the graph, or none. */
  onShow: (ids: string[] | null) => void;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

export interface ChangesView {
  /** Sets the default range (e.g. the previous decision to the as-of date) unless the user chose one. */
  suggest(from: string, to: string): void;
  /** Forgets the result (the list or the graph changed). */
  reset(): void;
  compare(from: string, to: string): Promise<void>;
}

export function createChangesView(container: HTMLElement, deps: ChangesDeps): ChangesView {
  const fromInput = h('input', { type: 'date', id: 'changes-from', class: 'date-input', required: true });
  const toInput = h('input', { type: 'date', id: 'changes-to', class: 'date-input', required: true });
  const results = h('div', { class: 'changes-results', 'aria-live': 'polite' });
  let touched = false;
  let inflight: AbortController | null = null;
  for (const input of [fromInput, toInput]) input.addEventListener('change', () => (touched = true));

  const form = h(
    'form',
    { class: 'changes-form', novalidate: true },
    h('div', { class: 'field field-inline' }, h('label', { for: 'changes-from', class: 'field-label' }, 'From'), fromInput),
    h('div', { class: 'field field-inline' }, h('label', { for: 'changes-to', class: 'field-label' }, 'To'), toInput),
    h('button', { type: 'submit', class: 'button button-primary', 'data-action': 'compare' }, 'Compare'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare(fromInput.value, toInput.value);
  });
  replaceChildren(
    container,
    h('h2', { class: 'pane-title' }, 'What changed between two dates'),
    h('p', { class: 'panel-note' }, 'Entities that became, or stopped being, listed or exposed on the chosen list, and why.'),
    form,
    results,
  );

  async function compare(from: string, to: string): Promise<void> {
    const list = deps.currentList();
    fromInput.value = from;
    toInput.value = to;
    if (!list || !from || !to) return note('Choose a list and two dates.', true);
    if (from >= to) return note('“From” must be before “To”.', true);
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    note('Comparing…', false);
    try {
      render(await deps.api.getExposureChanges({ from, to, list }, controller.signal));
    } catch (error) {
      if (isAbort(error)) return;
      deps.onShow(null);
      note(error instanceof ApiError && error.kind === 'network' ? 'The server could not be reached. Try again.' : `The comparison failed: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }

  function note(text: string, isError: boolean): void {
    replaceChildren(results, h('p', { class: isError ? 'panel-error' : 'panel-note', role: isError ? 'alert' : null }, text));
  }

  function render(answer: ExposureChanges): void {
    const listName = deps.listName(answer.list ?? '');
    if (answer.changes.length === 0) {
      deps.onShow(null);
      return note(`Nothing changed on ${listName} between ${answer.from} and ${answer.to}.`, false);
    }
    deps.onShow(answer.changes.map((change) => change.entityId));
    const inView = answer.changes.filter((change) => deps.inView(change.entityId)).length;
    replaceChildren(
      results,
      h('p', { class: 'changes-summary' }, `${answer.changes.length} ${answer.changes.length === 1 ? 'entity' : 'entities'} changed on ${listName} between ${answer.from} and ${answer.to}`, inView < answer.changes.length ? ` (${inView} in view)` : '', answer.truncated ? '; more not shown' : '', '.'),
      h('ul', { class: 'change-list' }, ...answer.changes.map((change) => changeItem(change, deps))),
      h('button', { type: 'button', class: 'button button-quiet', onClick: () => deps.onShow(null) }, 'Clear the marks'),
    );
  }

  return {
    suggest(from, to) {
      if (touched) return;
      fromInput.value = from;
      toInput.value = to;
    },
    reset() {
      inflight?.abort();
      replaceChildren(results);
    },
    compare,
  };
}

function changeItem(change: ExposureChange, deps: ChangesDeps): HTMLLIElement {
  const inView = deps.inView(change.entityId);
  const causes = [
    ...change.causes.decisions.map((decision) => {
      const url = citationUrl(decision.citation);
      const text = `${decision.action} ${decision.effective ?? decision.date} (${decision.citation})`;
      return url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text) : h('span', {}, text);
    }),
    change.causes.ownerships.length > 0 ? h('span', {}, `${change.causes.ownerships.length} ownership change${change.causes.ownerships.length === 1 ? '' : 's'}`) : null,
    change.causes.controls.length > 0 ? h('span', {}, `${change.causes.controls.length} control change${change.causes.controls.length === 1 ? '' : 's'}`) : null,
    change.causes.ruleWindow ? h('span', {}, 'the ownership rule came into or out of force') : null,
  ].filter((x): x is HTMLElement => x !== null);
  return h(
    'li',
    { class: 'change', 'data-entity-id': change.entityId },
    h(
      'button',
      { type: 'button', class: 'link-button change-name', onClick: () => (inView ? deps.onSelect(change.entityId) : deps.onOpen(change.entityId)), title: inView ? 'Select in the graph' : 'Not in view: open it' },
      change.name,
    ),
    h('span', { class: 'change-status' }, statusPill(change.before), h('span', { 'aria-label': 'became' }, '→'), statusPill(change.after), inView ? null : h('span', { class: 'pill pill-muted' }, 'not in view')),
    causes.length > 0 ? h('span', { class: 'change-causes' }, 'Because: ', ...causes.flatMap((cause, i) => [i > 0 ? '; ' : '', cause])) : null,
  );
}
