// What "open an entity" means: fetch its owners and subsidiaries, merge them, and bring the URL, graph,
// table, toolbar and side panel to that view — or show why it could not be done.
import type { Api } from './api.ts';
import { ApiError, isAbort } from './api.ts';
import type { GraphView } from './graph/graph-view.ts';
import { mergeGraphs, type MergedGraph } from './graph/merge.ts';
import type { Panel } from './ui/panel.ts';
import type { TableView } from './ui/table-view.ts';
import type { Toolbar, ViewMode } from './ui/toolbar.ts';
import type { UrlState } from './url-state.ts';
import type { ViewStatus } from './ui/view-status.ts';

export interface ExplorerDeps {
  api: Pick<Api, 'getOwners' | 'getSubsidiaries'>;
  url: UrlState;
  graph: GraphView;
  table: TableView;
  toolbar: Toolbar;
  status: ViewStatus;
  panel: Panel;
  setTitle: (title: string) => void;
  /** Hops shown each way from the root. */
  depth?: number;
}

export interface Explorer {
  open(id: string, history: 'push' | 'replace' | 'none'): Promise<void>;
  showEmpty(): void;
  /** A node chosen in the graph or the table: select it and show its details. */
  inspect(id: string): void;
  setMode(mode: ViewMode): void;
}

const PRODUCT = 'Ownership Explorer';

export function createExplorer({ api, url, graph, table, toolbar, status, panel, setTitle, depth = 3 }: ExplorerDeps): Explorer {
  let rootId: string | null = null;
  let shown: MergedGraph | null = null;
  let inflight: AbortController | null = null;
  let mode: ViewMode = 'graph';

  async function open(id: string, history: 'push' | 'replace' | 'none'): Promise<void> {
    if (history !== 'none') url.setEntity(id, history);
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    rootId = id;
    status.loading('Loading the ownership graph…');
    try {
      const options = { depth, signal: controller.signal };
      const [owners, subsidiaries] = await Promise.all([api.getOwners(id, options), api.getSubsidiaries(id, options)]);
      shown = mergeGraphs(owners, subsidiaries);
      const rootName = shown.nodes.find((node) => node.id === shown?.root)?.name ?? id;
      status.hide();
      toolbar.showGraph({ rootName, nodes: shown.nodes.length, edges: shown.edges.length, truncated: shown.truncated, depth });
      panel.show(id, { isRoot: true }); // before drawing, so the graph is fitted to the space left beside the panel
      graph.render(shown);
      table.render(shown);
      setTitle(`${rootName} — ${PRODUCT}`);
    } catch (error) {
      if (isAbort(error)) return;
      shown = null;
      graph.clear();
      toolbar.hide();
      panel.close();
      setTitle(PRODUCT);
      showError(error, () => void open(id, 'none'));
    } finally {
      if (inflight === controller) inflight = null;
    }
  }

  function showError(error: unknown, retry: () => void): void {
    if (error instanceof ApiError && error.status === 404) {
      status.error('Entity not found', `No entity has the id “${rootId}”. It may have been merged or renamed — search for it by name.`, null);
    } else if (error instanceof ApiError && error.kind === 'network') {
      status.error('Cannot reach the server', 'The Ownership Explorer API did not answer. Check that the server is running, then retry.', retry);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      status.error('The graph could not be loaded', detail, retry);
    }
  }

  return {
    open,
    showEmpty() {
      inflight?.abort();
      rootId = null;
      shown = null;
      graph.clear();
      toolbar.hide();
      panel.close();
      setTitle(PRODUCT);
      status.empty();
    },
    inspect(id) {
      graph.select(id);
      panel.show(id, { isRoot: id === rootId });
    },
    setMode(next) {
      mode = next;
      table.setVisible(mode === 'table');
      if (mode === 'graph') {
        // The canvas had no size while hidden; let Cytoscape re-measure before fitting.
        graph.cy.resize();
        if (shown) graph.fit();
      }
    },
  };
}
