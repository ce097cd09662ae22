// The Cytoscape canvas: draws the visible graph (laying it out only when its elements change), shows
// statuses and highlights, reports selection, and exports itself as a picture.
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { toElements } from './elements.ts';
import { applyChanged, applyHighlight, type Highlight } from './highlight.ts';
import { pngOf, svgOf } from './image-export.ts';
import { bindKeyboard } from './keyboard.ts';
import { FIT_PADDING, placeAround, runLayout } from './layout.ts';
import { applyStatusClasses, type NodeStatus } from './status-classes.ts';
import { coreOptions, MAX_FIT_ZOOM, stylesheet } from './style.ts';
import type { Direction } from './model.ts';
import type { ViewGraph } from './visible.ts';

export interface GraphViewDeps {
  onNodeSelect: (id: string) => void;
  onMore: (parent: string, direction: Direction) => void;
  onEdgeSelect: (description: string | null) => void;
}

export interface GraphView {
  readonly cy: Core;
  /**
   * Draws `graph`; resolves once it is laid out. With `anchor` (an expansion or "show more" from that
   * node), new elements are placed around it and the rest stays; otherwise the whole view is laid out.
   */
  render(graph: ViewGraph, options?: { anchor?: string }): Promise<void>;
  /** Selects one node, or none with null. */
  select(id: string | null): void;
  fit(): void;
  zoomBy(factor: number): void;
  clear(): void;
  applyStatuses(statuses: ReadonlyMap<string, NodeStatus>): void;
  highlight(highlight: Highlight | null): void;
  markChanged(ids: readonly string[] | null): void;
  png(): Promise<Blob>;
  svg(): Blob;
}

export function createGraphView(container: HTMLElement, { onNodeSelect, onMore, onEdgeSelect }: GraphViewDeps): GraphView {
  const cy = cytoscape({ container, style: stylesheet, ...coreOptions });
  // Refit when the canvas changes size (side panel opening, window resize) until the user pans or zooms.
  let autoFit = true;
  cy.on('dragpan scrollzoom pinchzoom', () => (autoFit = false));
  new ResizeObserver(() => {
    cy.resize();
    if (autoFit && cy.nodes().nonempty()) fit();
  }).observe(container);

  function fit(): void {
    cy.fit(undefined, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  const zoomBy = (factor: number): void => {
    autoFit = false;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  const activate = (node: NodeSingular): void => {
    if (node.hasClass('more')) onMore(String(node.data('parent_')), node.data('direction') as Direction);
  };

  const selectNode = (node: NodeSingular): void => {
    if (node.hasClass('more')) return activate(node);
    cy.elements().unselect();
    node.select();
    onEdgeSelect(null);
    onNodeSelect(node.id());
  };

  cy.on('tap', 'node', (event) => selectNode(event.target as NodeSingular));
  cy.on('tap', 'edge', (event) => {
    const edge = event.target as EdgeSingular;
    if (edge.hasClass('more-link')) return;
    cy.elements().unselect();
    edge.select();
    onEdgeSelect(String(edge.data('description')));
  });
  cy.on('mouseover', 'node, edge', () => container.classList.add('is-pointing'));
  cy.on('mouseout', 'node, edge', () => container.classList.remove('is-pointing'));
  bindKeyboard(container, cy, { select: selectNode, activate, zoomBy, fit: () => ((autoFit = true), fit()) });

  /** Elements by id with what decides their look; a change of any means re-adding the element. */
  const signature = (definition: ReturnType<typeof toElements>[number]): string => JSON.stringify([definition.data, definition.classes]);

  return {
    cy,
    async render(graph, { anchor } = {}) {
      cy.resize(); // the container may have changed size while empty (side panel, window)
      const wanted = toElements(graph);
      const wantedIds = new Set(wanted.map((definition) => String(definition.data.id)));
      let removedEntities = false;
      let added = cy.collection();
      cy.batch(() => {
        const stale = cy.elements().filter((element) => !wantedIds.has(element.id()));
        removedEntities = stale.nodes().not('.more').nonempty();
        stale.remove();
        for (const definition of wanted) {
          const existing = cy.getElementById(String(definition.data.id));
          if (existing.nonempty() && existing.scratch('_signature') === signature(definition)) continue;
          if (existing.nonempty()) existing.remove();
          const element = cy.add(definition);
          element.scratch('_signature', signature(definition));
          added = added.union(element);
        }
      });
      if (added.empty() && !removedEntities) return;
      if (anchor && !removedEntities && cy.getElementById(anchor).nonempty() && added.nodes().nonempty()) {
        await placeAround(cy, added, anchor);
        if (autoFit) fit();
        return;
      }
      await runLayout(cy, { root: graph.root });
      autoFit = true;
      fit();
    },
    select(id) {
      cy.elements().unselect();
      if (id !== null) cy.getElementById(id).select();
    },
    fit() {
      autoFit = true;
      fit();
    },
    zoomBy,
    clear: () => void cy.elements().remove(),
    applyStatuses: (statuses) => applyStatusClasses(cy, statuses),
    highlight: (highlight) => applyHighlight(cy, highlight),
    markChanged: (ids) => applyChanged(cy, ids),
    png: () => pngOf(cy),
    svg: () => svgOf(cy),
  };
}
