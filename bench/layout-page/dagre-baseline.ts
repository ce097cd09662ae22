// The baseline: the dagre options the app's view used before the layered layout (same spacings, ranker,
// edge weights and tie-breaking order), fitting the view afterwards like `layeredLayout` does.
import type { SingularElementArgument } from 'cytoscape';
import type { DagreLayoutOptions } from 'cytoscape-dagre';

export const dagreOptions: DagreLayoutOptions = {
  name: 'dagre',
  rankDir: 'TB',
  ranker: 'network-simplex',
  nodeSep: 22,
  rankSep: 72,
  edgeSep: 14,
  edgeWeight: (edge) => (edge.data('type') === 'OWNS' ? 2 : 1),
  sort: (a, b) => layoutKey(a).localeCompare(layoutKey(b)),
  fit: true,
  padding: 48,
  animate: false,
  nodeDimensionsIncludeLabels: false,
};

function layoutKey(element: SingularElementArgument): string {
  if (element.isNode()) return `0|${String(element.data('rank') + 100).padStart(3, '0')}|${element.data('label')}`;
  return `1|${element.data('type') === 'OWNS' ? 0 : 1}|${element.id()}`;
}
