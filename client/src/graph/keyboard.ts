// Keyboard use of the canvas (one focusable element): arrows move between entities by position,
// + and − zoom, 0 fits, Enter on a "+N more" chip reveals it.
import type { Core, NodeSingular } from 'cytoscape';

type Direction = { dx: number; dy: number };
const ARROWS: Record<string, Direction | undefined> = {
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
};

export interface KeyboardActions {
  select(node: NodeSingular): void;
  activate(node: NodeSingular): void;
  zoomBy(factor: number): void;
  fit(): void;
}

export function bindKeyboard(container: HTMLElement, cy: Core, actions: KeyboardActions): void {
  container.addEventListener('keydown', (event) => {
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const current = cy.nodes(':selected').first();
      const from = current.nonempty() ? current : cy.nodes('.root').first();
      const next = current.nonempty() ? nearestInDirection(cy, from, direction) : from;
      if (next && next.nonempty()) {
        actions.select(next);
        if (!isVisible(cy, next)) cy.center(next);
      }
    } else if (event.key === 'Enter') {
      const current = cy.nodes(':selected').first();
      if (current.nonempty()) actions.activate(current);
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      actions.zoomBy(event.key === '-' ? 1 / 1.2 : 1.2);
    } else if (event.key === '0') {
      actions.fit();
    }
  });
}

/** The closest node whose centre lies within about 56° of the arrow's direction. */
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
