// The Cytoscape canvas: renders a merged graph, reports node and edge selection, and lets keyboard users
// move between nodes with the arrow keys (the canvas itself is one focusable element).
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { toElements } from './elements.ts';
import type { MergedGraph } from './merge.ts';
import { coreOptions, layoutOptions, MAX_FIT_ZOOM, stylesheet } from './style.ts';

cytoscape.use(dagre);

export type ExposureStatus = 'listed' | 'exposed' | 'possibly_exposed' | 'clear';
const EXPOSURE_CLASSES: readonly ExposureStatus[] = ['exposed', 'possibly_exposed', 'clear'];

export interface GraphViewDeps {
  onNodeSelect: (id: string) => void;
  onEdgeSelect: (description: string | null) => void;
}

export interface GraphView {
  readonly cy: Core;
  render(graph: MergedGraph): void;
  /** Selects one node, or none with null. */
  select(id: string | null): void;
  fit(): void;
  clear(): void;
  /** Colours nodes by a determination from the exposure API; ids not in the map lose any status. */
  applyStatuses(statusById: ReadonlyMap<string, ExposureStatus>): void;
}

export function createGraphView(container: HTMLElement, { onNodeSelect, onEdgeSelect }: GraphViewDeps): GraphView {
  const cy = cytoscape({ container, style: stylesheet, ...coreOptions });
  // Refit when the canvas changes size (side panel opening, window resize) until the user pans or zooms.
  let autoFit = true;
  cy.on('dragpan scrollzoom pinchzoom', () => (autoFit = false));
  new ResizeObserver(() => {
    cy.resize();
    if (autoFit && cy.nodes().nonempty()) fit();
  }).observe(container);

  const fit = (): void => {
    cy.fit(undefined, layoutOptions.padding);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  };

  const selectNode = (node: NodeSingular): void => {
    cy.elements().unselect();
    node.select();
    onEdgeSelect(null);
    onNodeSelect(node.id());
  };

  cy.on('tap', 'node', (event) => selectNode(event.target as NodeSingular));
  cy.on('tap', 'edge', (event) => {
    const edge = event.target as EdgeSingular;
    cy.elements().unselect();
    edge.select();
    onEdgeSelect(String(edge.data('description')));
  });
  cy.on('mouseover', 'node, edge', () => container.classList.add('is-pointing'));
  cy.on('mouseout', 'node, edge', () => container.classList.remove('is-pointing'));

  container.addEventListener('keydown', (event) => {
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const current = cy.nodes(':selected').first();
      const from = current.nonempty() ? current : cy.nodes('.root').first();
      const next = current.nonempty() ? nearestInDirection(cy, from, direction) : from;
      if (next && next.nonempty()) {
        selectNode(next);
        if (!isVisible(cy, next)) cy.center(next);
      }
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      autoFit = false;
      cy.zoom({ level: cy.zoom() * (event.key === '-' ? 1 / 1.2 : 1.2), renderedPosition: centre(cy) });
    } else if (event.key === '0') {
      autoFit = true;
      fit();
    }
  });

  return {
    cy,
    render(graph) {
      cy.resize(); // the container may have changed size while empty (side panel, window)
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(graph));
      });
      cy.layout(layoutOptions).run();
      autoFit = true;
      fit();
      const root = cy.getElementById(graph.root);
      if (root.nonempty()) root.select();
    },
    select(id) {
      cy.elements().unselect();
      if (id !== null) cy.getElementById(id).select();
    },
    fit() {
      autoFit = true;
      fit();
    },
    clear: () => cy.elements().remove(),
    applyStatuses(statusById) {
      cy.batch(() => {
        cy.nodes().forEach((node) => {
          for (const status of EXPOSURE_CLASSES) node.removeClass(status);
          const status = statusById.get(node.id());
          if (status) node.addClass(status); // `listed` from the graph data is kept either way
        });
      });
    },
  };
}

type Direction = { dx: number; dy: number };
const ARROWS: Record<string, Direction | undefined> = {
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
};

/** The closest node whose centre lies within 45° of the arrow's direction. */
function nearestInDirection(cy: Core, from: NodeSingular, { dx, dy }: Direction): NodeSingular | null {
  const origin = from.position();
  let best: NodeSingular | null = null;
  let bestScore = Infinity;
  cy.nodes().forEach((node) => {
    if (node.same(from)) return;
    const { x, y } = node.position();
    const along = (x - origin.x) * dx + (y - origin.y) * dy;
    const across = Math.abs((x - origin.x) * dy - (y - origin.y) * dx);
    if (along <= 0 || across > along * 1.5) return;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  });
  return best;
}

function isVisible(cy: Core, node: NodeSingular): boolean {
  const box = node.renderedBoundingBox();
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
}

function centre(cy: Core): { x: number; y: number } {
  return { x: cy.width() / 2, y: cy.height() / 2 };
}
