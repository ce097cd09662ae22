// The bar above the graph: what is shown, how big it is, whether it was cut short, the selected edge in
// words, and the view controls (fit, graph or table).
import { h, replaceChildren } from './dom.ts';

export type ViewMode = 'graph' | 'table';

export interface ToolbarDeps {
  onFit: () => void;
  onMode: (mode: ViewMode) => void;
}

export interface Toolbar {
  showGraph(summary: { rootName: string; nodes: number; edges: number; truncated: boolean; depth: number }): void;
  showCaption(text: string | null): void;
  hide(): void;
}

export function createToolbar(container: HTMLElement, { onFit, onMode }: ToolbarDeps): Toolbar {
  const title = h('h2', { class: 'toolbar-title', id: 'graph-title' });
  const counts = h('p', { class: 'toolbar-counts' });
  const caption = h('p', { class: 'toolbar-caption', 'aria-live': 'polite' });
  const modeButtons = (['graph', 'table'] as const).map((mode) =>
    h('button', { type: 'button', class: 'segment', 'data-mode': mode, 'aria-pressed': String(mode === 'graph'), onClick: () => setMode(mode) }, mode === 'graph' ? 'Graph' : 'Table'),
  );
  const fit = h('button', { type: 'button', class: 'button button-quiet', title: 'Fit the graph to the window (0)', onClick: onFit }, 'Fit');

  function setMode(mode: ViewMode): void {
    for (const button of modeButtons) button.setAttribute('aria-pressed', String(button.dataset['mode'] === mode));
    fit.hidden = mode !== 'graph';
    onMode(mode);
  }

  replaceChildren(
    container,
    h('div', { class: 'toolbar-text' }, title, counts),
    caption,
    h('div', { class: 'toolbar-controls' }, fit, h('div', { class: 'segmented', role: 'group', 'aria-label': 'View as' }, ...modeButtons)),
  );
  container.hidden = true;

  return {
    showGraph({ rootName, nodes, edges, truncated, depth }) {
      container.hidden = false;
      title.textContent = rootName;
      replaceChildren(
        counts,
        `${nodes} ${nodes === 1 ? 'entity' : 'entities'} · ${edges} ${edges === 1 ? 'relationship' : 'relationships'} · ${depth} steps up and down`,
        truncated ? h('span', { class: 'pill pill-warning', title: 'The server stopped at the depth or size limit; some owners or subsidiaries are not shown.' }, 'Truncated') : null,
      );
      caption.textContent = '';
    },
    showCaption(text) {
      caption.textContent = text ?? '';
    },
    hide() {
      container.hidden = true;
    },
  };
}
