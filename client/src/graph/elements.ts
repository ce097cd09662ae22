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
  const edges: ElementDefinition[] = graph.edges.map((edge) => {
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
