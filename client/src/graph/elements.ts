// Turns the merged graph into Cytoscape element definitions: data the stylesheet reads, and the classes
// (`root`, `listed`, later `exposed` / `possibly_exposed` / `clear`) it styles.
import type { ElementDefinition } from 'cytoscape';
import type { MergedGraph } from './merge.ts';
import { relationshipSentence, stakeLabel } from './stake-label.ts';

export function toElements(graph: MergedGraph): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind, country: node.country, listed: node.listed, rank: node.rank },
    classes: [node.id === graph.root ? 'root' : '', node.listed.length > 0 ? 'listed' : ''].filter(Boolean),
  }));
  const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
  // Ownership before control, then by id: Cytoscape bows parallel edges in element order, so a fixed
  // order keeps each edge on the same side whatever order the server sent them in.
  const ordered = [...graph.edges].sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type === 'OWNS' ? -1 : 1));
  const edges: ElementDefinition[] = ordered.map((edge) => {
    const label = stakeLabel(edge);
    const description = relationshipSentence(edge, names.get(edge.source) ?? edge.source, names.get(edge.target) ?? edge.target);
    return {
      group: 'edges',
      data: { id: `edge:${edge.id}`, source: edge.source, target: edge.target, type: edge.type, label, description },
      classes: [edge.type === 'CONTROLS' ? 'controls' : 'owns', label === '?' ? 'unknown-stake' : ''].filter(Boolean),
    };
  });
  return [...nodes, ...edges];
}
