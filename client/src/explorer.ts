// What the page shows, driven by the URL: the ownership view of `entity` as of `asOf` to `depth` steps,
// coloured by exposure on `list`, with `sel` selected, as a graph or a table. Every change goes through
// the URL (so reload and share restore it) and `sync()` brings the modules to it, fetching only what the
// change needs: the chains when entity, date or depth change; statuses when list or date change.
import type { Api } from './api.ts';
import { ApiError, isAbort } from './api.ts';
import type { ExposureStatus, ListInfo, PathResult, PathsResponse } from './api-types.ts';
import { loadCaseDecisions, type CaseDecisions } from './data/case-decisions.ts';
import type { EntityCache } from './data/entity-cache.ts';
import type { StatusTable } from './data/statuses.ts';
import { GraphSession } from './graph-session.ts';
import type { GraphView } from './graph/graph-view.ts';
import type { Highlight } from './graph/highlight.ts';
import type { Direction } from './graph/model.ts';
import type { NodeStatus } from './graph/status-classes.ts';
import { sideKey, type ViewGraph } from './graph/visible.ts';
import type { ChangesView } from './ui/changes-view.ts';
import type { Panel } from './ui/panel.ts';
import type { Sidebar } from './ui/sidebar.ts';
import type { TableView } from './ui/table-view.ts';
import type { TimeBar } from './ui/time-bar.ts';
import type { Toolbar } from './ui/toolbar.ts';
import type { ViewStatus } from './ui/view-status.ts';
import type { PathFinder } from './ui/path-finder.ts';
import { encodePath, type PathQuery, type UrlState, type ViewMode } from './url-state.ts';

export interface ExplorerDeps {
  api: Pick<Api, 'getOwners' | 'getSubsidiaries' | 'getLists' | 'getDecisions'>;
  url: UrlState;
  cache: EntityCache;
  statuses: { get(list: string, asOf: string, signal?: AbortSignal): Promise<StatusTable> };
  graph: GraphView;
  table: TableView;
  toolbar: Toolbar;
  timeBar: TimeBar;
  sidebar: Sidebar;
  panel: Panel;
  status: ViewStatus;
  setTitle: (title: string) => void;
  onListChange: (list: ListInfo | null) => void;
  /** Told when a sync starts and when the view it asked for is fully drawn (for assistive tech and tests). */
  onBusy: (busy: boolean, shown?: { entity: string; list: string; asOf: string }) => void;
  today: string;
}

const PRODUCT = 'Ownership Explorer';
const DEFAULT_DEPTH = 3;
/** The list the view opens on when the URL names none: the case's regime, then the first list. */
const PREFERRED_LISTS = ['us-bis-entity-list', 'us-ofac-sdn'];

