// The message layer over the graph: the how-to before anything is chosen, loading, and errors with Retry.
import { h, replaceChildren } from './dom.ts';

export interface ViewStatus {
  empty(): void;
  loading(what: string): void;
  error(title: string, message: string, retry: (() => void) | null): void;
  /** A small banner over the graph that does not hide it (a partial failure). */
  notice(message: string, retry: (() => void) | null): void;
  hide(): void;
}

export function createViewStatus(container: HTMLElement): ViewStatus {
  const show = (state: string, ...content: HTMLElement[]): void => {
    container.hidden = false;
    container.dataset['state'] = state;
    replaceChildren(container, h('div', { class: 'status-card' }, ...content));
  };

  return {
    empty() {
      show(
        'empty',
        h('h2', {}, 'Trace who owns whom'),
        h(
          'ol',
          { class: 'howto' },
          h('li', {}, 'Search for a company, person or state body by any name or alias — try ', h('kbd', {}, 'Hikvision'), '.'),
          h('li', {}, 'Pick a result to see its owners above it and its subsidiaries below, coloured by exposure on the chosen list and date.'),
          h('li', {}, 'Click any entity for its details and why it is exposed; step through the timeline of decisions; find paths between two entities.'),
        ),
        h('p', { class: 'status-note' }, 'Edge labels show the stake: a percentage, a range, or ', h('strong', {}, '?'), ' where the share is not known.'),
      );
    },
    loading(what) {
      show('loading', h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', { role: 'status' }, what));
    },
    error(title, message, retry) {
      show(
        'error',
        h('h2', {}, title),
        h('p', { role: 'alert' }, message),
        ...(retry ? [h('button', { type: 'button', class: 'button button-primary', 'data-action': 'retry', onClick: retry }, 'Retry')] : []),
      );
    },
    notice(message, retry) {
      container.hidden = false;
      container.dataset['state'] = 'notice';
      replaceChildren(
        container,
        h('div', { class: 'notice', role: 'alert' }, h('span', {}, message), retry ? h('button', { type: 'button', class: 'link-button', 'data-action': 'retry', onClick: retry }, 'Retry') : null),
      );
    },
    hide() {
      container.hidden = true;
      delete container.dataset['state'];
      container.replaceChildren();
    },
  };
}
