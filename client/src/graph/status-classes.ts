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
  // Only what differs is touched: every class or data write restyles the node (even writing the same
  // value), and restyling all nodes of a 7,000-element view on each paint (an expansion, a selection)
  // costs more than laying it out.
  cy.batch(() => {
    cy.nodes().not('.more').forEach((node) => {
      const known = statuses.get(node.id());
      const status = known?.status ?? null;
      const text = (known && badgeText(known)) ?? null;
      for (const other of EXPOSURE_STATUSES) if (other !== status && node.hasClass(other)) node.removeClass(other);
      if (status !== null && !node.hasClass(status)) node.addClass(status);
      if ((node.data('status') ?? null) !== status) {
        if (status === null) node.removeData('status');
        else node.data('status', status);
      }
      if ((node.data('badgeText') ?? null) !== text) {
        if (text === null) node.removeData('badgeText');
        else node.data('badgeText', text);
      }
    });
  });
}
