// Puts the exposure status of each node (for the chosen list and date) on the canvas: a class for the
// border and fill, and the text of its worded badge (LISTED 2023-03-28, EXPOSED, POSSIBLY EXPOSED).
import type { Core } from 'cytoscape';
import type { ExposureStatus } from '../api-types.ts';
import { EXPOSURE_STATUSES } from '../api-types.ts';

export interface NodeStatus {
  status: ExposureStatus;
  /** For `listed`: the date the decision in force took effect, when known. */
  since?: string;
}

export function badgeText({ status, since }: NodeStatus): string | undefined {
  switch (status) {
    case 'listed':
      return since ? `LISTED ${since}` : 'LISTED';
    case 'exposed':
      return 'EXPOSED';
    case 'possibly_exposed':
      return 'POSSIBLY EXPOSED';
    default:
      return undefined; // clear: the dotted green border says it; a badge on every node would be noise
  }
}

/** Nodes missing from the map have no known status (no class, no badge). */
export function applyStatusClasses(cy: Core, statuses: ReadonlyMap<string, NodeStatus>): void {
  cy.batch(() => {
    cy.nodes().not('.more').forEach((node) => {
      for (const status of EXPOSURE_STATUSES) node.removeClass(status);
      const known = statuses.get(node.id());
      if (!known) {
        node.removeData('status badgeText');
        return;
      }
      node.addClass(known.status);
      node.data('status', known.status);
      const text = badgeText(known);
      if (text) node.data('badgeText', text);
      else node.removeData('badgeText');
    });
  });
}