export function createExplorer(deps: ExplorerDeps) {
  const { api, url, cache, graph, table, toolbar, timeBar, sidebar, panel, status, today } = deps;
  let lists: ListInfo[] = [];
  let session: GraphSession | null = null;
  let view: ViewGraph | null = null;
  let statusKey = '';
  let nonClear: StatusTable | null = null;
  let decisions: CaseDecisions | null = null;
  let highlight: { source: 'proof' | 'path' | 'changes'; value: Highlight } | null = null;
  let inflight: AbortController | null = null;

  interface Resolved {
    entity: string;
    list: string;
    asOf: string;
    depth: number;
    sel: string | null;
    view: ViewMode;
    exp: string[];
    col: string[];
    path: PathQuery | null;
  }
  const state = (): Resolved => {
    const raw = url.read();
    const list = raw.list && lists.some((l) => l.id === raw.list) ? raw.list : (PREFERRED_LISTS.find((id) => lists.some((l) => l.id === id)) ?? lists[0]?.id ?? '');
    return { ...raw, entity: raw.entity ?? '', list, asOf: raw.asOf ?? today, depth: raw.depth ?? DEFAULT_DEPTH };
  };

  async function ensureLists(): Promise<void> {
    if (lists.length > 0) return;
    lists = (await api.getLists()).items;
    timeBar.setLists(lists);
  }

  async function sync(): Promise<void> {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    deps.onBusy(true);
    try {
      await ensureLists();
      const s = state();
      if (!s.entity) return showEmpty();
      deps.onListChange(lists.find((l) => l.id === s.list) ?? null);
      updateTimeBar(); // list and date show at once, before the graph arrives
      sidebar.setVisible(true);
      const key = { root: s.entity, asOf: s.asOf, depth: s.depth };
      const fresh = !session || session.key.root !== key.root;
      // Expansions come from the URL (a shared link, back and forward); the user's own are written there first.
      const expansions = !sameMembers(session?.expanded, s.exp);
      if (session && !fresh) resetTo(session.collapsed, s.col);
      if (fresh || expansions || session!.key.asOf !== key.asOf || session!.key.depth !== key.depth) {
        status.loading(fresh ? 'Loading the ownership graph…' : `Loading the graph as of ${s.asOf}…`);
        const next = fresh ? new GraphSession(api, key) : session!;
        next.key = key;
        next.unpin();
        resetTo(next.expanded, s.exp);
        resetTo(next.collapsed, s.col);
        await next.load(controller.signal);
        session = next;
        if (fresh) {
          decisions = null;
          highlight = null;
        }
        if (highlight?.source !== 'proof') highlight = null; // paths and changes were for the old graph or date
      }
      await redraw();
      status.hide();
      await applyStatuses(s.list, s.asOf, controller.signal);
      applyMode(s.view);
      applySelection(s.sel ?? s.entity, s.entity);
      deps.setTitle(`${session!.model.name(s.entity)} — ${PRODUCT}`);
      await loadDecisions(controller.signal);
      restorePath(s);
      if (!controller.signal.aborted) deps.onBusy(false, { entity: s.entity, list: s.list, asOf: s.asOf });
    } catch (error) {
      if (isAbort(error)) return;
      showError(error);
      deps.onBusy(false);
    } finally {
      if (inflight === controller) inflight = null;
    }
  }

  async function redraw(anchor?: string): Promise<void> {
    if (!session) return;
    view = session.visible();
    const s = state();
    toolbar.showGraph({
      rootName: session.model.name(session.key.root),
      nodes: view.nodes.length,
      edges: view.edges.length,
      hidden: view.more.reduce((sum, chip) => sum + chip.hidden, 0),
      truncated: view.truncated,
      depth: s.depth,
    });
    await graph.render(view, anchor ? { anchor } : {});
    paint();
  }

  /** Statuses, highlight and table: everything drawn on top of the laid-out graph. */
  function paint(): void {
    if (!view) return;
    const s = state();
    const since = decisions?.listedSince(s.list, s.asOf) ?? new Map<string, string>();
    const byId = new Map<string, NodeStatus>();
    const plain = new Map<string, ExposureStatus>();
    if (nonClear) {
      for (const node of view.nodes) {
        const found = nonClear.nonClear.get(node.id);
        if (!found && !nonClear.complete) continue;
        const value = found ?? 'clear';
        plain.set(node.id, value);
        byId.set(node.id, { status: value, ...(value === 'listed' && since.has(node.id) ? { since: since.get(node.id)! } : {}) });
      }
    }
    graph.applyStatuses(byId);
    graph.highlight(highlight?.value ?? null);
    graph.markChanged(highlight?.source === 'changes' ? highlight.value.nodes : null);
    table.render(view, plain);
  }

  async function applyStatuses(list: string, asOf: string, signal: AbortSignal): Promise<void> {
    const key = `${list}|${asOf}`;
    if (key !== statusKey) {
      nonClear = null;
      statusKey = key;
      try {
        nonClear = await deps.statuses.get(list, asOf, signal);
      } catch (error) {
        if (isAbort(error)) throw error;
        status.notice('Exposure statuses could not be loaded; the graph is shown without them.', () => void refreshStatuses());
      }
    }
    paint();
    updateTimeBar();
  }

  async function refreshStatuses(): Promise<void> {
    statusKey = '';
    status.hide();
    const s = state();
    await applyStatuses(s.list, s.asOf, new AbortController().signal).catch(() => undefined);
  }

  async function loadDecisions(signal: AbortSignal): Promise<void> {
    if (decisions || !view) return updateTimeBar();
    try {
      const loaded = await loadCaseDecisions(api, view.nodes.map((node) => node.id), signal);
      if (signal.aborted) return;
      decisions = loaded;
    } catch (error) {
      if (isAbort(error)) throw error;
      // The graph stands without its timeline: say so rather than fail the whole view.
      status.notice('The case’s listing decisions could not be loaded; the timeline is not shown.', () => void sync());
      return;
    }
    paint();
    updateTimeBar();
  }

  function updateTimeBar(): void {
    const s = state();
    const all = decisions?.decisions ?? [];
    timeBar.update({ list: s.list, asOf: s.asOf, decisions: decisions ? all : null });
    const previous = all.map((d) => d.effective ?? d.date).filter((date) => date < s.asOf).sort().pop();
    changes?.suggest(previous ? dayBefore(previous) : yearBefore(s.asOf), s.asOf);
  }

  function applyMode(mode: ViewMode): void {
    toolbar.setMode(mode);
    table.setVisible(mode === 'table');
    if (mode === 'graph') {
      graph.cy.resize(); // the canvas had no size while the table covered it
      graph.fit();
    }
  }

  /** What the details pane shows: an entity's status is per list and date, so either changing re-renders it. */
  let panelKey = '';
  function applySelection(id: string, root: string): void {
    const known = view?.nodes.some((node) => node.id === id) ? id : root;
    graph.select(known);
    const s = state();
    const key = `${known}|${s.list}|${s.asOf}|${root}`;
    if (panel.shownId !== known || key !== panelKey) panel.show(known, { isRoot: known === root });
    panelKey = key;
  }

  function showEmpty(): void {
    deps.onBusy(false);
    session = null;
    view = null;
    graph.clear();
    toolbar.hide();
    timeBar.hide();
    sidebar.setVisible(false);
    deps.setTitle(PRODUCT);
    status.empty();
  }

  function showError(error: unknown): void {
    const retry = (): void => void sync();
    const root = url.read().entity;
    session = null;
    graph.clear();
    toolbar.hide();
    timeBar.hide();
    sidebar.setVisible(false);
    deps.setTitle(PRODUCT);
    if (error instanceof ApiError && error.status === 404) {
      status.error('Entity not found', `No entity has the id “${root}”. It may have been merged or renamed — search for it by name.`, null);
    } else if (error instanceof ApiError && error.kind === 'network') {
      status.error('Cannot reach the server', 'The Ownership Explorer API did not answer. Check that the server is running, then retry.', retry);
    } else {
      status.error('The graph could not be loaded', error instanceof Error ? error.message : String(error), retry);
    }
  }

  let changes: ChangesView | null = null;
  let pathFinder: PathFinder | null = null;

  /** The path question last asked for this view (entity and date): asked again only when that changes. */
  let pathKey = '';
  const pathKeyOf = (s: Resolved): string => (s.path ? `${encodePath(s.path)}|${s.entity}|${s.asOf}` : '');
  function restorePath(s: Resolved): void {
    const key = pathKeyOf(s);
    if (key === pathKey) return;
    pathKey = key;
    pathFinder?.restore(s.path);
  }

  /** Expansions and collapses live in the URL, so a reload or a shared link shows the same nodes. */
  function writeSides(): void {
    if (session) url.write({ exp: [...session.expanded], col: [...session.collapsed] }, 'replace');
  }

  return {
    sync,
    /** Late wiring for modules built after the explorer. */
    attach(parts: { changes: ChangesView; pathFinder: PathFinder }) {
      changes = parts.changes;
      pathFinder = parts.pathFinder;
    },
    open(id: string) {
      url.write({ entity: id, sel: null, exp: [], col: [], path: null }, 'push');
      void sync();
    },
    inspect(id: string) {
      url.write({ sel: id }, 'replace');
      if (highlight?.source === 'proof') {
        highlight = null;
        panelKey = ''; // the pane must render again: its why-section is what draws the proof for the chosen entity
      }
      const s = state();
      applySelection(id, s.entity);
      paint();
      sidebar.show('details');
    },
    setList(list: string) {
      url.write({ list }, 'replace');
      changes?.reset();
      if (highlight?.source !== 'path') highlight = null;
      void sync();
    },
    setDate(asOf: string) {
      url.write({ asOf: asOf === today ? null : asOf }, 'replace');
      void sync();
    },
    setDepth(depth: number) {
      url.write({ depth: depth === DEFAULT_DEPTH ? null : depth }, 'replace');
      void sync();
    },
    setMode(mode: ViewMode) {
      url.write({ view: mode }, 'replace');
      applyMode(mode);
    },
    async expand(id: string, direction: Direction) {
      if (!session) return;
      toolbar.showCaption(`Loading ${direction === 'up' ? 'owners' : 'subsidiaries'}…`);
      try {
        const added = await session.expand(id, direction, new AbortController().signal);
        writeSides();
        await redraw(id);
        toolbar.showCaption(added === 0 ? `No further ${direction === 'up' ? 'owners' : 'subsidiaries'} of ${session.model.name(id)} are recorded.` : `${added} more ${added === 1 ? 'entity' : 'entities'} shown.`);
        // Its buttons change with the expansion; unless the user has meanwhile chosen another entity.
        if (panel.shownId === id) panel.show(id, { isRoot: id === session.key.root });
      } catch (error) {
        toolbar.showCaption(`Could not expand: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async collapse(id: string, direction: Direction) {
      session?.collapse(id, direction);
      writeSides();
      await redraw();
      if (session && panel.shownId === id) panel.show(id, { isRoot: id === session.key.root });
    },
    async more(parent: string, direction: Direction) {
      session?.reveal(parent, direction);
      await redraw(parent);
    },
    nodeState(id: string) {
      const has = (set: ReadonlySet<string> | undefined, d: Direction): boolean => set?.has(sideKey(id, d)) ?? false;
      return {
        collapsed: { up: has(session?.collapsed, 'up'), down: has(session?.collapsed, 'down') },
        expanded: { up: has(session?.expanded, 'up'), down: has(session?.expanded, 'down') },
      };
    },
    setProof(proof: Highlight | null) {
      if (highlight && highlight.source !== 'proof' && proof) return; // a path or change set the user asked for stays
      highlight = proof ? { source: 'proof', value: proof } : highlight?.source === 'proof' ? null : highlight;
      paint();
    },
    async showPaths(result: PathsResponse | null, only: PathResult | null) {
      if (!session) return;
      session.unpin();
      if (!result) {
        highlight = null;
        await redraw();
        return;
      }
      session.pin(result.subgraph.nodes, result.subgraph.edges);
      const chosen = only ? [only] : result.paths;
      highlight = { source: 'path', value: { nodes: [...new Set(chosen.flatMap((p) => p.nodes.map((n) => n.id)))], edges: [...new Set(chosen.flatMap((p) => p.edges.map((e) => e.id)))] } };
      await redraw();
    },
    /** The path finder's question as the user asked it (null: cleared), kept in the URL. */
    setPathQuery(query: PathQuery | null) {
      url.write({ path: query }, 'replace');
      pathKey = pathKeyOf(state());
    },
    showChanges(ids: string[] | null) {
      highlight = ids ? { source: 'changes', value: { nodes: ids, edges: [] } } : null;
      paint();
    },
    /** Whether the user chose this entity (it is `sel` in the URL), as opposed to the root shown on opening. */
    chosen: (id: string) => url.read().sel === id,
    inView: (id: string) => view?.nodes.some((node) => node.id === id) ?? false,
    listName: (id: string) => lists.find((l) => l.id === id)?.name ?? id,
    currentList: () => (lists.length > 0 ? state().list : null),
    asOf: () => state().asOf,
    edge: (id: string) => session?.model.edges.get(id),
    name: (id: string) => session?.model.name(id) ?? id,
    viewIds: () => view?.nodes.map((node) => node.id) ?? [],
    root: () => session?.key.root ?? null,
    depth: () => state().depth,
  };
}

export type Explorer = ReturnType<typeof createExplorer>;

function sameMembers(set: ReadonlySet<string> | undefined, list: readonly string[]): boolean {
  return (set?.size ?? 0) === list.length && list.every((item) => set?.has(item));
}

function resetTo(set: Set<string>, list: readonly string[]): void {
  if (sameMembers(set, list)) return;
  set.clear();
  for (const item of list) set.add(item);
}

function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function yearBefore(iso: string): string {
  return `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
}
