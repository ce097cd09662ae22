// The same nodes and edges as the graph, as two sortable tables (entities, relationships): readable by
// screen readers and fully keyboard reachable.
import type { ExposureStatus, GraphEdge } from '../api-types.ts';
import { stakeDescription, stakeLabel } from '../graph/stake-label.ts';
import type { ViewGraph, ViewNode } from '../graph/visible.ts';
import { countryName, h, kindNames, replaceChildren } from './dom.ts';
import { kindIcon } from './kind-icon.ts';
import { statusNames, statusPill } from './status-pill.ts';
import { createSortableTable } from './sortable-table.ts';

export interface TableView {
  render(graph: ViewGraph, statuses: ReadonlyMap<string, ExposureStatus>): void;
  setVisible(visible: boolean): void;
}

const STATUS_ORDER: Record<ExposureStatus, number> = { listed: 0, exposed: 1, possibly_exposed: 2, clear: 3 };

function position(rank: number): string {
  if (rank === 0) return 'In focus';
  const steps = Math.abs(rank);
  return `${rank < 0 ? 'Owner' : 'Subsidiary'}, ${steps} ${steps === 1 ? 'step' : 'steps'} ${rank < 0 ? 'up' : 'down'}`;
}

export function createTableView(container: HTMLElement, { onSelect }: { onSelect: (id: string) => void }): TableView {
  container.hidden = true;
  let names = new Map<string, ViewNode>();
  let statuses: ReadonlyMap<string, ExposureStatus> = new Map();

  const entityButton = (id: string): HTMLElement => {
    const node = names.get(id);
    return h('button', { type: 'button', class: 'link-button', 'data-entity-id': id, onClick: () => onSelect(id) }, node?.name ?? id);
  };
  const statusCell = (id: string): Node | string => {
    const status = statuses.get(id);
    return status ? statusPill(status) : '—';
  };

  const entities = createSortableTable<ViewNode>(
    'Entities in this view',
    [
      { key: 'name', label: 'Entity', sortValue: (n) => n.name, cell: (n) => h('span', { class: 'cell-entity' }, kindIcon(n.kind), entityButton(n.id)) },
      { key: 'kind', label: 'Kind', sortValue: (n) => kindNames[n.kind] ?? n.kind, cell: (n) => kindNames[n.kind] ?? n.kind },
      { key: 'country', label: 'Country', sortValue: (n) => n.country ?? '', cell: (n) => countryName(n.country) ?? '—' },
      { key: 'status', label: 'Status', sortValue: (n) => STATUS_ORDER[statuses.get(n.id) ?? 'clear'], cell: (n) => statusCell(n.id) },
      { key: 'position', label: 'Position', sortValue: (n) => n.rank, cell: (n) => position(n.rank) },
    ],
    'entities-table',
    'position',
  );
  const relationships = createSortableTable<GraphEdge>(
    'Ownership and control relationships in this view',
    [
      { key: 'owner', label: 'Owner or controller', sortValue: (e) => names.get(e.source)?.name ?? e.source, cell: (e) => entityButton(e.source) },
      {
        key: 'stake',
        label: 'Relationship',
        sortValue: (e) => (e.type === 'OWNS' ? -(e.percent ?? e.percentMin ?? 0) : 1),
        cell: (e) =>
          e.type === 'CONTROLS'
            ? h('span', {}, 'Controls', h('span', { class: 'cell-meta' }, e.basis ?? 'basis not recorded'))
            : h('span', { title: stakeDescription(e) }, 'Owns', h('span', { class: 'cell-stake' }, stakeLabel(e)), h('span', { class: 'visually-hidden' }, `: ${stakeDescription(e)}`)),
      },
      { key: 'owned', label: 'Owned or controlled', sortValue: (e) => names.get(e.target)?.name ?? e.target, cell: (e) => entityButton(e.target) },
      { key: 'period', label: 'Period', sortValue: (e) => e.start ?? '', cell: (e) => ([e.start, e.end].some(Boolean) ? `${e.start ?? '…'} – ${e.end ?? 'now'}` : '—') },
    ],
    'relationships',
    'owner',
  );

  /** Builds the tables; only while they are shown, since thousands of rows cost a large view every paint. */
  function draw(graph: ViewGraph, nextStatuses: ReadonlyMap<string, ExposureStatus>): void {
    names = new Map(graph.nodes.map((node) => [node.id, node]));
    statuses = nextStatuses;
    entities.setRows(graph.nodes);
    relationships.setRows(graph.edges);
    const hidden = graph.more.reduce((sum, chip) => sum + chip.hidden, 0);
    const counts = [...statuses.values()].reduce((acc, s) => acc.set(s, (acc.get(s) ?? 0) + 1), new Map<ExposureStatus, number>());
    replaceChildren(
      container,
      h(
        'section',
        { class: 'table-section', 'aria-labelledby': 'entities-heading' },
        h('h3', { id: 'entities-heading' }, `Entities (${graph.nodes.length})`, hidden > 0 ? h('span', { class: 'cell-meta' }, `${hidden} more behind “+ more” in the graph`) : null),
        h('p', { class: 'table-summary' }, [...counts].sort(([a], [b]) => STATUS_ORDER[a] - STATUS_ORDER[b]).map(([s, n]) => `${n} ${statusNames[s].toLowerCase()}`).join(' · ')),
        entities.element,
      ),
      h(
        'section',
        { class: 'table-section', 'aria-labelledby': 'relationships-heading' },
        h('h3', { id: 'relationships-heading' }, `Relationships (${graph.edges.length})`),
        graph.edges.length > 0 ? relationships.element : h('p', { class: 'panel-note' }, 'No ownership or control relationships are recorded between these entities.'),
      ),
    );
  }

  let pending: { graph: ViewGraph; statuses: ReadonlyMap<string, ExposureStatus> } | null = null;
  return {
    render(graph, nextStatuses) {
      pending = { graph, statuses: nextStatuses };
      if (!container.hidden) draw(graph, nextStatuses);
    },
    setVisible(visible) {
      const wasHidden = container.hidden;
      container.hidden = !visible;
      if (visible && wasHidden && pending) draw(pending.graph, pending.statuses);
    },
  };
}
