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
  const chosen = new Set<string>();
  for (const id of highlight?.nodes ?? []) if (cy.getElementById(id).nonempty()) chosen.add(id);
  for (const id of highlight?.edges ?? []) if (cy.getElementById(edgeElementId(id)).nonempty()) chosen.add(edgeElementId(id));
  const on = chosen.size > 0;
  // Only elements whose marking changes are touched: a class change restyles the element, and restyling
  // every element of a large view on each paint costs more than laying it out.
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const isChosen = chosen.has(element.id());
      if (element.hasClass('highlight') !== (on && isChosen)) element.toggleClass('highlight', on && isChosen);
      if (element.hasClass('faded') !== (on && !isChosen)) element.toggleClass('faded', on && !isChosen);
    });
  });
}

/** Entities that changed status between two dates: an outline, the rest faded. */
export function applyChanged(cy: Core, ids: readonly string[] | null): void {
  const marked = new Set(ids ?? []);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (node.hasClass('changed') !== marked.has(node.id())) node.toggleClass('changed', marked.has(node.id()));
    });
  });
}
