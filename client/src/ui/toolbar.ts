// The bar above the graph: what is shown and how big it is, the selected edge in words, and the view
// controls (depth, zoom, fit, export, graph or table).
import type { ViewMode } from '../url-state.ts';
import { h, replaceChildren } from './dom.ts';

export interface ToolbarDeps {
  onFit: () => void;
  onZoom: (factor: number) => void;
  onMode: (mode: ViewMode) => void;
  onDepth: (depth: number) => void;
}

export interface Toolbar {
  /** Where the export menu goes. */
  readonly exportSlot: HTMLElement;
  showGraph(summary: { rootName: string; nodes: number; edges: number; hidden: number; truncated: boolean; depth: number }): void;
  showCaption(text: string | null): void;
  setMode(mode: ViewMode): void;
  hide(): void;
}

export function createToolbar(container: HTMLElement, { onFit, onZoom, onMode, onDepth }: ToolbarDeps): Toolbar {
  const title = h('h2', { class: 'toolbar-title', id: 'graph-title' });
  const counts = h('p', { class: 'toolbar-counts' });
  const caption = h('p', { class: 'toolbar-caption', 'aria-live': 'polite' });
  const modeButtons = (['graph', 'table'] as const).map((mode) =>
    h('button', { type: 'button', class: 'segment', 'data-mode': mode, 'aria-pressed': String(mode === 'graph'), onClick: () => onMode(mode) }, mode === 'graph' ? 'Graph' : 'Table'),
  );
  const depth = h(
    'select',
    { id: 'depth-select', class: 'select select-small', title: 'Steps shown up and down from the entity in focus', onChange: () => onDepth(Number(depth.value)) },
    ...[1, 2, 3, 4, 5, 6].map((n) => h('option', { value: String(n) }, `${n} ${n === 1 ? 'step' : 'steps'}`)),
  );
  const zoom = h(
    'div',
    { class: 'zoom-group', role: 'group', 'aria-label': 'Zoom' },
    h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'Zoom out', title: 'Zoom out (−)', onClick: () => onZoom(1 / 1.25) }, '−'),
    h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'Zoom in', title: 'Zoom in (+)', onClick: () => onZoom(1.25) }, '+'),
  );
  const fit = h('button', { type: 'button', class: 'button button-quiet', title: 'Fit the graph to the window (0)', onClick: onFit }, 'Fit');
  const exportSlot = h('div', { class: 'export-slot' });
  const graphOnly = h('div', { class: 'toolbar-group' }, zoom, fit);

  replaceChildren(
    container,
    h('div', { class: 'toolbar-text' }, title, counts),
    caption,
    h(
      'div',
      { class: 'toolbar-controls' },
      h('label', { class: 'toolbar-field' }, h('span', {}, 'Depth'), depth),
      graphOnly,
      exportSlot,
      h('div', { class: 'segmented', role: 'group', 'aria-label': 'View as' }, ...modeButtons),
    ),
  );
  container.hidden = true;

  return {
    exportSlot,
    showGraph({ rootName, nodes, edges, hidden, truncated, depth: steps }) {
      container.hidden = false;
      title.textContent = rootName;
      depth.value = String(Math.min(6, steps));
      replaceChildren(
        counts,
        `${nodes} ${nodes === 1 ? 'entity' : 'entities'} · ${edges} ${edges === 1 ? 'relationship' : 'relationships'}`,
        hidden > 0 ? h('span', { class: 'pill pill-muted', title: 'Open a “+ more” chip in the graph to show them' }, `${hidden} folded`) : null,
        truncated ? h('span', { class: 'pill pill-warning', title: 'The server stopped at its size limit; some owners or subsidiaries are not shown.' }, 'Truncated') : null,
      );
    },
    showCaption(text) {
      caption.textContent = text ?? '';
    },
    setMode(mode) {
      for (const button of modeButtons) button.setAttribute('aria-pressed', String(button.dataset['mode'] === mode));
      graphOnly.hidden = mode !== 'graph';
    },
    hide() {
      container.hidden = true;
    },
  };
}
