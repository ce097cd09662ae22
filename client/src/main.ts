// Composition root: finds the page's regions, builds each module with its dependencies, and connects
// their events. Nothing else reaches for globals or the DOM outside the element it was given.
import { createApi } from './api.ts';
import { createExplorer } from './explorer.ts';
import { createGraphView } from './graph/graph-view.ts';
import { renderLegend } from './graph/legend.ts';
import { createPanel } from './ui/panel.ts';
import { createSearch } from './ui/search.ts';
import { createTableView } from './ui/table-view.ts';
import { createToolbar } from './ui/toolbar.ts';
import { createViewStatus } from './ui/view-status.ts';
import { createUrlState } from './url-state.ts';

function region(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}

const api = createApi();
const url = createUrlState();

// Late-bound so modules built before the explorer can still call into it.
let explorer: ReturnType<typeof createExplorer>;

const toolbar = createToolbar(region('toolbar'), {
  onFit: () => graph.fit(),
  onMode: (mode) => explorer.setMode(mode),
});
const graph = createGraphView(region('graph'), {
  onNodeSelect: (id) => explorer.inspect(id),
  onEdgeSelect: (text) => toolbar.showCaption(text),
});
const table = createTableView(region('table'), { onSelect: (id) => explorer.inspect(id) });
const panel = createPanel(region('panel'), {
  api,
  onOpen: (id) => void explorer.open(id, 'push'),
  onClose: () => graph.select(null),
});
const status = createViewStatus(region('view-status'));
renderLegend(region('legend'));

explorer = createExplorer({ api, url, graph, table, toolbar, status, panel, setTitle: (title) => (document.title = title) });
createSearch(region('search'), { api, onOpen: (id) => void explorer.open(id, 'push') });

// The end-to-end tests read the rendered graph through this handle.
(window as Window & { __cy?: unknown }).__cy = graph.cy;

const restore = (): void => {
  const id = url.entity();
  if (id) void explorer.open(id, 'none');
  else explorer.showEmpty();
};
url.onChange(restore);
restore();
