// The one place that lays the graph out, behind one function: owners above, subsidiaries below.
// Today Cytoscape's dagre extension; the fast layered engine (client/src/layout/) slots in here.
import cytoscape from 'cytoscape';
import type { Core, SingularElementArgument } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { DagreLayoutOptions } from 'cytoscape-dagre';

cytoscape.use(dagre);

/** px around the graph when fitting, room for badges and the root halo. */
export const FIT_PADDING = 48;

/** Layered top-down layout: owners above the root, subsidiaries below. */
const layoutOptions: DagreLayoutOptions = {
  name: 'dagre',
  rankDir: 'TB', // ranks flow top to bottom; edges point owner → owned, so owners sit above
  ranker: 'network-simplex', // balanced ranks; 'longest-path' pushes every leaf to the bottom row
  nodeSep: 22, // horizontal gap between neighbours in a rank (node width is 160)
  rankSep: 72, // vertical gap between ranks, room for an edge label chip
  edgeSep: 14, // gap between parallel edges crossing a rank
  // Ownership shapes the layout; a control edge alongside it should not pull nodes out of line.
  edgeWeight: (edge) => (edge.data('type') === 'OWNS' ? 2 : 1),
  // Dagre breaks ties by input order: give it ownership before control, so the same data always
  // gives the same picture whatever order the server sent it in.
  sort: (a, b) => layoutKey(a).localeCompare(layoutKey(b)),
  fit: false, // the graph view fits (with a zoom cap) after layout
  padding: FIT_PADDING,
  animate: false, // a re-rooted graph appears at once; animation hides which node is which
  nodeDimensionsIncludeLabels: false, // labels are inside nodes, so node size is enough
};

function layoutKey(element: SingularElementArgument): string {
  if (element.isNode()) return `0|${String(element.data('rank') + 100).padStart(3, '0')}|${element.data('label')}`;
  return `1|${element.data('type') === 'OWNS' ? 0 : 1}|${element.id()}`;
}

/** Positions every node of `cy`; resolves when the positions are final. */
export async function runLayout(cy: Core, { root }: { root: string }): Promise<void> {
  void root; // the layered engine takes the root as its rank origin; dagre finds ranks itself
  const layout = cy.layout(layoutOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
