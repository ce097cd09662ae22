// Composition root: finds the page's regions, builds each module with its dependencies, and connects
// their events. Nothing else reaches for globals or the DOM outside the element it was given.
import { createApi } from './api.ts';
import { createEntityCache } from './data/entity-cache.ts';
import { createStatusSource } from './data/statuses.ts';
import { createExplorer } from './explorer.ts';
import { createGraphView } from './graph/graph-view.ts';
import { renderLegend } from './graph/legend.ts';
import { createChangesView } from './ui/changes-view.ts';
import { createExportMenu } from './ui/export-menu.ts';
import { nodeActionsSection } from './ui/node-actions.ts';
import { createPanel } from './ui/panel.ts';
import { createPathFinder } from './ui/path-finder.ts';
import { createSearch } from './ui/search.ts';
import { createSidebar } from './ui/sidebar.ts';
import { createTableView } from './ui/table-view.ts';
import { createTimeBar } from './ui/time-bar.ts';
import { createToolbar } from './ui/toolbar.ts';
import { createViewStatus } from './ui/view-status.ts';
import { whyExposedSection } from './ui/why-exposed.ts';
import { createUrlState } from './url-state.ts';

function region(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}

const today = new Date().toISOString().slice(0, 10);
const api = createApi();
const url = createUrlState();
const cache = createEntityCache(api);

// Late-bound so modules built before the explorer can still call into it.
let explorer: ReturnType<typeof createExplorer>;

const toolbar = createToolbar(region('toolbar'), {
  onFit: () => graph.fit(),
  onZoom: (factor) => graph.zoomBy(factor),
  onMode: (mode) => explorer.setMode(mode),
  onDepth: (depth) => explorer.setDepth(depth),
});
const timeBar = createTimeBar(region('time-bar'), { onList: (list) => explorer.setList(list), onDate: (asOf) => explorer.setDate(asOf), today });
const graph = createGraphView(region('graph'), {
  onNodeSelect: (id) => explorer.inspect(id),
  onMore: (parent, direction) => void explorer.more(parent, direction),
  onEdgeSelect: (text) => toolbar.showCaption(text),
});
const table = createTableView(region('table'), { onSelect: (id) => explorer.inspect(id) });
// The path finder starts from the entity in view, the usual question being "how does X reach Y".
const sidebar = createSidebar(region('sidebar'), (tab) => {
  const root = explorer?.root();
  if (tab === 'paths' && root) pathFinder.suggest('from', { id: root, name: explorer.name(root) });
});
const panel = createPanel(sidebar.panes.details, {
  getEntity: (id) => cache.get(id),
  onOpen: (id) => explorer.open(id),
  onClose: () => {
    graph.select(null);
    explorer.setProof(null);
  },
  asOf: () => explorer.asOf(),
  extras: (id) => {
    const list = explorer.currentList();
    return [
      ...(list ? [whyExposedSection({ api, cache, edge: explorer.edge, name: explorer.name, onProof: (proof) => explorer.setProof(proof), showAtOnce: explorer.chosen(id) }, id, list, explorer.asOf())] : []),
      nodeActionsSection(id, explorer.nodeState(id), { expand: (node, d) => void explorer.expand(node, d), collapse: (node, d) => void explorer.collapse(node, d) }),
    ];
  },
});
const status = createViewStatus(region('view-status'));
const legend = region('legend');
renderLegend(legend);

explorer = createExplorer({
  api,
  url,
  cache,
  statuses: createStatusSource(api),
  graph,
  table,
  toolbar,
  timeBar,
  sidebar,
  panel,
  status,
  today,
  setTitle: (title) => (document.title = title),
  onListChange: (list) => renderLegend(legend, { listName: list?.name ?? null }),
  onBusy: (busy, shown) => {
    const canvas = region('graph');
    if (busy) canvas.setAttribute('aria-busy', 'true');
    else canvas.removeAttribute('aria-busy');
    // What the drawn view is of: lets a reader (and the e2e tests) know the view has caught up.
    canvas.dataset['shown'] = shown ? `${shown.entity}|${shown.list}|${shown.asOf}` : '';
  },
});

const pathFinder = createPathFinder(sidebar.panes.paths, {
  api,
  currentList: () => explorer.currentList(),
  asOf: () => explorer.asOf(),
  onShow: (result, only) => void explorer.showPaths(result, only),
  onSelect: (id) => explorer.inspect(id),
  onQuery: (query) => explorer.setPathQuery(query),
});
const changes = createChangesView(sidebar.panes.changes, {
  api,
  currentList: () => explorer.currentList(),
  listName: (id) => explorer.listName(id),
  inView: (id) => explorer.inView(id),
  onShow: (ids) => explorer.showChanges(ids),
  onSelect: (id) => explorer.inspect(id),
  onOpen: (id) => explorer.open(id),
});
explorer.attach({ changes, pathFinder });
createExportMenu(toolbar.exportSlot, {
  png: () => graph.png(),
  svg: () => graph.svg(),
  data: (format) => api.exportNodes({ nodes: explorer.viewIds(), asOf: explorer.asOf(), format }),
  apiLink: (format) => api.subgraphUrl({ roots: [explorer.root() ?? ''], depth: explorer.depth(), asOf: explorer.asOf(), format }),
  baseName: () => `ownership-${explorer.root() ?? 'view'}-${explorer.asOf()}`,
});
createSearch(region('search'), { api, onOpen: (id) => explorer.open(id), currentList: () => explorer.currentList() });

// The end-to-end tests read the rendered graph through this handle.
(window as Window & { __cy?: unknown }).__cy = graph.cy;

url.onChange(() => void explorer.sync());
void explorer.sync();
