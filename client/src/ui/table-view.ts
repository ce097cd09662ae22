// The same graph as a table of relationships: readable by screen readers and fully keyboard reachable.
import type { MergedGraph } from '../graph/merge.ts';
import { stakeDescription, stakeLabel } from '../graph/stake-label.ts';
import { h, kindNames, replaceChildren } from './dom.ts';

export interface TableView {
  render(graph: MergedGraph): void;
  setVisible(visible: boolean): void;
}

export function createTableView(container: HTMLElement, { onSelect }: { onSelect: (id: string) => void }): TableView {
  container.hidden = true;
  return {
    render(graph) {
      const byId = new Map(graph.nodes.map((node) => [node.id, node]));
      const entity = (id: string): HTMLElement => {
        const node = byId.get(id);
        return h(
          'button',
          { type: 'button', class: 'link-button', 'data-entity-id': id, onClick: () => onSelect(id) },
          node?.name ?? id,
          node && node.listed.length > 0 ? h('span', { class: 'pill pill-listed' }, 'Listed') : null,
        );
      };
      const rows = [...graph.edges]
        .sort((a, b) => (byId.get(a.source)?.rank ?? 0) - (byId.get(b.source)?.rank ?? 0))
        .map((edge) =>
          h(
            'tr',
            {},
            h('td', {}, entity(edge.source), h('span', { class: 'cell-meta' }, kindNames[byId.get(edge.source)?.kind ?? ''] ?? '')),
            edge.type === 'CONTROLS'
              ? h('td', {}, 'Controls', h('span', { class: 'cell-meta' }, edge.basis ?? 'basis not recorded'))
              : h('td', { title: stakeDescription(edge) }, 'Owns', h('span', { class: 'cell-stake' }, stakeLabel(edge)), h('span', { class: 'visually-hidden' }, `: ${stakeDescription(edge)}`)),
            h('td', {}, entity(edge.target), h('span', { class: 'cell-meta' }, kindNames[byId.get(edge.target)?.kind ?? ''] ?? '')),
            h('td', {}, [edge.start, edge.end].some(Boolean) ? `${edge.start ?? '…'} – ${edge.end ?? 'now'}` : '—'),
          ),
        );
      if (rows.length === 0) {
        replaceChildren(container, h('p', { class: 'panel-note' }, 'No ownership or control relationships are recorded for this entity.'));
        return;
      }
      replaceChildren(
        container,
        h(
          'table',
          { class: 'relationships' },
          h('caption', { class: 'visually-hidden' }, 'Ownership and control relationships in this view'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Owner or controller'), h('th', { scope: 'col' }, 'Relationship'), h('th', { scope: 'col' }, 'Owned or controlled'), h('th', { scope: 'col' }, 'Period'))),
          h('tbody', {}, ...rows),
        ),
      );
    },
    setVisible(visible) {
      container.hidden = !visible;
    },
  };
}
