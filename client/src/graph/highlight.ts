// Highlight modes: a proof of exposure, found paths, or what changed. The chosen elements are marked and
// everything else fades, so the subgraph reads on its own while staying in context.
import type { Core } from 'cytoscape';
import { edgeElementId } from './elements.ts';

export interface Highlight {
  nodes: readonly string[];
  /** API edge ids (GraphEdge.id). */
  edges: readonly string[];
}

export function applyHighlight(cy: Core, highlight: Highlight | null): void {
  cy.batch(() => {
    cy.elements().removeClass('highlight faded');
    if (!highlight) return;
    const chosen = cy.collection();
    for (const id of highlight.nodes) chosen.merge(cy.getElementById(id));
    for (const id of highlight.edges) chosen.merge(cy.getElementById(edgeElementId(id)));
    if (chosen.empty()) return;
    chosen.addClass('highlight');
    cy.elements().not(chosen).addClass('faded');
  });
}

/** Entities that changed status between two dates: an outline, the rest faded. */
export function applyChanged(cy: Core, ids: readonly string[] | null): void {
  cy.batch(() => {
    cy.nodes().removeClass('changed');
    if (!ids) return;
    for (const id of ids) cy.getElementById(id).addClass('changed');
  });
}
